import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { sql } from 'drizzle-orm';
import fp from 'fastify-plugin';
import { createSession, invalidateSession, type SessionInfo, validateSessionToken } from '../auth/sessions.js';
import type { User } from '../db/schema/index.js';
import { unauthorized } from '../errors.js';
import { SESSIONS_CHANNEL } from '../live/hub.js';

export const SESSION_COOKIE = 'convene_session';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in, non-disabled user, or null. */
    user: User | null;
    session: SessionInfo | null;
  }
  interface FastifyInstance {
    /** Starts a fresh session (a new token at every login) and sets its cookie. */
    startSession(reply: FastifyReply, userId: string): Promise<void>;
    endSession(request: FastifyRequest, reply: FastifyReply): Promise<void>;
    requireUser(request: FastifyRequest): User;
  }
}

/** Resolves the session cookie to `request.user`, sliding its expiry; nothing else. */
export const sessionPlugin = fp(
  async (app: FastifyInstance) => {
    const { db, config } = app;
    await app.register(cookie);
    const cookieOptions = {
      path: '/',
      httpOnly: true,
      sameSite: 'lax' as const,
      secure: config.cookieSecure,
    };
    const setCookie = (reply: FastifyReply, token: string, expires: Date) =>
      reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions, expires });

    app.decorateRequest('user', null);
    app.decorateRequest('session', null);

    app.addHook('onRequest', async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (!token) return;
      const result = await validateSessionToken(db, token, config.sessionTtlMs);
      if (!result) {
        reply.clearCookie(SESSION_COOKIE, cookieOptions);
        return;
      }
      request.user = result.user;
      request.session = result.session;
      if (result.refreshed) setCookie(reply, token, result.session.expiresAt);
    });

    app.decorate('startSession', async (reply: FastifyReply, userId: string) => {
      const { token, session } = await createSession(db, userId, config.sessionTtlMs);
      setCookie(reply, token, session.expiresAt);
    });
    app.decorate('endSession', async (request, reply) => {
      if (request.session) {
        await invalidateSession(db, request.session.id);
        // Live sockets opened with this session stop receiving what only its user may see.
        await db.execute(sql`select pg_notify(${SESSIONS_CHANNEL}, ${request.session.id})`);
      }
      reply.clearCookie(SESSION_COOKIE, cookieOptions);
    });
    app.decorate('requireUser', (request) => {
      if (!request.user) throw unauthorized();
      return request.user;
    });
  },
  { name: 'session', dependencies: ['core'] },
);
