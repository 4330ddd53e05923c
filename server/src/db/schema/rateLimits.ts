import { index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { ts } from './columns.js';

/**
 * Request counters of the rate limits, shared by every instance: one row per key (a limit's name
 * and the user id or client address it counts), counting requests since `window_start`; the
 * count starts again once `expires_at` has passed. Expired rows are deleted from time to time.
 */
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text('key').primaryKey(),
    windowStart: ts('window_start').notNull(),
    expiresAt: ts('expires_at').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [index('rate_limits_expires_idx').on(t.expiresAt)],
);
export type RateLimitRow = typeof rateLimits.$inferSelect;
