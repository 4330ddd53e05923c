import { errorResponse, previewRequest, previewResponse } from '@convene/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { renderMarkdown } from '../../markdown.js';
import { requireSignedIn } from '../../policies/index.js';

/** The exact HTML a text will be published as: the composer's preview uses the server's renderer. */
export const previewRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/preview',
    {
      config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags: ['comments'],
        summary: 'Render markdown as it would be published (signed-in users)',
        body: previewRequest,
        response: { 200: previewResponse, 400: errorResponse, 401: errorResponse },
      },
    },
    async (request) => {
      requireSignedIn(request.user);
      return { html: renderMarkdown(request.body.body, 'preview') };
    },
  );
};
