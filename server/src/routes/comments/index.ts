import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { commentItemRoutes } from './item.js';
import { myCommentsRoutes } from './mine.js';
import { spaceCommentsRoutes } from './space.js';
import { commentTranslationRoutes } from './translations.js';

/** Comments: a space's list and new posts, one comment's edits and reports, "my contributions". */
export const commentsRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(spaceCommentsRoutes);
  await app.register(commentItemRoutes);
  await app.register(myCommentsRoutes);
  await app.register(commentTranslationRoutes);
};
