import type { okResponse } from '@convene/shared';
import { useMutation } from '@tanstack/react-query';
import { type Answer, api } from '../../../lib/api';

/** Always answers the same (202) whether or not the address has an account. */
export const forgotPassword = (body: { email: string }) =>
  api<Answer<typeof okResponse>>('/api/auth/password/forgot', { method: 'POST', body });
export const useForgotPassword = () => useMutation({ mutationFn: forgotPassword });

/** Sets the new password with the emailed token; every other session of the account ends. */
export const resetPassword = (body: { token: string; password: string }) =>
  api<Answer<typeof okResponse>>('/api/auth/password/reset', { method: 'POST', body });
export const useResetPassword = () => useMutation({ mutationFn: resetPassword });

/** The server's codes for a link that cannot be used. */
export const TOKEN_ERRORS = {
  reset_token_expired: 'expired',
  reset_token_used: 'used',
  reset_token_invalid: 'invalid',
} as const;
