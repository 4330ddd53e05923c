import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { live } from '../../../lib/live';
import { inboxQuery, receiveNotice } from '../api/notifications';

/**
 * While mounted (signed in): the server's notices on the live socket keep the unread count and the
 * list up to date; after a reconnect the list is refetched (notices may have been missed).
 */
export function useLiveNotifications(userId: string): void {
  const qc = useQueryClient();
  useEffect(
    () =>
      live.onNotifications({
        onNotifications: (msg) => receiveNotice(qc, userId, msg.unread, msg.item),
        onOpen: () => void qc.invalidateQueries({ queryKey: inboxQuery(userId).queryKey }),
      }),
    [qc, userId],
  );
}
