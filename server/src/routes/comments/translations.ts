import {
  commentResponse,
  errorResponse,
  translationParams,
  translationRequest,
  translationResponse,
} from '@convene/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { deleteTranslation, putTranslation } from '../../commands/translations.js';
import { requireSignedIn } from '../../policies/index.js';

const tags = ['comments'];
const refusals = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse };

/**
 * A published comment's translations, written by the space's staff. A guest gets 401 before
 * anything is loaded; a comment the viewer may not read, 404; one they may read but not
 * translate (a participant, or a comment that is not published), 403.
 */
export const commentTranslationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;
  const written = translationResponse.extend(commentResponse.shape);

  app.put(
    '/comments/:id/translations/:lang',
    {
      onRequest: app.limit('edit'),
      schema: {
        tags,
        summary: "Write or update a published comment's translation into another language of its space (staff)",
        description:
          '`{ body }`: markdown (1–20,000 characters; U+0000 dropped, lone surrogates replaced), sanitised like a comment. It records the published text it translates: once that text changes, the translation is `outdated` and hidden from readers until written again. 201 when new, 200 when updated.',
        params: translationParams,
        body: translationRequest,
        response: { 200: written, 201: written, ...refusals, 429: errorResponse },
      },
    },
    async (request, reply) => {
      requireSignedIn(request.user);
      const { id, lang } = request.params;
      const { created, ...out } = await putTranslation(db, request.user, id, lang, request.body.body);
      return reply.status(created ? 201 : 200).send(out);
    },
  );

  app.delete(
    '/comments/:id/translations/:lang',
    {
      schema: {
        tags,
        summary: "Delete a comment's translation (staff)",
        params: translationParams,
        response: { 200: commentResponse, ...refusals },
      },
    },
    async (request) => {
      requireSignedIn(request.user);
      return { comment: await deleteTranslation(db, request.user, request.params.id, request.params.lang) };
    },
  );
};
