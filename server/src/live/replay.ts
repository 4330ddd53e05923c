import { and, asc, eq, gt, lt, sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { type EventRow, events } from '../db/schema/index.js';
import type { LiveLog, Subscription } from './types.js';

/**
 * The kept history of events and how a returning client catches up from it: every event it may
 * see after `since`, in order, or `reset` when that history no longer reaches back far enough
 * (pruned, or longer than refetching would be).
 */

/** The id of the newest stored event, 0 when there is none. */
export async function newestEventId(db: Database): Promise<number> {
  const [row] = await db.select({ max: sql<number | null>`max(${events.id})` }).from(events);
  return Number(row?.max ?? 0);
}

async function oldestEventId(db: Database): Promise<number> {
  const [row] = await db.select({ min: sql<number | null>`min(${events.id})` }).from(events);
  return Number(row?.min ?? 0);
}

/**
 * Brings a new subscription from the client's `since` up to what this instance has read
 * (`lastSeenId`), handing each replayed row to `deliver` (which applies the event filter) and
 * moving `sub.lastId` along. Returns true when the client must reset (refetch) instead.
 *
 * - `since` behind this instance: replay the space's events after it, unless pruned history or
 *   more than `maxReplay` rows lie in between.
 * - `since` ahead of this instance (the client saw events through another instance that this
 *   one has not read yet): start from `since` if such an event exists at all, else reset.
 */
export async function catchUp(
  db: Database,
  maxReplay: number,
  sub: Subscription,
  since: number | undefined,
  lastSeenId: number,
  deliver: (row: EventRow) => void,
): Promise<boolean> {
  if (since === undefined) return false;
  if (since < lastSeenId) {
    const reset = await replay(db, maxReplay, sub, since, deliver);
    if (reset) sub.lastId = lastSeenId;
    return reset;
  }
  if (since > lastSeenId) {
    if (since > (await newestEventId(db))) return true;
    sub.lastId = since;
  }
  return false;
}

/** Delivers every event of the space after `since`; returns true when the client must reset instead. */
async function replay(
  db: Database,
  maxReplay: number,
  sub: Subscription,
  since: number,
  deliver: (row: EventRow) => void,
): Promise<boolean> {
  const oldestId = await oldestEventId(db);
  if (oldestId > 0 && since + 1 < oldestId) return true; // pruned history
  const rows = await db
    .select()
    .from(events)
    .where(and(eq(events.spaceId, sub.spaceId), gt(events.id, since)))
    .orderBy(asc(events.id))
    .limit(maxReplay + 1);
  if (rows.length > maxReplay) return true;
  sub.lastId = since;
  for (const row of rows) {
    sub.lastId = row.id;
    deliver(row);
  }
  return false;
}

/** Deletes events older than the retention period: the history a client may replay from. */
export async function pruneEvents(db: Database, retentionMs: number, log: LiveLog): Promise<void> {
  const cutoff = new Date(Date.now() - retentionMs);
  await db
    .delete(events)
    .where(lt(events.createdAt, cutoff))
    .catch((err: unknown) => log.warn({ err }, 'live: pruning failed'));
}
