import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { ErrorWithRetry } from '../../../components/ErrorWithRetry';
import { useFormat } from '../../../i18n/format';
import { ApiError } from '../../../lib/api';
import { useLiveSpace } from '../../../lib/live';
import { notesKey, useNotes } from '../api/getNotes';
import { useNoteSpace } from '../api/getSpace';
import { NewNoteForm } from '../components/NewNoteForm';
import { NotesNav } from '../components/NotesNav';
import { SignInGate } from '../components/SignInGate';
import { SpaceExports } from '../components/SpaceExports';
import { WordsAgainstTarget } from '../components/WordsAgainstTarget';
import { usePageTitle } from '../hooks/usePageTitle';
import '../locales';
import '../notes.css';

/** `/spaces/:slug/notes`: the space's background notes, a new one, and the contribution exports. */
export function NotesList() {
  const { slug = '' } = useParams();
  const { t } = useTranslation('notes');
  return (
    <SignInGate title={t('list.titleShort')}>
      <NotesListPage slug={slug} />
    </SignInGate>
  );
}

function NotesListPage({ slug }: { slug: string }) {
  const { t } = useTranslation('notes');
  const f = useFormat();
  const qc = useQueryClient();
  const space = useNoteSpace(slug);
  const notes = useNotes(slug);
  const code = space.data?.code ?? slug;
  const title = t('list.title', { code });
  usePageTitle(title);

  useLiveSpace(slug, {
    onEvent: (e) => {
      if (e.kind === 'note.saved') void qc.invalidateQueries({ queryKey: notesKey(slug) });
    },
  });

  const forbidden = notes.error instanceof ApiError && notes.error.status === 403;

  return (
    <div className="notes-page">
      <header className="notes-header">
        <h1>{title}</h1>
        {space.data && <p className="notes-subtitle">{space.data.title}</p>}
        <NotesNav slug={slug} />
      </header>
      {space.isError && !forbidden && <ErrorMessage error={space.error} />}

      {forbidden ? (
        <p className="notice">{t('list.forbidden')}</p>
      ) : (
        <>
          <section aria-labelledby="notes-title" className="notes-section">
            <h2 id="notes-title">{t('list.notes')}</h2>
            {notes.isPending && <p role="status">{t('common:loading')}</p>}
            {notes.isError && <ErrorWithRetry error={notes.error} onRetry={() => void notes.refetch()} />}
            {notes.data && notes.data.notes.length === 0 && <p className="muted">{t('list.empty')}</p>}
            {notes.data && notes.data.notes.length > 0 && (
              <div className="table-wrap">
                <table className="notes-table">
                  <caption className="visually-hidden">{t('list.caption', { code })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('list.col.title')}</th>
                      <th scope="col">{t('list.col.words')}</th>
                      <th scope="col">{t('list.col.version')}</th>
                      <th scope="col">{t('list.col.saved')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {notes.data.notes.map((n) => (
                      <tr key={n.id}>
                        <th scope="row">
                          <Link to={`/notes/${n.id}`}>{n.title}</Link>
                        </th>
                        <td>
                          <WordsAgainstTarget words={n.words} target={n.targetWords} />
                        </td>
                        <td>{f.number(n.version)}</td>
                        <td>
                          {n.updatedBy
                            ? t('list.savedBy', { name: n.updatedBy.displayName, when: f.dateTime(n.updatedAt) })
                            : f.dateTime(n.updatedAt)}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>

          {notes.data?.abilities.create && <NewNoteForm slug={slug} code={code} />}
          {notes.data && !notes.data.abilities.create && <p className="muted">{t('list.readOnly')}</p>}

          {space.data?.abilities.export && <SpaceExports slug={slug} />}
        </>
      )}
    </div>
  );
}
