import { errorResponse, notificationPreferencesResponse, updateNotificationPreferencesRequest } from '@convene/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { setFollowAnswered } from '../../mail/follows.js';
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
          'Each kind (`decisions`: moderators’ decisions on your comments and edits; `replies`: replies to your comments; `followed`: new contributions in what you follow; `reminders`; `staff`) with its frequency and whether it is still the default. `selectable` lists what a PUT accepts (`immediately`, `daily` and `weekly` digests, `never`). `followAnswered`: whether publishing a contribution follows its question (default true).',
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
          '`{ preferences?: [{ kind, frequency }], followAnswered?: boolean }`: the kinds named change, the others stay. Answers every kind as GET does.',
        body: updateNotificationPreferencesRequest,
        response: { 200: notificationPreferencesResponse, 400: errorResponse, 401: errorResponse },
      },
    },
    async (request) => {
      requireSignedIn(request.user);
      const user = request.user;
      await db.transaction(async (tx) => {
        for (const p of request.body.preferences ?? []) await setFrequency(tx, user.id, p.kind, p.frequency);
        if (request.body.followAnswered !== undefined)
          await setFollowAnswered(tx, user.id, request.body.followAnswered);
      });
      return preferencesOf(db, user.id);
    },
  );
};
