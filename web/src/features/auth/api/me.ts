import type { UserDto, meResponse, okResponse } from '@convene/shared';
import {
  type Query,
  type QueryClient,
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { type Answer, api } from '../../../lib/api';
import { live } from '../../../lib/live';

export const meQuery = queryOptions({
  queryKey: ['me'],
  queryFn: () => api<Answer<typeof meResponse>>('/api/auth/me'),
  staleTime: 5 * 60_000,
});

/** The signed-in user, or null for a guest (undefined while loading). */
export function useMe(): UserDto | null | undefined {
  return useQuery(meQuery).data?.user;
}

/**
 * After the session ended here (signed out, account deleted): the person's own queries (keyed
 * `[…, userId, …]`) and the signed-in menu's go with it — still observed until the signed-out
 * page renders, they would be refetched without the session (a 401 each) if invalidated — and
 * everything else cached, fetched with the old session's rights, is fetched again.
 */
export function forgetSession(qc: QueryClient): void {
  const previous = qc.getQueryData(meQuery.queryKey)?.user?.id;
  const personal = (q: Query) =>
    q.meta?.signedInOnly === true || (previous !== undefined && q.queryKey[1] === previous);
  qc.removeQueries({ predicate: personal });
  qc.setQueryData(meQuery.queryKey, { user: null, abilities: null });
  void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'me' && !personal(q) });
  live.reconnectNow();
}

export function useSignOut() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<Answer<typeof okResponse>>('/api/auth/logout', { method: 'POST' }),
    onSuccess: () => forgetSession(qc),
  });
}

/** Replaces the cached user (after a profile edit), keeping the abilities that came with /me. */
export function setCachedUser(qc: QueryClient, user: UserDto): void {
  qc.setQueryData(meQuery.queryKey, (old) => ({ abilities: old?.abilities ?? null, user }));
}

/** What the signed-in user may reach: the staff pages' links depend on it. */
export function useMyAbilities() {
  return useQuery(meQuery).data?.abilities ?? null;
}

/** After sign-in or registration: store the user, refetch what depends on who is looking. */
export function useAfterSignIn() {
  const qc = useQueryClient();
  return (data: { user: UserDto }) => {
    // Roles come with /me: refetch it rather than guess.
    setCachedUser(qc, data.user);
    void qc.invalidateQueries();
    live.reconnectNow();
  };
}
