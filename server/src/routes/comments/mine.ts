import { errorResponse, myCommentsQuery, myCommentsResponse } from '@convene/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireSignedIn } from '../../policies/index.js';
import { listMyComments } from '../../queries/commentList.js';

export const myCommentsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/me/comments',
    {
      schema: {
        tags: ['comments'],
        summary: "The signed-in user's own contributions in every space, newest first, every status",
        querystring: myCommentsQuery,
        response: { 200: myCommentsResponse, 400: errorResponse, 401: errorResponse },
      },
    },
    async (request) => {
      requireSignedIn(request.user);
      return listMyComments(app.db, request.user, request.query);
    },
  );
};
