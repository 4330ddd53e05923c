import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../components/ErrorMessage';
import { intlLocale } from '../../../i18n/format';
import type { KeptText } from '../lib/draft';
import type { Conflict, RemoteSave, SaveStatus } from '../hooks/useNoteEditor';

/** "14:02" today, "21 Nov, 14:02" another day: when a save happened, in the interface language. */
export function useClock() {
  const { i18n } = useTranslation();
  return (iso: string) => {
    const d = new Date(iso);
    const today = new Date().toDateString() === d.toDateString();
    return new Intl.DateTimeFormat(
      intlLocale(i18n.language),
      today ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' },
    ).format(d);
  };
}

/** "Saving… / Saved at 14:02 / Not saved…", in a polite live region. */
export function SaveStatusLine({ status }: { status: SaveStatus }) {
  const { t } = useTranslation('notes');
  const clock = useClock();
  const errorText = useErrorText();
  let text: string;
  let tone = '';
  switch (status.kind) {
    case 'saved':
      text = t('status.saved', { time: clock(status.at) });
      tone = 'ok';
      break;
    case 'pending':
    case 'saving':
      text = t('status.saving');
      break;
    case 'retrying':
      text = t('status.retrying', { seconds: Math.round(status.delay / 1000) });
      tone = 'warn';
      break;
    case 'invalid':
      text = t('status.invalid');
      tone = 'danger';
      break;
    case 'conflict':
      text = t('status.conflict');
      tone = 'danger';
      break;
    case 'failed':
      text = t('status.failed', { reason: errorText(status.error) });
      tone = 'danger';
  }
  return (
    <p className={`save-status ${tone}`} role="status" aria-live="polite" aria-atomic="true" data-testid="save-status">
      <span aria-hidden="true" className="save-status-icon">
        {tone === 'ok' ? '✓' : tone === 'danger' ? '✕' : tone === 'warn' ? '!' : '…'}
      </span>{' '}
      {text}
    </p>
  );
}

/** Someone saved in between: nothing was overwritten; offer their version, keeping ours to copy. */
export function ConflictPanel({
  conflict,
  baseVersion,
  onLoadTheirs,
}: {
  conflict: Conflict;
  baseVersion: number;
  onLoadTheirs: () => Promise<void>;
}) {
  const { t } = useTranslation('notes');
  const clock = useClock();
  const name = conflict.updatedBy?.displayName ?? t('conflict.someone');
  return (
    <section className="conflict-panel" role="alert" aria-labelledby="conflict-title">
      <h2 id="conflict-title">{t('conflict.title', { name })}</h2>
      <p>
        {t('conflict.body', {
          name,
          time: clock(conflict.updatedAt),
          version: conflict.note.version,
          base: baseVersion,
        })}
      </p>
      <ActionButton label={t('conflict.load')} action={onLoadTheirs} />
    </section>
  );
}

/** A live notice that another chair saved a newer version of the note. */
export function RemoteNotice({
  remote,
  hasUnsaved,
  onReload,
}: {
  remote: RemoteSave | null;
  hasUnsaved: boolean;
  onReload: () => Promise<void>;
}) {
  const { t } = useTranslation('notes');
  const clock = useClock();
  return (
    <div role="status" className="remote-region">
      {remote && (
        <div className="notice remote-notice">
          <p>
            {t('remote.saved', { name: remote.updatedBy, time: clock(remote.updatedAt), version: remote.version })}
            {hasUnsaved && ` ${t('remote.unsaved')}`}
          </p>
          <ActionButton label={t('remote.reload')} action={onReload} />
        </div>
      )}
    </div>
  );
}

/** The chair's own text after loading another version: read-only, to copy from. */
export function KeptTextPanel({ kept, onDismiss }: { kept: KeptText; onDismiss: () => void }) {
  const { t } = useTranslation('notes');
  const clock = useClock();
  const [copied, setCopied] = useState<string | null>(null);
  const copy = (key: string, text: string) => {
    void navigator.clipboard?.writeText(text).then(
      () => setCopied(key),
      () => setCopied(null),
    );
  };
  const all = kept.draft.sections.map((s) => `## ${s.title}\n\n${s.bodyMd}`).join('\n\n');
  return (
    <section className="kept-panel panel" aria-labelledby="kept-title" data-testid="kept-text">
      <h2 id="kept-title">{t('kept.title')}</h2>
      <p>{t(`kept.reason.${kept.reason}`, { time: clock(kept.at) })}</p>
      <div className="kept-actions">
        <button type="button" className="button secondary small" onClick={() => copy('all', all)}>
          {t('kept.copyAll')}
        </button>
        <button type="button" className="button secondary small" onClick={onDismiss}>
          {t('kept.dismiss')}
        </button>
        <span role="status" className="muted">
          {copied ? t('kept.copied') : ''}
        </span>
      </div>
      <div className="field wide">
        <label htmlFor="kept-note-title">{t('fields.noteTitle')}</label>
        <input id="kept-note-title" readOnly value={kept.draft.title} />
      </div>
      {kept.draft.sections.map((s, i) => (
        <div className="field wide" key={s.key}>
          <label htmlFor={`kept-${s.key}`}>{t('kept.section', { n: i + 1, title: s.title })}</label>
          <textarea
            id={`kept-${s.key}`}
            readOnly
            value={s.bodyMd}
            rows={Math.min(12, 3 + s.bodyMd.split('\n').length)}
          />
          <button
            type="button"
            className="button secondary small"
            onClick={() => copy(s.key, s.bodyMd)}
            aria-label={t('kept.copyLabel', { n: i + 1 })}
          >
            {t('kept.copy')}
          </button>
        </div>
      ))}
    </section>
  );
}

/** A button for an action that may fail: disabled while it runs, its error shown beside it. */
function ActionButton({ label, action }: { label: string; action: () => Promise<void> }) {
  const { t } = useTranslation('notes');
  const errorText = useErrorText();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return (
    <>
      <button
        type="button"
        className="button"
        disabled={pending}
        onClick={() => {
          setPending(true);
          setError(null);
          action()
            .catch((err: unknown) => setError(err))
            .finally(() => setPending(false));
        }}
      >
        {pending ? t('working') : label}
      </button>
      {error !== null && <p className="error-message">{errorText(error)}</p>}
    </>
  );
}
