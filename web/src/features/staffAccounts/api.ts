import type {
  adminLogResponse,
  authResponse,
  okResponse,
  recoveryCodesResponse,
  revokedResponse,
  sessionsResponse,
  totpEnrolResponse,
  totpStatusResponse,
} from '@convene/shared';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { type Answer, api } from '../../lib/api';
import { useAfterSignIn } from '../auth/api/me';

export const sessionsQuery = (userId: string) =>
  queryOptions({
    queryKey: ['me', userId, 'sessions'],
    queryFn: ({ signal }) => api<Answer<typeof sessionsResponse>>('/api/me/sessions', { signal }),
  });
export const totpQuery = (userId: string) =>
  queryOptions({
    queryKey: ['me', userId, 'totp'],
    queryFn: ({ signal }) => api<Answer<typeof totpStatusResponse>>('/api/me/totp', { signal }),
  });
export const adminLogQuery = (before: number | null) =>
  queryOptions({
    queryKey: ['admin', 'log', before],
    queryFn: ({ signal }) =>
      api<Answer<typeof adminLogResponse>>(`/api/admin/log${before ? `?before=${before}` : ''}`, { signal }),
  });

export function useRevokeSession(userId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api<Answer<typeof okResponse>>(`/api/me/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSettled: () => qc.invalidateQueries({ queryKey: ['me', userId, 'sessions'] }),
  });
}
export function useRevokeOthers(userId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<Answer<typeof revokedResponse>>('/api/me/sessions/revoke-others', { method: 'POST' }),
    onSettled: () => qc.invalidateQueries({ queryKey: ['me', userId, 'sessions'] }),
  });
}

/** What proves a change to two-factor sign-in itself: a current code from the app, or the password. */
export type CodeOrPassword = { code: string } | { password: string };

export function useTotpMutations(userId: string) {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: ['me', userId] });
  return {
    enrol: useMutation({
      mutationFn: () => api<Answer<typeof totpEnrolResponse>>('/api/me/totp/enrol', { method: 'POST' }),
    }),
    confirm: useMutation({
      mutationFn: (code: string) =>
        api<Answer<typeof recoveryCodesResponse>>('/api/me/totp/confirm', { method: 'POST', body: { code } }),
      // Everything else was refused before (enrolment required): refetch it all.
      onSuccess: () => qc.invalidateQueries(),
    }),
    /** New recovery codes (the old ones stop working), with a current code or the password. */
    regenerate: useMutation({
      mutationFn: (body: CodeOrPassword) =>
        api<Answer<typeof recoveryCodesResponse>>('/api/me/totp/recovery-codes', { method: 'POST', body }),
      onSettled: refresh,
    }),
    disable: useMutation({
      mutationFn: (body: CodeOrPassword) =>
        api<Answer<typeof okResponse>>('/api/me/totp/disable', { method: 'POST', body }),
      onSettled: refresh,
    }),
  };
}

export function useSecondFactor() {
  const afterSignIn = useAfterSignIn();
  return useMutation({
    mutationFn: (body: { code?: string; recoveryCode?: string; rememberDevice?: boolean }) =>
      api<Answer<typeof authResponse>>('/api/auth/totp', { method: 'POST', body }),
    onSuccess: afterSignIn,
  });
}
