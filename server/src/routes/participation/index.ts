import {
  errorResponse,
  exportOriginResponse,
  participationQuery,
  participationResponse,
  participationSentenceQuery,
  participationSentenceResponse,
  slugParams,
} from '@convene/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { isLoopbackOrigin } from '../../exports/origin.js';
import { authorize, requireSignedIn } from '../../policies/index.js';
import { loadParticipation, loadParticipationFigures, participationSummary } from '../../queries/participation.js';
import { loadSpace } from '../../queries/spaces.js';

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse };

/** Participation statistics for the chairs' dashboard, its sentence, and the exports' origin (staff of the space). */
export const participationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app;

  app.get(
    '/spaces/:slug/participation',
    {
      schema: {
        tags: ['participation'],
        summary: 'Who took part: contributions and contributors by category, country, question, language and day',
        description: 'Counts published contributions only. For moderators, chairs and administrators of the space.',
        params: slugParams,
        querystring: participationQuery,
        response: { 200: participationResponse, ...errors },
      },
    },
    async (request) => {
      requireSignedIn(request.user);
      const { space, scope } = await loadSpace(db, request.params.slug, request.user);
      authorize(request.user, 'space.export', scope);
      return { participation: await loadParticipation(db, space, { scope: request.query.scope }) };
    },
  );

  app.get(
    '/spaces/:slug/participation/sentence',
    {
      schema: {
        tags: ['participation'],
        summary: 'Participation in one paragraph, as the exports print it (English, French or Spanish)',
        description:
          "The paragraph at the top of the Word and Markdown exports, from the same counts: `scope` and `language` select the contributions as the export's `scope` and `lang` do; `lang` is the language it is written in. For moderators, chairs and administrators of the space.",
        params: slugParams,
        querystring: participationSentenceQuery,
        response: { 200: participationSentenceResponse, ...errors },
      },
    },
    async (request) => {
      requireSignedIn(request.user);
      const { space, scope } = await loadSpace(db, request.params.slug, request.user);
      authorize(request.user, 'space.export', scope);
      const { lang, language } = request.query;
      const figures = await loadParticipationFigures(db, space, { scope: request.query.scope, language });
      const { totals } = figures.participation;
      return {
        sentence: {
          text: participationSummary(figures, lang),
          lang,
          scope: request.query.scope,
          contributions: totals.contributions,
          contributors: totals.contributors,
        },
      };
    },
  );

  app.get(
    '/spaces/:slug/export/origin',
    {
      schema: {
        tags: ['exports'],
        summary: 'Where the links in exports point: APP_ORIGIN, and whether it is this machine only',
        description: 'For the export dialog of moderators, chairs and administrators of the space.',
        params: slugParams,
        response: { 200: exportOriginResponse, ...errors },
      },
    },
    async (request) => {
      requireSignedIn(request.user);
      const { scope } = await loadSpace(db, request.params.slug, request.user);
      authorize(request.user, 'space.export', scope);
      return { origin: { origin: config.appOrigin, loopback: isLoopbackOrigin(config.appOrigin) } };
    },
  );
};
