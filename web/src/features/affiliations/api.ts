import {
  type AffiliationRequestInput,
  addDomainResponse,
  affiliationQueueResponse,
  affiliationRequestDto,
  myAffiliationResponse,
  okResponse,
  organisationDomainsResponse,
  verifiedUserDto,
  verifiedUsersResponse,
} from '@convene/shared';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../lib/api';

export const myAffiliationQuery = (userId: string) =>
  queryOptions({
    queryKey: ['me', userId, 'affiliation'],
    queryFn: ({ signal }) => api('/api/me/affiliation', { schema: myAffiliationResponse, signal }),
  });
export const queueQuery = () =>
  queryOptions({
    queryKey: ['admin', 'affiliations', 'requests'],
    queryFn: ({ signal }) => api('/api/admin/affiliations/requests', { schema: affiliationQueueResponse, signal }),
  });
export const domainsQuery = () =>
  queryOptions({
    queryKey: ['admin', 'affiliations', 'domains'],
    queryFn: ({ signal }) => api('/api/admin/affiliations/domains', { schema: organisationDomainsResponse, signal }),
  });
export const verifiedUsersQuery = () =>
  queryOptions({
    queryKey: ['admin', 'affiliations', 'verified'],
    queryFn: ({ signal }) => api('/api/admin/affiliations/verified-users', { schema: verifiedUsersResponse, signal }),
  });

export function useRequestAffiliation(userId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: AffiliationRequestInput) =>
      api('/api/me/affiliation/requests', {
        method: 'POST',
        body,
        schema: z.object({ request: affiliationRequestDto }),
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
const userResponse = z.object({ user: verifiedUserDto });
export const useVerify = () =>
  useAdminMutation((id: string) =>
    api(`/api/admin/affiliations/requests/${id}/verify`, { method: 'POST', schema: userResponse }),
  );
export const useDecline = () =>
  useAdminMutation(({ id, reason }: { id: string; reason: string }) =>
    api(`/api/admin/affiliations/requests/${id}/decline`, {
      method: 'POST',
      body: { reason },
      schema: z.object({ request: affiliationRequestDto }),
    }),
  );
export const useAddDomain = () =>
  useAdminMutation((body: { domain: string; organisation: string; stakeholderCategory: string }) =>
    api('/api/admin/affiliations/domains', { method: 'POST', body, schema: addDomainResponse }),
  );
export const useRemoveDomain = () =>
  useAdminMutation((domain: string) =>
    api(`/api/admin/affiliations/domains/${encodeURIComponent(domain)}`, { method: 'DELETE', schema: okResponse }),
  );
export const useFocalPoint = () =>
  useAdminMutation(({ userId, on }: { userId: string; on: boolean }) =>
    api(`/api/admin/affiliations/focal-points/${userId}`, { method: on ? 'PUT' : 'DELETE', schema: userResponse }),
  );
export const useRevokeVerification = () =>
  useAdminMutation((userId: string) =>
    api(`/api/admin/affiliations/${userId}/verification`, { method: 'DELETE', schema: userResponse }),
  );
