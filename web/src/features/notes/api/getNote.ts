import type { noteResponse } from '@convene/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { type Answer, api } from '../../../lib/api';

export const getNote = (id: string, signal?: AbortSignal) =>
  api<Answer<typeof noteResponse>>(`/api/notes/${encodeURIComponent(id)}`, { signal });

/**
 * One note. The editor reads it when it opens (never from an old cache: gcTime 0) and then
 * keeps its own copy, so the answer never refreshes under the chair's cursor.
 */
export const noteQuery = (id: string) =>
  queryOptions({
    queryKey: ['notes', 'note', id],
    queryFn: ({ signal }) => getNote(id, signal),
    staleTime: Infinity,
    gcTime: 0,
  });

export const useNote = (id: string) => useQuery(noteQuery(id));
