import { type SpaceRole, rolesResponse } from '@convene/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';

const path = (slug: string) => `/api/spaces/${encodeURIComponent(slug)}/roles`;

export const rolesQuery = (slug: string) =>
  queryOptions({
    queryKey: ['space-roles', slug],
    queryFn: ({ signal }) => api(path(slug), { schema: rolesResponse, signal }).then((r) => r.roles),
  });
export const useRoles = (slug: string, enabled: boolean) => useQuery({ ...rolesQuery(slug), enabled });

export const revokeRole = (slug: string, email: string, role: SpaceRole) =>
  api(path(slug), { method: 'DELETE', body: { email, role }, schema: rolesResponse }).then((r) => r.roles);
