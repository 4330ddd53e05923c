import { spaceDetailResponse } from '@convene/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';

/** The space a note belongs to: its code, questions (to group contributions) and abilities. */
export const noteSpaceQuery = (slug: string) =>
  queryOptions({
    queryKey: ['notes', 'space', slug],
    queryFn: ({ signal }) =>
      api(`/api/spaces/${encodeURIComponent(slug)}`, { schema: spaceDetailResponse, signal }).then((r) => r.space),
    enabled: slug !== '',
  });

export const useNoteSpace = (slug: string) => useQuery(noteSpaceQuery(slug));
