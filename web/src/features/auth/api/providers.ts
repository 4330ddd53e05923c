import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../../lib/api';

/** `GET /api/auth/providers`: the single sign-on provider, when the site has one (server/src/routes/auth/oidc.ts). */
const providersResponse = z.object({
  oidc: z.object({ name: z.string(), startUrl: z.string() }).nullable(),
});

export const providersQuery = queryOptions({
  queryKey: ['auth', 'providers'],
  queryFn: ({ signal }) => api('/api/auth/providers', { schema: providersResponse, signal }),
  staleTime: Infinity,
});
