import { sql } from 'drizzle-orm';
import { boolean, char, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, ts } from './columns.js';
import { globalRole, locale, stakeholderCategory } from './enums.js';

export const users = pgTable(
  'users',
  {
    id: id(),
    /** Stored as typed; uniqueness is case-insensitive (see index). */
    email: text('email').notNull(),
    passwordHash: text('password_hash').notNull(),
    displayName: text('display_name').notNull(),
    affiliation: text('affiliation').notNull(),
    stakeholderCategory: stakeholderCategory('stakeholder_category').notNull(),
    /** ISO 3166-1 alpha-2, upper case. */
    country: char('country', { length: 2 }),
    locale: locale('locale').notNull().default('en'),
    role: globalRole('role').notNull().default('user'),
    disabled: boolean('disabled').notNull().default(false),
    /** When the account's address was proven by following an emailed link (or an invitation); null: unverified. */
    emailVerifiedAt: ts('email_verified_at'),
    /**
     * Verified affiliation (server/src/policies/affiliation.ts): when the name, organisation,
     * category and country above were verified, by whom (name at the time, or the email domain
     * of a domain rule) and how. A trigger clears these (and `focalPointAt`) when any of those
     * four fields changes in an update that does not itself verify.
     */
    affiliationVerifiedAt: ts('affiliation_verified_at'),
    affiliationVerifiedBy: uuid('affiliation_verified_by'),
    affiliationVerifiedByName: text('affiliation_verified_by_name'),
    affiliationVerifiedVia: text('affiliation_verified_via').$type<'review' | 'domain'>(),
    /** Designated official focal point of the Member State `country` (requires a verified affiliation). */
    focalPointAt: ts('focal_point_at'),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_email_lower_key').on(sql`lower(${t.email})`),
    index('users_display_name_idx').on(t.displayName),
    index('users_created_at_idx').on(t.createdAt),
  ],
);
export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

/** Lucia-style sessions: the id is the SHA-256 (hex) of the random token held in the cookie. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: ts('expires_at').notNull(),
    createdAt: createdAt(),
    /** The browser's User-Agent and the client address at sign-in, shown on the account page. */
    userAgent: text('user_agent'),
    ipAddress: text('ip_address'),
    /** Updated at most every few minutes (SESSION_LAST_USED_GRANULARITY), not on every request. */
    lastUsedAt: ts('last_used_at').notNull().defaultNow(),
    /** Password verified, TOTP code not yet: such a session grants nothing but the code step. */
    secondFactorPending: boolean('second_factor_pending').notNull().default(false),
  },
  (t) => [index('sessions_user_id_idx').on(t.userId), index('sessions_expires_at_idx').on(t.expiresAt)],
);
export type Session = typeof sessions.$inferSelect;
