import { sql } from 'drizzle-orm';
import { type AnyPgColumn, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, ts } from './columns.js';
import { commentLanguage, moderationMode, spaceRole, spaceStatus } from './enums.js';
import { users } from './users.js';

/**
 * A discussion space. Spaces nest one level: a session ("RoundTable 1") holds roundtables
 * ("RT 1.1"); a stand-alone consultation has no parent.
 */
export const spaces = pgTable(
  'spaces',
  {
    id: id(),
    slug: text('slug').notNull(),
    code: text('code').notNull(),
    title: text('title').notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => spaces.id, { onDelete: 'restrict' }),
    /** Order among siblings. */
    position: integer('position').notNull().default(0),
    summary: text('summary').notNull().default(''),
    backgroundMd: text('background_md').notNull().default(''),
    /** Sanitised HTML rendered from background_md on write. */
    backgroundHtml: text('background_html').notNull().default(''),
    status: spaceStatus('status').notNull().default('draft'),
    opensAt: ts('opens_at'),
    closesAt: ts('closes_at'),
    moderationMode: moderationMode('moderation_mode').notNull().default('pre'),
    acceptedLanguages: commentLanguage('accepted_languages')
      .array()
      .notNull()
      .default(sql`'{en,fr,es}'::comment_language[]`),
    disclaimer: text('disclaimer').notNull().default(''),
    contactEmail: text('contact_email'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('spaces_slug_key').on(t.slug),
    index('spaces_parent_position_idx').on(t.parentId, t.position),
    index('spaces_status_idx').on(t.status),
  ],
);
export type Space = typeof spaces.$inferSelect;
export type NewSpace = typeof spaces.$inferInsert;

export const spaceRoles = pgTable(
  'space_roles',
  {
    spaceId: uuid('space_id')
      .notNull()
      .references(() => spaces.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: spaceRole('role').notNull(),
    grantedBy: uuid('granted_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.spaceId, t.userId, t.role] }), index('space_roles_user_idx').on(t.userId)],
);
export type SpaceRoleRow = typeof spaceRoles.$inferSelect;

/** When a user last marked a space as seen: drives "N posts / M new". */
export const spaceVisits = pgTable(
  'space_visits',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    spaceId: uuid('space_id')
      .notNull()
      .references(() => spaces.id, { onDelete: 'cascade' }),
    seenAt: ts('seen_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.spaceId] })],
);

export const questions = pgTable(
  'questions',
  {
    id: id(),
    spaceId: uuid('space_id')
      .notNull()
      .references(() => spaces.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    text: text('text').notNull(),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('questions_space_position_idx').on(t.spaceId, t.position)],
);
export type Question = typeof questions.$inferSelect;
