import type { GlobalRole, adminUserResponse, adminUsersResponse } from '@convene/shared';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { type Answer, api } from '../../../lib/api';

export type AdminUsersPage = z.infer<typeof adminUsersResponse>;

export const usersKey = ['admin-users'] as const;

export const usersQuery = (q: string) =>
  infiniteQueryOptions({
    queryKey: [...usersKey, q],
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ limit: '50' });
      if (q) params.set('q', q);
      if (pageParam) params.set('cursor', pageParam);
      return api<Answer<typeof adminUsersResponse>>(`/api/admin/users?${params}`, { signal });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
export const useUsers = (q: string) => useInfiniteQuery(usersQuery(q));

/** Disabling ends every session of the user at once, open live connections included. */
export const updateUser = (id: string, body: { disabled?: boolean; role?: GlobalRole }) =>
  api<Answer<typeof adminUserResponse>>(`/api/admin/users/${id}`, { method: 'PATCH', body }).then((r) => r.user);
