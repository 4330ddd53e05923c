import {
  authorNotesParams,
  commentParams,
  errorResponse,
  staffNoteRequest,
  staffNoteResponse,
  staffNotesResponse,
} from '@convene/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { addAuthorNote, addCommentNote, listAuthorNotes, listCommentNotes } from '../../commands/staffNotes.js';
import { requireSignedIn } from '../../policies/index.js';

const tags = ['moderation'];
const refusals = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse };

/**
 * Staff-only notes on a comment or on an author in a space. Guests get 401 before anything is
 * loaded; a comment or space the viewer may not read is 404; a participant who may read it, 403.
 */
export const staffNoteRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.get(
    '/comments/:id/staff-notes',
    {
      schema: {
        tags,
        summary: "The staff's private notes on a comment, oldest first (the space's moderators, chairs, admins)",
        params: commentParams,
        response: { 200: staffNotesResponse, ...refusals },
      },
    },
    async (request) => {
      requireSignedIn(request.user);
      return { notes: await listCommentNotes(db, request.user, request.params.id) };
    },
  );

  app.post(
    '/comments/:id/staff-notes',
    {
      schema: {
        tags,
        summary: 'Leave a private staff note on a comment',
        description: '`{ body }`: plain text, 1–2,000 characters (U+0000 dropped, lone surrogates replaced).',
        params: commentParams,
        body: staffNoteRequest,
        response: { 201: staffNoteResponse, ...refusals },
      },
    },
    async (request, reply) => {
      requireSignedIn(request.user);
      const note = await addCommentNote(db, request.user, request.params.id, request.body.body);
      return reply.status(201).send({ note });
    },
  );

  app.get(
    '/spaces/:slug/authors/:userId/staff-notes',
    {
      schema: {
        tags,
        summary: "The staff's private notes on an author in this space, oldest first",
        params: authorNotesParams,
        response: { 200: staffNotesResponse, ...refusals },
      },
    },
    async (request) => {
      requireSignedIn(request.user);
      return { notes: await listAuthorNotes(db, request.user, request.params.slug, request.params.userId) };
    },
  );

  app.post(
    '/spaces/:slug/authors/:userId/staff-notes',
    {
      schema: {
        tags,
        summary: 'Leave a private staff note on an author in this space',
        description: '`{ body }`: plain text, 1–2,000 characters (U+0000 dropped, lone surrogates replaced).',
        params: authorNotesParams,
        body: staffNoteRequest,
        response: { 201: staffNoteResponse, ...refusals },
      },
    },
    async (request, reply) => {
      requireSignedIn(request.user);
      const { slug, userId } = request.params;
      const note = await addAuthorNote(db, request.user, slug, userId, request.body.body);
      return reply.status(201).send({ note });
    },
  );
};
