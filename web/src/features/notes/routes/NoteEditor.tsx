import { I18nProvider } from 'react-aria-components/I18nProvider';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { ApiError } from '../../../lib/api';
import { useNote } from '../api/getNote';
import { NoteWorkspace } from '../components/NoteWorkspace';
import { SignInGate } from '../components/SignInGate';
import { usePageTitle } from '../hooks/usePageTitle';
import '../locales';
import '../notes.css';

/** `/notes/:id`: the background-note workspace. */
export function NoteEditor() {
  const { id = '' } = useParams();
  const { t } = useTranslation('notes');
  return (
    <SignInGate title={t('editor.titleShort')}>
      <NoteLoader id={id} />
    </SignInGate>
  );
}

/** Loads the note; says so while loading, when it is missing or not the viewer's to see. */
function NoteLoader({ id }: { id: string }) {
  const { t, i18n } = useTranslation('notes');
  const note = useNote(id);
  usePageTitle(note.data?.note.title ?? t('editor.titleShort'));
  if (note.isPending) {
    return (
      <>
        <h1>{t('editor.titleShort')}</h1>
        <p role="status">{t('common:loading')}</p>
      </>
    );
  }
  if (note.isError) {
    const e = note.error;
    return (
      <>
        <h1>{t('editor.titleShort')}</h1>
        {e instanceof ApiError && e.status === 404 ? (
          <p className="notice">{t('editor.notFound')}</p>
        ) : e instanceof ApiError && e.status === 403 ? (
          <p className="notice">{t('editor.forbidden')}</p>
        ) : (
          <>
            <ErrorMessage error={e} />
            <button type="button" className="button secondary" onClick={() => void note.refetch()}>
              {t('common:errors.retry')}
            </button>
          </>
        )}
      </>
    );
  }
  return (
    <I18nProvider locale={i18n.language}>
      <NoteWorkspace key={note.data.note.id} note={note.data.note} />
    </I18nProvider>
  );
}
