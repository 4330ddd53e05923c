import { errorResponse, okResponse } from '@convene/shared';
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { verifyPassword } from '../../auth/password.js';
import { deleteAccount, personalData } from '../../commands/personalData.js';
import { AppError, fieldInvalid } from '../../errors.js';
import { SESSIONS_CHANNEL } from '../../live/hub.js';
import { requireSignedIn } from '../../policies/index.js';

const tags = ['account'];

const deletionRequest = z.object({
  password: z.string().min(1, 'Enter your password to confirm').max(1024),
});

/** Personal data: download everything held about you, and delete your account. */
export const personalDataRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app;

  app.get(
    '/me/data',
    {
      schema: {
        tags,
        summary: 'Everything Convene holds about you, as one JSON file',
        description:
          'Your profile, sessions (metadata), space roles, every comment you wrote with all its revisions, statuses and the reasons given to you (including pending and rejected ones), your attachments (metadata and download links), the reports you made, your follows, notification preferences, notifications and the emails sent to you. Nothing about other people: not who decided on your comments, nor the staff’s internal notes.',
        response: { 200: z.looseObject({ profile: z.looseObject({ email: z.string() }) }), 401: errorResponse },
      },
    },
    async (request, reply) => {
      requireSignedIn(request.user);
      const data = await personalData(db, request.user, request.session?.id);
      reply.header('content-disposition', 'attachment; filename="convene-personal-data.json"');
      return data;
    },
  );

  app.post(
    '/me/deletion',
    {
      schema: {
        tags,
        summary: 'Delete your account (confirmed with your password)',
        description: `Takes effect at once: every session ends, the account keeps no email, name or affiliation, and your preferences, notifications, follows, reports and the emails sent to you are deleted. The administrator's policy (DELETION_POLICY, now \`${config.deletionPolicy}\`) decides your published contributions: \`anonymise\` keeps them, shown as "Former participant"; \`withdraw\` withdraws them and removes their text and files. The moderation audit trail keeps its entries. An administrator's own account cannot be deleted this way (409 \`admin_account\`). A wrong password: 400 naming \`password\`.`,
        body: deletionRequest,
        response: { 200: okResponse, 400: errorResponse, 401: errorResponse, 409: errorResponse },
      },
    },
    async (request, reply) => {
      requireSignedIn(request.user);
      const user = request.user;
      if (user.role === 'admin') {
        throw new AppError(
          409,
          'admin_account',
          'An administrator’s account is not deleted this way: another administrator removes its role first.',
        );
      }
      if (!(await verifyPassword(user.passwordHash, request.body.password))) {
        throw fieldInvalid('password', 'The password is not correct.');
      }
      const ended = await deleteAccount(db, user, config.deletionPolicy);
      // Live sockets opened with those sessions stop receiving what only this person may see.
      for (const id of ended) await db.execute(sql`select pg_notify(${SESSIONS_CHANNEL}, ${id})`);
      await app.endSession(request, reply);
      return { ok: true as const };
    },
  );
};
