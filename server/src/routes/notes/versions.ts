import {
  errorResponse,
  nameNoteVersionRequest,
  noteParams,
  noteResponse,
  noteVersionParams,
  noteVersionResponse,
  noteVersionsQuery,
  noteVersionsResponse,
} from '@convene/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { nameNoteVersion, restoreNoteVersion } from '../../commands/notes.js';
import { requireSignedIn } from '../../policies/index.js';
import { listNoteVersions, loadNote, loadNoteVersion, presentNote } from '../../queries/notes.js';

const tags = ['notes'];
const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse };

export const noteVersionRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app;

  app.get(
    '/notes/:id/versions',
    {
      schema: {
        tags,
        summary: "A note's saved versions, newest first",
        params: noteParams,
        querystring: noteVersionsQuery,
        response: { 200: noteVersionsResponse, ...errors },
      },
    },
    async (request) => {
      requireSignedIn(request.user);
      await loadNote(db, request.params.id, request.user);
      return listNoteVersions(db, request.params.id, request.query);
    },
  );

  app.get(
    '/notes/:id/versions/:version',
    {
      schema: {
        tags,
        summary: 'One saved version of a note, with its content',
        params: noteVersionParams,
        response: { 200: noteVersionResponse, ...errors },
      },
    },
    async (request) => {
      requireSignedIn(request.user);
      await loadNote(db, request.params.id, request.user);
      const { version } = await loadNoteVersion(db, request.params.id, request.params.version);
      return { version };
    },
  );

  app.post(
    '/notes/:id/versions/:version/restore',
    {
      schema: {
        tags,
        summary: 'Make an earlier version current again, saved as a new version (chairs and administrators)',
        description:
          'Placements of contributions that are no longer highlighted and published are dropped; citations stay in the text.',
        params: noteVersionParams,
        response: { 200: noteResponse, ...errors },
      },
    },
    async (request) => {
      const user = request.user;
      requireSignedIn(user);
      await restoreNoteVersion(db, user, request.params.id, request.params.version);
      return { note: await presentNote(db, await loadNote(db, request.params.id, user), user, config.appOrigin) };
    },
  );

  app.patch(
    '/notes/:id/versions/:version',
    {
      schema: {
        tags,
        summary: 'Name a saved version, e.g. "Draft for the Bureau" (chairs and administrators)',
        description:
          'A named version is kept as it is: the next save starts a new version. `null` or "" removes the name.',
        params: noteVersionParams,
        body: nameNoteVersionRequest,
        response: { 200: noteVersionResponse, ...errors },
      },
    },
    async (request) => {
      const user = request.user;
      requireSignedIn(user);
      await nameNoteVersion(db, user, request.params.id, request.params.version, request.body.name);
      const { version } = await loadNoteVersion(db, request.params.id, request.params.version);
      return { version };
    },
  );
};
