import { applyDomainRule } from '../commands/affiliations.js';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import { releaseHeldComments } from '../commands/comments.js';
import { acceptInvitations } from '../commands/invitations.js';
import { findUserByEmail } from '../commands/users.js';
import type { Config } from '../config.js';
import type { Database, Tx } from '../db/client.js';
import { type User, emailTokens, users } from '../db/schema/index.js';
import { AppError, conflict, fieldInvalid } from '../errors.js';
import { isVerified } from '../policies/verification.js';
import { queueMail, retryOptions } from './compose.js';
import { QUEUES, type Jobs } from './jobs.js';
import { newToken, tokenHash } from './passwordReset.js';
import { renderEmailChange, renderEmailChanged } from './templates/emailChange.js';
import { renderVerification } from './templates/verification.js';

/** A verification link works once, for 7 days; a link confirming a new address, for 24 hours. */
export const VERIFY_TOKEN_TTL_MS = 7 * 24 * 60 * 60 * 1000;
export const CHANGE_TOKEN_TTL_MS = 24 * 60 * 60 * 1000;

/** The web client's page that takes either kind of token (in the fragment: it never reaches a log). */
export const verifyUrl = (appOrigin: string, token: string): string => `${appOrigin}/verify-email#token=${token}`;

const expiresIn = (ms: number) => sql`now() + make_interval(secs => ${ms / 1000})`;

/** Writes a new verification link for the account's address and its email. */
export async function sendVerification(db: Database, jobs: Jobs, config: Config, user: User): Promise<void> {
  const token = newToken();
  const rendered = await renderVerification({
    locale: user.locale,
    displayName: user.displayName,
    url: verifyUrl(config.appOrigin, token),
  });
  await db.transaction(async (tx) => {
    await tx.insert(emailTokens).values({
      id: tokenHash(token),
      userId: user.id,
      purpose: 'verify',
      email: user.email,
      expiresAt: expiresIn(VERIFY_TOKEN_TTL_MS),
    });
    await queueMail(tx, jobs, config, {
      kind: 'email_verification',
      to: user.email,
      userId: user.id,
      locale: user.locale,
      rendered,
    });
  });
  jobs.nudge(QUEUES.mailSend);
}

/**
 * Queues the verification email of a new account in its registration's transaction `tx` (the
 * `email-verification` job renders it, so registering costs no template rendering); the job sends
 * nothing if the account is verified by the time it runs.
 */
export const queueVerification = (tx: Tx, jobs: Jobs, config: Config, userId: string) =>
  jobs.sendInTx(tx, QUEUES.emailVerification, { userId }, retryOptions(config));

/** "Resend": the same job, outside any transaction. */
export const requestVerification = (jobs: Jobs, config: Config, userId: string) =>
  jobs.send(QUEUES.emailVerification, { userId }, retryOptions(config));

/** The `email-verification` job: a link for an account still unverified (nothing once verified). */
export function verificationRequester(db: Database, jobs: Jobs, config: Config) {
  return async (job: PgBoss.JobWithMetadata<{ userId: string }>): Promise<void> => {
    const [user] = await db.select().from(users).where(eq(users.id, job.data.userId)).limit(1);
    if (!user || user.disabled || isVerified(user)) return;
    await sendVerification(db, jobs, config, user);
  };
}

const emailTaken = () =>
  conflict('email_taken', 'An account with this email already exists.', {
    fields: [{ field: 'email', message: 'An account with this email already exists' }],
  });

/**
 * Asks to move the account to `email`: a link goes to that address (the account keeps its
 * current one until it is followed). A newer request replaces an older one.
 */
export async function requestEmailChange(
  db: Database,
  jobs: Jobs,
  config: Config,
  user: User,
  email: string,
): Promise<void> {
  if (email.toLowerCase() === user.email.toLowerCase()) throw fieldInvalid('email', 'This is already your address');
  if (await findUserByEmail(db, email)) throw emailTaken();
  const token = newToken();
  const rendered = await renderEmailChange({
    locale: user.locale,
    displayName: user.displayName,
    oldEmail: user.email,
    url: verifyUrl(config.appOrigin, token),
  });
  await db.transaction(async (tx) => {
    await tx
      .update(emailTokens)
      .set({ usedAt: sql`now()` })
      .where(and(eq(emailTokens.userId, user.id), eq(emailTokens.purpose, 'change'), isNull(emailTokens.usedAt)));
    await tx.insert(emailTokens).values({
      id: tokenHash(token),
      userId: user.id,
      purpose: 'change',
      email,
      expiresAt: expiresIn(CHANGE_TOKEN_TTL_MS),
    });
    await queueMail(tx, jobs, config, {
      kind: 'email_change',
      to: email,
      userId: user.id,
      locale: user.locale,
      rendered,
    });
  });
  jobs.nudge(QUEUES.mailSend);
}

/** The new address the account asked to move to, while its link is still valid. */
export async function pendingEmailChange(db: Database, userId: string): Promise<string | null> {
  const [row] = await db
    .select({ email: emailTokens.email })
    .from(emailTokens)
    .where(
      and(
        eq(emailTokens.userId, userId),
        eq(emailTokens.purpose, 'change'),
        isNull(emailTokens.usedAt),
        sql`${emailTokens.expiresAt} > now()`,
      ),
    )
    .orderBy(desc(emailTokens.createdAt))
    .limit(1);
  return row?.email ?? null;
}

const tokenError = (code: string, message: string) =>
  new AppError(400, code, message, { fields: [{ field: 'token', message }] });

/**
 * Follows a verification or email-change link (no sign-in needed: the token is the proof).
 * `verify`: the address is verified. `change`: the account moves to the new address (verified
 * by the link) and the old address is told. Either way the account's held comments enter the
 * moderation queue and open invitations to the address are accepted. The token and the
 * account's other tokens of that purpose are used up. 400 `email_token_invalid`,
 * `email_token_used` or `email_token_expired` naming `token`; 409 `email_taken` when another
 * account took the new address meanwhile.
 */
export async function confirmEmailToken(
  db: Database,
  jobs: Jobs,
  config: Config,
  token: string,
): Promise<{ purpose: 'verify' | 'change'; email: string }> {
  const result = await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ token: emailTokens, expired: sql<boolean>`${emailTokens.expiresAt} <= now()` })
      .from(emailTokens)
      .where(eq(emailTokens.id, tokenHash(token)))
      .for('update')
      .limit(1);
    if (!row) throw tokenError('email_token_invalid', 'This link is not valid.');
    const t = row.token;
    if (t.usedAt) throw tokenError('email_token_used', 'This link has already been used.');
    if (row.expired) throw tokenError('email_token_expired', 'This link has expired.');
    const [user] = await tx.select().from(users).where(eq(users.id, t.userId)).for('update').limit(1);
    // A verification link is for the address the account had when it was sent.
    if (!user || user.disabled || (t.purpose === 'verify' && user.email.toLowerCase() !== t.email.toLowerCase())) {
      throw tokenError('email_token_invalid', 'This link is not valid.');
    }
    if (t.purpose === 'change') {
      const other = await findUserByEmail(tx, t.email);
      if (other && other.id !== user.id) throw emailTaken();
    }
    const [updated] = await tx
      .update(users)
      .set({
        email: t.email,
        emailVerifiedAt: user.emailVerifiedAt ?? new Date(),
        updatedAt: new Date(),
      })
      .where(eq(users.id, user.id))
      .returning();
    if (!updated) throw new Error('user vanished while locked');
    // Every open link of this purpose is spent (and, on a change, the old address's verification links).
    await tx
      .update(emailTokens)
      .set({ usedAt: sql`now()` })
      .where(
        and(
          eq(emailTokens.userId, user.id),
          isNull(emailTokens.usedAt),
          t.purpose === 'change' ? undefined : eq(emailTokens.purpose, 'verify'),
        ),
      );
    if (t.purpose === 'change') {
      const rendered = await renderEmailChanged({
        locale: user.locale,
        displayName: user.displayName,
        newEmail: t.email,
      });
      await queueMail(tx, jobs, config, {
        kind: 'email_changed',
        to: user.email,
        userId: user.id,
        locale: user.locale,
        rendered,
      });
    }
    await releaseHeldComments(tx, user.id);
    // An organisation domain rule verifies the affiliation of a newly verified address on it.
    await applyDomainRule(tx, updated.id, updated.email);
    await acceptInvitations(tx, updated);
    return { purpose: t.purpose, email: t.email };
  });
  jobs.nudge(QUEUES.mailSend);
  return result;
}
