import type { okResponse } from '@convene/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type Answer, api } from '../../../lib/api';

export const markSeen = (slug: string) =>
  api<Answer<typeof okResponse>>(`/api/spaces/${encodeURIComponent(slug)}/seen`, { method: 'PUT' });

/** Restarts the space's "new" counts; the list of spaces then shows them from zero. */
export function useMarkSeen() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: markSeen,
    onSuccess: () => qc.invalidateQueries({ queryKey: ['spaces'] }),
  });
}
