import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { sql } from 'drizzle-orm';
import fp from 'fastify-plugin';
import { createSession, invalidateSession, type SessionInfo, validateSessionToken } from '../auth/sessions.js';
import type { User } from '../db/schema/index.js';
import { AppError, unauthorized } from '../errors.js';
import { enrolmentRequired } from '../auth/totp.js';
import { SESSIONS_CHANNEL } from '../live/hub.js';

export const SESSION_COOKIE = 'convene_session';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in, non-disabled user, or null. */
    user: User | null;
    session: SessionInfo | null;
    /**
     * A session whose password is verified and whose TOTP code is awaited. It is not a sign-in:
     * `user` and `session` stay null, so every route but the code step treats it as signed out.
     */
    pendingSecondFactor: { session: SessionInfo; user: User } | null;
    /** Whether `user` has a confirmed TOTP second factor. */
    totpEnabled: boolean;
  }
  interface FastifyInstance {
    /** Starts a fresh session (a new token at every login) and sets its cookie. */
    startSession(
      reply: FastifyReply,
      userId: string,
      options?: { secondFactorPending?: boolean; ttlMs?: number },
    ): Promise<void>;
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
    app.decorateRequest('pendingSecondFactor', null);
    app.decorateRequest('totpEnabled', false);

    app.addHook('onRequest', async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (!token) return;
      const result = await validateSessionToken(
        db,
        token,
        config.sessionTtlMs,
        config.staffAccounts.lastUsedGranularityMs,
      );
      if (!result) {
        reply.clearCookie(SESSION_COOKIE, cookieOptions);
        return;
      }
      if (result.session.secondFactorPending) {
        request.pendingSecondFactor = { session: result.session, user: result.user };
        return;
      }
      request.user = result.user;
      request.session = result.session;
      request.totpEnabled = result.totpEnabled;
      if (result.refreshed) setCookie(reply, token, result.session.expiresAt);
      // Staff who must use two-factor and have not enrolled yet may only enrol (REQUIRE_STAFF_2FA).
      if (!result.totpEnabled && (await enrolmentRequired(db, config, result.user, request.url))) {
        // The live channel is a WebSocket upgrade (an error here would leave it hanging): a guest's.
        if (request.url.startsWith('/api/live')) {
          request.user = null;
          request.session = null;
          return;
        }
        throw new AppError(
          403,
          'two_factor_enrolment_required',
          'Set up two-factor sign-in on your account page before anything else.',
        );
      }
    });

    app.decorate(
      'startSession',
      async (reply: FastifyReply, userId: string, options: { secondFactorPending?: boolean; ttlMs?: number } = {}) => {
        const { token, session } = await createSession(db, userId, options.ttlMs ?? config.sessionTtlMs, {
          userAgent: reply.request.headers['user-agent'] ?? null,
          ipAddress: reply.request.ip,
          secondFactorPending: options.secondFactorPending ?? false,
        });
        setCookie(reply, token, session.expiresAt);
      },
    );
    app.decorate('endSession', async (request, reply) => {
      const ended = request.session ?? request.pendingSecondFactor?.session;
      if (ended) {
        await invalidateSession(db, ended.id);
        // Live sockets opened with this session stop receiving what only its user may see.
        await db.execute(sql`select pg_notify(${SESSIONS_CHANNEL}, ${ended.id})`);
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
