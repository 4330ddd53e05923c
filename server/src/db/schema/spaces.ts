import { sql } from 'drizzle-orm';
import type { Locale } from '@convene/shared';
import {
  type AnyPgColumn,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, ts } from './columns.js';
import { commentLanguage, locale, moderationMode, spaceRole, spaceStatus } from './enums.js';
import { users } from './users.js';

/** A space's texts in one language other than its original; a field absent is not translated. */
export interface SpaceTextSet {
  title?: string;
  summary?: string;
  backgroundMd?: string;
  /** Sanitised HTML rendered from backgroundMd on write. */
  backgroundHtml?: string;
  disclaimer?: string;
}
export type SpaceTranslations = Partial<Record<Locale, SpaceTextSet>>;
/** A guiding question's text per language other than its space's original. */
export type QuestionTranslations = Partial<Record<Locale, string>>;

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
    /** The language of title, summary, background and disclaimer above (and of the questions' text). */
    originalLanguage: locale('original_language').notNull().default('en'),
    /** The same texts in other languages, keyed by language: readers fall back to the original. */
    translations: jsonb('translations').$type<SpaceTranslations>().notNull().default({}),
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
    /** The text in other languages than the space's original, keyed by language. */
    translations: jsonb('translations').$type<QuestionTranslations>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('questions_space_position_idx').on(t.spaceId, t.position)],
);
export type Question = typeof questions.$inferSelect;
