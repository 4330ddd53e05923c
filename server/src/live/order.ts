import type { Database } from '../db/client.js';
import type { EventRow } from '../db/schema/index.js';

/**
 * The order the live channel delivers events in, without any write lock.
 *
 * Every events row carries the id of the transaction that wrote it (`xid`, `xid8`, set by
 * `pg_current_xact_id()`). A reader takes only rows whose xid is below its snapshot's xmin
 * (`pg_snapshot_xmin(pg_current_snapshot())`, the oldest transaction still running): every
 * transaction below it has ended, so no row can ever appear later with a smaller xid. Read in
 * (xid, id) order, the rows taken so far are therefore a prefix that never grows in the middle:
 * a position (xid, id) is a cursor that skips nothing and repeats nothing, on every instance and
 * across a PostgreSQL restart (xid8 never wraps). A row committed while an older transaction is
 * still open waits until that transaction ends ("pending").
 *
 * Clients keep the event id of the last event they got; the server maps it back to its row's
 * (xid, id). Event ids therefore need not increase along the stream.
 */
export interface EventKey {
  xid: bigint;
  id: number;
}

/** Before every event. */
export const ORIGIN: EventKey = { xid: 0n, id: 0 };

export function compareKeys(a: EventKey, b: EventKey): number {
  if (a.xid !== b.xid) return a.xid < b.xid ? -1 : 1;
  return a.id - b.id;
}

export const keyOf = (row: Pick<EventRow, 'xid' | 'id'>): EventKey => ({ xid: BigInt(row.xid), id: row.id });

const HORIZON = `pg_snapshot_xmin(pg_current_snapshot())`;
const COLUMNS = `e.id, e.kind, e.space_id, e.payload, e.audience, e.audience_user_id, e.created_at, e.xid::text AS xid`;

interface RawEvent {
  id: string;
  kind: string;
  space_id: string | null;
  payload: Record<string, unknown>;
  audience: EventRow['audience'];
  audience_user_id: string | null;
  created_at: Date;
  xid: string;
}

const toRow = (r: RawEvent): EventRow => ({
  id: Number(r.id),
  kind: r.kind,
  spaceId: r.space_id,
  payload: r.payload,
  audience: r.audience,
  audienceUserId: r.audience_user_id,
  createdAt: r.created_at,
  xid: r.xid,
});

const params = (k: EventKey) => [k.xid.toString(), k.id];

export interface Batch {
  /** Deliverable rows after the position, in order (none when `long`). */
  rows: EventRow[];
  /** A committed row exists that must wait for an older transaction to end. */
  pending: boolean;
  /**
   * More than `maxBacklog` event ids were allocated after the position (an estimate from the
   * newest id, which costs one index probe): nothing was read; see `skipStretch`.
   */
  long: boolean;
}

/**
 * Up to `limit` deliverable rows after `after`, in delivery order (plain `pg`: this is the hot
 * path). With `maxBacklog`, nothing is read when the backlog looks longer than that.
 */
export async function readAfter(
  db: Database,
  after: EventKey,
  limit: number,
  maxBacklog: number | null,
): Promise<Batch> {
  const { rows } = await db.$client.query<RawEvent & { pending: boolean; long: boolean }>(
    `SELECT coalesce((SELECT p.xid FROM events p ORDER BY p.xid DESC LIMIT 1) >= h.horizon, false) AS pending,
            coalesce(h.newest - $2::bigint > $4::bigint, false) AS long, ${COLUMNS}
       FROM (SELECT ${HORIZON} AS horizon, (SELECT max(id) FROM events) AS newest) h
       LEFT JOIN LATERAL (
         SELECT * FROM events
          WHERE (xid, id) > ($1::xid8, $2::bigint) AND xid < h.horizon
            AND ($4::bigint IS NULL OR h.newest - $2::bigint <= $4::bigint)
          ORDER BY xid, id LIMIT $3
       ) e ON true`,
    [...params(after), limit, maxBacklog],
  );
  const first = rows[0];
  return {
    rows: rows.filter((r) => r.id !== null).map(toRow),
    pending: first?.pending ?? false,
    long: maxBacklog !== null && (first?.long ?? false),
  };
}

/**
 * A space's deliverable rows after `after`, in order, at most `limit`; and the newest
 * deliverable position of all (ORIGIN when none), read in the same snapshot: once these rows
 * are delivered, the subscription has seen everything of its space up to that position.
 */
export async function readSpaceAfter(
  db: Database,
  spaceId: string,
  after: EventKey,
  limit: number,
): Promise<{ rows: EventRow[]; upTo: EventKey }> {
  const { rows } = await db.$client.query<RawEvent & { top_xid: string | null; top_id: string | null }>(
    `SELECT t.xid::text AS top_xid, t.id AS top_id, ${COLUMNS}
       FROM (SELECT ${HORIZON} AS horizon) h
       LEFT JOIN LATERAL (
         SELECT xid, id FROM events WHERE xid < h.horizon ORDER BY xid DESC, id DESC LIMIT 1
       ) t ON true
       LEFT JOIN LATERAL (
         SELECT * FROM events
          WHERE space_id = $1 AND (xid, id) > ($2::xid8, $3::bigint) AND xid < h.horizon
          ORDER BY xid, id LIMIT $4
       ) e ON true
      ORDER BY e.xid, e.id`,
    [spaceId, ...params(after), limit],
  );
  const first = rows[0];
  const upTo = first?.top_xid && first.top_id ? { xid: BigInt(first.top_xid), id: Number(first.top_id) } : ORIGIN;
  return { rows: rows.filter((r) => r.id !== null).map(toRow), upTo };
}

/** The newest deliverable position (ORIGIN when there is none). */
export async function newestKey(db: Database): Promise<EventKey> {
  const { rows } = await db.$client.query<{ xid: string; id: string }>(
    `SELECT xid::text AS xid, id FROM events WHERE xid < ${HORIZON} ORDER BY xid DESC, id DESC LIMIT 1`,
  );
  const r = rows[0];
  return r ? { xid: BigInt(r.xid), id: Number(r.id) } : ORIGIN;
}

/**
 * Where to skip a long backlog to, and what the skipped stretch (after, upTo] touched, in one
 * round trip:
 * - `upTo`: the deliverable row with the highest id at most `keep` ids below the newest (one
 *   probe of the primary key, however long the backlog). Every row up to it in delivery order
 *   is deliverable (its xid is below the horizon);
 * - `changed`: the spaces with a `space.changed` in the stretch (roles or status changed: scopes
 *   must be recomputed; a partial index);
 * - `touched`: which of `spaceIds` have any event in it (one index probe each).
 * Null when the skip point is not after `after` (the id gap was holes or rows still pending, not
 * a backlog).
 */
export async function skipStretch(
  db: Database,
  after: EventKey,
  keep: number,
  spaceIds: string[],
): Promise<{ upTo: EventKey; changed: string[]; touched: string[] } | null> {
  const range = `(e.xid, e.id) > ($1::xid8, $2::bigint) AND (e.xid, e.id) <= (p.xid, p.id)`;
  const { rows } = await db.$client.query<{ xid: string; id: string; changed: string[]; touched: string[] }>(
    `WITH p AS (
       SELECT xid, id FROM events
        WHERE id <= (SELECT max(id) FROM events) - $3::bigint AND xid < ${HORIZON}
        ORDER BY id DESC LIMIT 1
     )
     SELECT p.xid::text AS xid, p.id,
            ARRAY(SELECT DISTINCT e.space_id FROM events e
                   WHERE e.kind = 'space.changed' AND e.space_id IS NOT NULL AND ${range}) AS changed,
            ARRAY(SELECT s.id FROM unnest($4::uuid[]) AS s(id)
                   WHERE EXISTS (SELECT 1 FROM events e WHERE e.space_id = s.id AND ${range})) AS touched
       FROM p
      WHERE (p.xid, p.id) > ($1::xid8, $2::bigint)`,
    [...params(after), keep, spaceIds],
  );
  const r = rows[0];
  if (!r) return null;
  return { upTo: { xid: BigInt(r.xid), id: Number(r.id) }, changed: r.changed, touched: r.touched };
}

/**
 * The position of the event with this id; null when no such event is kept (pruned, or never
 * written). 0 ("before every event", what a client hears when there was none) is the origin
 * while the first event (id 1) is still kept, so nothing before it can have been pruned.
 */
export async function keyOfId(db: Database, id: number): Promise<EventKey | null> {
  if (id === 0) return (await keyOfId(db, 1)) ? ORIGIN : null;
  if (!Number.isSafeInteger(id) || id < 0) return null;
  const { rows } = await db.$client.query<{ xid: string }>(`SELECT xid::text AS xid FROM events WHERE id = $1`, [id]);
  const r = rows[0];
  return r ? { xid: BigInt(r.xid), id } : null;
}

/**
 * Deletes events older than the cutoff, whole transactions at a time and always a prefix in
 * delivery order: a kept event is followed by every event after it, so a cursor that still
 * exists replays exactly.
 */
export async function pruneBefore(db: Database, cutoff: Date): Promise<void> {
  await db.$client.query(
    `DELETE FROM events WHERE xid <= (SELECT max(xid::text::numeric)::text::xid8 FROM events WHERE created_at < $1)`,
    [cutoff],
  );
}
