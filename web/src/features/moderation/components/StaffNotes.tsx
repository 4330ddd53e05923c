import { STAFF_NOTE_MAX, type QueueItem, type StaffNoteDto } from '@convene/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, fieldError } from '../../../components/ErrorMessage';
import { useFormat } from '../../../i18n/format';
import { addAuthorNote, addCommentNote } from '../api/staffNotes';
import { queueKeyRoot } from '../api/queue';

/**
 * The staff's private notes on a queue item: on the comment, and on its author in this space.
 * Plain text (rendered as text, never as HTML), with who wrote each and when. Never shown to
 * participants; the server sends them to the space's staff only.
 */
export function StaffNotes({ item, describedBy }: { item: QueueItem; describedBy: string }) {
  const { t } = useTranslation('moderation');
  const c = item.comment;
  return (
    <section className="staff-notes" aria-label={t('staffNotes.label')}>
      <NoteList
        title={t('staffNotes.onComment')}
        notes={item.staffNotes}
        describedBy={describedBy}
        addLabel={t('staffNotes.addOnComment')}
        send={(body) => addCommentNote(c.id, body)}
      />
      <NoteList
        title={t('staffNotes.onAuthor', { name: c.author.displayName })}
        notes={item.authorNotes}
        describedBy={describedBy}
        addLabel={t('staffNotes.addOnAuthor', { name: c.author.displayName })}
        send={(body) => addAuthorNote(item.space.slug, c.author.id, body)}
      />
    </section>
  );
}

function NoteList({
  title,
  notes,
  addLabel,
  describedBy,
  send,
}: {
  title: string;
  notes: StaffNoteDto[];
  addLabel: string;
  describedBy: string;
  send: (body: string) => Promise<unknown>;
}) {
  const { t } = useTranslation('moderation');
  const fmt = useFormat();
  const qc = useQueryClient();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const [saved, setSaved] = useState('');

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (body.trim().length === 0) {
      setLocalError(t('staffNotes.empty'));
      document.getElementById(`${id}-body`)?.focus();
      return;
    }
    setLocalError(null);
    setBusy(true);
    setError(null);
    try {
      await send(body);
      setBody('');
      setOpen(false);
      setSaved(t('staffNotes.saved'));
      await qc.invalidateQueries({ queryKey: queueKeyRoot });
      requestAnimationFrame(() => document.getElementById(`${id}-add`)?.focus());
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const bodyError = localError ?? fieldError(error, 'body');

  return (
    <div className="staff-note-group">
      <h3 className="context-label" id={`${id}-title`}>
        {title} <span className="badge staff-only">{t('staffNotes.staffOnly')}</span>
      </h3>
      {notes.length > 0 ? (
        <ul className="staff-note-list" aria-labelledby={`${id}-title`}>
          {notes.map((n) => (
            <li key={n.id}>
              <p className="staff-note-body">{n.body}</p>
              <p className="muted staff-note-meta">
                — {n.writer?.displayName ?? t('log.formerUser')},{' '}
                <time dateTime={n.createdAt}>{fmt.dateTime(n.createdAt)}</time>
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('staffNotes.none')}</p>
      )}
      <p className="visually-hidden" role="status">
        {saved}
      </p>
      {open ? (
        <form className="staff-note-form" onSubmit={(e) => void submit(e)} noValidate>
          <div className="field field-wide">
            <label htmlFor={`${id}-body`}>{addLabel}</label>
            <textarea
              id={`${id}-body`}
              value={body}
              rows={2}
              maxLength={STAFF_NOTE_MAX}
              autoFocus
              aria-invalid={bodyError ? true : undefined}
              aria-describedby={bodyError ? `${id}-error` : `${id}-hint`}
              onChange={(e) => setBody(e.target.value)}
            />
            <p className="muted field-hint" id={`${id}-hint`}>
              {t('staffNotes.hint')}
            </p>
            {bodyError && (
              <p className="field-error" id={`${id}-error`}>
                {bodyError}
              </p>
            )}
          </div>
          {!bodyError && <ErrorMessage error={error} />}
          <div className="queue-actions">
            <button type="submit" className="button secondary" disabled={busy}>
              {busy ? t('staffNotes.saving') : t('staffNotes.save')}
            </button>
            <button
              type="button"
              className="button secondary"
              onClick={() => {
                setOpen(false);
                requestAnimationFrame(() => document.getElementById(`${id}-add`)?.focus());
              }}
            >
              {t('common:actions.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <button
          type="button"
          id={`${id}-add`}
          className="link-button"
          aria-describedby={describedBy}
          onClick={() => {
            setSaved('');
            setOpen(true);
          }}
        >
          {addLabel}
        </button>
      )}
    </div>
  );
}
