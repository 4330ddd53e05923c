import { errorResponse, noteParams, outcomeResponse, publishOutcomeRequest, slugParams } from '@convene/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { publishOutcome, unpublishOutcome } from '../../commands/outcome.js';
import { requireSignedIn } from '../../policies/index.js';
import { loadNote } from '../../queries/notes.js';
import { loadOutcome } from '../../queries/outcome.js';
import { loadSpace, loadSpaceById } from '../../queries/spaces.js';

const tags = ['outcome'];
const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse };

/**
 * The space's public outcome (read by anyone who may read the space) and its publication from
 * the note workspace (chairs and administrators). Nothing of a note is public before that.
 */
export const outcomeRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app;

  app.get(
    '/spaces/:slug/outcome',
    {
      schema: {
        tags,
        summary: "The space's published outcome, or null while none is published",
        description:
          'The frozen copy of the note version a chair published: sections as sanitised HTML, footnotes linking to the contributions (author and date only while the contribution is published).',
        params: slugParams,
        response: { 200: outcomeResponse, 404: errorResponse },
      },
    },
    async (request, reply) => {
      const { space, scope } = await loadSpace(db, request.params.slug, request.user);
      void reply.header('cache-control', 'no-store');
      return loadOutcome(db, space, scope, request.user, config.appOrigin);
    },
  );

  const answer = async (noteId: string, viewer: Parameters<typeof loadNote>[2]) => {
    const { note } = await loadNote(db, noteId, viewer);
    const { space, scope } = await loadSpaceById(db, note.spaceId, viewer);
    return loadOutcome(db, space, scope, viewer, config.appOrigin);
  };

  app.put(
    '/notes/:id/outcome',
    {
      schema: {
        tags,
        summary: "Publish a saved version of the note as its space's outcome (chairs and administrators)",
        description:
          "Renders and freezes that version: later saves of the note change nothing public until it is published again. Replaces the space's outcome if one is published. Announced live (`outcome.published`).",
        params: noteParams,
        body: publishOutcomeRequest,
        response: { 200: outcomeResponse, ...errors },
      },
    },
    async (request) => {
      const user = request.user;
      requireSignedIn(user);
      await publishOutcome(db, user, request.params.id, request.body);
      return answer(request.params.id, user);
    },
  );

  app.delete(
    '/notes/:id/outcome',
    {
      schema: {
        tags,
        summary: "Unpublish the note's outcome (chairs and administrators)",
        description: 'Announced live (`outcome.unpublished`). 404 when this note is not the published one.',
        params: noteParams,
        response: { 200: outcomeResponse, ...errors },
      },
    },
    async (request) => {
      const user = request.user;
      requireSignedIn(user);
      await unpublishOutcome(db, user, request.params.id);
      return answer(request.params.id, user);
    },
  );
};
