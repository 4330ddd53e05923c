import { adminLogQuery, adminLogResponse, errorResponse } from '@convene/shared';
import { desc, eq, lt } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { adminLog, users } from '../../db/schema/index.js';
import { authorize } from '../../policies/index.js';

/** The append-only log of administrative actions, newest first (administrators). */
export const adminLogRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/admin/log',
    {
      schema: {
        tags: ['admin'],
        summary: 'Administrative actions, newest first (administrators)',
        description:
          'Roles granted and revoked, users disabled and enabled, spaces created, opened and closed, settings changed. Append-only: the database refuses to change or delete an entry. Page with `before` (the `nextBefore` of the previous page).',
        querystring: adminLogQuery,
        response: { 200: adminLogResponse, 401: errorResponse, 403: errorResponse },
      },
    },
    async (request) => {
      authorize(request.user, 'user.manage');
      const { before, limit } = request.query;
      const rows = await app.db
        .select({ entry: adminLog, actorName: users.displayName })
        .from(adminLog)
        .leftJoin(users, eq(users.id, adminLog.actorId))
        .where(before ? lt(adminLog.id, before) : undefined)
        .orderBy(desc(adminLog.id))
        .limit(limit + 1);
      const page = rows.slice(0, limit);
      return {
        entries: page.map(({ entry, actorName }) => ({
          id: entry.id,
          action: entry.action,
          actor: entry.actorId
            ? { id: entry.actorId, displayName: actorName ?? String(entry.data.actorName ?? '') }
            : null,
          targetUserId: entry.targetUserId,
          spaceId: entry.spaceId,
          data: entry.data,
          createdAt: entry.createdAt.toISOString(),
        })),
        nextBefore: rows.length > limit ? (page[page.length - 1]?.entry.id ?? null) : null,
      };
    },
  );
};
