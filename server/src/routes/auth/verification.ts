import {
  emailChangeRequest,
  emailConfirmedResponse,
  emailTokenRequest,
  errorResponse,
  invitationLookupResponse,
  okResponse,
} from '@convene/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { lookupInvitation } from '../../commands/invitations.js';
import { conflict } from '../../errors.js';
import { confirmEmailToken, requestEmailChange, requestVerification } from '../../mail/verification.js';
import { addressKey, rateLimited } from '../../plugins/rateLimit.js';
import { isVerified } from '../../policies/verification.js';

const tags = ['auth'];

/**
 * Address verification, email change and the invitation page, under `/api/auth`:
 * `POST /email/verify`, `/email/resend`, `/email/change`, `/invitation`.
 */
export const verificationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, jobs, config } = app;

  app.post(
    '/email/verify',
    {
      onRequest: app.limit('login'),
      schema: {
        tags,
        summary: 'Follow a verification or email-change link',
        description:
          'No sign-in needed: the token is the proof. `verify`: the address is verified; `change`: the account moves to the new address, and the old one is told. Held comments then enter the moderation queue, and open invitations to the address are accepted. 400 `email_token_invalid`, `email_token_used` or `email_token_expired` naming `token`; 409 `email_taken` when another account took the new address meanwhile.',
        body: emailTokenRequest,
        response: { 200: emailConfirmedResponse, 400: errorResponse, 409: errorResponse, 429: errorResponse },
      },
    },
    async (request) => {
      const confirmed = await confirmEmailToken(db, jobs, config, request.body.token);
      // A link that works is no guess: taken back from the address's window, as a sign-in that
      // succeeds is (a room of delegates behind one network can all follow theirs).
      await app.rateLimitCounters.refund(addressKey('login', request));
      return { ok: true as const, ...confirmed };
    },
  );

  app.post(
    '/email/resend',
    {
      schema: {
        tags,
        summary: 'Send the verification link again',
        description: `Limited per account (RATE_LIMIT_VERIFY_RESEND); 409 \`already_verified\` once verified.`,
        response: { 202: okResponse, 401: errorResponse, 409: errorResponse, 429: errorResponse },
      },
    },
    async (request, reply) => {
      const user = app.requireUser(request);
      if (isVerified(user)) throw conflict('already_verified', 'This address is verified already.');
      const limit = config.identity.resendLimit;
      const hit = await app.rateLimitCounters.hit(`verify:resend:${user.id}`, limit.windowMs);
      if (hit.count > limit.max) {
        const err = rateLimited(hit.ttlMs, 'verification emails');
        reply.header('retry-after', String((err.details as { retryAfterSeconds: number }).retryAfterSeconds));
        throw err;
      }
      await requestVerification(jobs, config, user.id);
      return reply.status(202).send({ ok: true as const });
    },
  );

  app.post(
    '/email/change',
    {
      schema: {
        tags,
        summary: 'Move the account to a new email address',
        description:
          'A link goes to the new address; the change applies when it is followed (within 24 hours), and the old address is then told. A newer request replaces an older one. 409 `email_taken` naming `email`; the same address is 400 naming `email`.',
        body: emailChangeRequest,
        response: { 202: okResponse, 400: errorResponse, 401: errorResponse, 409: errorResponse, 429: errorResponse },
      },
      onRequest: app.limit('login'),
    },
    async (request, reply) => {
      const user = app.requireUser(request);
      await requestEmailChange(db, jobs, config, user, request.body.email);
      return reply.status(202).send({ ok: true as const });
    },
  );

  app.post(
    '/invitation',
    {
      onRequest: app.limit('login'),
      schema: {
        tags,
        summary: 'The invitation an invitation link names (for the registration form)',
        description:
          '400 `invitation_invalid` (unknown, or replaced by a resend), `invitation_used`, `invitation_revoked` or `invitation_expired`, naming `token`.',
        body: emailTokenRequest,
        response: { 200: invitationLookupResponse, 400: errorResponse, 429: errorResponse },
      },
    },
    async (request) => {
      const invitation = await lookupInvitation(db, request.body.token);
      // As above: a working invitation link is taken back from the address's window.
      await app.rateLimitCounters.refund(addressKey('login', request));
      return { invitation };
    },
  );
};
