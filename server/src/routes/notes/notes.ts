import {
  createNoteRequest,
  errorResponse,
  noteGapsResponse,
  noteListResponse,
  noteParams,
  noteResponse,
  saveNoteRequest,
  slugParams,
} from '@convene/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createNote, saveNote } from '../../commands/notes.js';
import { authorize, requireSignedIn } from '../../policies/index.js';
import { listNotes, loadNote, loadNoteGaps, presentNote } from '../../queries/notes.js';
import { loadSpace } from '../../queries/spaces.js';
import { negotiateLanguage } from '../spaces/language.js';

const tags = ['notes'];
const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse };

export const noteRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app;

  app.get(
    '/spaces/:slug/notes',
    {
      schema: {
        tags,
        summary: "A space's background notes, most recently saved first (staff)",
        params: slugParams,
        response: { 200: noteListResponse, ...errors },
      },
    },
    async (request) => {
      requireSignedIn(request.user);
      const { space, scope } = await loadSpace(db, request.params.slug, request.user);
      authorize(request.user, 'note.read', scope);
      return listNotes(db, space, request.user, scope);
    },
  );

  app.post(
    '/spaces/:slug/notes',
    {
      schema: {
        tags,
        summary: 'Create a background note, with a section per guiding question (chairs and administrators)',
        params: slugParams,
        body: createNoteRequest,
        response: { 201: noteResponse, ...errors },
      },
    },
    async (request, reply) => {
      requireSignedIn(request.user);
      const { space, scope } = await loadSpace(db, request.params.slug, request.user);
      authorize(request.user, 'note.edit', scope);
      // The default title in the creator's interface language: the one the web client sends
      // (Accept-Language), else the account's.
      const lang = negotiateLanguage(request.headers['accept-language']) ?? request.user.locale;
      const id = await createNote(db, request.user, space, scope, request.body, lang);
      const note = await presentNote(db, await loadNote(db, id, request.user), request.user, config.appOrigin);
      return reply.status(201).send({ note });
    },
  );

  app.get(
    '/spaces/:slug/notes/gaps',
    {
      schema: {
        tags,
        summary: 'Who has not been heard: categories and questions with at most one highlighted contribution',
        params: slugParams,
        response: { 200: noteGapsResponse, ...errors },
      },
    },
    async (request) => {
      requireSignedIn(request.user);
      const { space, scope } = await loadSpace(db, request.params.slug, request.user);
      authorize(request.user, 'note.read', scope);
      return { gaps: await loadNoteGaps(db, space) };
    },
  );

  app.get(
    '/notes/:id',
    {
      schema: {
        tags,
        summary: 'A note with its sections, placed contributions, word counts and citations (staff)',
        params: noteParams,
        response: { 200: noteResponse, ...errors },
      },
    },
    async (request) => {
      requireSignedIn(request.user);
      const loaded = await loadNote(db, request.params.id, request.user);
      return { note: await presentNote(db, loaded, request.user, config.appOrigin) };
    },
  );

  app.put(
    '/notes/:id',
    {
      schema: {
        tags,
        summary: 'Save the whole note (chairs and administrators)',
        description:
          "The note's `version` goes up by one. Saves by the same chair less than `NOTE_VERSION_PAUSE_MINUTES` apart update the latest unnamed version in the history; after a pause, a named version or a restore, a new one is added. Send the `version` the edit started from. When someone saved in between, the answer is 409 `conflict` naming who saved it and when, with the current note in `details.note`. Only highlighted, published contributions of the space may be placed (`commentIds`) or cited (`[@<comment id>]` in `bodyMd`).",
        params: noteParams,
        body: saveNoteRequest,
        response: { 200: noteResponse, ...errors, 409: errorResponse },
      },
    },
    async (request) => {
      const user = request.user;
      requireSignedIn(user);
      // Loads, authorizes and checks the version under the note's lock.
      await saveNote(db, user, request.params.id, request.body, {
        appOrigin: config.appOrigin,
        pauseMs: config.noteVersionPauseMs,
      });
      return { note: await presentNote(db, await loadNote(db, request.params.id, user), user, config.appOrigin) };
    },
  );
};
