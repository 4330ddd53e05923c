import { tagsResponse } from '@convene/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';

/** The tags comments may carry (the objectives of the Global Compact for Migration). */
export const tagsQuery = queryOptions({
  queryKey: ['tags'],
  queryFn: ({ signal }) => api('/api/tags', { schema: tagsResponse, signal }).then((r) => r.tags),
  staleTime: 60 * 60_000,
});

export const useTags = () => useQuery(tagsQuery);
