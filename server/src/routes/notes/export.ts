import { errorResponse, noteExportQuery, noteParams } from '@convene/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CONTENT_TYPES, exportFilename } from '../../exports/index.js';
import { noteDocx, noteMarkdown } from '../../exports/note.js';
import { exportLanguage } from '../../exports/words.js';
import { loadCitationTranslations } from '../../exports/translations.js';
import { loadNote, presentNote } from '../../queries/notes.js';
import { contentDisposition } from '../attachments/index.js';
import { fileResponse } from '../exports/index.js';
import { requireSignedIn } from '../../policies/index.js';
import { spaceText } from '../../presenters/spaceTexts.js';
import { negotiateLanguage } from '../spaces/language.js';

export const noteExportRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app;

  app.get(
    '/notes/:id/export',
    {
      schema: {
        tags: ['notes'],
        summary: 'Export a note as Word or Markdown, its citations as numbered footnotes',
        params: noteParams,
        querystring: noteExportQuery,
        response: { 200: fileResponse, 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse },
      },
    },
    async (request, reply) => {
      requireSignedIn(request.user);
      const loaded = await loadNote(db, request.params.id, request.user);
      const presented = await presentNote(db, loaded, request.user, config.appOrigin);
      // The space's title and the note's fixed text (subtitle, annex, footnote labels) in the
      // reader's language (Accept-Language), where translated; English otherwise.
      const asked = negotiateLanguage(request.headers['accept-language']);
      const lang = exportLanguage({ language: asked });
      const note = { ...presented, space: { ...presented.space, title: spaceText(loaded.space, 'title', asked).text } };
      void reply.header('Vary', 'Accept-Language');
      const { format } = request.query;
      // A contribution in another language is quoted in its translation into the note's, where one exists.
      const translations = await loadCitationTranslations(
        db,
        note.citations.map((c) => c.commentId),
      );
      const file =
        format === 'docx' ? await noteDocx(note, translations, lang) : noteMarkdown(note, { translations, lang });
      return reply
        .header('content-type', CONTENT_TYPES[format])
        .header(
          'content-disposition',
          contentDisposition(
            exportFilename(loaded.space.code, format, new Date(), { suffix: `note-v${note.version}` }),
          ),
        )
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(file);
    },
  );
};
