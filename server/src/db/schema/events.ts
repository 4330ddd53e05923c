import { sql } from 'drizzle-orm';
import { bigserial, customType, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.js';
import { eventAudience } from './enums.js';
import { spaces } from './spaces.js';
import { users } from './users.js';

/** PostgreSQL's 64-bit transaction id (never wraps); read as its decimal text. */
const xid8 = customType<{ data: string; driverData: string }>({ dataType: () => 'xid8' });

/**
 * The live channel's source of truth. Each command inserts its event in the same
 * transaction as its change. Delivery order is (xid, id): `xid` is the writing transaction's id,
 * and readers take only rows whose xid is below the snapshot's xmin (every such transaction has
 * ended), so a row can never appear later *before* a position already read (see `live/order.ts`).
 */
export const events = pgTable(
  'events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: text('kind').notNull(),
    spaceId: uuid('space_id').references(() => spaces.id, { onDelete: 'cascade' }),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    audience: eventAudience('audience').notNull(),
    /** Set when audience = 'user'. */
    audienceUserId: uuid('audience_user_id').references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    /** The top-level transaction that wrote the row (`pg_current_xact_id()`, also inside savepoints). */
    xid: xid8('xid')
      .notNull()
      .default(sql`pg_current_xact_id()`),
  },
  (t) => [
    index('events_created_at_idx').on(t.createdAt),
    index('events_xid_id_idx').on(t.xid, t.id),
    index('events_space_xid_id_idx').on(t.spaceId, t.xid, t.id),
    // Finding the revocations (`space.changed`) inside a skipped backlog without reading it all.
    index('events_space_changed_idx')
      .on(t.xid, t.id)
      .where(sql`${t.kind} = 'space.changed'`),
  ],
);
export type EventRow = typeof events.$inferSelect;
