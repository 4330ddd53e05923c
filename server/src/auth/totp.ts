import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeBase32UpperCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { createTOTPKeyURI, generateHOTP } from '@oslojs/otp';
import { and, eq, gt, isNull, lt, or } from 'drizzle-orm';
import type { Config } from '../config.js';
import type { DbOrTx } from '../db/client.js';
import { recoveryCodes, rememberedDevices, totpCredentials, type User } from '../db/schema/index.js';
import { holdsSpaceRole } from '../queries/spaces.js';

/**
 * Two-factor sign-in for staff: TOTP (RFC 6238: 30-second steps, 6 digits, SHA-1, as every
 * authenticator app reads them) through @oslojs/otp, one-time recovery codes and remembered
 * browsers. Only hashes of recovery codes and browser tokens are stored.
 */

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** A code of the step before or after the current one is accepted too (clock drift). */
const DRIFT_STEPS = 1;
export const RECOVERY_CODE_COUNT = 10;
export const REMEMBER_DEVICE_MS = 30 * 24 * 60 * 60 * 1000;
/** How long a password-verified session waits for its code. */
export const PENDING_SECOND_FACTOR_MS = 10 * 60_000;
export const DEVICE_COOKIE = 'convene_device';

const hashToken = (token: string) => encodeHexLowerCase(sha256(new TextEncoder().encode(token)));

/** Paths a signed-in user who must enrol may still use: account, sign-out, enrolment itself. */
const ENROLMENT_PATHS = ['/api/auth/', '/api/me/totp', '/api/me/sessions'];

/**
 * Whether the user must enrol before anything else works (REQUIRE_STAFF_2FA): administrators
 * under `admins`; administrators, moderators and chairs under `staff`; nobody under `off`.
 * Only `/api/` routes are held back (the web client's pages still load, to show the enrol panel).
 */
export async function mustUseTwoFactor(db: DbOrTx, config: Config, user: User): Promise<boolean> {
  const rule = config.staffAccounts.require2fa;
  if (rule === 'off') return false;
  if (user.role === 'admin') return true;
  return rule === 'staff' && (await holdsSpaceRole(db, user));
}

export async function enrolmentRequired(db: DbOrTx, config: Config, user: User, url: string): Promise<boolean> {
  if (!url.startsWith('/api/') || ENROLMENT_PATHS.some((p) => url.startsWith(p))) return false;
  return mustUseTwoFactor(db, config, user);
}

export async function getTotp(db: DbOrTx, userId: string) {
  const [row] = await db.select().from(totpCredentials).where(eq(totpCredentials.userId, userId));
  return row;
}

/** Starts (or restarts) enrolment: a new unconfirmed secret; two-factor is not on until confirmed. */
export async function beginEnrolment(db: DbOrTx, user: User) {
  const secret = new Uint8Array(20);
  crypto.getRandomValues(secret);
  await db
    .insert(totpCredentials)
    .values({ userId: user.id, secret: Buffer.from(secret) })
    .onConflictDoUpdate({
      target: totpCredentials.userId,
      set: { secret: Buffer.from(secret), confirmedAt: null, lastStep: null, createdAt: new Date() },
    });
  return {
    uri: createTOTPKeyURI('Convene', user.email, secret, TOTP_PERIOD_SECONDS, TOTP_DIGITS),
    key: encodeBase32UpperCaseNoPadding(secret),
  };
}

/** The time step whose code this is, within the drift allowed; null when none matches. */
function matchingStep(secret: Uint8Array, code: string, now = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const current = Math.floor(now / 1000 / TOTP_PERIOD_SECONDS);
  for (let step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step += 1) {
    if (generateHOTP(secret, BigInt(step), TOTP_DIGITS) === code) return step;
  }
  return null;
}

/**
 * Checks a code against the user's secret and records its step, in one conditional update: a
 * code already accepted (or an older one) is refused, even by two requests at once.
 */
export async function acceptTotpCode(db: DbOrTx, userId: string, code: string): Promise<boolean> {
  const row = await getTotp(db, userId);
  if (!row) return false;
  const step = matchingStep(new Uint8Array(row.secret), code.replace(/\s/g, ''));
  if (step === null) return false;
  const updated = await db
    .update(totpCredentials)
    .set({ lastStep: step, confirmedAt: row.confirmedAt ?? new Date() })
    .where(
      and(eq(totpCredentials.userId, userId), or(isNull(totpCredentials.lastStep), lt(totpCredentials.lastStep, step))),
    )
    .returning({ userId: totpCredentials.userId });
  return updated.length > 0;
}

/** New recovery codes (the old ones stop working); returned once, only hashes kept. */
export async function replaceRecoveryCodes(db: DbOrTx, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = new Uint8Array(8);
    crypto.getRandomValues(bytes);
    const raw = encodeBase32LowerCaseNoPadding(bytes).slice(0, 10);
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await db.insert(recoveryCodes).values(codes.map((c) => ({ userId, codeHash: hashToken(normalize(c)) })));
  return codes;
}

const normalize = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Uses a recovery code: true once per code. */
export async function consumeRecoveryCode(db: DbOrTx, userId: string, code: string): Promise<boolean> {
  const used = await db
    .update(recoveryCodes)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(recoveryCodes.userId, userId),
        eq(recoveryCodes.codeHash, hashToken(normalize(code))),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id });
  return used.length > 0;
}

export async function remainingRecoveryCodes(db: DbOrTx, userId: string): Promise<number> {
  const rows = await db
    .select({ id: recoveryCodes.id })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return rows.length;
}

/** Turns two-factor off: secret, recovery codes and remembered browsers go. */
export async function disableTotp(db: DbOrTx, userId: string): Promise<void> {
  await db.delete(totpCredentials).where(eq(totpCredentials.userId, userId));
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await db.delete(rememberedDevices).where(eq(rememberedDevices.userId, userId));
}

/** "Remember this browser": a random token for the cookie; the table keeps its SHA-256. */
export async function rememberDevice(db: DbOrTx, userId: string) {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  const token = encodeBase32LowerCaseNoPadding(bytes);
  const expiresAt = new Date(Date.now() + REMEMBER_DEVICE_MS);
  await db.insert(rememberedDevices).values({ id: hashToken(token), userId, expiresAt });
  return { token, expiresAt };
}

export async function isRememberedDevice(db: DbOrTx, userId: string, token: string | undefined): Promise<boolean> {
  if (!token) return false;
  const [row] = await db
    .select({ id: rememberedDevices.id })
    .from(rememberedDevices)
    .where(
      and(
        eq(rememberedDevices.id, hashToken(token)),
        eq(rememberedDevices.userId, userId),
        gt(rememberedDevices.expiresAt, new Date()),
      ),
    );
  return row !== undefined;
}
