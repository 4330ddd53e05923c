import type { SpaceRole, invitationsResponse, inviteResponse } from '@convene/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { type Answer, api } from '../../../lib/api';

const path = (slug: string) => `/api/spaces/${encodeURIComponent(slug)}/invitations`;

export const invitationsQuery = (slug: string) =>
  queryOptions({
    queryKey: ['space-invitations', slug],
    queryFn: ({ signal }) => api<Answer<typeof invitationsResponse>>(path(slug), { signal }).then((r) => r.invitations),
  });
export const useInvitations = (slug: string) => useQuery(invitationsQuery(slug));

/** Appoints by email: `granted` when the address has an account, else an invitation is emailed. */
export const invite = (slug: string, email: string, role: SpaceRole) =>
  api<Answer<typeof inviteResponse>>(path(slug), { method: 'POST', body: { email, role } });

export const resendInvitation = (id: string) =>
  api<Answer<typeof invitationsResponse>>(`/api/invitations/${encodeURIComponent(id)}/resend`, { method: 'POST' }).then(
    (r) => r.invitations,
  );

export const revokeInvitation = (id: string) =>
  api<Answer<typeof invitationsResponse>>(`/api/invitations/${encodeURIComponent(id)}`, { method: 'DELETE' }).then(
    (r) => r.invitations,
  );
