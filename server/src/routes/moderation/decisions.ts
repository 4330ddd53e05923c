import {
  bulkDecisionRequest,
  bulkDecisionResponse,
  commentParams,
  commentResponse,
  decisionRequest,
  errorResponse,
  slugParams,
} from '@convene/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { decideBulk, decideComment, setHighlight } from '../../commands/moderation.js';
import { authorize, requireSignedIn } from '../../policies/index.js';
import { loadSpace } from '../../queries/spaces.js';

const tags = ['moderation'];
const refusals = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };

export const decisionRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.post(
    '/comments/:id/decision',
    {
      schema: {
        tags,
        summary: 'Approve, reject or restore a comment (or its pending edit)',
        description:
          'Send the version you saw. A stale version gets 409 `conflict` with the current comment and who decided last; a decision that does not apply to the current status gets 409 `invalid_transition`.',
        params: commentParams,
        body: decisionRequest,
        response: { 200: commentResponse, ...refusals },
      },
    },
    async (request) => {
      requireSignedIn(request.user);
      return { comment: await decideComment(db, request.user, request.params.id, request.body) };
    },
  );

  app.post(
    '/spaces/:slug/moderation/bulk',
    {
      schema: {
        tags,
        summary: 'Decide many comments of a space at once; each reports its own outcome',
        params: slugParams,
        body: bulkDecisionRequest,
        response: {
          200: bulkDecisionResponse,
          400: errorResponse,
          401: errorResponse,
          403: errorResponse,
          404: errorResponse,
        },
      },
    },
    async (request) => {
      requireSignedIn(request.user);
      const loaded = await loadSpace(db, request.params.slug, request.user);
      authorize(request.user, 'moderation.decide', loaded.scope);
      return decideBulk(db, request.user, loaded, request.body);
    },
  );

  app.put(
    '/comments/:id/highlight',
    {
      schema: {
        tags,
        summary: 'Mark a published comment as relevant for the background note (chairs)',
        params: commentParams,
        response: { 200: commentResponse, ...refusals },
      },
    },
    async (request) => {
      requireSignedIn(request.user);
      return { comment: await setHighlight(db, request.user, request.params.id, true) };
    },
  );

  app.delete(
    '/comments/:id/highlight',
    {
      schema: {
        tags,
        summary: 'Remove the highlight from a comment (chairs)',
        params: commentParams,
        response: { 200: commentResponse, ...refusals },
      },
    },
    async (request) => {
      requireSignedIn(request.user);
      return { comment: await setHighlight(db, request.user, request.params.id, false) };
    },
  );
};
