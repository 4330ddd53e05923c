import type { EventAudience, ModerationAction } from '@convene/shared';
import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { events, moderationEvents } from '../db/schema/index.js';

/** The channel every instance LISTENs on; the payload is the new event's id. */
export const EVENTS_CHANNEL = 'convene_events';

/**
 * Live event kinds and who may receive them. Public events carry only published content;
 * staff events go to the space's moderators, chairs and administrators; user events to one person.
 */
export const EVENT_KINDS = {
  'comment.published': 'public',
  'comment.updated': 'public',
  'comment.withdrawn': 'public',
  'question.changed': 'public',
  'space.changed': 'public',
  // A published outcome is public by definition; the payload names only the note and version.
  'outcome.published': 'public',
  'outcome.unpublished': 'public',
  'comment.submitted': 'staff',
  'comment.decided': 'staff',
  'comment.reported': 'staff',
  'queue.counts': 'staff',
  'note.saved': 'staff',
  'comment.status': 'user',
} as const satisfies Record<string, EventAudience>;
export type EventKind = keyof typeof EVENT_KINDS;

export interface NewEvent {
  kind: EventKind;
  spaceId: string;
  payload: Record<string, unknown>;
  /** Required for user events: the one person who receives it. */
  userId?: string;
}

/**
 * Inserts the event in the caller's transaction and queues its NOTIFY, which PostgreSQL
 * delivers only if that transaction commits: saved and announced never disagree.
 *
 * No lock: the row records its transaction (`events.xid`, by default), and readers deliver in
 * (xid, id) order only what lies below their snapshot's xmin (`live/order.ts`), so a transaction
 * that began earlier and commits later is still delivered, in its place, to everyone.
 *
 * It takes only a transaction (`Tx`; a pool does not type-check): an event written outside its
 * command's transaction could announce a change that then rolls back.
 */
export async function appendEvent(tx: Tx, e: NewEvent): Promise<number> {
  const audience = EVENT_KINDS[e.kind];
  if (audience === 'user' && !e.userId) throw new Error(`event ${e.kind} needs a userId`);
  // One round trip: the row and its NOTIFY (sent by PostgreSQL only if the transaction commits).
  const { rows } = await tx.execute<{ id: string }>(sql`
    with e as (
      insert into ${events} (kind, space_id, payload, audience, audience_user_id)
      values (${e.kind}, ${e.spaceId}, ${JSON.stringify(e.payload)}::jsonb, ${audience}, ${audience === 'user' ? (e.userId ?? null) : null})
      returning id
    )
    select id, pg_notify(${EVENTS_CHANNEL}, id::text) from e`);
  const id = Number(rows[0]?.id);
  if (!Number.isSafeInteger(id)) throw new Error('event insert failed');
  return id;
}

/**
 * The same event as `appendEvent`, as two pieces of one larger statement whose CTE `source`
 * yields the rows it is about (a command folding its whole write into one statement): `cte` is
 * `name as (insert into events … select … from source returning id)`, to put in the statement's
 * WITH list, and `notify` a select-list expression sending each inserted id's NOTIFY (PostgreSQL
 * delivers it only on commit). `payload` and `spaceId` are SQL over `source`'s columns.
 */
export function eventCte(
  name: string,
  source: string,
  e: { kind: Exclude<EventKind, UserEventKind>; spaceId: SQL; payload: SQL },
): { cte: SQL; notify: SQL } {
  const audience = EVENT_KINDS[e.kind];
  const n = sql.identifier(name);
  return {
    cte: sql`${n} as (
      insert into ${events} (kind, space_id, payload, audience)
      select ${e.kind}, ${e.spaceId}, ${e.payload}, ${audience}::event_audience from ${sql.identifier(source)}
      returning id
    )`,
    notify: sql`(select count(pg_notify(${EVENTS_CHANNEL}, ${n}.id::text)) from ${n})`,
  };
}
type UserEventKind = { [K in EventKind]: (typeof EVENT_KINDS)[K] extends 'user' ? K : never }[EventKind];

export interface AuditEntry {
  spaceId: string;
  commentId: string | null;
  actorId: string | null;
  action: ModerationAction;
  fromStatus?: string | null;
  toStatus?: string | null;
  reason?: string | null;
  data?: Record<string, unknown>;
}

/**
 * Appends to the moderation audit trail (append-only; a trigger refuses edits), inside the
 * transaction of the change it records: never an audit row for a change that did not happen.
 */
export async function recordModeration(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.insert(moderationEvents).values({
    spaceId: entry.spaceId,
    commentId: entry.commentId,
    actorId: entry.actorId,
    action: entry.action,
    fromStatus: entry.fromStatus ?? null,
    toStatus: entry.toStatus ?? null,
    reason: entry.reason ?? null,
    data: entry.data ?? null,
  });
}
