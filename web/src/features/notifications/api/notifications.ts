import type {
  InboxItem,
  InboxResponse,
  NotificationFrequency,
  NotificationKind,
  inboxResponse,
  markInboxReadResponse,
  notificationPreferencesResponse,
} from '@convene/shared';
import {
  type InfiniteData,
  type QueryClient,
  infiniteQueryOptions,
  queryOptions,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query';
import { type Answer, api } from '../../../lib/api';
import { applyChange } from '../../../lib/cacheChange';

const PAGE = 20;

/**
 * The signed-in person's notifications (GET /api/me/notifications), page by page, newest first.
 * Keyed by the person: after a sign-out and someone else's sign-in on the same tab, nothing of the
 * first person's is shown, not even while refetching.
 */
export const inboxQuery = (userId: string) =>
  infiniteQueryOptions({
    queryKey: ['notifications', userId, 'inbox'],
    queryFn: ({ pageParam, signal }) =>
      api<Answer<typeof inboxResponse>>(
        `/api/me/notifications?limit=${PAGE}${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`,
        { signal },
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

type Inbox = InfiniteData<InboxResponse, string>;

/** Applies a change to every cached item and sets the unread count (kept on the first page). */
function update(
  qc: QueryClient,
  userId: string,
  unread: number,
  change: (items: InboxItem[], first: boolean) => InboxItem[],
) {
  applyChange<Inbox>(qc, { queryKey: inboxQuery(userId).queryKey, exact: true }, (old) =>
    old
      ? {
          ...old,
          pages: old.pages.map((p, i) => ({
            ...p,
            unread: i === 0 ? unread : p.unread,
            items: change(p.items, i === 0),
          })),
        }
      : old,
  );
}

/** A live notice: the new unread count, and the new item at the top unless it is there already. */
export function receiveNotice(qc: QueryClient, userId: string, unread: number, item: InboxItem | undefined): void {
  const { queryKey } = inboxQuery(userId);
  const present = (items: InboxItem[]) => item !== undefined && items.some((i) => i.id === item.id);
  const known = qc.getQueryData<Inbox>(queryKey)?.pages.some((p) => present(p.items)) ?? false;
  update(qc, userId, unread, (items, first) => (first && item && !known ? [item, ...items] : items));
  // Marked read elsewhere (another tab): the read states shown are refetched.
  if (!item) void qc.invalidateQueries({ queryKey });
}

/** Marks some notifications read (`ids`), or all of them. */
export function useMarkRead(userId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[] | 'all') =>
      api<Answer<typeof markInboxReadResponse>>('/api/me/notifications/read', {
        method: 'POST',
        body: ids === 'all' ? { all: true } : { ids },
      }),
    onSuccess: ({ unread }, ids) =>
      update(qc, userId, unread, (items) =>
        items.map((i) => (ids === 'all' || ids.includes(i.id) ? { ...i, read: true } : i)),
      ),
  });
}

// ---- preferences (GET/PUT /api/me/notification-preferences) -------------------------------------

export const preferencesQuery = (userId: string) =>
  queryOptions({
    queryKey: ['notifications', userId, 'preferences'],
    queryFn: ({ signal }) =>
      api<Answer<typeof notificationPreferencesResponse>>('/api/me/notification-preferences', { signal }),
  });

export function useSavePreferences(userId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      preferences?: { kind: NotificationKind; frequency: NotificationFrequency }[];
      followAnswered?: boolean;
    }) =>
      api<Answer<typeof notificationPreferencesResponse>>('/api/me/notification-preferences', {
        method: 'PUT',
        body,
      }),
    onSuccess: (data) => qc.setQueryData(preferencesQuery(userId).queryKey, data),
  });
}
