import {
  createSpaceRequest,
  duplicateSpaceRequest,
  errorResponse,
  languageQuery,
  okResponse,
  slugParams,
  spaceDetailResponse,
  spaceListResponse,
  updateSpaceRequest,
} from '@convene/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createSpace, duplicateSpace, markSpaceSeen, updateSpace } from '../../commands/spaces.js';
import { authorize, authorizeSpaceUpdate, requireSignedIn } from '../../policies/index.js';
import { listSpaces, spaceDetail } from '../../queries/spaceList.js';
import { loadSpace, scopeOf } from '../../queries/spaces.js';
import { cachedRead } from '../../plugins/publicCache.js';
import { askedLanguage } from './language.js';

const tags = ['spaces'];
const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse };

export const spaceRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.get(
    '/spaces',
    {
      schema: {
        tags,
        summary: 'Sessions and stand-alone spaces, each with its roundtables and counts',
        description:
          'Titles and summaries in the language asked (`?lang=`, else Accept-Language), falling back to each space’s original; `lang` says which.',
        querystring: languageQuery,
        response: { 200: spaceListResponse, 400: errorResponse },
      },
    },
    async (request, reply) =>
      listSpaces(db, request.user, new Date(), askedLanguage(request, reply, request.query.lang)),
  );

  app.get(
    '/spaces/:slug',
    {
      schema: {
        tags,
        summary: 'A space with its background, questions, staff and the viewer’s abilities',
        description:
          'Texts in the language asked (`?lang=`, else Accept-Language), each falling back to the original; `lang` per field says which. Editors also get every translation and what is missing.',
        params: slugParams,
        querystring: languageQuery,
        response: { 200: spaceDetailResponse, 400: errorResponse, 404: errorResponse },
      },
    },
    async (request, reply) =>
      // Anonymous viewers are served from the public read cache (`plugins/publicCache.ts`).
      cachedRead(request, reply, {
        compute: async () => {
          const loaded = await loadSpace(db, request.params.slug, request.user);
          const asked = askedLanguage(request, reply, request.query.lang);
          return {
            value: { space: await spaceDetail(db, loaded, request.user, new Date(), asked) },
            spaceId: loaded.space.id,
          };
        },
      }),
  );

  app.post(
    '/spaces',
    {
      schema: {
        tags,
        summary: 'Create a space (administrators)',
        querystring: languageQuery,
        body: createSpaceRequest,
        response: { 201: spaceDetailResponse, ...errors, 409: errorResponse },
      },
    },
    async (request, reply) => {
      const viewer = request.user;
      authorize(viewer, 'space.create');
      const space = await createSpace(db, request.body, viewer);
      // The creator is an administrator: no role rows to look up.
      const asked = askedLanguage(request, reply, request.query.lang);
      const detail = await spaceDetail(db, { space, scope: scopeOf(space, undefined) }, viewer, new Date(), asked);
      return reply.status(201).send({ space: detail });
    },
  );

  app.patch(
    '/spaces/:slug',
    {
      schema: {
        tags,
        summary: 'Change a space (administrators; chairs only its background and summary)',
        params: slugParams,
        querystring: languageQuery,
        body: updateSpaceRequest,
        response: { 200: spaceDetailResponse, ...errors, 409: errorResponse },
      },
    },
    async (request, reply) => {
      requireSignedIn(request.user);
      const { space, scope } = await loadSpace(db, request.params.slug, request.user);
      // A translation is authorised as its field is: chairs translate the summary and background.
      const fields = Object.entries(request.body).flatMap(([field, value]) => {
        if (value === undefined) return [];
        if (field !== 'translations' || typeof value !== 'object' || value === null) return [field];
        return Object.entries(value).flatMap(([lang, set]) =>
          Object.entries((set ?? {}) as Record<string, unknown>)
            .filter(([, v]) => v !== undefined)
            .map(([key]) => `translations.${lang}.${key}`),
        );
      });
      authorizeSpaceUpdate(request.user, scope, fields);
      const updated = await updateSpace(db, space.id, request.body, request.user);
      const asked = askedLanguage(request, reply, request.query.lang);
      const next = { space: updated, scope: { ...scope, status: updated.status } };
      return { space: await spaceDetail(db, next, request.user, new Date(), asked) };
    },
  );

  app.post(
    '/spaces/:slug/duplicate',
    {
      schema: {
        tags,
        summary: 'Start the next roundtable from this one: a draft copy of its settings and questions (administrators)',
        params: slugParams,
        querystring: languageQuery,
        body: duplicateSpaceRequest,
        response: { 201: spaceDetailResponse, ...errors, 409: errorResponse },
      },
    },
    async (request, reply) => {
      // Sign-in first: a guest learns nothing about which spaces exist.
      requireSignedIn(request.user);
      const { space, scope } = await loadSpace(db, request.params.slug, request.user);
      authorize(request.user, 'space.duplicate', scope);
      const copy = await duplicateSpace(db, space.id, request.body, request.user);
      // The actor is an administrator: no role rows to look up.
      const asked = askedLanguage(request, reply, request.query.lang);
      const detail = await spaceDetail(
        db,
        { space: copy, scope: scopeOf(copy, undefined) },
        request.user,
        new Date(),
        asked,
      );
      return reply.status(201).send({ space: detail });
    },
  );

  app.put(
    '/spaces/:slug/seen',
    {
      schema: {
        tags,
        summary: 'Mark the space as read: its "new" counts restart from zero',
        params: slugParams,
        response: { 200: okResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse },
      },
    },
    async (request) => {
      requireSignedIn(request.user);
      const { space, scope } = await loadSpace(db, request.params.slug, request.user);
      authorize(request.user, 'space.markSeen', scope);
      await markSpaceSeen(db, space.id, app.requireUser(request));
      return { ok: true as const };
    },
  );
};
