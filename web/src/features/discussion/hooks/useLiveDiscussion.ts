import { useTranslation } from 'react-i18next';
import { useLiveSpace } from '../../../lib/live';
import { listOf } from '../context';
import { commentOf } from '../lib/commentOf';
import { mergePublic } from '../lib/commentCache';
import { type PendingNew, type Store, addPending, dropPending, emptyPending } from '../lib/store';
import { useCommentCache } from './useCommentCache';

const str = (v: unknown) => (typeof v === 'string' ? v : null);

/**
 * Keeps the page current without moving text under the reader's eyes: others' new comments
 * are counted (the reader chooses when to show them); edits, withdrawals and the reader's own
 * moderation outcomes are applied in place, to the one comment concerned.
 */
export function useLiveDiscussion(
  slug: string,
  meId: string | null,
  pending: Store<PendingNew>,
  announce: (text: string) => void,
) {
  const { t } = useTranslation('discussion');
  const cache = useCommentCache(slug);

  useLiveSpace(slug, {
    onEvent(e) {
      switch (e.kind) {
        case 'comment.published': {
          const c = commentOf(e.data.comment);
          if (!c) return;
          if (cache.find(c.id)) {
            cache.update(c.id, (mine) => mergePublic(mine, c));
            if (meId && c.author.id === meId) void cache.refetchHolding(c.id);
            return;
          }
          if (meId && c.author.id === meId) return;
          pending.set((p) => addPending(p, c.id, listOf(c)));
          return;
        }
        case 'comment.updated': {
          const c = commentOf(e.data.comment);
          if (!c) return;
          // The public copy lacks the author's own fields (source text, pending edit): refetch those.
          if (meId && c.author.id === meId) void cache.refetchHolding(c.id);
          else cache.update(c.id, (mine) => mergePublic(mine, c));
          return;
        }
        case 'comment.withdrawn': {
          const id = str(e.data.commentId);
          if (!id) return;
          cache.remove(id);
          pending.set((p) => dropPending(p, id));
          return;
        }
        case 'comment.status': {
          const id = str(e.data.commentId);
          const status = str(e.data.status);
          if (!id || !status) return;
          const reason = str(e.data.reason);
          const revision = e.data.revision === true;
          if (!revision && (status === 'approved' || status === 'rejected' || status === 'pending')) {
            cache.update(id, (c) => ({ ...c, status, reason }));
          }
          const key = `${revision ? 'statusRevision' : 'statusComment'}.${status}`;
          announce(reason ? `${t(key)} ${t('statusReason', { reason })}` : t(key));
          void cache.refetchHolding(id);
          return;
        }
        case 'question.changed':
        case 'space.changed':
          void cache.refetchSpace();
          return;
        default:
          return;
      }
    },
    onReset() {
      pending.set(emptyPending);
      void cache.refetchSpace();
      void cache.refetchAll();
    },
  });
}
