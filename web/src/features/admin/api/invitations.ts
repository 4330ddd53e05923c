import { type SpaceRole, invitationsResponse, inviteResponse } from '@convene/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';

const path = (slug: string) => `/api/spaces/${encodeURIComponent(slug)}/invitations`;

export const invitationsQuery = (slug: string) =>
  queryOptions({
    queryKey: ['space-invitations', slug],
    queryFn: ({ signal }) => api(path(slug), { schema: invitationsResponse, signal }).then((r) => r.invitations),
  });
export const useInvitations = (slug: string) => useQuery(invitationsQuery(slug));

/** Appoints by email: `granted` when the address has an account, else an invitation is emailed. */
export const invite = (slug: string, email: string, role: SpaceRole) =>
  api(path(slug), { method: 'POST', body: { email, role }, schema: inviteResponse });

export const resendInvitation = (id: string) =>
  api(`/api/invitations/${encodeURIComponent(id)}/resend`, { method: 'POST', schema: invitationsResponse }).then(
    (r) => r.invitations,
  );

export const revokeInvitation = (id: string) =>
  api(`/api/invitations/${encodeURIComponent(id)}`, { method: 'DELETE', schema: invitationsResponse }).then(
    (r) => r.invitations,
  );
