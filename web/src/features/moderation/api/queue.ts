import type { QueueItem, QueueResponse, QueueStatus, queueResponse } from '@convene/shared';
import { type InfiniteData, type QueryClient, infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { type Answer, api } from '../../../lib/api';
import { applyChange } from '../../../lib/cacheChange';

export const QUEUE_PAGE_SIZE = 50;

/** Every queue page in the cache: a space's (by slug) or the cross-space one ('*'). */
export const queueKeyRoot = ['moderation-queue'] as const;
export const queueKey = (slug: string | undefined, status: QueueStatus) => [...queueKeyRoot, slug ?? '*', status];

export function getQueue(slug: string | undefined, status: QueueStatus, cursor: string | null, signal?: AbortSignal) {
  const params = new URLSearchParams({ status, limit: String(QUEUE_PAGE_SIZE) });
  if (cursor) params.set('cursor', cursor);
  const path = slug
    ? `/api/spaces/${encodeURIComponent(slug)}/moderation/queue?${params}`
    : `/api/moderation/queue?${params}`;
  return api<Answer<typeof queueResponse>>(path, { signal });
}

/** One tab of a queue, oldest first (the approved tab: newest decisions first), 50 at a time. */
export const queueQuery = (slug: string | undefined, status: QueueStatus) =>
  infiniteQueryOptions({
    queryKey: queueKey(slug, status),
    queryFn: ({ pageParam, signal }) => getQueue(slug, status, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // Live events keep it fresh; a refetch on every remount would only make items jump.
    staleTime: 10_000,
  });

export const useQueue = (slug: string | undefined, status: QueueStatus) => useInfiniteQuery(queueQuery(slug, status));

/** Takes decided comments out of every cached queue at once, before the refetch confirms it. */
export function removeFromQueues(qc: QueryClient, ids: ReadonlySet<string>): void {
  if (ids.size === 0) return;
  applyChange<InfiniteData<QueueResponse>>(qc, { queryKey: queueKeyRoot }, (old) =>
    old
      ? {
          ...old,
          pages: old.pages.map((p) => ({ ...p, items: p.items.filter((i) => !ids.has(i.comment.id)) })),
        }
      : old,
  );
}

/** Replaces one comment in every cached queue (e.g. after a highlight toggle). */
export function patchQueueItem(qc: QueryClient, id: string, patch: (item: QueueItem) => QueueItem): void {
  applyChange<InfiniteData<QueueResponse>>(qc, { queryKey: queueKeyRoot }, (old) =>
    old
      ? {
          ...old,
          pages: old.pages.map((p) => ({ ...p, items: p.items.map((i) => (i.comment.id === id ? patch(i) : i)) })),
        }
      : old,
  );
}

export const refreshQueues = (qc: QueryClient) =>
  Promise.all([
    qc.invalidateQueries({ queryKey: queueKeyRoot }),
    // The pending count beside "Moderation" in the navigation (app/Layout.tsx).
    qc.invalidateQueries({ queryKey: ['moderation-nav-count'] }),
  ]);
