import { errorResponse, okResponse, revokedResponse, sessionsResponse } from '@convene/shared';
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { invalidateOtherSessions, invalidateOwnSession, listUserSessions } from '../../auth/sessions.js';
import { notFound } from '../../errors.js';
import { SESSIONS_CHANNEL } from '../../live/hub.js';
import { requireSignedIn } from '../../policies/index.js';

const tags = ['auth'];

const BROWSERS: [RegExp, string][] = [
  [/Edg(e|A|iOS)?\//, 'Edge'],
  [/OPR\/|Opera/, 'Opera'],
  [/Firefox\/|FxiOS\//, 'Firefox'],
  [/Chrome\/|CriOS\//, 'Chrome'],
  [/Safari\//, 'Safari'],
];
const SYSTEMS: [RegExp, string][] = [
  [/Android/, 'Android'],
  [/iPhone|iPad|iPod/, 'iOS'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/CrOS/, 'ChromeOS'],
  [/Linux/, 'Linux'],
];

/** "Firefox on Windows" from a User-Agent, deliberately simple; the raw string is returned too. */
export function describeUserAgent(ua: string | null): string | null {
  if (!ua) return null;
  const browser = BROWSERS.find(([re]) => re.test(ua))?.[1];
  const system = SYSTEMS.find(([re]) => re.test(ua))?.[1];
  if (browser && system) return `${browser} on ${system}`;
  return browser ?? system ?? ua.slice(0, 60);
}

/** Your active sessions on the account page: list, end one, end all the others. */
export const sessionRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;
  // Live sockets opened with an ended session stop receiving what only its user may see.
  const notify = (ids: string[]) =>
    Promise.all(ids.map((id) => db.execute(sql`select pg_notify(${SESSIONS_CHANNEL}, ${id})`)));

  app.get(
    '/me/sessions',
    {
      schema: {
        tags,
        summary: 'Your active sessions (browser, address, created, last used)',
        response: { 200: sessionsResponse, 401: errorResponse },
      },
    },
    async (request) => {
      requireSignedIn(request.user);
      const rows = await listUserSessions(db, request.user.id);
      return {
        sessions: rows.map((s) => ({
          id: s.id,
          browser: describeUserAgent(s.userAgent),
          userAgent: s.userAgent,
          ipAddress: s.ipAddress,
          createdAt: s.createdAt.toISOString(),
          lastUsedAt: s.lastUsedAt.toISOString(),
          current: s.id === request.session?.id,
        })),
      };
    },
  );

  app.delete(
    '/me/sessions/:id',
    {
      schema: {
        tags,
        summary: 'End one of your sessions',
        description: '404 when you have no session with this id (another person’s included).',
        params: z.object({ id: z.string().max(128) }),
        response: { 200: okResponse, 401: errorResponse, 404: errorResponse },
      },
    },
    async (request, reply) => {
      requireSignedIn(request.user);
      if (request.params.id === request.session?.id) {
        await app.endSession(request, reply);
        return { ok: true as const };
      }
      if (!(await invalidateOwnSession(db, request.user.id, request.params.id))) throw notFound('Session');
      await notify([request.params.id]);
      return { ok: true as const };
    },
  );

  app.post(
    '/me/sessions/revoke-others',
    {
      schema: {
        tags,
        summary: 'End every session of yours but this one',
        response: { 200: revokedResponse, 401: errorResponse },
      },
    },
    async (request) => {
      requireSignedIn(request.user);
      const ids = await invalidateOtherSessions(db, request.user.id, request.session?.id ?? '');
      await notify(ids);
      return { revoked: ids.length };
    },
  );
};
