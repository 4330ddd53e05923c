import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { decisionRoutes } from './decisions.js';
import { logRoutes } from './log.js';
import { queueRoutes } from './queue.js';

/** The moderation workflow: queues, decisions, curation (highlights) and the audit log. */
export const moderationRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(queueRoutes);
  await app.register(decisionRoutes);
  await app.register(logRoutes);
};
