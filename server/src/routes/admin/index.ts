import {
  adminUpdateUserRequest,
  adminUserResponse,
  adminUsersQuery,
  adminUsersResponse,
  type AdminUser,
  errorResponse,
} from '@convene/shared';
import { and, asc, gt, ilike, or, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { updateUserAsAdmin } from '../../commands/admin.js';
import { type User, users } from '../../db/schema/index.js';
import { badRequest } from '../../errors.js';
import { authorize } from '../../policies/index.js';
import { presentUser } from '../../presenters/user.js';

const presentAdminUser = (u: User): AdminUser => ({ ...presentUser(u), disabled: u.disabled });

const tags = ['admin'];

/** Administrators' user management: search, disable/enable, promote. */
export const adminRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/admin/users',
    {
      schema: {
        tags,
        summary: 'Search users (administrators)',
        querystring: adminUsersQuery,
        response: { 200: adminUsersResponse, 401: errorResponse, 403: errorResponse },
      },
    },
    async (request) => {
      authorize(request.user, 'user.manage');
      const { q, cursor, limit } = request.query;
      // Ordered by lower(email), unique: the cursor is the last email seen.
      const after = cursor ? Buffer.from(cursor, 'base64url').toString('utf8') : null;
      if (cursor && !after?.includes('@'))
        throw badRequest('cursor: Invalid cursor', [{ field: 'cursor', message: 'Invalid cursor' }]);
      const pattern = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
      const rows = await app.db
        .select()
        .from(users)
        .where(
          and(
            pattern
              ? or(ilike(users.displayName, pattern), ilike(users.email, pattern), ilike(users.affiliation, pattern))
              : undefined,
            after ? gt(sql`lower(${users.email})`, after) : undefined,
          ),
        )
        .orderBy(asc(sql`lower(${users.email})`))
        .limit(limit + 1);
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return {
        users: page.map(presentAdminUser),
        nextCursor: rows.length > limit && last ? Buffer.from(last.email.toLowerCase()).toString('base64url') : null,
      };
    },
  );

  app.patch(
    '/admin/users/:id',
    {
      schema: {
        tags,
        summary: 'Disable or enable a user, or change their global role (administrators)',
        params: z.object({ id: z.uuid() }),
        body: adminUpdateUserRequest,
        response: {
          200: adminUserResponse,
          401: errorResponse,
          403: errorResponse,
          404: errorResponse,
          409: errorResponse,
        },
      },
    },
    async (request) => {
      authorize(request.user, 'user.manage');
      return { user: presentAdminUser(await updateUserAsAdmin(app.db, request.user, request.params.id, request.body)) };
    },
  );
};
