import { emailConfirmedResponse, invitationLookupResponse, okResponse } from '@convene/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { meQuery } from './me';

/** Follows a verification or email-change link (no sign-in needed). */
export const confirmEmail = (token: string) =>
  api('/api/auth/email/verify', { method: 'POST', body: { token }, schema: emailConfirmedResponse });

/** Sends the verification link again (limited per account). */
export function useResendVerification() {
  return useMutation({
    mutationFn: () => api('/api/auth/email/resend', { method: 'POST', schema: okResponse }),
  });
}

/** Asks to move the account to a new address: a link goes there; /me then names it as pending. */
export function useChangeEmail() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (email: string) =>
      api('/api/auth/email/change', { method: 'POST', body: { email }, schema: okResponse }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: meQuery.queryKey }),
  });
}

/** The invitation a link names, for the registration form. */
export const lookupInvitation = (token: string) =>
  api('/api/auth/invitation', { method: 'POST', body: { token }, schema: invitationLookupResponse }).then(
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
