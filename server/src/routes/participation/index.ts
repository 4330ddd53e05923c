import { errorResponse, participationQuery, participationResponse, slugParams } from '@convene/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authorize, requireSignedIn } from '../../policies/index.js';
import { loadParticipation } from '../../queries/participation.js';
import { loadSpace } from '../../queries/spaces.js';

/** Participation statistics for the chairs' dashboard (staff of the space). */
export const participationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.get(
    '/spaces/:slug/participation',
    {
      schema: {
        tags: ['participation'],
        summary: 'Who took part: contributions and contributors by category, country, question, language and day',
        description: 'Counts published contributions only. For moderators, chairs and administrators of the space.',
        params: slugParams,
        querystring: participationQuery,
        response: {
          200: participationResponse,
          400: errorResponse,
          401: errorResponse,
          403: errorResponse,
          404: errorResponse,
        },
      },
    },
    async (request) => {
      requireSignedIn(request.user);
      const { space, scope } = await loadSpace(db, request.params.slug, request.user);
      authorize(request.user, 'space.export', scope);
      return { participation: await loadParticipation(db, space, { scope: request.query.scope }) };
    },
  );
};
