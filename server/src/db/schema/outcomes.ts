import { integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.js';
import { notes } from './notes.js';
import { spaces } from './spaces.js';
import { users } from './users.js';

/**
 * What a published outcome keeps: one version of a note, rendered and sanitised when it was
 * published. Later edits of the note change nothing here until a chair publishes again.
 * Citations keep only the comment id and the footnote number: who wrote a cited contribution is
 * read when the outcome is shown, through the visibility rule, so a contribution withdrawn or
 * taken down since is linked, never named or quoted.
 */
export interface OutcomeContent {
  title: string;
  sections: { title: string; html: string }[];
  citations: { number: number; commentId: string }[];
}

/** A space's public outcome: at most one per space (publishing another note replaces it). */
export const outcomes = pgTable('outcomes', {
  spaceId: uuid('space_id')
    .primaryKey()
    .references(() => spaces.id, { onDelete: 'cascade' }),
  noteId: uuid('note_id')
    .notNull()
    .references(() => notes.id, { onDelete: 'cascade' }),
  /** The note version published. */
  version: integer('version').notNull(),
  /** The language the outcome is written in (the page's `lang`): en, fr or es. */
  language: text('language').notNull(),
  content: jsonb('content').$type<OutcomeContent>().notNull(),
  publishedBy: uuid('published_by').references(() => users.id, { onDelete: 'set null' }),
  publishedAt: ts('published_at').notNull().defaultNow(),
});
export type Outcome = typeof outcomes.$inferSelect;
