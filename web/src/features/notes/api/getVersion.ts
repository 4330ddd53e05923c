import type { noteVersionResponse } from '@convene/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { type Answer, api } from '../../../lib/api';

/** One saved version with its full content (versions never change). */
export const versionQuery = (noteId: string, version: number) =>
  queryOptions({
    queryKey: ['notes', 'version', noteId, version],
    queryFn: ({ signal }) =>
      api<Answer<typeof noteVersionResponse>>(`/api/notes/${encodeURIComponent(noteId)}/versions/${version}`, {
        signal,
      }).then((r) => r.version),
    staleTime: Infinity,
  });

export const useVersion = (noteId: string, version: number | null) =>
  useQuery({ ...versionQuery(noteId, version ?? 0), enabled: version !== null });
