import type { noteListResponse } from '@convene/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { type Answer, api } from '../../../lib/api';

export const notesKey = (slug: string) => ['notes', 'list', slug];

/** A space's background notes, most recently saved first. */
export const notesQuery = (slug: string) =>
  queryOptions({
    queryKey: notesKey(slug),
    queryFn: ({ signal }) =>
      api<Answer<typeof noteListResponse>>(`/api/spaces/${encodeURIComponent(slug)}/notes`, { signal }),
  });

export const useNotes = (slug: string) => useQuery(notesQuery(slug));
