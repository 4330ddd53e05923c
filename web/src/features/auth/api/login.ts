import type { authResponse, LoginRequest } from '@convene/shared';
import { useMutation } from '@tanstack/react-query';
import { type Answer, api } from '../../../lib/api';
import { useAfterSignIn } from './me';

export const login = (body: LoginRequest) =>
  api<Answer<typeof authResponse>>('/api/auth/login', { method: 'POST', body });

export function useLogin() {
  const afterSignIn = useAfterSignIn();
  return useMutation({ mutationFn: login, onSuccess: afterSignIn });
}
