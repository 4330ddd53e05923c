import { bigserial, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.js';
import { eventAudience } from './enums.js';
import { spaces } from './spaces.js';
import { users } from './users.js';

/**
 * The live channel's source of truth. Each command inserts its event in the same
 * transaction as its change; ids are monotonic so clients can replay "since" an id.
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
  },
  (t) => [index('events_space_id_idx').on(t.spaceId, t.id), index('events_created_at_idx').on(t.createdAt)],
);
export type EventRow = typeof events.$inferSelect;
