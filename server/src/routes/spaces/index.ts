import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { questionRoutes } from './questions.js';
import { roleRoutes } from './roles.js';
import { spaceRoutes } from './spaces.js';
import { tagRoutes } from './tags.js';

/** Spaces and their sub-resources (questions, roles, seen-marker), plus the tag taxonomy. */
export const spacesRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(spaceRoutes);
  await app.register(questionRoutes);
  await app.register(roleRoutes);
  await app.register(tagRoutes);
};
