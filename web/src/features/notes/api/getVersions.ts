import type { noteVersionsResponse } from '@convene/shared';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { type Answer, api } from '../../../lib/api';

export const versionsKey = (noteId: string) => ['notes', 'versions', noteId];

/** A note's saved versions, newest first, a page at a time. */
export const versionsQuery = (noteId: string) =>
  infiniteQueryOptions({
    queryKey: versionsKey(noteId),
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ limit: '30' });
      if (pageParam) params.set('before', String(pageParam));
      return api<Answer<typeof noteVersionsResponse>>(`/api/notes/${encodeURIComponent(noteId)}/versions?${params}`, {
        signal,
      });
    },
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.nextBefore,
  });

export const useVersions = (noteId: string) => useInfiniteQuery(versionsQuery(noteId));
