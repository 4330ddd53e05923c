import type { spaceDetailResponse } from '@convene/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { type Answer, api } from '../../../lib/api';

/** The space a note belongs to: its code, questions (to group contributions) and abilities. */
export const noteSpaceQuery = (slug: string) =>
  queryOptions({
    queryKey: ['notes', 'space', slug],
    queryFn: ({ signal }) =>
      api<Answer<typeof spaceDetailResponse>>(`/api/spaces/${encodeURIComponent(slug)}`, { signal }).then(
        (r) => r.space,
      ),
    enabled: slug !== '',
  });

export const useNoteSpace = (slug: string) => useQuery(noteSpaceQuery(slug));
