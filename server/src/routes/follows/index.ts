import { errorResponse, followResponse, followsResponse, questionParams, slugParams } from '@convene/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { changeFollow } from '../../commands/follows.js';
import { followsOf } from '../../mail/follows.js';
import { requireSignedIn } from '../../policies/index.js';

const tags = ['mail'];
const responses = { 200: followResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse };

/**
 * Following a space or a guiding question: its new published contributions are then notified
 * (kind `followed`: daily digest by default). The space and question responses say `following`.
 */
export const followRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;
  app.get(
    '/me/follows',
    {
      schema: {
        tags,
        summary: 'What you follow: spaces and guiding questions',
        description: 'Active follows in spaces you may read; `auto` marks those made by publishing a contribution.',
        response: { 200: followsResponse, 401: errorResponse },
      },
    },
    async (request) => {
      requireSignedIn(request.user);
      return followsOf(db, request.user);
    },
  );
  for (const [method, following] of [
    ['PUT', true],
    ['DELETE', false],
  ] as const) {
    const verb = following ? 'Follow' : 'Stop following';
    app.route({
      method,
      url: '/spaces/:slug/follow',
      schema: {
        tags,
        summary: `${verb} a space (every new published contribution in it)`,
        params: slugParams,
        response: responses,
      },
      handler: (request) => changeFollow(db, request.user, { slug: request.params.slug }, following),
    });
    app.route({
      method,
      url: '/spaces/:slug/questions/:id/follow',
      schema: {
        tags,
        summary: `${verb} one guiding question of a space`,
        params: questionParams,
        response: responses,
      },
      handler: (request) =>
        changeFollow(db, request.user, { slug: request.params.slug, questionId: request.params.id }, following),
    });
  }
};
