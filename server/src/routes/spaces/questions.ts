import {
  createQuestionRequest,
  errorResponse,
  languageQuery,
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
import { askedLanguage } from './language.js';

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
        querystring: languageQuery,
        body: createQuestionRequest,
        response: { 201: questionsResponse, ...errors },
      },
    },
    async (request, reply) => {
      requireSignedIn(request.user);
      const { space, scope } = await loadSpace(db, request.params.slug, request.user);
      authorize(request.user, 'space.editContent', scope);
      await createQuestion(db, space.id, request.body);
      const language = { original: space.originalLanguage, asked: askedLanguage(request, reply, request.query.lang) };
      return reply.status(201).send({ questions: await listQuestions(db, space.id, request.user, language) });
    },
  );

  app.patch(
    '/spaces/:slug/questions/:id',
    {
      schema: {
        tags,
        summary: 'Edit a guiding question or move it to another position',
        params: questionParams,
        querystring: languageQuery,
        body: updateQuestionRequest,
        response: { 200: questionsResponse, ...errors },
      },
    },
    async (request, reply) => {
      requireSignedIn(request.user);
      const { space, scope } = await loadSpace(db, request.params.slug, request.user);
      authorize(request.user, 'space.editContent', scope);
      await updateQuestion(db, space.id, request.params.id, request.body);
      const language = { original: space.originalLanguage, asked: askedLanguage(request, reply, request.query.lang) };
      return { questions: await listQuestions(db, space.id, request.user, language) };
    },
  );

  app.delete(
    '/spaces/:slug/questions/:id',
    {
      schema: {
        tags,
        summary: 'Delete a guiding question nobody has answered',
        params: questionParams,
        querystring: languageQuery,
        response: { 200: questionsResponse, ...errors, 409: errorResponse },
      },
    },
    async (request, reply) => {
      requireSignedIn(request.user);
      const { space, scope } = await loadSpace(db, request.params.slug, request.user);
      authorize(request.user, 'space.editContent', scope);
      await deleteQuestion(db, space.id, request.params.id);
      const language = { original: space.originalLanguage, asked: askedLanguage(request, reply, request.query.lang) };
      return { questions: await listQuestions(db, space.id, request.user, language) };
    },
  );
};
