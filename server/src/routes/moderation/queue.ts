import { errorResponse, queueQuery, queueResponse, slugParams } from '@convene/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { forbidden } from '../../errors.js';
import { authorize, requireSignedIn } from '../../policies/index.js';
import { loadQueue, moderatedSpaces } from '../../queries/queue.js';
import { loadSpace } from '../../queries/spaces.js';

const tags = ['moderation'];

export const queueRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.get(
    '/spaces/:slug/moderation/queue',
    {
      schema: {
        tags,
        summary: "A space's moderation queue (moderators, chairs, administrators)",
        params: slugParams,
        querystring: queueQuery,
        response: {
          200: queueResponse,
          400: errorResponse,
          401: errorResponse,
          403: errorResponse,
          404: errorResponse,
        },
      },
    },
    async (request) => {
      requireSignedIn(request.user);
      const loaded = await loadSpace(db, request.params.slug, request.user);
      authorize(request.user, 'moderation.read', loaded.scope);
      return loadQueue(db, request.user, [loaded], request.query);
    },
  );

  app.get(
    '/moderation/queue',
    {
      schema: {
        tags,
        summary: 'One queue across every space the viewer moderates or chairs',
        querystring: queueQuery,
        response: { 200: queueResponse, 400: errorResponse, 401: errorResponse, 403: errorResponse },
      },
    },
    async (request) => {
      requireSignedIn(request.user);
      const inView = await moderatedSpaces(db, request.user);
      if (inView.length === 0) throw forbidden('You do not moderate or chair any space.');
      return loadQueue(db, request.user, inView, request.query);
    },
  );
};
