import { authResponse, meResponse, okResponse, type UserDto } from '@convene/shared';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { live } from '../../../lib/live';

export const meQuery = queryOptions({
  queryKey: ['me'],
  queryFn: () => api('/api/auth/me', { schema: meResponse }),
  staleTime: 5 * 60_000,
});

/** The signed-in user, or null for a guest (undefined while loading). */
export function useMe(): UserDto | null | undefined {
  return useQuery(meQuery).data?.user;
}

export function useSignOut() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api('/api/auth/logout', { method: 'POST', schema: okResponse }),
    onSuccess: () => {
      qc.setQueryData(meQuery.queryKey, { user: null });
      // Everything cached was fetched with the old session's rights.
      void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
      live.reconnectNow();
    },
  });
}

/** After sign-in or registration: store the user, refetch what depends on who is looking. */
export function useAfterSignIn() {
  const qc = useQueryClient();
  return (data: { user: UserDto }) => {
    qc.setQueryData(meQuery.queryKey, { user: data.user });
    void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    live.reconnectNow();
  };
}

export { authResponse };
