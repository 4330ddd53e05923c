import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useDiscussion } from '../context';
import { useCommentCache } from '../hooks/useCommentCache';
import { emptyPending } from '../lib/store';
import { focusWhenReady } from '../lib/focus';

/**
 * "3 new comments — show": new comments wait until the reader asks for them, so nothing moves
 * under their eyes. The count is also said, politely, to screen-reader users.
 */
export function NewCommentsBar() {
  const { t } = useTranslation('discussion');
  const d = useDiscussion();
  const cache = useCommentCache(d.slug);
  const pending = useSyncExternalStore(d.pending.subscribe, d.pending.get, d.pending.get);
  const count = pending.ids.size;

  const show = async () => {
    const lists = [...pending.lists];
    d.pending.set(emptyPending);
    await Promise.all([
      ...lists.map(([list]) => cache.refetchList(list)),
      cache.refetchList('search'),
      cache.refetchSpace(),
    ]);
    const first = lists[0]?.[1];
    if (first) focusWhenReady(`comment-${first}`, undefined, 10);
  };

  return (
    <div className="new-comments-bar">
      <p className="visually-hidden" aria-live="polite">
        {count > 0 ? t('live.newComments', { count }) : ''}
      </p>
      {count > 0 && (
        <button type="button" className="button new-comments-button" onClick={() => void show()}>
          {t('live.show', { count })}
        </button>
      )}
    </div>
  );
}

/** The page's polite announcements: a moderator's decision, a sent or withdrawn comment. */
export function Announcer() {
  const d = useDiscussion();
  const text = useSyncExternalStore(d.announcements.subscribe, d.announcements.get, d.announcements.get);
  return (
    <p className="visually-hidden" aria-live="polite" role="status">
      {text}
    </p>
  );
}
