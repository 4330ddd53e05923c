import type { noteGapsResponse } from '@convene/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { type Answer, api } from '../../../lib/api';

export const gapsKey = (slug: string) => ['notes', 'gaps', slug];

/** Who has not been heard: categories and questions with few highlighted contributions. */
export const gapsQuery = (slug: string) =>
  queryOptions({
    queryKey: gapsKey(slug),
    queryFn: ({ signal }) =>
      api<Answer<typeof noteGapsResponse>>(`/api/spaces/${encodeURIComponent(slug)}/notes/gaps`, { signal }).then(
        (r) => r.gaps,
      ),
  });

export const useGaps = (slug: string) => useQuery(gapsQuery(slug));
