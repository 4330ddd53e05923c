import { errorResponse, noteParams, notePreviewRequest, notePreviewResponse } from '@convene/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { noteMarkdown } from '../../exports/note.js';
import { renderMarkdown } from '../../markdown.js';
import { requireSignedIn } from '../../policies/index.js';
import { loadNote, presentNote } from '../../queries/notes.js';

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse };

/** The editor's preview: the server's own export and markdown renderer, so it reads as the file will. */
export const notePreviewRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app;

  app.post(
    '/notes/:id/preview',
    {
      config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags: ['notes'],
        summary: 'The note rendered as the exports print it, from the text on the screen (staff)',
        description:
          'Sections as sent (saved or not); citations as numbered footnotes, one per source, and the annex of contributions placed but not cited. Sanitised HTML.',
        params: noteParams,
        body: notePreviewRequest,
        response: { 200: notePreviewResponse, ...errors },
      },
    },
    async (request) => {
      const user = request.user;
      requireSignedIn(user);
      const loaded = await loadNote(db, request.params.id, user);
      const sections = request.body.sections.map((s, position) => ({
        id: s.id ?? `new-${position}`,
        position,
        title: s.title,
        bodyMd: s.bodyMd,
        commentIds: s.commentIds,
      }));
      const note = await presentNote(db, loaded, user, config.appOrigin, sections);
      const md = noteMarkdown({ ...note, title: request.body.title }, { title: false });
      return { html: renderMarkdown(md, `note-${note.id}`) };
    },
  );
};
