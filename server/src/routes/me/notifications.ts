import { errorResponse, inboxQuery, inboxResponse, markInboxReadRequest, markInboxReadResponse } from '@convene/shared';
import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { users } from '../../db/schema/index.js';
import { inboxItem, listInbox, markRead, unreadCount } from '../../mail/inbox.js';
import { requireSignedIn } from '../../policies/index.js';
import { signedIn } from '../../policies/scope.js';

const tags = ['mail'];

/**
 * The signed-in person's notifications in the app (the menu in the header): the same items as
 * their emails, whatever their email frequency, with their read state. Also hands the live hub
 * the presenter of a user's notices, so that their open sockets hear their new unread count.
 */
export const notificationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app;

  app.live.setInboxPresenter(async (userId, notificationId) => {
    const [user] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
    if (!user || !signedIn(user)) return null;
    const item = notificationId ? await inboxItem(db, config, user, notificationId) : null;
    return { type: 'notifications', unread: await unreadCount(db, user.id), ...(item ? { item } : {}) };
  });

  app.get(
    '/me/notifications',
    {
      schema: {
        tags,
        summary: 'Your notifications, newest first, with your unread count',
        description:
          'Every notification of yours (the same as the emails, whatever their frequency), newest first, `limit` per page (default 20) and `nextCursor` for the next. An item shows `text` only while you may see what it is about now; otherwise `removed` is true and it has no text. `url` is the path of the exact comment (or of the space). `unread` counts all your unread notifications.',
        querystring: inboxQuery,
        response: { 200: inboxResponse, 400: errorResponse, 401: errorResponse },
      },
    },
    async (request) => {
      requireSignedIn(request.user);
      return listInbox(db, config, request.user, request.query);
    },
  );

  app.post(
    '/me/notifications/read',
    {
      schema: {
        tags,
        summary: 'Mark some (or all) of your notifications read',
        description:
          '`{ ids: [...] }` marks those read (ids that are not yours are ignored), `{ all: true }` every one. Answers your new unread count; your other open tabs hear it live.',
        body: markInboxReadRequest,
        response: { 200: markInboxReadResponse, 400: errorResponse, 401: errorResponse },
      },
    },
    async (request) => {
      requireSignedIn(request.user);
      return { unread: await markRead(db, request.user.id, { ids: request.body.ids }) };
    },
  );
};
