import {
  type UpdateSpaceInput,
  createSpaceRequest,
  errorResponse,
  okResponse,
  slugParams,
  spaceDetailResponse,
  spaceListResponse,
  updateSpaceRequest,
} from '@convene/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createSpace, markSpaceSeen, updateSpace } from '../../commands/spaces.js';
import { AppError } from '../../errors.js';
import { type SpaceScope, type Viewer, authorize, can } from '../../policies/index.js';
import { listSpaces, spaceDetail } from '../../queries/spaceList.js';
import { loadSpace, scopeOf } from '../../queries/spaces.js';

const tags = ['spaces'];
const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse };

/** The background and summary are the chairs' to write; every other setting is the administrators'. */
const CONTENT_FIELDS: ReadonlySet<string> = new Set(['background', 'summary']);

/** Refuses the update unless the viewer may change every field sent, naming the ones refused. */
function authorizeUpdate(viewer: Viewer, scope: SpaceScope, body: UpdateSpaceInput): void {
  authorize(viewer, 'space.editContent', scope);
  const refused = Object.entries(body)
    .filter(([, value]) => value !== undefined)
    .map(([field]) => field)
    .filter((field) => !can(viewer, CONTENT_FIELDS.has(field) ? 'space.editContent' : 'space.update', scope));
  if (refused.length > 0) {
    throw new AppError(403, 'forbidden', `Only administrators may change: ${refused.join(', ')}.`, {
      fields: refused.map((field) => ({ field, message: 'Only administrators may change this' })),
    });
  }
}

export const spaceRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.get(
    '/spaces',
    {
      schema: {
        tags,
        summary: 'Sessions and stand-alone spaces, each with its roundtables and counts',
        response: { 200: spaceListResponse },
      },
    },
    async (request) => listSpaces(db, request.user),
  );

  app.get(
    '/spaces/:slug',
    {
      schema: {
        tags,
        summary: 'A space with its background, questions, staff and the viewer’s abilities',
        params: slugParams,
        response: { 200: spaceDetailResponse, 404: errorResponse },
      },
    },
    async (request) => {
      const loaded = await loadSpace(db, request.params.slug, request.user);
      return { space: await spaceDetail(db, loaded, request.user) };
    },
  );

  app.post(
    '/spaces',
    {
      schema: {
        tags,
        summary: 'Create a space (administrators)',
        body: createSpaceRequest,
        response: { 201: spaceDetailResponse, ...errors, 409: errorResponse },
      },
    },
    async (request, reply) => {
      const viewer = request.user;
      authorize(viewer, 'space.create');
      const space = await createSpace(db, request.body, viewer);
      // The creator is an administrator: no role rows to look up.
      const detail = await spaceDetail(db, { space, scope: scopeOf(space, undefined) }, viewer);
      return reply.status(201).send({ space: detail });
    },
  );

  app.patch(
    '/spaces/:slug',
    {
      schema: {
        tags,
        summary: 'Change a space (administrators; chairs only its background and summary)',
        params: slugParams,
        body: updateSpaceRequest,
        response: { 200: spaceDetailResponse, ...errors },
      },
    },
    async (request) => {
      const { space, scope } = await loadSpace(db, request.params.slug, request.user);
      authorizeUpdate(request.user, scope, request.body);
      const updated = await updateSpace(db, space.id, request.body);
      return {
        space: await spaceDetail(db, { space: updated, scope: { ...scope, status: updated.status } }, request.user),
      };
    },
  );

  app.put(
    '/spaces/:slug/seen',
    {
      schema: {
        tags,
        summary: 'Mark the space as read: its "new" counts restart from zero',
        params: slugParams,
        response: { 200: okResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse },
      },
    },
    async (request) => {
      const { space, scope } = await loadSpace(db, request.params.slug, request.user);
      authorize(request.user, 'space.markSeen', scope);
      await markSpaceSeen(db, space.id, app.requireUser(request));
      return { ok: true as const };
    },
  );
};
