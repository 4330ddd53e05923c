import { errorResponse, notificationPreferencesResponse, updateNotificationPreferencesRequest } from '@convene/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { preferencesOf, setFrequency } from '../../mail/preferences.js';
import { requireSignedIn } from '../../policies/index.js';

const tags = ['mail'];

/** The signed-in person's email notification preferences: how often each kind is sent. */
export const notificationPreferencesRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;
  app.get(
    '/me/notification-preferences',
    {
      schema: {
        tags,
        summary: 'Your email notification preferences, per kind',
        description:
          'Each kind (`decisions`: moderators’ decisions on your comments and edits; `replies`: replies to your comments) with its frequency and whether it is still the default (`immediately` for both). `selectable` lists what a PUT accepts today (`immediately`, `never`); `daily` and `weekly` digests come later.',
        response: { 200: notificationPreferencesResponse, 401: errorResponse },
      },
    },
    async (request) => {
      requireSignedIn(request.user);
      return preferencesOf(db, request.user.id);
    },
  );
  app.put(
    '/me/notification-preferences',
    {
      schema: {
        tags,
        summary: 'Change how often each kind of notification is emailed to you',
        description:
          '`{ preferences: [{ kind, frequency }] }`: the kinds named change, the others stay. Answers every kind as GET does.',
        body: updateNotificationPreferencesRequest,
        response: { 200: notificationPreferencesResponse, 400: errorResponse, 401: errorResponse },
      },
    },
    async (request) => {
      requireSignedIn(request.user);
      const user = request.user;
      await db.transaction(async (tx) => {
        for (const p of request.body.preferences) await setFrequency(tx, user.id, p.kind, p.frequency);
      });
      return preferencesOf(db, user.id);
    },
  );
};
