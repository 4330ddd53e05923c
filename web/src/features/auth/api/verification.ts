import type { emailConfirmedResponse, invitationLookupResponse, okResponse } from '@convene/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type Answer, api } from '../../../lib/api';
import { meQuery } from './me';

/** Follows a verification or email-change link (no sign-in needed). */
export const confirmEmail = (token: string) =>
  api<Answer<typeof emailConfirmedResponse>>('/api/auth/email/verify', { method: 'POST', body: { token } });

/** Sends the verification link again (limited per account). */
export function useResendVerification() {
  return useMutation({
    mutationFn: () => api<Answer<typeof okResponse>>('/api/auth/email/resend', { method: 'POST' }),
  });
}

/** Asks to move the account to a new address: a link goes there; /me then names it as pending. */
export function useChangeEmail() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (email: string) =>
      api<Answer<typeof okResponse>>('/api/auth/email/change', { method: 'POST', body: { email } }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: meQuery.queryKey }),
  });
}

/** The invitation a link names, for the registration form. */
export const lookupInvitation = (token: string) =>
  api<Answer<typeof invitationLookupResponse>>('/api/auth/invitation', { method: 'POST', body: { token } }).then(
    (r) => r.invitation,
  );

/** The server's codes for a link that cannot be used, and the page's wording for each. */
export const EMAIL_TOKEN_ERRORS = {
  email_token_invalid: 'invalid',
  email_token_used: 'used',
  email_token_expired: 'expired',
  email_taken: 'taken',
} as const;
export const INVITATION_ERRORS = {
  invitation_invalid: 'invalid',
  invitation_used: 'used',
  invitation_revoked: 'revoked',
  invitation_expired: 'expired',
} as const;
