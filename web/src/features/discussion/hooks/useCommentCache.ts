import type { CommentDto } from '@convene/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { applyChange } from '../../../lib/cacheChange';
import { commentsKey, viewOfKey } from '../api/getComments';
import { listOf } from '../context';
import {
  type CommentPages,
  appendComment,
  findComment,
  prependComment,
  removeComment,
  updateComment,
} from '../lib/commentCache';

/** Changes to the cached comment lists of one space, in place, without refetching. */
export function useCommentCache(slug: string) {
  const qc = useQueryClient();
  return useMemo(() => {
    const all = { queryKey: commentsKey(slug) };
    return {
      find(id: string): CommentDto | undefined {
        for (const [, data] of qc.getQueriesData<CommentPages>(all)) {
          const found = findComment(data, id);
          if (found) return found;
        }
        return undefined;
      },
      update(id: string, fn: (c: CommentDto) => CommentDto) {
        applyChange<CommentPages>(qc, all, (d) => d && updateComment(d, id, fn));
      },
      remove(id: string) {
        applyChange<CommentPages>(qc, all, (d) => d && removeComment(d, id));
      },
      /** The viewer's new comment, at the end of its question's lists (at the start if newest first). */
      add(comment: CommentDto) {
        for (const q of qc.getQueryCache().findAll({ queryKey: commentsKey(slug, listOf(comment)) })) {
          const newest = viewOfKey(q.queryKey).order === 'newest';
          applyChange<CommentPages>(qc, { queryKey: q.queryKey, exact: true }, (d) =>
            d ? (newest ? prependComment(d, comment) : appendComment(d, comment)) : d,
          );
        }
      },
      refetchList(list: string) {
        return qc.invalidateQueries({ queryKey: commentsKey(slug, list) });
      },
      /** Refetches the lists that hold this comment. */
      refetchHolding(id: string) {
        return qc.invalidateQueries({
          queryKey: commentsKey(slug),
          predicate: (q) => findComment(q.state.data as CommentPages | undefined, id) !== undefined,
        });
      },
      refetchAll() {
        return qc.invalidateQueries(all);
      },
      refetchSpace() {
        return qc.invalidateQueries({ queryKey: ['space', slug] });
      },
    };
  }, [qc, slug]);
}
