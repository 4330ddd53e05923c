import { OIDC_ERRORS, errorResponse, providersResponse } from '@convene/shared';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  OIDC_COOKIE,
  OIDC_COOKIE_PATH,
  OIDC_LOGIN_TTL_MS,
  OidcFailure,
  OidcProvider,
  classifyOidcError,
  resolveAccount,
  safeReturnPath,
} from '../../auth/oidc.js';
import { applyDomainRule } from '../../commands/affiliations.js';
import { DEVICE_COOKIE, PENDING_SECOND_FACTOR_MS, getTotp, isRememberedDevice } from '../../auth/totp.js';
import { AppError } from '../../errors.js';
import { addressKey } from '../../plugins/rateLimit.js';

const tags = ['auth'];

const redirect = { 302: z.null().describe('A redirect (Location)') };

/** A page of the web client with the failure code for the sign-in page to explain. */
function signInPage(params: Record<string, string>, returnTo: string): string {
  const query = new URLSearchParams(params);
  if (returnTo !== '/') query.set('next', returnTo);
  return `/signin?${query.toString()}`;
}

/**
 * Single sign-on routes. Always registered; without OIDC_ISSUER… `start` and `callback` answer
 * 404 `oidc_disabled` and `GET /api/auth/providers` says `oidc: null`.
 */
export const oidcRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app;
  const provider = config.oidc ? new OidcProvider(config.oidc, config.appOrigin) : undefined;
  const cookieOptions = {
    path: OIDC_COOKIE_PATH,
    httpOnly: true,
    // Lax: sent on the provider's top-level redirect back (a GET), never on cross-site subrequests.
    sameSite: 'lax' as const,
    secure: config.cookieSecure,
  };
  const requireProvider = () => {
    if (!provider) throw new AppError(404, 'oidc_disabled', 'Single sign-on is not configured on this site.');
    return provider;
  };
  const fail = (reply: FastifyReply, err: unknown, returnTo: string) => {
    const failure = classifyOidcError(err);
    const level = failure.code === 'oidc_failed' || failure.code === 'oidc_unavailable' ? 'warn' : 'info';
    reply.request.log[level]({ err: failure.cause ?? failure, code: failure.code }, 'single sign-on failed');
    return reply.redirect(signInPage({ sso_error: failure.code }, returnTo), 302);
  };

  app.get(
    '/providers',
    {
      schema: {
        tags,
        summary: 'The sign-in providers besides email and password (single sign-on)',
        response: { 200: providersResponse },
      },
    },
    async () => ({
      oidc: config.oidc ? { name: config.oidc.name, startUrl: '/api/auth/oidc/start' } : null,
    }),
  );

  app.get(
    '/oidc/start',
    {
      onRequest: app.limit('login'),
      schema: {
        tags,
        summary: 'Sign in with the OpenID Connect provider: redirects to it',
        description:
          'Opened by the browser (a navigation, not fetch). Stores state, nonce and PKCE verifier (S256) for the callback and sets the HTTP-only cookie `convene_oidc` naming them (10 minutes). `next`: the same-site page to return to. When the provider cannot be reached, redirects to `/signin?sso_error=oidc_unavailable`.',
        querystring: z.object({ next: z.string().max(2000).optional() }),
        response: { ...redirect, 404: errorResponse, 429: errorResponse },
      },
    },
    async (request, reply) => {
      const sso = requireProvider();
      const returnTo = safeReturnPath(request.query.next);
      try {
        const { url, token } = await sso.start(db, returnTo);
        reply.setCookie(OIDC_COOKIE, token, { ...cookieOptions, maxAge: OIDC_LOGIN_TTL_MS / 1000 });
        return reply.redirect(url.href, 302);
      } catch (err) {
        return fail(reply, err, returnTo);
      }
    },
  );

  app.get(
    '/oidc/callback',
    {
      onRequest: app.limit('login'),
      schema: {
        tags,
        summary: 'Where the provider sends the browser back: signs in and redirects to the page to return to',
        description: `Checks state, nonce and PKCE, then signs in the linked account, links an account by a verified address, or creates one. An account with two-factor on goes on to the code step (\`/signin?second_factor=1\`). On failure, redirects to \`/signin?sso_error=<code>\`, one of: ${OIDC_ERRORS.join(', ')}.`,
        querystring: z.record(z.string(), z.unknown()),
        response: { ...redirect, 404: errorResponse, 429: errorResponse },
      },
    },
    async (request, reply) => {
      const sso = requireProvider();
      reply.clearCookie(OIDC_COOKIE, cookieOptions);
      const login = await sso.takeLogin(db, request.cookies[OIDC_COOKIE]);
      if (!login) {
        return fail(reply, new OidcFailure('oidc_session_expired', 'No sign-in is under way in this browser.'), '/');
      }
      const returnTo = login.returnTo;
      try {
        const identity = await sso.finish(new URL(request.url, config.appOrigin), login);
        // A first link (only ever with a verified address) applies the organisation-domain rules.
        const { user } = await resolveAccount(db, sso.settings, identity, applyDomainRule);
        if (user.disabled) throw new OidcFailure('oidc_account_disabled', 'This account is disabled.');
        // A sign-in that succeeded does not count against the address (its start and this callback),
        // as with the password: a room behind one network signs in together.
        await app.rateLimitCounters.refund(addressKey('login', request), addressKey('login', request));
        if (request.session || request.pendingSecondFactor) await app.endSession(request, reply);
        // Two-factor applies to a sign-in through the provider as to one with the password.
        const totp = await getTotp(db, user.id);
        if (totp?.confirmedAt && !(await isRememberedDevice(db, user.id, request.cookies[DEVICE_COOKIE]))) {
          await app.startSession(reply, user.id, { secondFactorPending: true, ttlMs: PENDING_SECOND_FACTOR_MS });
          return reply.redirect(signInPage({ second_factor: '1' }, returnTo), 302);
        }
        await app.startSession(reply, user.id);
        return reply.redirect(returnTo, 302);
      } catch (err) {
        return fail(reply, err, returnTo);
      }
    },
  );
};
