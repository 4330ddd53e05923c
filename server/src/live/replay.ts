import type { Database } from '../db/client.js';
import type { EventRow } from '../db/schema/index.js';
import { type EventKey, compareKeys, keyOfId, pruneBefore, readSpaceAfter } from './order.js';
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
 * - `since` names no kept event (pruned, never written): reset — always exact.
 * - `since` behind this instance: replay the space's events after it that are deliverable now
 *   (some perhaps not read by this instance yet), unless more than `maxReplay` lie in between.
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
  if (compareKeys(from, instanceKey) >= 0) {
    sub.lastKey = from;
    return false;
  }
  // Everything of the space after `from` that is deliverable now, including rows this instance
  // has not read yet: the live stream then skips what the replay covered (`sub.lastKey`).
  const { rows, upTo } = await readSpaceAfter(db, sub.spaceId, from, maxReplay + 1);
  if (rows.length > maxReplay) return true;
  for (const row of rows) deliver(row);
  if (compareKeys(upTo, sub.lastKey) > 0) sub.lastKey = upTo;
  return false;
}

/** Deletes events older than the retention period: the history a client may replay from. */
export async function pruneEvents(db: Database, retentionMs: number, log: LiveLog): Promise<void> {
  await pruneBefore(db, new Date(Date.now() - retentionMs)).catch((err: unknown) =>
    log.warn({ err }, 'live: pruning failed'),
  );
}
