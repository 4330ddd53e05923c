import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import { hashPassword } from '../auth/password.js';
import { findUserByEmail } from '../commands/users.js';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import { passwordResetTokens, sessions, users } from '../db/schema/index.js';
import { AppError } from '../errors.js';
import { SESSIONS_CHANNEL } from '../live/hub.js';
import { queueMail } from './compose.js';
import type { Jobs } from './jobs.js';
import { renderPasswordReset } from './templates/passwordReset.js';

/** A reset link works for one hour, once. */
export const RESET_TOKEN_TTL_MS = 60 * 60 * 1000;

/** The SHA-256 (hex) of a link's token: all that is stored of it (reset, verification, invitation links). */
export const tokenHash = (token: string): string => encodeHexLowerCase(sha256(new TextEncoder().encode(token)));

/** 256 random bits, base32: the secret of an emailed link. */
export function newToken(): string {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

/** The page of the web client that takes the token; in the fragment, so it never reaches a log. */
export const resetUrl = (appOrigin: string, token: string): string => `${appOrigin}/reset-password#token=${token}`;

/**
 * The `password-reset-request` job: the request itself only queued it, so its answer and timing
 * are the same whether or not the address has an account. Here, for an active account: a new
 * token (only its hash stored) and the email with its link, in one transaction.
 */
export function passwordResetRequester(db: Database, jobs: Jobs, config: Config) {
  return async (job: PgBoss.JobWithMetadata<{ email: string }>): Promise<void> => {
    const user = await findUserByEmail(db, job.data.email);
    const token = newToken();
    // Rendered for an unknown address too and thrown away: this instance's event loop is as busy
    // either way, so the latency of its other requests says nothing about the address.
    const rendered = await renderPasswordReset({
      locale: user?.locale ?? 'en',
      displayName: user?.displayName ?? 'Convene',
      url: resetUrl(config.appOrigin, token),
    });
    if (!user || user.disabled) return;
    await db.transaction(async (tx) => {
      await tx.insert(passwordResetTokens).values({
        id: tokenHash(token),
        userId: user.id,
        // The database's clock, like created_at and the check at reset.
        expiresAt: sql`now() + make_interval(secs => ${RESET_TOKEN_TTL_MS / 1000})`,
      });
      await queueMail(tx, jobs, config, {
        kind: 'password_reset',
        to: user.email,
        userId: user.id,
        locale: user.locale,
        rendered,
      });
    });
    jobs.nudge('mail-send');
  };
}

const tokenError = (code: string, message: string) =>
  new AppError(400, code, message, { fields: [{ field: 'token', message }] });

/**
 * Sets a new password with a reset token: the token and every other open token of the account
 * are used up, and every session of the account ends except `keepSessionId` (the requester's own,
 * when they are signed in as that account). Returns the user's id.
 */
export async function resetPassword(
  db: Database,
  input: { token: string; password: string; keepSessionId?: string | undefined },
): Promise<string> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        userId: passwordResetTokens.userId,
        usedAt: passwordResetTokens.usedAt,
        expired: sql<boolean>`${passwordResetTokens.expiresAt} <= now()`,
      })
      .from(passwordResetTokens)
      .where(eq(passwordResetTokens.id, tokenHash(input.token)))
      .for('update')
      .limit(1);
    if (!row) throw tokenError('reset_token_invalid', 'This reset link is not valid.');
    if (row.usedAt) throw tokenError('reset_token_used', 'This reset link has already been used.');
    if (row.expired) throw tokenError('reset_token_expired', 'This reset link has expired.');
    const [user] = await tx
      .update(users)
      .set({ passwordHash, updatedAt: new Date() })
      .where(and(eq(users.id, row.userId), eq(users.disabled, false)))
      .returning({ id: users.id });
    if (!user) throw tokenError('reset_token_invalid', 'This reset link is not valid.');
    await tx
      .update(passwordResetTokens)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordResetTokens.userId, user.id), isNull(passwordResetTokens.usedAt)));
    await tx
      .delete(sessions)
      .where(
        input.keepSessionId
          ? and(eq(sessions.userId, user.id), ne(sessions.id, input.keepSessionId))
          : eq(sessions.userId, user.id),
      );
    // Open sockets of the ended sessions stop receiving what only this user could see.
    await tx.execute(sql`select pg_notify(${SESSIONS_CHANNEL}, ${`user:${user.id}`})`);
    return user.id;
  });
}
