import {
  type AffiliationQueueItem,
  type AffiliationRequestDto,
  addDomainResponse,
  affiliationQueueQuery,
  affiliationQueueResponse,
  affiliationRequestResponse,
  affiliationRequestInput,
  declineAffiliationInput,
  emailDomain,
  errorResponse,
  myAffiliationResponse,
  okResponse,
  type OrganisationDomainDto,
  organisationDomainInput,
  organisationDomainsResponse,
  verifiedUserResponse,
  verifiedUsersQuery,
  verifiedUsersResponse,
} from '@convene/shared';
import { and, asc, desc, eq, ilike, isNotNull, or } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addOrganisationDomain,
  declineAffiliation,
  designateFocalPoint,
  latestRequest,
  removeFocalPoint,
  removeOrganisationDomain,
  requestAffiliation,
  revokeVerification,
  verifyAffiliation,
} from '../../commands/affiliations.js';
import {
  type AffiliationRequest,
  type OrganisationDomain,
  type User,
  affiliationRequests,
  organisationDomains,
  users,
} from '../../db/schema/index.js';
import { authorize, requireSignedIn } from '../../policies/index.js';
import { presentPerson } from '../../presenters/comment.js';

const presentRequest = (r: AffiliationRequest): AffiliationRequestDto => ({
  id: r.id,
  organisation: r.organisation,
  stakeholderCategory: r.stakeholderCategory,
  country: r.country,
  title: r.title,
  note: r.note,
  status: r.status,
  reason: r.reason,
  decidedBy: r.decidedByName,
  decidedAt: r.decidedAt?.toISOString() ?? null,
  createdAt: r.createdAt.toISOString(),
});
const presentDomain = (d: OrganisationDomain): OrganisationDomainDto => ({
  domain: d.domain,
  organisation: d.organisation,
  stakeholderCategory: d.stakeholderCategory,
  createdAt: d.createdAt.toISOString(),
});
const presentVerifiedUser = (u: User) => ({ ...presentPerson(u), email: u.email, focalPoint: u.focalPointAt !== null });

const tags = ['affiliations'];
const refusals = { 401: errorResponse, 403: errorResponse };

/**
 * Verified affiliations: the participant's request (`/me/affiliation`) and the administrators'
 * verification queue, organisation domains and Member State focal points (`/admin/affiliations`).
 */
export const affiliationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/me/affiliation',
    {
      schema: {
        tags,
        summary: 'Your affiliation mark and latest verification request',
        response: { 200: myAffiliationResponse, 401: errorResponse },
      },
    },
    async (request) => {
      requireSignedIn(request.user);
      const latest = await latestRequest(app.db, request.user.id);
      return { person: presentPerson(request.user), request: latest ? presentRequest(latest) : null };
    },
  );

  app.post(
    '/me/affiliation/requests',
    {
      schema: {
        tags,
        summary: 'Ask for your affiliation to be verified (replaces a pending request)',
        body: affiliationRequestInput,
        response: { 201: affiliationRequestResponse, 400: errorResponse, 401: errorResponse },
      },
    },
    async (request, reply) => {
      requireSignedIn(request.user);
      const row = await requestAffiliation(app.db, request.user, request.body);
      return reply.code(201).send({ request: presentRequest(row) });
    },
  );

  app.get(
    '/admin/affiliations/requests',
    {
      schema: {
        tags,
        summary: 'The verification queue (administrators)',
        querystring: affiliationQueueQuery,
        response: { 200: affiliationQueueResponse, ...refusals },
      },
    },
    async (request) => {
      authorize(request.user, 'affiliation.manage');
      const pending = request.query.status === 'pending';
      const rows = await app.db
        .select({ request: affiliationRequests, user: users })
        .from(affiliationRequests)
        .innerJoin(users, eq(users.id, affiliationRequests.userId))
        .where(eq(affiliationRequests.status, request.query.status))
        .orderBy(pending ? asc(affiliationRequests.createdAt) : desc(affiliationRequests.createdAt))
        .limit(200);
      const out: AffiliationQueueItem[] = rows.map((r) => ({
        ...presentRequest(r.request),
        user: { ...presentPerson(r.user), email: r.user.email },
      }));
      return { requests: out };
    },
  );

  const requestParams = z.object({ id: z.uuid() });
  app.post(
    '/admin/affiliations/requests/:id/verify',
    {
      schema: {
        tags,
        summary: 'Verify a request: the affiliation asked for becomes the verified one (administrators)',
        params: requestParams,
        response: { 200: verifiedUserResponse, ...refusals, 404: errorResponse, 409: errorResponse },
      },
    },
    async (request) => {
      authorize(request.user, 'affiliation.manage');
      const user = await verifyAffiliation(app.db, request.user, request.params.id);
      return { user: presentVerifiedUser(user) };
    },
  );

  app.post(
    '/admin/affiliations/requests/:id/decline',
    {
      schema: {
        tags,
        summary: 'Decline a request with a reason the person sees (administrators)',
        params: requestParams,
        body: declineAffiliationInput,
        response: {
          200: affiliationRequestResponse,
          400: errorResponse,
          ...refusals,
          404: errorResponse,
          409: errorResponse,
        },
      },
    },
    async (request) => {
      authorize(request.user, 'affiliation.manage');
      const row = await declineAffiliation(app.db, request.user, request.params.id, request.body.reason);
      return { request: presentRequest(row) };
    },
  );

  app.get(
    '/admin/affiliations/domains',
    {
      schema: {
        tags,
        summary: 'Organisation email domains that verify automatically (administrators)',
        response: { 200: organisationDomainsResponse, ...refusals },
      },
    },
    async (request) => {
      authorize(request.user, 'affiliation.manage');
      const rows = await app.db.select().from(organisationDomains).orderBy(asc(organisationDomains.domain));
      return { domains: rows.map(presentDomain) };
    },
  );

  app.post(
    '/admin/affiliations/domains',
    {
      schema: {
        tags,
        summary: 'Add or replace an organisation domain; applies at once to verified addresses on it (administrators)',
        body: organisationDomainInput,
        response: { 201: addDomainResponse, 400: errorResponse, ...refusals },
      },
    },
    async (request, reply) => {
      authorize(request.user, 'affiliation.manage');
      const { domain, verifiedNow } = await addOrganisationDomain(app.db, request.user, request.body);
      return reply.code(201).send({ domain: presentDomain(domain), verifiedNow });
    },
  );

  app.delete(
    '/admin/affiliations/domains/:domain',
    {
      schema: {
        tags,
        summary: 'Remove an organisation domain (verifications it made stay) (administrators)',
        params: z.object({ domain: emailDomain }),
        response: { 200: okResponse, 400: errorResponse, ...refusals, 404: errorResponse },
      },
    },
    async (request) => {
      authorize(request.user, 'affiliation.manage');
      await removeOrganisationDomain(app.db, request.user, request.params.domain);
      return { ok: true as const };
    },
  );

  app.get(
    '/admin/affiliations/verified-users',
    {
      schema: {
        tags,
        summary: 'Users with a verified affiliation, focal points first (administrators)',
        querystring: verifiedUsersQuery,
        response: { 200: verifiedUsersResponse, 400: errorResponse, ...refusals },
      },
    },
    async (request) => {
      authorize(request.user, 'affiliation.manage');
      const { country, q } = request.query;
      const pattern = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
      const rows = await app.db
        .select()
        .from(users)
        .where(
          and(
            isNotNull(users.affiliationVerifiedAt),
            country ? eq(users.country, country) : undefined,
            pattern
              ? or(ilike(users.displayName, pattern), ilike(users.email, pattern), ilike(users.affiliation, pattern))
              : undefined,
          ),
        )
        .orderBy(asc(users.country), asc(users.focalPointAt), asc(users.displayName))
        .limit(500);
      return { users: rows.map(presentVerifiedUser) };
    },
  );

  const userParams = z.object({ userId: z.uuid() });
  app.put(
    '/admin/affiliations/focal-points/:userId',
    {
      schema: {
        tags,
        summary: 'Designate a verified user official focal point of their Member State (administrators)',
        params: userParams,
        response: { 200: verifiedUserResponse, ...refusals, 404: errorResponse, 409: errorResponse },
      },
    },
    async (request) => {
      authorize(request.user, 'affiliation.manage');
      return { user: presentVerifiedUser(await designateFocalPoint(app.db, request.user, request.params.userId)) };
    },
  );

  app.delete(
    '/admin/affiliations/focal-points/:userId',
    {
      schema: {
        tags,
        summary: 'End a focal-point designation (administrators)',
        params: userParams,
        response: { 200: verifiedUserResponse, ...refusals, 404: errorResponse },
      },
    },
    async (request) => {
      authorize(request.user, 'affiliation.manage');
      return { user: presentVerifiedUser(await removeFocalPoint(app.db, request.user, request.params.userId)) };
    },
  );

  app.delete(
    '/admin/affiliations/:userId/verification',
    {
      schema: {
        tags,
        summary: 'Remove a verification by hand, and any focal-point designation (administrators)',
        params: userParams,
        response: { 200: verifiedUserResponse, ...refusals, 404: errorResponse },
      },
    },
    async (request) => {
      authorize(request.user, 'affiliation.manage');
      return { user: presentVerifiedUser(await revokeVerification(app.db, request.user, request.params.userId)) };
    },
  );
};
