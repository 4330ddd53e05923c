import { errorResponse, keyMessagesQuery, keyMessagesResponse, noteParams } from '@convene/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireSignedIn } from '../../policies/index.js';
import { loadKeyMessages } from '../../queries/keyMessages.js';
import { loadNote } from '../../queries/notes.js';

/** The key-messages view of a note: its space's highlighted contributions by question or objective. */
export const noteKeyMessagesRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app;

  app.get(
    '/notes/:id/key-messages',
    {
      schema: {
        tags: ['notes'],
        summary: 'The highlighted contributions by guiding question or by objective, with their text (staff)',
        description:
          'Published, highlighted contributions of the note\'s space only, oldest first, grouped by question (`group=question`, every question in order, then the space as a whole) or by objective (`group=objective`: a contribution under each of its tags, then "No objective"). No text is generated: the chair writes the synthesis in the note\'s sections.',
        params: noteParams,
        querystring: keyMessagesQuery,
        response: { 200: keyMessagesResponse, 400: errorResponse, 401: errorResponse, 404: errorResponse },
      },
    },
    async (request) => {
      requireSignedIn(request.user);
      // 404 to whoever is not staff of the note's space (the note's existence stays secret).
      const { space } = await loadNote(db, request.params.id, request.user);
      return { keyMessages: await loadKeyMessages(db, space, request.query.group, config.appOrigin) };
    },
  );
};
