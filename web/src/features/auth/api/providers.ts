import { queryOptions } from '@tanstack/react-query';
import type { providersResponse } from '@convene/shared';
import { type Answer, api } from '../../../lib/api';

/** `GET /api/auth/providers`: the single sign-on provider, when the site has one (server/src/routes/auth/oidc.ts). */
export const providersQuery = queryOptions({
  queryKey: ['auth', 'providers'],
  queryFn: ({ signal }) => api<Answer<typeof providersResponse>>('/api/auth/providers', { signal }),
  staleTime: Infinity,
});
