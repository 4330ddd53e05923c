import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';

/**
 * The per-user channel of the live hub: a transaction that writes a notification (or marks some
 * read) NOTIFYs `INBOX_CHANNEL` with the user's id. PostgreSQL delivers a NOTIFY only once its
 * transaction commits, so a notification rolled back is never announced. Every instance then
 * sends that user's own sockets their new unread count (`hub.ts`); the payload never leaves the
 * server.
 */
export const INBOX_CHANNEL = 'convene_inbox';

/** What instances tell each other: whose count changed, and the new notification if one was written. */
export interface InboxNotice {
  u: string;
  n?: string;
}

/** In the caller's transaction: announce (after commit) that this user's notifications changed. */
export async function announceInbox(tx: DbOrTx, userId: string, notificationId?: string): Promise<void> {
  await announceInboxes(tx, [notificationId ? { u: userId, n: notificationId } : { u: userId }]);
}

/** `announceInbox` for several notices, in one statement. */
export async function announceInboxes(tx: DbOrTx, notices: readonly InboxNotice[]): Promise<void> {
  if (notices.length === 0) return;
  const payloads = JSON.stringify(notices.map((n) => JSON.stringify(n)));
  await tx.execute(sql`select pg_notify(${INBOX_CHANNEL}, p) from json_array_elements_text(${payloads}::json) as p`);
}

/** A notice as received; null when malformed. */
export function parseInboxNotice(payload: string): InboxNotice | null {
  try {
    const v = JSON.parse(payload) as Partial<InboxNotice>;
    if (typeof v.u !== 'string') return null;
    return typeof v.n === 'string' ? { u: v.u, n: v.n } : { u: v.u };
  } catch {
    return null;
  }
}
