import {
  createQuestionRequest,
  errorResponse,
  questionParams,
  questionsResponse,
  slugParams,
  updateQuestionRequest,
} from '@convene/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createQuestion, deleteQuestion, updateQuestion } from '../../commands/spaces.js';
import { authorize, requireSignedIn } from '../../policies/index.js';
import { listQuestions } from '../../queries/spaceList.js';
import { loadSpace } from '../../queries/spaces.js';

const tags = ['spaces'];
const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse };

/** Guiding questions: chairs and administrators write and order them. Each answer is the whole list. */
export const questionRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.post(
    '/spaces/:slug/questions',
    {
      schema: {
        tags,
        summary: 'Add a guiding question (at the end, or at a position)',
        params: slugParams,
        body: createQuestionRequest,
        response: { 201: questionsResponse, ...errors },
      },
    },
    async (request, reply) => {
      requireSignedIn(request.user);
      const { space, scope } = await loadSpace(db, request.params.slug, request.user);
      authorize(request.user, 'space.editContent', scope);
      await createQuestion(db, space.id, request.body);
      return reply.status(201).send({ questions: await listQuestions(db, space.id, request.user) });
    },
  );

  app.patch(
    '/spaces/:slug/questions/:id',
    {
      schema: {
        tags,
        summary: 'Edit a guiding question or move it to another position',
        params: questionParams,
        body: updateQuestionRequest,
        response: { 200: questionsResponse, ...errors },
      },
    },
    async (request) => {
      requireSignedIn(request.user);
      const { space, scope } = await loadSpace(db, request.params.slug, request.user);
      authorize(request.user, 'space.editContent', scope);
      await updateQuestion(db, space.id, request.params.id, request.body);
      return { questions: await listQuestions(db, space.id, request.user) };
    },
  );

  app.delete(
    '/spaces/:slug/questions/:id',
    {
      schema: {
        tags,
        summary: 'Delete a guiding question nobody has answered',
        params: questionParams,
        response: { 200: questionsResponse, ...errors, 409: errorResponse },
      },
    },
    async (request) => {
      requireSignedIn(request.user);
      const { space, scope } = await loadSpace(db, request.params.slug, request.user);
      authorize(request.user, 'space.editContent', scope);
      await deleteQuestion(db, space.id, request.params.id);
      return { questions: await listQuestions(db, space.id, request.user) };
    },
  );
};
