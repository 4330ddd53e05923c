import { type CommentLanguage, commentListResponse } from '@convene/shared';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';

export const PAGE_SIZE = 50;

/** The reader's filters, as the page's address carries them. */
export interface CommentFilters {
  language?: CommentLanguage | undefined;
  /** Tag code or slug. */
  tag?: string | undefined;
  highlighted?: boolean | undefined;
  q?: string | undefined;
}

/** A question id, "none" for comments on the space as a whole, or "search" for results across questions. */
export type ListKey = string;

export const commentsKey = (slug: string, list?: ListKey) =>
  list === undefined ? ['space-comments', slug] : ['space-comments', slug, list];

export function getComments(
  slug: string,
  list: ListKey,
  filters: CommentFilters,
  cursor: string | null,
  signal?: AbortSignal,
) {
  const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (list !== 'search') params.set('questionId', list);
  if (filters.language) params.set('language', filters.language);
  if (filters.tag) params.set('tag', filters.tag);
  if (filters.highlighted) params.set('highlighted', 'true');
  if (filters.q) params.set('q', filters.q);
  if (cursor) params.set('cursor', cursor);
  return api(`/api/spaces/${encodeURIComponent(slug)}/comments?${params}`, { schema: commentListResponse, signal });
}

/** One question's comments (oldest first), 50 at a time. */
export const commentsQuery = (slug: string, list: ListKey, filters: CommentFilters) =>
  infiniteQueryOptions({
    queryKey: [...commentsKey(slug, list), filters],
    queryFn: ({ pageParam, signal }) => getComments(slug, list, filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

export const useComments = (slug: string, list: ListKey, filters: CommentFilters) =>
  useInfiniteQuery(commentsQuery(slug, list, filters));
