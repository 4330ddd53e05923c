import type { authResponse, UpdateProfileRequest } from '@convene/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type Answer, api } from '../../../lib/api';
import { setCachedUser } from './me';

export const updateProfile = (body: UpdateProfileRequest) =>
  api<Answer<typeof authResponse>>('/api/auth/me', { method: 'PATCH', body });

/** Saves the profile; the answer is the updated user, which replaces the cached one. */
export function useUpdateProfile() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: updateProfile,
    onSuccess: (data) => setCachedUser(qc, data.user),
  });
}
