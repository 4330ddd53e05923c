import {
  errorResponse,
  invitationParams,
  invitationsResponse,
  inviteRequest,
  inviteResponse,
  slugParams,
} from '@convene/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  inviteToRole,
  listInvitations,
  loadOpenInvitation,
  resendInvitation,
  revokeInvitation,
} from '../../commands/invitations.js';
import { authorize, requireSignedIn } from '../../policies/index.js';
import { loadSpace, loadSpaceById } from '../../queries/spaces.js';

const tags = ['spaces'];
const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse };

/**
 * Invitations to moderate or chair a space (administrators, like the roles themselves):
 * `GET/POST /api/spaces/:slug/invitations`, `POST /api/invitations/:id/resend`, `DELETE /api/invitations/:id`.
 */
export const invitationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, jobs, config } = app;

  /** The invitation's space, once the viewer may manage its roles (404 for an unknown or closed invitation). */
  const manageable = async (viewer: Parameters<typeof authorize>[0], id: string) => {
    requireSignedIn(viewer);
    const { invitation } = await loadOpenInvitation(db, id);
    const { space, scope } = await loadSpaceById(db, invitation.spaceId, viewer);
    authorize(viewer, 'space.manageRoles', scope);
    return { invitation, space };
  };

  app.get(
    '/spaces/:slug/invitations',
    {
      schema: {
        tags,
        summary: 'Open invitations to moderate or chair the space (administrators)',
        params: slugParams,
        response: { 200: invitationsResponse, ...errors },
      },
    },
    async (request) => {
      requireSignedIn(request.user);
      const { space, scope } = await loadSpace(db, request.params.slug, request.user);
      authorize(request.user, 'space.manageRoles', scope);
      return { invitations: await listInvitations(db, space.id) };
    },
  );

  app.post(
    '/spaces/:slug/invitations',
    {
      schema: {
        tags,
        summary: 'Appoint a moderator or chair by email, inviting an address with no account',
        description:
          'An address with an account gets the role at once (200, `outcome: granted`, as `PUT /roles`); otherwise an invitation is emailed (201, `outcome: invited`), valid 14 days. Inviting an address again sends the open invitation again.',
        params: slugParams,
        body: inviteRequest,
        response: { 200: inviteResponse, 201: inviteResponse, ...errors },
      },
    },
    async (request, reply) => {
      requireSignedIn(request.user);
      const { space, scope } = await loadSpace(db, request.params.slug, request.user);
      authorize(request.user, 'space.manageRoles', scope);
      const outcome = await inviteToRole(db, jobs, config, space, request.body, app.requireUser(request));
      return reply
        .status(outcome === 'invited' ? 201 : 200)
        .send({ outcome, invitations: await listInvitations(db, space.id) });
    },
  );

  app.post(
    '/invitations/:id/resend',
    {
      schema: {
        tags,
        summary: 'Send an open invitation again (a new link and 14 more days; the old link stops working)',
        params: invitationParams,
        response: { 200: invitationsResponse, ...errors },
      },
    },
    async (request) => {
      const { invitation, space } = await manageable(request.user, request.params.id);
      await resendInvitation(db, jobs, config, invitation, space, app.requireUser(request));
      return { invitations: await listInvitations(db, space.id) };
    },
  );

  app.delete(
    '/invitations/:id',
    {
      schema: {
        tags,
        summary: 'Revoke an open invitation (its link stops working)',
        params: invitationParams,
        response: { 200: invitationsResponse, ...errors },
      },
    },
    async (request) => {
      const { invitation, space } = await manageable(request.user, request.params.id);
      await revokeInvitation(db, invitation.id);
      return { invitations: await listInvitations(db, space.id) };
    },
  );
};
