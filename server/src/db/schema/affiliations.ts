import { sql } from 'drizzle-orm';
import { char, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, ts } from './columns.js';
import { stakeholderCategory } from './enums.js';
import { users } from './users.js';

export type AffiliationRequestStatus = 'pending' | 'verified' | 'declined' | 'cancelled';

/**
 * A participant's request to have an affiliation verified. At most one pending per user. On
 * verification the user's organisation, category and country become the requested ones.
 */
export const affiliationRequests = pgTable(
  'affiliation_requests',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organisation: text('organisation').notNull(),
    stakeholderCategory: stakeholderCategory('stakeholder_category').notNull(),
    country: char('country', { length: 2 }),
    title: text('title').notNull(),
    note: text('note').notNull().default(''),
    status: text('status').$type<AffiliationRequestStatus>().notNull().default('pending'),
    /** Why it was declined; shown to the person. */
    reason: text('reason'),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedByName: text('decided_by_name'),
    decidedAt: ts('decided_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('affiliation_requests_one_pending')
      .on(t.userId)
      .where(sql`${t.status} = 'pending'`),
    index('affiliation_requests_status_idx').on(t.status, t.createdAt),
    index('affiliation_requests_user_idx').on(t.userId, t.createdAt),
  ],
);
export type AffiliationRequest = typeof affiliationRequests.$inferSelect;

/** Email domains whose verified addresses verify the affiliation automatically. Lower case. */
export const organisationDomains = pgTable('organisation_domains', {
  domain: text('domain').primaryKey(),
  organisation: text('organisation').notNull(),
  stakeholderCategory: stakeholderCategory('stakeholder_category').notNull(),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
});
export type OrganisationDomain = typeof organisationDomains.$inferSelect;
