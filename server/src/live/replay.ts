import type { Database } from '../db/client.js';
import type { EventRow } from '../db/schema/index.js';
import { type EventKey, compareKeys, keyOfId, pruneBefore, readSpaceBetween } from './order.js';
import type { LiveLog, Subscription } from './types.js';

/**
 * The kept history of events and how a returning client catches up from it: every event it may
 * see after `since`, in delivery order (`order.ts`), or `reset` when that history no longer
 * reaches back far enough (pruned, or longer than refetching would be).
 */

/**
 * Brings a new subscription from the client's `since` (the id of the last event it got) up to
 * what this instance has delivered (`instanceKey`), handing each replayed row to `deliver`
 * (which applies the event filter) and moving `sub.lastKey` along. Returns true when the client
 * must reset (refetch) instead.
 *
 * - `since` names no kept event (pruned, never written, or 0): reset — always exact.
 * - `since` behind this instance: replay the space's events after it up to the instance's
 *   position, unless more than `maxReplay` rows lie in between.
 * - `since` ahead of this instance (the client saw events through another instance that this
 *   one has not read yet): the live stream of this subscription starts after it.
 */
export async function catchUp(
  db: Database,
  maxReplay: number,
  sub: Subscription,
  since: number | undefined,
  instanceKey: EventKey,
  deliver: (row: EventRow) => void,
): Promise<boolean> {
  if (since === undefined) return false;
  const from = await keyOfId(db, since);
  if (!from) return true;
  const order = compareKeys(from, instanceKey);
  if (order > 0) sub.lastKey = from;
  if (order >= 0) return false;
  const rows = await readSpaceBetween(db, sub.spaceId, from, instanceKey, maxReplay + 1);
  if (rows.length > maxReplay) return true;
  for (const row of rows) deliver(row);
  sub.lastKey = instanceKey;
  return false;
}

/** Deletes events older than the retention period: the history a client may replay from. */
export async function pruneEvents(db: Database, retentionMs: number, log: LiveLog): Promise<void> {
  await pruneBefore(db, new Date(Date.now() - retentionMs)).catch((err: unknown) =>
    log.warn({ err }, 'live: pruning failed'),
  );
}
