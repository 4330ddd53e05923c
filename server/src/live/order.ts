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
  /** Deliverable rows after the position, in order. */
  rows: EventRow[];
  /** A committed row exists that must wait for an older transaction to end. */
  pending: boolean;
}

/** Up to `limit` deliverable rows after `after`, in delivery order (plain `pg`: this is the hot path). */
export async function readAfter(db: Database, after: EventKey, limit: number): Promise<Batch> {
  const { rows } = await db.$client.query<RawEvent & { pending: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM events p WHERE p.xid >= h.horizon) AS pending, ${COLUMNS}
       FROM (SELECT ${HORIZON} AS horizon) h
       LEFT JOIN LATERAL (
         SELECT * FROM events
          WHERE (xid, id) > ($1::xid8, $2::bigint) AND xid < h.horizon
          ORDER BY xid, id LIMIT $3
       ) e ON true`,
    [...params(after), limit],
  );
  const pending = rows[0]?.pending ?? false;
  return { rows: rows.filter((r) => r.id !== null).map(toRow), pending };
}

/** A space's rows in (after, upTo], in order; at most `limit`. Everything up to `upTo` is deliverable. */
export async function readSpaceBetween(
  db: Database,
  spaceId: string,
  after: EventKey,
  upTo: EventKey,
  limit: number,
): Promise<EventRow[]> {
  const { rows } = await db.$client.query<RawEvent>(
    `SELECT ${COLUMNS} FROM events e
      WHERE e.space_id = $1 AND (e.xid, e.id) > ($2::xid8, $3::bigint) AND (e.xid, e.id) <= ($4::xid8, $5::bigint)
      ORDER BY e.xid, e.id LIMIT $6`,
    [spaceId, ...params(after), ...params(upTo), limit],
  );
  return rows.map(toRow);
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
 * The position `keep` deliverable rows before the newest one (null when fewer rows than that
 * follow `after`): a backlog longer than `keep` is skipped up to there.
 */
export async function skipPoint(db: Database, after: EventKey, keep: number): Promise<EventKey | null> {
  const { rows } = await db.$client.query<{ xid: string; id: string }>(
    `SELECT xid::text AS xid, id FROM events
      WHERE xid < ${HORIZON} AND (xid, id) > ($1::xid8, $2::bigint)
      ORDER BY xid DESC, id DESC OFFSET $3 LIMIT 1`,
    [...params(after), keep],
  );
  const r = rows[0];
  return r ? { xid: BigInt(r.xid), id: Number(r.id) } : null;
}

/**
 * What a skipped stretch (after, upTo] touched: the spaces with `space.changed` in it (roles or
 * status changed: scopes must be recomputed), and which of `spaceIds` have any event in it.
 */
export async function touchedBetween(
  db: Database,
  after: EventKey,
  upTo: EventKey,
  spaceIds: string[],
): Promise<{ changed: string[]; touched: string[] }> {
  const range = `(xid, id) > ($1::xid8, $2::bigint) AND (xid, id) <= ($3::xid8, $4::bigint)`;
  const [changed, touched] = await Promise.all([
    db.$client.query<{ space_id: string }>(
      `SELECT DISTINCT space_id FROM events WHERE kind = 'space.changed' AND space_id IS NOT NULL AND ${range}`,
      [...params(after), ...params(upTo)],
    ),
    spaceIds.length === 0
      ? Promise.resolve({ rows: [] as { space_id: string }[] })
      : db.$client.query<{ space_id: string }>(
          `SELECT s.id AS space_id FROM unnest($5::uuid[]) AS s(id)
            WHERE EXISTS (SELECT 1 FROM events WHERE space_id = s.id AND ${range})`,
          [...params(after), ...params(upTo), spaceIds],
        ),
  ]);
  return { changed: changed.rows.map((r) => r.space_id), touched: touched.rows.map((r) => r.space_id) };
}

/** The position of the event with this id; null when no such event is kept (pruned, or never written). */
export async function keyOfId(db: Database, id: number): Promise<EventKey | null> {
  if (!Number.isSafeInteger(id) || id <= 0) return null;
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
