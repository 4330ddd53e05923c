import type { spaceDetailResponse } from '@convene/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { type Answer, api } from '../../../lib/api';

export const getSpace = (slug: string, signal?: AbortSignal) =>
  api<Answer<typeof spaceDetailResponse>>(`/api/spaces/${encodeURIComponent(slug)}`, { signal }).then((r) => r.space);

export const spaceQuery = (slug: string) =>
  queryOptions({
    queryKey: ['space', slug],
    queryFn: ({ signal }) => getSpace(slug, signal),
  });

export const useSpace = (slug: string) => useQuery(spaceQuery(slug));
