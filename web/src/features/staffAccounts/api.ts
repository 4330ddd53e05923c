import {
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
import { api } from '../../lib/api';
import { useAfterSignIn } from '../auth/api/me';

export const sessionsQuery = (userId: string) =>
  queryOptions({
    queryKey: ['me', userId, 'sessions'],
    queryFn: ({ signal }) => api('/api/me/sessions', { schema: sessionsResponse, signal }),
  });
export const totpQuery = (userId: string) =>
  queryOptions({
    queryKey: ['me', userId, 'totp'],
    queryFn: ({ signal }) => api('/api/me/totp', { schema: totpStatusResponse, signal }),
  });
export const adminLogQuery = (before: number | null) =>
  queryOptions({
    queryKey: ['admin', 'log', before],
    queryFn: ({ signal }) =>
      api(`/api/admin/log${before ? `?before=${before}` : ''}`, { schema: adminLogResponse, signal }),
  });

export function useRevokeSession(userId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api(`/api/me/sessions/${encodeURIComponent(id)}`, { method: 'DELETE', schema: okResponse }),
    onSettled: () => qc.invalidateQueries({ queryKey: ['me', userId, 'sessions'] }),
  });
}
export function useRevokeOthers(userId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api('/api/me/sessions/revoke-others', { method: 'POST', schema: revokedResponse }),
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
      mutationFn: () => api('/api/me/totp/enrol', { method: 'POST', schema: totpEnrolResponse }),
    }),
    confirm: useMutation({
      mutationFn: (code: string) =>
        api('/api/me/totp/confirm', { method: 'POST', body: { code }, schema: recoveryCodesResponse }),
      // Everything else was refused before (enrolment required): refetch it all.
      onSuccess: () => qc.invalidateQueries(),
    }),
    /** New recovery codes (the old ones stop working), with a current code or the password. */
    regenerate: useMutation({
      mutationFn: (body: CodeOrPassword) =>
        api('/api/me/totp/recovery-codes', { method: 'POST', body, schema: recoveryCodesResponse }),
      onSettled: refresh,
    }),
    disable: useMutation({
      mutationFn: (body: CodeOrPassword) => api('/api/me/totp/disable', { method: 'POST', body, schema: okResponse }),
      onSettled: refresh,
    }),
  };
}

export function useSecondFactor() {
  const afterSignIn = useAfterSignIn();
  return useMutation({
    mutationFn: (body: { code?: string; recoveryCode?: string; rememberDevice?: boolean }) =>
      api('/api/auth/totp', { method: 'POST', body, schema: authResponse }),
    onSuccess: afterSignIn,
  });
}
