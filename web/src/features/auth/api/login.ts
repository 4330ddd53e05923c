import { authResponse, type LoginRequest } from '@convene/shared';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { useAfterSignIn } from './me';

export const login = (body: LoginRequest) => api('/api/auth/login', { method: 'POST', body, schema: authResponse });

export function useLogin() {
  const afterSignIn = useAfterSignIn();
  return useMutation({ mutationFn: login, onSuccess: afterSignIn });
}
