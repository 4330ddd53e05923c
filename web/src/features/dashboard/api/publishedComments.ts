import type { CommentDto, CommentListResponse, commentListResponse } from '@convene/shared';
import { type InfiniteData, type QueryClient, infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { type Answer, api } from '../../../lib/api';
import { applyChange } from '../../../lib/cacheChange';

const PAGE = 50;

export const publishedKey = (slug: string) => ['dashboard-comments', slug];

/** A space's published comments (every question, replies included), optionally only the highlighted ones. */
export const publishedQuery = (slug: string, highlightedOnly: boolean) =>
  infiniteQueryOptions({
    queryKey: [...publishedKey(slug), highlightedOnly],
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ limit: String(PAGE) });
      if (highlightedOnly) params.set('highlighted', 'true');
      if (pageParam) params.set('cursor', pageParam);
      return api<Answer<typeof commentListResponse>>(`/api/spaces/${encodeURIComponent(slug)}/comments?${params}`, {
        signal,
      });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

export const usePublished = (slug: string, highlightedOnly: boolean) =>
  useInfiniteQuery(publishedQuery(slug, highlightedOnly));

/** Puts a changed comment in place in every cached list, without reordering or dropping it. */
export function patchPublished(qc: QueryClient, slug: string, comment: CommentDto): void {
  applyChange<InfiniteData<CommentListResponse>>(qc, { queryKey: publishedKey(slug) }, (old) =>
    old
      ? {
          ...old,
          pages: old.pages.map((p) => ({
            ...p,
            comments: p.comments.map((c) => (c.id === comment.id ? { ...c, highlighted: comment.highlighted } : c)),
          })),
        }
      : old,
  );
}
