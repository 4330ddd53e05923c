import type { ModerationAction, logResponse } from '@convene/shared';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { type Answer, api } from '../../../lib/api';

export const LOG_PAGE_SIZE = 100;

export function getLog(
  slug: string,
  action: ModerationAction | undefined,
  cursor: string | null,
  signal?: AbortSignal,
) {
  const params = new URLSearchParams({ limit: String(LOG_PAGE_SIZE) });
  if (action) params.set('action', action);
  if (cursor) params.set('cursor', cursor);
  return api<Answer<typeof logResponse>>(`/api/spaces/${encodeURIComponent(slug)}/moderation/log?${params}`, {
    signal,
  });
}

/** A space's audit trail, newest first. */
export const logQuery = (slug: string, action: ModerationAction | undefined) =>
  infiniteQueryOptions({
    queryKey: ['moderation-log', slug, action ?? 'all'],
    queryFn: ({ pageParam, signal }) => getLog(slug, action, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

export const useLog = (slug: string, action: ModerationAction | undefined) => useInfiniteQuery(logQuery(slug, action));
