import { type CommentDto, REPORT_CATEGORIES, REPORT_NOTE_MAX, type ReportCategory } from '@convene/shared';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, fieldError } from '../../../components/ErrorMessage';
import { ApiError } from '../../../lib/api';
import { reportComment } from '../../moderation/api/report';
import './report-dialog.css';

/**
 * Reporting someone else's comment: what is wrong (a category, as on other platforms) and a note
 * for the moderators, required for "Something else". A native modal <dialog>; on success (or when
 * it turns out the person had already reported it) `onReported` marks the comment as reported.
 */
export function ReportDialog({
  comment,
  onReported,
  onClose,
}: {
  comment: CommentDto;
  onReported: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('discussion');
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [category, setCategory] = useState<ReportCategory | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [local, setLocal] = useState<{ category?: string; note?: string }>({});
  const firstRadio = useRef<HTMLInputElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const noteRequired = category === 'other';

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    firstRadio.current?.focus();
  }, []);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const trimmed = note.trim();
    const problems: { category?: string; note?: string } = {};
    if (!category) problems.category = t('report.chooseCategory');
    if (category === 'other' && trimmed.length < 3) problems.note = t('report.tooShort');
    setLocal(problems);
    if (!category || problems.note) {
      document.getElementById(problems.category ? `${id}-cat-spam` : `${id}-note`)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await reportComment(comment.id, { category, ...(trimmed ? { note: trimmed } : {}) });
      onReported();
      ref.current?.close();
    } catch (err) {
      setError(err);
      if (err instanceof ApiError && err.code === 'already_reported') {
        onReported();
        requestAnimationFrame(() => closeRef.current?.focus());
      }
    } finally {
      setBusy(false);
    }
  };

  const already = error instanceof ApiError && error.code === 'already_reported';
  const categoryError = local.category ?? fieldError(error, 'category');
  const noteError = local.note ?? fieldError(error, 'note');

  return (
    <dialog ref={ref} className="dialog report-dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <form className="dialog-body" onSubmit={(e) => void submit(e)} noValidate>
        <h2 id={`${id}-title`}>{t('report.title', { name: comment.author.displayName })}</h2>
        <p>{t('report.intro')}</p>
        <fieldset
          className="report-categories"
          aria-describedby={categoryError ? `${id}-cat-error` : undefined}
          aria-invalid={categoryError ? true : undefined}
        >
          <legend>{t('report.category')}</legend>
          {REPORT_CATEGORIES.map((c, i) => (
            <div key={c} className="report-category">
              <input
                ref={i === 0 ? firstRadio : undefined}
                type="radio"
                id={`${id}-cat-${c}`}
                name={`${id}-category`}
                value={c}
                checked={category === c}
                onChange={() => {
                  setCategory(c);
                  // A choice answers "choose one"; the note's complaint stands only for "other".
                  setLocal({});
                }}
                aria-describedby={`${id}-cat-${c}-hint`}
              />
              <label htmlFor={`${id}-cat-${c}`}>
                {t(`report.categories.${c}`)}
                <span className="report-category-hint muted" id={`${id}-cat-${c}-hint`}>
                  {t(`report.hints.${c}`)}
                </span>
              </label>
            </div>
          ))}
          {categoryError && (
            <p className="field-error" id={`${id}-cat-error`}>
              {categoryError}
            </p>
          )}
        </fieldset>
        <div className="field field-wide">
          <label htmlFor={`${id}-note`}>
            {t('report.note')}{' '}
            <span className="muted">{noteRequired ? t('report.noteRequired') : t('report.noteOptional')}</span>
          </label>
          <textarea
            id={`${id}-note`}
            value={note}
            maxLength={REPORT_NOTE_MAX}
            rows={3}
            required={noteRequired}
            aria-required={noteRequired}
            onChange={(e) => {
              setNote(e.target.value);
              if (local.note && e.target.value.trim().length >= 3) setLocal((l) => ({ ...l, note: undefined }));
            }}
            aria-invalid={noteError ? true : undefined}
            aria-describedby={noteError ? `${id}-note-error` : undefined}
          />
          {noteError && (
            <p className="field-error" id={`${id}-note-error`}>
              {noteError}
            </p>
          )}
        </div>
        {already ? (
          <p className="notice" role="alert">
            {t('report.already')}
          </p>
        ) : (
          <ErrorMessage error={error} />
        )}
        <div className="dialog-actions">
          {!already && (
            <button type="submit" className="button" disabled={busy}>
              {busy ? t('report.busy') : t('report.send')}
            </button>
          )}
          <button type="button" ref={closeRef} className="button secondary" onClick={() => ref.current?.close()}>
            {already ? t('common:actions.close') : t('common:actions.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
