import { useTranslation } from 'react-i18next';
import type { Notice, Scheduled } from '../hooks/useDecisions';
import { UNDO_WINDOW_MS } from '../hooks/useDecisions';

/**
 * Decisions held for their undo window (each with an Undo button) and what went wrong with
 * sent ones (kept until dismissed). Announcements go through the page's live region, so this
 * list is not itself live: it never steals focus nor talks over the moderator.
 */
export function DecisionToasts({
  scheduled,
  notices,
  onUndo,
  onDismiss,
}: {
  scheduled: Scheduled[];
  notices: Notice[];
  onUndo: (key: number) => void;
  onDismiss: (key: number) => void;
}) {
  const { t } = useTranslation('moderation');
  if (scheduled.length === 0 && notices.length === 0) return null;
  return (
    <section className="toasts" aria-label={t('toasts.label')}>
      <ul>
        {[...scheduled].reverse().map((d) => (
          <li key={d.key} className="toast">
            <span>
              {d.items.length === 1
                ? t(`scheduled.one.${d.verb}`, { author: d.items[0]?.comment.author.displayName })
                : t(`scheduled.many.${d.action}`, { count: d.items.length })}{' '}
              {d.sending ? (
                <span className="muted">{t('toasts.sending')}</span>
              ) : (
                <span className="toast-timer" style={{ animationDuration: `${UNDO_WINDOW_MS}ms` }} aria-hidden="true" />
              )}
            </span>
            {!d.sending && (
              <button type="button" className="button secondary small" onClick={() => onUndo(d.key)}>
                {t('toasts.undo')}
              </button>
            )}
          </li>
        ))}
        {notices.map((n) => (
          <li key={n.key} className={`toast toast-${n.tone}`}>
            <span>{n.text}</span>
            <button type="button" className="button secondary small" onClick={() => onDismiss(n.key)}>
              {t('toasts.dismiss')}
              <span className="visually-hidden">: {n.text}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
