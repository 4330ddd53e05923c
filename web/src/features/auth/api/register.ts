import type { authResponse, RegisterRequest } from '@convene/shared';
import { useMutation } from '@tanstack/react-query';
import { type Answer, api } from '../../../lib/api';
import { useAfterSignIn } from './me';

export const register = (body: RegisterRequest) =>
  api<Answer<typeof authResponse>>('/api/auth/register', { method: 'POST', body });

/** Creates the account and signs in (the session cookie comes with the answer). */
export function useRegister() {
  const afterSignIn = useAfterSignIn();
  return useMutation({ mutationFn: register, onSuccess: afterSignIn });
}
