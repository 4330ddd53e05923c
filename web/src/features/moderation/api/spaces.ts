import type { spaceDetailResponse, spaceListResponse } from '@convene/shared';
import { queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import { type Answer, api } from '../../../lib/api';

/** The same cache entry as the space page's, so an edit here shows there at once. */
export const spaceQuery = (slug: string) =>
  queryOptions({
    queryKey: ['space', slug],
    queryFn: ({ signal }) =>
      api<Answer<typeof spaceDetailResponse>>(`/api/spaces/${encodeURIComponent(slug)}`, { signal }).then(
        (r) => r.space,
      ),
  });

export const useSpace = (slug: string | undefined) => useQuery({ ...spaceQuery(slug ?? ''), enabled: !!slug });

/** Same key and shape as the spaces index's query (the whole answer), so they share the cache. */
export const spacesQuery = queryOptions({
  queryKey: ['spaces'],
  queryFn: ({ signal }) => api<Answer<typeof spaceListResponse>>('/api/spaces', { signal }),
});

/**
 * The spaces whose queue the viewer may read, for the cross-space queue's links and live
 * subscriptions. Spaces are few; each one's abilities come with its detail.
 */
export function useModeratedSpaces(enabled: boolean) {
  const list = useQuery({ ...spacesQuery, enabled });
  const slugs = (list.data?.spaces ?? []).flatMap((s) => [s.slug, ...s.children.map((c) => c.slug)]);
  const details = useQueries({ queries: slugs.map((slug) => ({ ...spaceQuery(slug), enabled })) });
  const spaces = details.flatMap((d) => (d.data?.abilities.moderate ? [d.data] : []));
  return { spaces, isLoading: list.isLoading || details.some((d) => d.isLoading) };
}
