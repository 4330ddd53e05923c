import { tagsResponse } from '@convene/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listTags } from '../../queries/spaceList.js';

export const tagRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/tags',
    {
      schema: { tags: ['tags'], summary: 'The tags comments may carry, by taxonomy', response: { 200: tagsResponse } },
    },
    async () => ({ tags: await listTags(app.db) }),
  );
};
