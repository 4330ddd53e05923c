import { errorResponse, roleRequest, rolesResponse, slugParams } from '@convene/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { grantSpaceRole, revokeSpaceRole } from '../../commands/spaces.js';
import { authorize, requireSignedIn } from '../../policies/index.js';
import { listRoles } from '../../queries/spaceList.js';
import { loadSpace } from '../../queries/spaces.js';

const tags = ['spaces'];
const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse };

/** Moderators and chairs of a space, appointed by administrators. */
export const roleRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.get(
    '/spaces/:slug/roles',
    {
      schema: {
        tags,
        summary: 'Who moderates and chairs the space',
        params: slugParams,
        response: { 200: rolesResponse, ...errors },
      },
    },
    async (request) => {
      requireSignedIn(request.user);
      const { space, scope } = await loadSpace(db, request.params.slug, request.user);
      authorize(request.user, 'space.manageRoles', scope);
      return { roles: await listRoles(db, space.id) };
    },
  );

  app.put(
    '/spaces/:slug/roles',
    {
      schema: {
        tags,
        summary: 'Appoint a moderator or chair by email (idempotent)',
        params: slugParams,
        body: roleRequest,
        response: { 200: rolesResponse, ...errors },
      },
    },
    async (request) => {
      requireSignedIn(request.user);
      const { space, scope } = await loadSpace(db, request.params.slug, request.user);
      authorize(request.user, 'space.manageRoles', scope);
      const actor = app.requireUser(request);
      await grantSpaceRole(db, space, request.body, actor);
      return { roles: await listRoles(db, space.id) };
    },
  );

  app.delete(
    '/spaces/:slug/roles',
    {
      schema: {
        tags,
        summary: 'Revoke a moderator or chair role',
        params: slugParams,
        body: roleRequest,
        response: { 200: rolesResponse, ...errors },
      },
    },
    async (request) => {
      requireSignedIn(request.user);
      const { space, scope } = await loadSpace(db, request.params.slug, request.user);
      authorize(request.user, 'space.manageRoles', scope);
      await revokeSpaceRole(db, space, request.body, request.user);
      return { roles: await listRoles(db, space.id) };
    },
  );
};
