import { LOCALES, type Locale } from '@convene/shared';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { useFormat } from '../../../i18n/format';
import { currentLocale } from '../../../i18n';
import { getNote, noteQuery } from '../../notes/api/getNote';
import { useOutcome, useOutcomeMutation } from '../api/outcome';
import '../locales';
import '../outcome.css';

interface Props {
  noteId: string;
  /** Saves what is on the screen first, so the version published is the text the chair sees. */
  flush: () => Promise<unknown>;
}

/**
 * "Publish as outcome" in the note workspace (chairs and administrators): whether this note is
 * the space's published outcome, and the confirmed publish / unpublish. Publishing saves the
 * draft, then freezes the version saved: later edits change nothing public until published again.
 */
export function PublishOutcome({ noteId, flush }: Props) {
  const { t } = useTranslation('outcome');
  const fmt = useFormat();
  const note = useQuery(noteQuery(noteId)).data?.note;
  const slug = note?.space.slug;
  const outcome = useOutcome(slug);
  const mutation = useOutcomeMutation(noteId, slug ?? '');
  const [dialog, setDialog] = useState<'publish' | 'unpublish' | null>(null);
  const [language, setLanguage] = useState<Locale>(currentLocale());
  const [done, setDone] = useState('');

  if (!slug || !outcome.data?.abilities.publish) return null;
  const current = outcome.data.outcome;
  const isThis = current?.noteId === noteId;

  const open = (which: 'publish' | 'unpublish') => {
    mutation.reset();
    if (which === 'publish' && isThis && current) setLanguage(current.language);
    setDialog(which);
  };
  const confirm = () => {
    setDone('');
    const run = async () => {
      if (dialog === 'publish') {
        await flush();
        const { note: saved } = await getNote(noteId);
        await mutation.mutateAsync({ version: saved.version, language });
        setDone(t('publish.done'));
      } else {
        await mutation.mutateAsync(null);
        setDone(t('publish.unpublished'));
      }
      setDialog(null);
    };
    void run().catch(() => {});
  };

  return (
    <div className="note-outcome">
      <p>
        {isThis && current
          ? t('publish.this', { version: current.version, date: fmt.date(current.publishedAt) })
          : current
            ? t('publish.other', { title: current.title })
            : t('publish.none')}{' '}
        {current && <Link to={`/spaces/${encodeURIComponent(slug)}#outcome`}>{t('publish.view')}</Link>}
      </p>
      <p className="note-outcome-actions">
        <button type="button" className="button" onClick={() => open('publish')}>
          {isThis ? t('publish.again') : t('publish.button')}
        </button>
        {isThis && (
          <button type="button" className="button secondary" onClick={() => open('unpublish')}>
            {t('publish.unpublish')}
          </button>
        )}
      </p>
      <p className="visually-hidden" role="status">
        {done}
      </p>
      <ConfirmDialog
        isOpen={dialog !== null}
        onOpenChange={(o) => !o && setDialog(null)}
        title={t(dialog === 'unpublish' ? 'publish.unpublishTitle' : 'publish.confirmTitle')}
        confirmLabel={t(dialog === 'unpublish' ? 'publish.unpublishConfirm' : 'publish.confirm')}
        danger={dialog === 'unpublish'}
        pending={mutation.isPending}
        error={mutation.error}
        onConfirm={confirm}
      >
        {dialog === 'unpublish' ? (
          <p>{t('publish.unpublishBody')}</p>
        ) : (
          <>
            <p>{t('publish.confirmBody')}</p>
            {current && !isThis && <p>{t('publish.replaces', { title: current.title })}</p>}
            <div className="field">
              <label htmlFor="outcome-language">{t('publish.language')}</label>
              <select id="outcome-language" value={language} onChange={(e) => setLanguage(e.target.value as Locale)}>
                {LOCALES.map((l) => (
                  <option key={l} value={l}>
                    {t(`common:contentLanguage.${l}`)}
                  </option>
                ))}
              </select>
            </div>
          </>
        )}
      </ConfirmDialog>
    </div>
  );
}
