import type { spaceListResponse } from '@convene/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { type Answer, api } from '../../../lib/api';

export const getSpaces = (signal?: AbortSignal) => api<Answer<typeof spaceListResponse>>('/api/spaces', { signal });

/** Sessions with their roundtables, and stand-alone consultations. */
export const spacesQuery = queryOptions({
  queryKey: ['spaces'],
  queryFn: ({ signal }) => getSpaces(signal),
});

export const useSpaces = () => useQuery(spacesQuery);
