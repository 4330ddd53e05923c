import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const spacesRoutes: FastifyPluginAsyncZod = async () => {};
