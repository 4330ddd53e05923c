import { NOTIFICATION_KINDS, type NotificationKind } from '@convene/shared';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { appSecrets } from '../db/schema/index.js';

/**
 * One-click unsubscribe links (RFC 8058): `<user id>.<kind>.<HMAC-SHA256 of both>`. Nothing is
 * stored per link: the key (random, 256 bits) is one row of `app_secrets`, created on first use
 * and shared by every instance. A link unsubscribes its one person from its one kind, and works
 * without signing in; it cannot be forged for anyone else without the key.
 */
const SECRET_NAME = 'unsubscribe';
const keys = new WeakMap<object, Promise<Buffer>>();

async function readKey(db: Database): Promise<Buffer> {
  await db
    .insert(appSecrets)
    .values({ name: SECRET_NAME, secret: randomBytes(32).toString('base64url') })
    .onConflictDoNothing({ target: appSecrets.name });
  const [row] = await db.select({ secret: appSecrets.secret }).from(appSecrets).where(eq(appSecrets.name, SECRET_NAME));
  if (!row) throw new Error('the unsubscribe key could not be created');
  return Buffer.from(row.secret, 'base64url');
}

/** The key, read once per database handle (on its own connection, outside any transaction). */
function keyFor(db: Database): Promise<Buffer> {
  let key = keys.get(db);
  if (!key) {
    key = readKey(db);
    keys.set(db, key);
    key.catch(() => keys.delete(db));
  }
  return key;
}

const mac = (key: Buffer, userId: string, kind: string) =>
  createHmac('sha256', key).update(`unsubscribe:${userId}:${kind}`).digest('base64url');

export async function unsubscribeToken(db: Database, userId: string, kind: NotificationKind): Promise<string> {
  return `${userId}.${kind}.${mac(await keyFor(db), userId, kind)}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The person and kind a token names, or null when it is not one of ours. */
export async function readUnsubscribeToken(
  db: Database,
  token: string,
): Promise<{ userId: string; kind: NotificationKind } | null> {
  const [userId = '', kind = '', given = '', ...rest] = token.split('.');
  if (rest.length || !UUID.test(userId) || !(NOTIFICATION_KINDS as readonly string[]).includes(kind)) return null;
  const expected = Buffer.from(mac(await keyFor(db), userId, kind));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
  return { userId, kind: kind as NotificationKind };
}

/** The link in List-Unsubscribe and in the footer: a GET page with the button, and the one-click POST. */
export const unsubscribeUrl = (appOrigin: string, token: string): string =>
  `${appOrigin}/api/mail/unsubscribe?token=${encodeURIComponent(token)}`;
