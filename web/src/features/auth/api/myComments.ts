import type { myCommentsResponse } from '@convene/shared';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { type Answer, api } from '../../../lib/api';

const PAGE_SIZE = 50;

export const getMyComments = (cursor: string | null, signal?: AbortSignal) => {
  const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (cursor) params.set('cursor', cursor);
  return api<Answer<typeof myCommentsResponse>>(`/api/me/comments?${params}`, { signal });
};

/** The signed-in user's own comments, newest first, every status; keyed by user so accounts never mix. */
export const myCommentsQuery = (userId: string) =>
  infiniteQueryOptions({
    queryKey: ['my-comments', userId],
    queryFn: ({ pageParam, signal }) => getMyComments(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // Statuses change while the user is elsewhere (a moderator decides): look again on return.
    refetchOnWindowFocus: true,
    staleTime: 10_000,
  });

export function useMyComments(userId: string | undefined) {
  return useInfiniteQuery({ ...myCommentsQuery(userId ?? ''), enabled: Boolean(userId) });
}
