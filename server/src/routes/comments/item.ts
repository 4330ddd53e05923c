import {
  commentParams,
  commentResponse,
  errorResponse,
  okResponse,
  reportRequest,
  updateCommentRequest,
} from '@convene/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { reportComment, updateComment, withdrawComment } from '../../commands/comments.js';
import { requireSignedIn } from '../../policies/index.js';

const tags = ['comments'];
const refusals = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };

export const commentItemRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.patch(
    '/comments/:id',
    {
      onRequest: app.limit('edit'),
      schema: {
        tags,
        summary: 'The author edits a comment',
        description:
          'Send back the `version` you edited. In a pre-moderated space an edit of a published comment waits as `pendingRevision` while the published text stays public. A stale version gets 409 `conflict` with the current comment in `details.comment`.',
        params: commentParams,
        body: updateCommentRequest,
        response: { 200: commentResponse, ...refusals, 429: errorResponse },
      },
    },
    async (request) => {
      requireSignedIn(request.user);
      return { comment: await updateComment(db, request.user, request.params.id, request.body) };
    },
  );

  app.delete(
    '/comments/:id',
    {
      schema: {
        tags,
        summary: 'The author withdraws a comment (hidden from everyone else, kept for the audit trail)',
        params: commentParams,
        response: { 200: commentResponse, ...refusals },
      },
    },
    async (request) => {
      requireSignedIn(request.user);
      return { comment: await withdrawComment(db, request.user, request.params.id) };
    },
  );

  app.post(
    '/comments/:id/reports',
    {
      onRequest: app.limit('report'),
      schema: {
        tags,
        summary: 'Report a published comment to the moderators (once per person)',
        description:
          "`{ category: spam | abusive | off_topic | personal_data | other, note? }`; the note (≤ 1,000 characters) is required for `other`. The first API's `{ reason }` is still accepted, as `other` with the reason as its note. A second report by the same person is 409 `already_reported`; the comment then says `reportedByMe: true` and `abilities.report: false`.",
        params: commentParams,
        body: reportRequest,
        response: { 201: okResponse, ...refusals, 429: errorResponse },
      },
    },
    async (request, reply) => {
      requireSignedIn(request.user);
      await reportComment(db, request.user, request.params.id, request.body);
      return reply.status(201).send({ ok: true as const });
    },
  );
};
