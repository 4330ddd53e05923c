import { authResponse, type RegisterRequest } from '@convene/shared';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { useAfterSignIn } from './me';

export const register = (body: RegisterRequest) =>
  api('/api/auth/register', { method: 'POST', body, schema: authResponse });

/** Creates the account and signs in (the session cookie comes with the answer). */
export function useRegister() {
  const afterSignIn = useAfterSignIn();
  return useMutation({ mutationFn: register, onSuccess: afterSignIn });
}
