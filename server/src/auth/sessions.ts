import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { sessions, type User, users } from '../db/schema/index.js';

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
}

export async function createSession(db: DbOrTx, userId: string, ttlMs: number) {
  const token = generateSessionToken();
  const session: SessionInfo = { id: sessionIdFromToken(token), userId, expiresAt: new Date(Date.now() + ttlMs) };
  await db.insert(sessions).values(session);
  return { token, session };
}

export type SessionValidation = { session: SessionInfo; user: User; refreshed: boolean } | null;

export async function validateSessionToken(db: DbOrTx, token: string, ttlMs: number): Promise<SessionValidation> {
  const id = sessionIdFromToken(token);
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, id))
    .limit(1);
  if (!row) return null;
  const { session, user } = row;
  if (Date.now() >= session.expiresAt.getTime() || user.disabled) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  let refreshed = false;
  if (Date.now() >= session.expiresAt.getTime() - ttlMs / 2) {
    session.expiresAt = new Date(Date.now() + ttlMs);
    await db.update(sessions).set({ expiresAt: session.expiresAt }).where(eq(sessions.id, id));
    refreshed = true;
  }
  return { session: { id: session.id, userId: session.userId, expiresAt: session.expiresAt }, user, refreshed };
}

export async function invalidateSession(db: DbOrTx, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function invalidateUserSessions(db: DbOrTx, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}
