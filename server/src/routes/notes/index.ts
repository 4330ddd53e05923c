import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { noteExportRoutes } from './export.js';
import { noteKeyMessagesRoutes } from './keyMessages.js';
import { noteRoutes } from './notes.js';
import { outcomeRoutes } from './outcome.js';
import { notePreviewRoutes } from './preview.js';
import { noteVersionRoutes } from './versions.js';

/** The background-note workspace: notes, their versions, gaps and exports. */
export const notesRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(noteRoutes);
  await app.register(noteVersionRoutes);
  await app.register(noteExportRoutes);
  await app.register(notePreviewRoutes);
  await app.register(noteKeyMessagesRoutes);
  await app.register(outcomeRoutes);
};
