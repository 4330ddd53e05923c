import { errorResponse, logQuery, logResponse, slugParams } from '@convene/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authorize, requireSignedIn } from '../../policies/index.js';
import { loadModerationLog } from '../../queries/moderationLog.js';
import { loadSpace } from '../../queries/spaces.js';

export const logRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.get(
    '/spaces/:slug/moderation/log',
    {
      schema: {
        tags: ['moderation'],
        summary: "A space's moderation audit trail, newest first",
        params: slugParams,
        querystring: logQuery,
        response: { 200: logResponse, 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse },
      },
    },
    async (request) => {
      requireSignedIn(request.user);
      const { space, scope } = await loadSpace(db, request.params.slug, request.user);
      authorize(request.user, 'moderation.read', scope);
      return loadModerationLog(db, space.id, request.query);
    },
  );
};
