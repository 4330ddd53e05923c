import {
  type QuestionDto,
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
import { eq } from 'drizzle-orm';
import type { Space } from '../../db/schema/index.js';
import { questions } from '../../db/schema/index.js';
import { questionTextsForEditors } from '../../presenters/spaceTexts.js';
import { loadSpace } from '../../queries/spaces.js';
import { askedLanguage } from './language.js';

const tags = ['spaces'];
const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse };

/** Guiding questions: chairs and administrators write and order them. Each answer is the whole list. */
export const questionRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  /** The list as its editor gets it: in the language asked, with every language's text. */
  const editorsList = async (space: Space, list: QuestionDto[]) => {
    const rows = await db
      .select({ id: questions.id, text: questions.text, translations: questions.translations })
      .from(questions)
      .where(eq(questions.spaceId, space.id));
    const byId = new Map(rows.map((r) => [r.id, questionTextsForEditors(r, space.originalLanguage)]));
    return list.map((q) => ({ ...q, translations: byId.get(q.id) ?? {} }));
  };

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
      const list = await listQuestions(db, space.id, request.user, language);
      return reply.status(201).send({ questions: await editorsList(space, list) });
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
      return { questions: await editorsList(space, await listQuestions(db, space.id, request.user, language)) };
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
      return { questions: await editorsList(space, await listQuestions(db, space.id, request.user, language)) };
    },
  );
};
