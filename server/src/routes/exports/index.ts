import { PassThrough } from 'node:stream';
import { errorResponse, exportQuery, slugParams } from '@convene/shared';
import { asc, eq, or } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { questions, tags } from '../../db/schema/index.js';
import { fieldInvalid } from '../../errors.js';
import { CONTENT_TYPES, exportFilename, runExport } from '../../exports/index.js';
import { authorize, requireSignedIn } from '../../policies/index.js';
import { loadSpace } from '../../queries/spaces.js';
import { contentDisposition } from '../attachments/index.js';

/** Only for the OpenAPI document: the handler sends a stream. */
export const fileResponse = z.unknown().meta({ description: 'The file', type: 'string', format: 'binary' });

/** The curated input of a space as Word, Excel, CSV, JSON or Markdown, for its staff. */
export const exportsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app;

  app.get(
    '/spaces/:slug/export',
    {
      schema: {
        tags: ['exports'],
        summary: "Export a space's published contributions (docx, xlsx, csv, json, md)",
        description:
          'For moderators, chairs and administrators of the space. Only published text, grouped by guiding question with replies under their parent, or by objective (`group=objective`: a contribution under each of its tags, untagged ones under "No objective"); `scope=highlighted` keeps the contributions a chair marked for the note, `tag` those with one objective. Word and Markdown open with the participation as a report words it (in the `lang` given, else English) and end with annexes (contributors by Member State and by organisation, position papers). `translation=en|fr|es` gives each contribution its current staff translation into that language where one exists, labelled as a translation and followed by the original (extra columns in CSV/XLSX, a `translation` field in JSON). CSV is RFC 4180, UTF-8 with BOM; JSON follows the versioned `ExportDocument` schema. CSV, JSON, Markdown and XLSX are streamed.',
        params: slugParams,
        querystring: exportQuery,
        response: { 200: fileResponse, 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse },
      },
    },
    async (request, reply) => {
      requireSignedIn(request.user);
      const { space, scope } = await loadSpace(db, request.params.slug, request.user);
      authorize(request.user, 'space.export', scope);
      const { format, questionId, lang } = request.query;
      let questionNumber: number | 'none' | undefined = questionId === 'none' ? 'none' : undefined;
      if (questionId && questionId !== 'none') {
        const list = await db
          .select({ id: questions.id })
          .from(questions)
          .where(eq(questions.spaceId, space.id))
          .orderBy(asc(questions.position), asc(questions.createdAt));
        const index = list.findIndex((q) => q.id === questionId);
        if (index < 0) throw fieldInvalid('questionId', 'No such question in this space');
        questionNumber = index + 1;
      }
      // A tag by its code ("16") or slug ("gcm-16"), or "none" for contributions with no tag.
      let tag: { id: string; code: string } | undefined;
      if (request.query.tag === 'none') tag = { id: 'none', code: 'none' };
      else if (request.query.tag) {
        const ref = request.query.tag;
        const [found] = await db
          .select({ id: tags.id, code: tags.code })
          .from(tags)
          .where(or(eq(tags.code, ref), eq(tags.slug, ref)))
          .orderBy(asc(tags.position))
          .limit(1);
        if (!found) throw fieldInvalid('tag', 'No such tag');
        tag = found;
      }
      const group = request.query.group;
      const now = new Date();
      const out = new PassThrough();
      const filter = { scope: request.query.scope, questionId, language: lang, tagId: tag?.id };
      const { translation } = request.query;
      const nameParts = {
        scope: filter.scope,
        question: questionNumber,
        language: lang,
        tag: tag?.code,
        group,
        translation,
      };
      const run = {
        space,
        format,
        filter,
        appOrigin: config.appOrigin,
        now,
        grouping: group,
        tagCode: tag?.code,
        translation,
        // The space's title and questions in the language asked: the translation's, else the filter's.
        textLanguage: translation ?? (lang === 'other' ? undefined : lang),
      };
      runExport(db, run, out).catch((err: unknown) =>
        request.log.warn({ err, format, space: space.slug }, 'export stopped'),
      );
      return reply
        .header('content-type', CONTENT_TYPES[format])
        .header('content-disposition', contentDisposition(exportFilename(space.code, format, now, nameParts)))
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(out);
    },
  );
};
