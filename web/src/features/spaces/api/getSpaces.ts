import { spaceListResponse } from '@convene/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';

export const getSpaces = (signal?: AbortSignal) => api('/api/spaces', { schema: spaceListResponse, signal });

/** Sessions with their roundtables, and stand-alone consultations. */
export const spacesQuery = queryOptions({
  queryKey: ['spaces'],
  queryFn: ({ signal }) => getSpaces(signal),
});

export const useSpaces = () => useQuery(spacesQuery);
