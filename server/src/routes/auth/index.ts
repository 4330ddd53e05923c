import {
  MEMBER_STATE_COUNTRY_REQUIRED,
  authResponse,
  countryMissingForCategory,
  errorResponse,
  loginRequest,
  meResponse,
  okResponse,
  registerRequest,
  updateProfileRequest,
} from '@convene/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { verifyDummyPassword, verifyPassword } from '../../auth/password.js';
import { registerAccount } from '../../commands/registration.js';
import { findUserByEmail, updateProfile } from '../../commands/users.js';
import { AppError, fieldInvalid } from '../../errors.js';
import { addressKey, rateLimited } from '../../plugins/rateLimit.js';
import { pendingEmailChange } from '../../mail/verification.js';
import { accountAbilities } from '../../policies/index.js';
import { holdsComments } from '../../policies/verification.js';
import { holdsSpaceRole } from '../../queries/spaces.js';
import { presentUser } from '../../presenters/user.js';
import { secondFactorStep } from './totp.js';

const tags = ['auth'];

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;
  const accountLimit = app.config.rateLimits.login.account;

  app.post(
    '/register',
    {
      // Brute-force brake on credential endpoints, per client address (AUTH_RATE_LIMIT).
      onRequest: app.limit('register'),
      schema: {
        tags,
        summary: 'Create an account and sign in',
        body: registerRequest,
        response: { 201: authResponse, 400: errorResponse, 409: errorResponse, 429: errorResponse },
      },
    },
    async (request, reply) => {
      // Unverified, with its verification email queued; or verified, through an invitation's link.
      const user = await registerAccount(db, app.jobs, app.config, request.body);
      await app.startSession(reply, user.id);
      return reply.status(201).send({ user: presentUser(user) });
    },
  );

  app.post(
    '/login',
    {
      onRequest: app.limit('login'),
      schema: {
        tags,
        summary: 'Sign in with email and password',
        description:
          'Limited per client address (AUTH_RATE_LIMIT) and per account (RATE_LIMIT_LOGIN_ACCOUNT, from any address); a successful sign-in is taken back from both, so only failures add up; over either, 429 `rate_limited` with `Retry-After`.',
        body: loginRequest,
        response: { 200: authResponse, 400: errorResponse, 401: errorResponse, 429: errorResponse },
      },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      // Against guessing one account's password from many addresses. Every attempt is counted
      // first (so parallel guesses cannot slip past the limit) and a success is taken back, so
      // only failures add up. The key is the email as typed, known account or not, so a 429 does
      // not tell whether an account exists.
      const accountKey = `login:account:${email.toLowerCase()}`;
      const attempt = await app.rateLimitCounters.hit(accountKey, accountLimit.windowMs);
      if (attempt.count > accountLimit.max) throw rateLimited(attempt.ttlMs, 'failed sign-ins for this account');
      const user = await findUserByEmail(db, email);
      const ok = user ? await verifyPassword(user.passwordHash, password) : await verifyDummyPassword(password);
      // One answer for an unknown email, a wrong password and a disabled account.
      if (!user || !ok || user.disabled) {
        throw new AppError(401, 'invalid_credentials', 'The email or password is not correct.');
      }
      // Nor against the address: many delegates sign in from one office or conference network
      // (one address behind its NAT) at the start of a session, and only failures are guesses.
      await app.rateLimitCounters.refund(accountKey, addressKey('login', request));
      if (await secondFactorStep(app, request, reply, user)) return reply;
      if (request.session) await app.endSession(request, reply);
      await app.startSession(reply, user.id);
      return { user: presentUser(user) };
    },
  );

  app.post(
    '/logout',
    { schema: { tags, summary: 'Sign out (ends this session)', response: { 200: okResponse } } },
    async (request, reply) => {
      await app.endSession(request, reply);
      return { ok: true as const };
    },
  );

  app.get(
    '/me',
    { schema: { tags, summary: 'The signed-in user, or null', response: { 200: meResponse } } },
    async (request) => {
      const user = request.user;
      if (!user) return { user: null, abilities: null };
      return {
        user: presentUser(user),
        abilities: accountAbilities(user, await holdsSpaceRole(db, user)),
        account: {
          commentsHeld: holdsComments(user, app.config.identity.unverifiedComments),
          pendingEmail: await pendingEmailChange(db, user.id),
        },
      };
    },
  );

  app.patch(
    '/me',
    {
      schema: {
        tags,
        summary: 'Edit your own profile and preferred language',
        body: updateProfileRequest,
        response: { 200: authResponse, 400: errorResponse, 401: errorResponse },
      },
    },
    async (request) => {
      const user = app.requireUser(request);
      const { stakeholderCategory, country } = request.body;
      // A Member State delegate keeps a country: the edit is checked with the stored values it keeps.
      if (
        (stakeholderCategory !== undefined || country !== undefined) &&
        countryMissingForCategory(
          stakeholderCategory ?? user.stakeholderCategory,
          country === undefined ? user.country : country,
        )
      ) {
        throw fieldInvalid('country', MEMBER_STATE_COUNTRY_REQUIRED);
      }
      return { user: presentUser(await updateProfile(db, user.id, request.body)) };
    },
  );
};
