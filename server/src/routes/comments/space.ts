import {
  commentListResponse,
  commentResponse,
  createCommentRequest,
  errorResponse,
  listCommentsQuery,
  slugParams,
} from '@convene/shared';
import type { FastifySerializerCompiler } from 'fastify';
import { type FastifyPluginAsyncZod, serializerCompiler } from 'fastify-type-provider-zod';
import { createComment } from '../../commands/comments.js';
import { cachedRead, overlaidRead } from '../../plugins/publicCache.js';
import { authorize, requireSignedIn } from '../../policies/index.js';
import { gatedSpaceComments, listSpaceComments } from '../../queries/commentList.js';
import {
  type PublicPageMeta,
  abilitiesOverlay,
  guestScope,
  mayOverlay,
  overlayGate,
  publicPageMeta,
} from '../../queries/commentOverlay.js';
import type { Space } from '../../db/schema/index.js';
import { loadSpace } from '../../queries/spaces.js';

const tags = ['comments'];

/**
 * A page of comments is the hottest read (up to 500 comments, ~1 MB of JSON): its 200 answer is
 * written with plain `JSON.stringify`, not re-validated through the zod response schema on every
 * request (that cost as much as the page's query). The presenter builds exactly the schema's shape;
 * `tests/api/comment-page-schema.test.ts` parses real pages for every kind of viewer with
 * `commentListResponse` and fails on any missing, mistyped or extra field. Errors keep zod.
 */
const pageSerializer: FastifySerializerCompiler<unknown> = (route) =>
  route.httpStatus === '200' ? (data) => JSON.stringify(data) : serializerCompiler(route as never);

export const spaceCommentsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.get(
    '/spaces/:slug/comments',
    {
      schema: {
        tags,
        summary: "A space's comments: published ones plus the viewer's own pending and rejected ones",
        description:
          'Oldest first, keyset-paginated (pass `nextCursor` back as `cursor`). `q` searches the text in the forms of all six languages at once (Arabic, Chinese by two-character pieces, English, French, Russian, Spanish) and language-neutral forms.',
        params: slugParams,
        querystring: listCommentsQuery,
        response: { 200: commentListResponse, 400: errorResponse, 404: errorResponse },
      },
      serializerCompiler: pageSerializer,
    },
    async (request, reply) => {
      const viewer = request.user;
      const cacheable = request.query.q === undefined;
      // The guest's page, as the public read cache keeps it (with what the overlay needs of it).
      const publicPage = async (space: Space) => {
        const value = await listSpaceComments(db, space, guestScope(space), null, request.query);
        return { value, spaceId: space.id, meta: publicPageMeta(value) };
      };
      // Guests are served from the public read cache (`plugins/publicCache.ts`); not searches.
      if (viewer === null) {
        return cachedRead(request, reply, {
          cacheable,
          compute: async () => publicPage((await loadSpace(db, request.params.slug, null)).space),
        });
      }
      const { space, scope } = await loadSpace(db, request.params.slug, viewer);
      const computeFull = async () => ({
        value: await listSpaceComments(db, space, scope, viewer, request.query),
        spaceId: space.id,
      });
      if (!cacheable || !mayOverlay(viewer, scope, space)) return cachedRead(request, reply, { compute: computeFull });
      // A participant: the cached guest page plus their overlay (`queries/commentOverlay.ts`).
      return overlaidRead<PublicPageMeta>(request, reply, {
        computePublic: () => publicPage(space),
        // One statement: the check, and the viewer's page in full only if their own work touches the guest page.
        overlayOrFull: async (meta) => {
          const full = await gatedSpaceComments(db, space, scope, viewer, request.query, overlayGate(meta));
          return full ? { full } : { overlay: abilitiesOverlay(space, scope, viewer, meta) };
        },
        computeFull,
      });
    },
  );

  app.post(
    '/spaces/:slug/comments',
    {
      onRequest: app.limit('comment'),
      schema: {
        tags,
        summary: 'Post a comment (or a reply); resending the same clientId returns the first comment with 200',
        params: slugParams,
        body: createCommentRequest,
        response: {
          200: commentResponse,
          201: commentResponse,
          400: errorResponse,
          401: errorResponse,
          403: errorResponse,
          404: errorResponse,
          409: errorResponse,
          429: errorResponse,
        },
      },
    },
    async (request, reply) => {
      const viewer = request.user;
      requireSignedIn(viewer);
      const { space, scope } = await loadSpace(db, request.params.slug, viewer);
      authorize(viewer, 'comment.create', scope);
      const { comment, created } = await createComment(db, viewer, space, scope, request.body);
      return reply.status(created ? 201 : 200).send({ comment });
    },
  );
};
