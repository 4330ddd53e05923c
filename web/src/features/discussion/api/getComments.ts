import type { CommentLanguage, commentListResponse } from '@convene/shared';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { type Answer, api } from '../../../lib/api';

/** Comments a question shows at first, and then per "Show more". */
export const PAGE_SIZE = 20;

/** How one question's list is read: its order, and (from a permalink) the comment it starts at. */
export interface ListView {
  order: 'oldest' | 'newest';
  /** Start at this comment (inclusive): a permalink to a comment beyond the first page. */
  from?: string | undefined;
}

export const defaultView: ListView = { order: 'oldest' };

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
  view: ListView = defaultView,
) {
  const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (list !== 'search') params.set('questionId', list);
  if (view.order === 'newest') params.set('order', 'newest');
  if (view.from) params.set('from', view.from);
  if (filters.language) params.set('language', filters.language);
  if (filters.tag) params.set('tag', filters.tag);
  if (filters.highlighted) params.set('highlighted', 'true');
  if (filters.q) params.set('q', filters.q);
  if (cursor) params.set('cursor', cursor);
  return api<Answer<typeof commentListResponse>>(`/api/spaces/${encodeURIComponent(slug)}/comments?${params}`, {
    signal,
  });
}

/** The view a cached list's key carries. */
export const viewOfKey = (key: readonly unknown[]): ListView => (key[4] as ListView | undefined) ?? defaultView;

/** One question's comments, a page at a time, in the view's order. */
export const commentsQuery = (
  slug: string,
  list: ListKey,
  filters: CommentFilters,
  view: ListView = defaultView,
  enabled = true,
) =>
  infiniteQueryOptions({
    enabled,
    queryKey: [...commentsKey(slug, list), filters, view],
    queryFn: ({ pageParam, signal }) => getComments(slug, list, filters, pageParam, signal, view),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

export const useComments = (
  slug: string,
  list: ListKey,
  filters: CommentFilters,
  view: ListView = defaultView,
  enabled = true,
) => useInfiniteQuery(commentsQuery(slug, list, filters, view, enabled));

/** Where a permalink's comment is: the list it is in, if this reader may read it. */
export async function locateComment(slug: string, id: string, signal?: AbortSignal): Promise<string | null> {
  const params = new URLSearchParams({ limit: '1', from: id });
  const res = await api<Answer<typeof commentListResponse>>(
    `/api/spaces/${encodeURIComponent(slug)}/comments?${params}`,
    { signal },
  );
  const c = res.comments[0];
  return c && c.id === id ? (c.questionId ?? 'none') : null;
}
