import { email, errorResponse, okResponse, password } from '@convene/shared';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Limit } from '../../config.js';
import { retryOptions } from '../../mail/compose.js';
import { QUEUES } from '../../mail/jobs.js';
import { resetPassword } from '../../mail/passwordReset.js';
import { rateLimited } from '../../plugins/rateLimit.js';

const tags = ['auth'];

export const forgotPasswordRequest = z.strictObject({ email });
export const resetPasswordRequest = z.strictObject({
  /** The token from the emailed link. */
  token: z.string().min(1, 'Required').max(200),
  password,
});

/** Password reset by email: `/api/auth/password/forgot` and `/api/auth/password/reset`. */
export const passwordRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, jobs, config } = app;
  const limits = config.passwordResetLimits;

  /** Counts one request against a window; over it, 429 with Retry-After. */
  const count = async (key: string, limit: Limit, reply: FastifyReply) => {
    const hit = await app.rateLimitCounters.hit(key, limit.windowMs);
    if (hit.count > limit.max) {
      const err = rateLimited(hit.ttlMs, 'password-reset requests');
      reply.header('retry-after', String((err.details as { retryAfterSeconds: number }).retryAfterSeconds));
      throw err;
    }
  };

  app.post(
    '/forgot',
    {
      schema: {
        tags,
        summary: 'Ask for a password-reset link by email',
        description:
          'Always 202 with the same body, whether or not the address has an account: the lookup and the email happen in a background job. Limited per client address (RATE_LIMIT_RESET_ADDRESS) and per email address typed (RATE_LIMIT_RESET_ACCOUNT), known or not.',
        body: forgotPasswordRequest,
        response: { 202: okResponse, 400: errorResponse, 429: errorResponse },
      },
    },
    async (request, reply) => {
      const address = request.body.email.toLowerCase();
      await count(`reset:address:${request.ip}`, limits.address, reply);
      await count(`reset:account:${address}`, limits.account, reply);
      await jobs.send(QUEUES.passwordReset, { email: address }, retryOptions(config));
      return reply.status(202).send({ ok: true as const });
    },
  );

  app.post(
    '/reset',
    {
      schema: {
        tags,
        summary: 'Set a new password with the token of a reset link',
        description:
          'The token works once, for one hour. Ends every session of the account except the one making the request (when signed in as that account). 400 `reset_token_invalid`, `reset_token_used` or `reset_token_expired` naming the field `token`; a weak password is 400 `validation_failed` naming `password`.',
        body: resetPasswordRequest,
        response: { 200: okResponse, 400: errorResponse, 429: errorResponse },
      },
    },
    async (request, reply) => {
      await count(`reset:submit:address:${request.ip}`, limits.address, reply);
      // The requester's own session stays only when it is a session of the account reset.
      await resetPassword(db, { ...request.body, keepSessionId: request.session?.id });
      return { ok: true as const };
    },
  );
};
