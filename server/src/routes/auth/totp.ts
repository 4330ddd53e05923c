import {
  authResponse,
  errorResponse,
  okResponse,
  recoveryCodesResponse,
  secondFactorRequest,
  totpConfirmRequest,
  totpDisableRequest,
  totpEnrolResponse,
  totpStatusResponse,
} from '@convene/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { verifyPassword } from '../../auth/password.js';
import {
  DEVICE_COOKIE,
  PENDING_SECOND_FACTOR_MS,
  acceptTotpCode,
  beginEnrolment,
  consumeRecoveryCode,
  disableTotp,
  getTotp,
  isRememberedDevice,
  mustUseTwoFactor,
  remainingRecoveryCodes,
  rememberDevice,
  replaceRecoveryCodes,
} from '../../auth/totp.js';
import type { User } from '../../db/schema/index.js';
import { conflict, fieldInvalid, unauthorized } from '../../errors.js';
import { rateLimited } from '../../plugins/rateLimit.js';
import { requireSignedIn } from '../../policies/index.js';
import { presentUser } from '../../presenters/user.js';

const tags = ['auth'];

type TotpDisableRequest = z.infer<typeof totpDisableRequest>;

/**
 * Called by the sign-in route once the password is right. When the account has two-factor on
 * and this browser is not remembered, starts a "second factor pending" session (it grants
 * nothing but POST /api/auth/totp) and answers 401 `second_factor_required`; returns true then.
 */
export async function secondFactorStep(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  user: User,
): Promise<boolean> {
  const totp = await getTotp(app.db, user.id);
  if (!totp?.confirmedAt) return false;
  if (await isRememberedDevice(app.db, user.id, request.cookies[DEVICE_COOKIE])) return false;
  if (request.session || request.pendingSecondFactor) await app.endSession(request, reply);
  await app.startSession(reply, user.id, { secondFactorPending: true, ttlMs: PENDING_SECOND_FACTOR_MS });
  await reply.status(401).send({
    error: {
      code: 'second_factor_required',
      message: 'Enter the code from your authenticator app (or a recovery code).',
    },
  });
  return true;
}

/** Two-factor sign-in: the code step of sign-in, and enrolment on the account page. */
export const totpRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app;
  const limit = config.staffAccounts.totpLimit;

  /** Counts a code attempt for the account (429 over RATE_LIMIT_TOTP); returns the refund. */
  const countAttempt = async (userId: string, reply: FastifyReply) => {
    const key = `totp:user:${userId}`;
    const hit = await app.rateLimitCounters.hit(key, limit.windowMs);
    if (hit.count > limit.max) {
      const err = rateLimited(hit.ttlMs, 'two-factor codes');
      reply.header('retry-after', String((err.details as { retryAfterSeconds: number }).retryAfterSeconds));
      throw err;
    }
    return () => app.rateLimitCounters.refund(key);
  };
  const wrongCode = () => fieldInvalid('code', 'This code is not correct');

  /**
   * A change to two-factor sign-in itself: it must be on (409 otherwise), and the body proves it
   * is the account holder — a current code, else the password — counted as a code attempt.
   * Returns the signed-in user.
   */
  const proveHolder = async (request: FastifyRequest, body: TotpDisableRequest, reply: FastifyReply) => {
    const user = request.user;
    requireSignedIn(user);
    if (!request.totpEnabled) throw conflict('two_factor_disabled', 'Two-factor sign-in is not on.');
    const refund = await countAttempt(user.id, reply);
    const ok = body.code
      ? await acceptTotpCode(db, user.id, body.code)
      : await verifyPassword(user.passwordHash, body.password ?? '');
    if (!ok) throw body.code ? wrongCode() : fieldInvalid('password', 'The password is not correct');
    await refund();
    return user;
  };
  /** The answers of a route that takes a code (or the password), besides its 200. */
  const codeErrors = { 400: errorResponse, 401: errorResponse, 409: errorResponse, 429: errorResponse };

  app.post(
    '/auth/totp',
    {
      schema: {
        tags,
        summary: 'Second step of sign-in: the authenticator code or a recovery code',
        description:
          'Only after POST /api/auth/login answered 401 `second_factor_required`. A code is accepted once; a recovery code once. `rememberDevice`: this browser skips the code for 30 days (cookie `convene_device`). Attempts are limited per account (RATE_LIMIT_TOTP).',
        body: secondFactorRequest,
        response: { 200: authResponse, 400: errorResponse, 401: errorResponse, 429: errorResponse },
      },
    },
    async (request, reply) => {
      const pending = request.pendingSecondFactor;
      if (!pending) throw unauthorized('Sign in with your password first.');
      const { user } = pending;
      const refund = await countAttempt(user.id, reply);
      const { code, recoveryCode, rememberDevice: remember } = request.body;
      const ok = code
        ? await acceptTotpCode(db, user.id, code)
        : await consumeRecoveryCode(db, user.id, recoveryCode ?? '');
      if (!ok) throw code ? wrongCode() : fieldInvalid('recoveryCode', 'This recovery code is not valid');
      await refund();
      await app.endSession(request, reply);
      await app.startSession(reply, user.id);
      if (remember) {
        const device = await rememberDevice(db, user.id);
        reply.setCookie(DEVICE_COOKIE, device.token, {
          path: '/api/auth/',
          httpOnly: true,
          sameSite: 'lax',
          secure: config.cookieSecure,
          expires: device.expiresAt,
        });
      }
      return { user: presentUser(user) };
    },
  );

  app.get(
    '/me/totp',
    {
      schema: {
        tags,
        summary: 'Whether two-factor sign-in is on, and whether it is required of you',
        response: { 200: totpStatusResponse, 401: errorResponse },
      },
    },
    async (request) => {
      requireSignedIn(request.user);
      return {
        enabled: request.totpEnabled,
        required: await mustUseTwoFactor(db, config, request.user),
        recoveryCodesLeft: request.totpEnabled ? await remainingRecoveryCodes(db, request.user.id) : 0,
      };
    },
  );

  app.post(
    '/me/totp/enrol',
    {
      schema: {
        tags,
        summary: 'Start setting up two-factor sign-in: a new secret (otpauth URI and text key)',
        description: 'Not on until confirmed with a code (POST /api/me/totp/confirm). 409 when already on.',
        response: { 200: totpEnrolResponse, 401: errorResponse, 409: errorResponse },
      },
    },
    async (request) => {
      requireSignedIn(request.user);
      if (request.totpEnabled) throw conflict('two_factor_enabled', 'Two-factor sign-in is already on.');
      return beginEnrolment(db, request.user);
    },
  );

  app.post(
    '/me/totp/confirm',
    {
      schema: {
        tags,
        summary: 'Turn two-factor on with a first code; returns the recovery codes, shown this once',
        body: totpConfirmRequest,
        response: { 200: recoveryCodesResponse, ...codeErrors },
      },
    },
    async (request, reply) => {
      requireSignedIn(request.user);
      if (request.totpEnabled) throw conflict('two_factor_enabled', 'Two-factor sign-in is already on.');
      const current = await getTotp(db, request.user.id);
      if (!current) throw conflict('two_factor_not_enrolled', 'Start setting up two-factor sign-in first.');
      const refund = await countAttempt(request.user.id, reply);
      if (!(await acceptTotpCode(db, request.user.id, request.body.code))) throw wrongCode();
      await refund();
      return { recoveryCodes: await replaceRecoveryCodes(db, request.user.id) };
    },
  );

  app.post(
    '/me/totp/recovery-codes',
    {
      schema: {
        tags,
        summary: 'New recovery codes, with a current code or your password; shown this once',
        description:
          'The old recovery codes stop working, used or not. Attempts are limited per account (RATE_LIMIT_TOTP). 409 when two-factor sign-in is not on.',
        body: totpDisableRequest,
        response: { 200: recoveryCodesResponse, ...codeErrors },
      },
    },
    async (request, reply) => {
      const user = await proveHolder(request, request.body, reply);
      // Old codes out and new ones in together: never a moment with none, or with both.
      return { recoveryCodes: await db.transaction((tx) => replaceRecoveryCodes(tx, user.id)) };
    },
  );

  app.post(
    '/me/totp/disable',
    {
      schema: {
        tags,
        summary: 'Turn two-factor off, with a current code or your password',
        description:
          'Secret, recovery codes and remembered browsers are deleted. Where REQUIRE_STAFF_2FA requires it of you, you must enrol again before anything else works.',
        body: totpDisableRequest,
        response: { 200: okResponse, ...codeErrors },
      },
    },
    async (request, reply) => {
      const user = await proveHolder(request, request.body, reply);
      await disableTotp(db, user.id);
      return { ok: true as const };
    },
  );
};
