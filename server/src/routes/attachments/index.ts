import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const attachmentsRoutes: FastifyPluginAsyncZod = async () => {};
