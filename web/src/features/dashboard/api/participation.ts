import type { participationResponse } from '@convene/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { type Answer, api } from '../../../lib/api';

export type Scope = 'published' | 'highlighted';

/** Who took part in a space, over published contributions (or only highlighted ones). */
export const participationQuery = (slug: string, scope: Scope) =>
  queryOptions({
    queryKey: ['participation', slug, scope],
    queryFn: ({ signal }) =>
      api<Answer<typeof participationResponse>>(
        `/api/spaces/${encodeURIComponent(slug)}/participation?scope=${scope}`,
        { signal },
      ).then((r) => r.participation),
  });

/** Switching scope keeps the previous figures on screen (dimmed) until the new ones arrive. */
export const useParticipation = (slug: string, scope: Scope) =>
  useQuery({ ...participationQuery(slug, scope), placeholderData: keepPreviousData });
