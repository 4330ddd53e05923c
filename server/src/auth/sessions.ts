import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { preparedPer } from '../db/prepared.js';
import { sessions, totpCredentials, type User, users } from '../db/schema/index.js';

/**
 * Sessions after Lucia's design (lucia-auth.com/sessions): the cookie holds a random token;
 * the database holds only its SHA-256, so a leaked table cannot be replayed. Expiry slides:
 * a session used in the second half of its life is extended.
 */

export function generateSessionToken(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

export function sessionIdFromToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export interface SessionInfo {
  id: string;
  userId: string;
  expiresAt: Date;
  /** Password verified, second factor not yet: the session grants nothing but the code step. */
  secondFactorPending: boolean;
}

/** What the account page shows of a session: the browser and address it was started from. */
export interface SessionMeta {
  userAgent?: string | null | undefined;
  ipAddress?: string | null | undefined;
  secondFactorPending?: boolean | undefined;
}

export async function createSession(db: DbOrTx, userId: string, ttlMs: number, meta: SessionMeta = {}) {
  const token = generateSessionToken();
  const session: SessionInfo = {
    id: sessionIdFromToken(token),
    userId,
    expiresAt: new Date(Date.now() + ttlMs),
    secondFactorPending: meta.secondFactorPending ?? false,
  };
  await db.insert(sessions).values({
    ...session,
    // Bounded: a header is under the client's control.
    userAgent: meta.userAgent?.slice(0, 512) ?? null,
    ipAddress: meta.ipAddress?.slice(0, 64) ?? null,
  });
  return { token, session };
}

export type SessionValidation = {
  session: SessionInfo;
  user: User;
  refreshed: boolean;
  /** The user has confirmed a TOTP second factor. */
  totpEnabled: boolean;
} | null;

/** A session with its user and whether a second factor is set up: on every signed-in request. */
const sessionById = preparedPer((db) =>
  db
    .select({ session: sessions, user: users, totpConfirmedAt: totpCredentials.confirmedAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(totpCredentials, eq(totpCredentials.userId, sessions.userId))
    .where(eq(sessions.id, sql.placeholder('id')))
    .limit(1)
    .prepare('session_by_id'),
);

export async function validateSessionToken(
  db: DbOrTx,
  token: string,
  ttlMs: number,
  lastUsedGranularityMs = 5 * 60_000,
): Promise<SessionValidation> {
  const id = sessionIdFromToken(token);
  const [row] = await sessionById(db).execute({ id });
  if (!row) return null;
  const { session, user } = row;
  const totpEnabled = row.totpConfirmedAt !== null;
  if (Date.now() >= session.expiresAt.getTime() || user.disabled) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  let refreshed = false;
  const patch: Partial<typeof sessions.$inferInsert> = {};
  // A second-factor-pending session keeps its short life; it never slides.
  if (!session.secondFactorPending && Date.now() >= session.expiresAt.getTime() - ttlMs / 2) {
    session.expiresAt = new Date(Date.now() + ttlMs);
    patch.expiresAt = session.expiresAt;
    refreshed = true;
  }
  // "Last used" is coarse on purpose: one write per session every few minutes, not per request.
  if (Date.now() - session.lastUsedAt.getTime() >= lastUsedGranularityMs) patch.lastUsedAt = new Date();
  if (Object.keys(patch).length > 0) await db.update(sessions).set(patch).where(eq(sessions.id, id));
  return {
    session: {
      id: session.id,
      userId: session.userId,
      expiresAt: session.expiresAt,
      secondFactorPending: session.secondFactorPending,
    },
    user,
    refreshed,
    totpEnabled,
  };
}

/** The user's sessions, newest use first (second-factor-pending ones are not sessions yet). */
export async function listUserSessions(db: DbOrTx, userId: string) {
  const rows = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), eq(sessions.secondFactorPending, false)))
    .orderBy(sessions.lastUsedAt);
  return rows.filter((r) => r.expiresAt.getTime() > Date.now()).reverse();
}

/** Ends one of the user's sessions; false when the user has no session with this id. */
export async function invalidateOwnSession(db: DbOrTx, userId: string, sessionId: string): Promise<boolean> {
  const deleted = await db
    .delete(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)))
    .returning({ id: sessions.id });
  return deleted.length > 0;
}

/** Ends every session of the user but one; returns the ids ended. */
export async function invalidateOtherSessions(db: DbOrTx, userId: string, keepId: string): Promise<string[]> {
  const deleted = await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), ne(sessions.id, keepId)))
    .returning({ id: sessions.id });
  return deleted.map((d) => d.id);
}

export async function invalidateSession(db: DbOrTx, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function invalidateUserSessions(db: DbOrTx, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}
