import { useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, fieldError } from '../../../components/ErrorMessage';
import { ApiError } from '../../../lib/api';
import { reportComment } from '../api/reportComment';
import { withdrawComment } from '../api/withdrawComment';
import { type DialogRequest, listOf, useDiscussion } from '../context';
import { useCommentCache } from '../hooks/useCommentCache';
import { focusWhenReady } from '../lib/focus';

/**
 * The page's one pair of dialogs (native <dialog>, modal): withdrawing one's own comment and
 * reporting someone else's. One instance for the whole page, not one per comment.
 */
export function CommentDialogs() {
  const d = useDiscussion();
  const request = useSyncExternalStore(d.dialog.subscribe, d.dialog.get, d.dialog.get);
  if (!request) return null;
  return <ActionDialog key={`${request.kind}-${request.comment.id}`} request={request} />;
}

function ActionDialog({ request }: { request: DialogRequest }) {
  const { t } = useTranslation('discussion');
  const d = useDiscussion();
  const cache = useCommentCache(d.slug);
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const restoreFocus = useRef<(() => void) | null>(() => request.opener?.focus());
  const { comment, kind } = request;

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    // The safe choice gets focus first (Cancel before Withdraw; the reason field in a report).
    dialog?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  }, []);

  const onClose = () => {
    d.dialog.set(null);
    const restore = restoreFocus.current;
    if (restore) requestAnimationFrame(restore);
  };

  const withdraw = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await withdrawComment(comment.id);
      cache.remove(comment.id);
      d.announce(t('withdraw.done'));
      restoreFocus.current = () => focusWhenReady(`q-${listOf(comment)}`, undefined, 5);
      ref.current?.close();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const report = async (e: React.FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (reason.trim().length < 3) {
      setLocalError(t('report.tooShort'));
      return;
    }
    setLocalError(null);
    setBusy(true);
    setError(null);
    try {
      await reportComment(comment.id, reason.trim());
      d.announce(t('report.done'));
      ref.current?.close();
    } catch (err) {
      setError(err);
      // The send button goes away when there is nothing left to send: focus stays in the dialog.
      if (err instanceof ApiError && err.code === 'already_reported')
        requestAnimationFrame(() => closeRef.current?.focus());
    } finally {
      setBusy(false);
    }
  };

  const already = error instanceof ApiError && error.code === 'already_reported';
  const reasonError = localError ?? fieldError(error, 'reason');

  return (
    <dialog ref={ref} className="dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      {kind === 'withdraw' ? (
        <div className="dialog-body">
          <h2 id={`${id}-title`}>{t('withdraw.title')}</h2>
          <p>{comment.status === 'approved' ? t('withdraw.textPublished') : t('withdraw.textUnpublished')}</p>
          <ErrorMessage error={error} />
          <div className="dialog-actions">
            <button type="button" className="button danger" onClick={() => void withdraw()} disabled={busy}>
              {busy ? t('withdraw.busy') : t('withdraw.confirm')}
            </button>
            <button type="button" className="button secondary" onClick={() => ref.current?.close()} data-autofocus>
              {t('common:actions.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <form className="dialog-body" onSubmit={(e) => void report(e)} noValidate>
          <h2 id={`${id}-title`}>{t('report.title', { name: comment.author.displayName })}</h2>
          <p>{t('report.text')}</p>
          <div className="field field-wide">
            <label htmlFor={`${id}-reason`}>{t('report.reason')}</label>
            <textarea
              id={`${id}-reason`}
              value={reason}
              maxLength={1000}
              rows={4}
              required
              data-autofocus
              onChange={(e) => setReason(e.target.value)}
              aria-invalid={reasonError ? true : undefined}
              aria-describedby={reasonError ? `${id}-reason-error` : undefined}
            />
            {reasonError && (
              <p className="field-error" id={`${id}-reason-error`}>
                {reasonError}
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
      )}
    </dialog>
  );
}
