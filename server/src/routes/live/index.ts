import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../errors.js';
import { isAllowedOrigin } from '../../plugins/security.js';

export const liveRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/live',
    {
      websocket: true,
      schema: {
        tags: ['live'],
        summary: 'WebSocket upgrade for live events (see the README for the protocol)',
      },
      // A page on another site must not open a socket with the visitor's cookie.
      preValidation: async (request) => {
        if (!isAllowedOrigin(request, app.config.appOrigin)) {
          throw new AppError(403, 'forbidden_origin', 'This connection came from another site and was refused.');
        }
      },
    },
    (socket, request) => {
      app.live.accept(socket, request.user, request.session?.id ?? null);
    },
  );
};
