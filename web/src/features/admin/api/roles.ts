import type { SpaceRole, rolesResponse } from '@convene/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { type Answer, api } from '../../../lib/api';

const path = (slug: string) => `/api/spaces/${encodeURIComponent(slug)}/roles`;

export const rolesQuery = (slug: string) =>
  queryOptions({
    queryKey: ['space-roles', slug],
    queryFn: ({ signal }) => api<Answer<typeof rolesResponse>>(path(slug), { signal }).then((r) => r.roles),
  });
export const useRoles = (slug: string, enabled: boolean) => useQuery({ ...rolesQuery(slug), enabled });

export const revokeRole = (slug: string, email: string, role: SpaceRole) =>
  api<Answer<typeof rolesResponse>>(path(slug), { method: 'DELETE', body: { email, role } }).then((r) => r.roles);
