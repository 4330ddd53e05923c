import type { tagsResponse } from '@convene/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { type Answer, api } from '../../../lib/api';

/** The tags comments may carry (the objectives of the Global Compact for Migration). */
export const tagsQuery = queryOptions({
  queryKey: ['tags'],
  queryFn: ({ signal }) => api<Answer<typeof tagsResponse>>('/api/tags', { signal }).then((r) => r.tags),
  staleTime: 60 * 60_000,
});

export const useTags = () => useQuery(tagsQuery);
