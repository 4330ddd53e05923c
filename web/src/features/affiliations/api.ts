import type {
  AffiliationRequestInput,
  addDomainResponse,
  affiliationQueueResponse,
  affiliationRequestResponse,
  myAffiliationResponse,
  okResponse,
  organisationDomainsResponse,
  verifiedUserResponse,
  verifiedUsersResponse,
} from '@convene/shared';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { type Answer, api } from '../../lib/api';

export const myAffiliationQuery = (userId: string) =>
  queryOptions({
    queryKey: ['me', userId, 'affiliation'],
    queryFn: ({ signal }) => api<Answer<typeof myAffiliationResponse>>('/api/me/affiliation', { signal }),
  });
export const queueQuery = () =>
  queryOptions({
    queryKey: ['admin', 'affiliations', 'requests'],
    queryFn: ({ signal }) =>
      api<Answer<typeof affiliationQueueResponse>>('/api/admin/affiliations/requests', { signal }),
  });
export const domainsQuery = () =>
  queryOptions({
    queryKey: ['admin', 'affiliations', 'domains'],
    queryFn: ({ signal }) =>
      api<Answer<typeof organisationDomainsResponse>>('/api/admin/affiliations/domains', { signal }),
  });
export const verifiedUsersQuery = () =>
  queryOptions({
    queryKey: ['admin', 'affiliations', 'verified'],
    queryFn: ({ signal }) =>
      api<Answer<typeof verifiedUsersResponse>>('/api/admin/affiliations/verified-users', { signal }),
  });

export function useRequestAffiliation(userId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: AffiliationRequestInput) =>
      api<Answer<typeof affiliationRequestResponse>>('/api/me/affiliation/requests', {
        method: 'POST',
        body,
      }),
    onSettled: () => qc.invalidateQueries({ queryKey: ['me', userId, 'affiliation'] }),
  });
}

/** Every administrators' change refreshes the three lists (a verification changes all of them). */
function useAdminMutation<T, R>(fn: (v: T) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => qc.invalidateQueries({ queryKey: ['admin', 'affiliations'] }),
  });
}
export const useVerify = () =>
  useAdminMutation((id: string) =>
    api<Answer<typeof verifiedUserResponse>>(`/api/admin/affiliations/requests/${id}/verify`, { method: 'POST' }),
  );
export const useDecline = () =>
  useAdminMutation(({ id, reason }: { id: string; reason: string }) =>
    api<Answer<typeof affiliationRequestResponse>>(`/api/admin/affiliations/requests/${id}/decline`, {
      method: 'POST',
      body: { reason },
    }),
  );
export const useAddDomain = () =>
  useAdminMutation((body: { domain: string; organisation: string; stakeholderCategory: string }) =>
    api<Answer<typeof addDomainResponse>>('/api/admin/affiliations/domains', { method: 'POST', body }),
  );
export const useRemoveDomain = () =>
  useAdminMutation((domain: string) =>
    api<Answer<typeof okResponse>>(`/api/admin/affiliations/domains/${encodeURIComponent(domain)}`, {
      method: 'DELETE',
    }),
  );
export const useFocalPoint = () =>
  useAdminMutation(({ userId, on }: { userId: string; on: boolean }) =>
    api<Answer<typeof verifiedUserResponse>>(`/api/admin/affiliations/focal-points/${userId}`, {
      method: on ? 'PUT' : 'DELETE',
    }),
  );
export const useRevokeVerification = () =>
  useAdminMutation((userId: string) =>
    api<Answer<typeof verifiedUserResponse>>(`/api/admin/affiliations/${userId}/verification`, { method: 'DELETE' }),
  );
