import type { queueResponse } from '@convene/shared';
import { queryOptions } from '@tanstack/react-query';
import { type Answer, api } from '../../../lib/api';

/**
 * How many contributions wait in every space the user moderates: the badge beside "Moderation"
 * in the navigation (app/Layout.tsx), and the "in all your spaces" line of a space's queue, which
 * says what that badge counts. Refreshed every 30 s and whenever a queue refetches (refreshQueues).
 */
export const navCountQuery = queryOptions({
  queryKey: ['moderation-nav-count'],
  queryFn: () => api<Answer<typeof queueResponse>>('/api/moderation/queue?status=pending&limit=1'),
  refetchInterval: 30_000,
  retry: false,
  meta: { signedInOnly: true },
});
