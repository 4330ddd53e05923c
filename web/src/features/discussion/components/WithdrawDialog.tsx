import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { withdrawComment } from '../api/withdrawComment';
import { type DialogRequest, listOf, useDiscussion } from '../context';
import { useCommentCache } from '../hooks/useCommentCache';
import { focusWhenReady } from '../lib/focus';

/** Withdrawing one's own comment (native <dialog>, modal), opened from CommentDialogs. */
export default function WithdrawDialog({ request }: { request: DialogRequest }) {
  const { t } = useTranslation('discussion');
  const d = useDiscussion();
  const cache = useCommentCache(d.slug);
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const restoreFocus = useRef<(() => void) | null>(() => request.opener?.focus());
  const { comment } = request;

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    // The safe choice gets focus first: Cancel before Withdraw.
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

  return (
    <dialog ref={ref} className="dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
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
    </dialog>
  );
}
