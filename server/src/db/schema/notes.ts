import { index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, ts } from './columns.js';
import { comments } from './comments.js';
import { spaces } from './spaces.js';
import { users } from './users.js';

/**
 * A chair's background note for a space: the synthesis drafted from highlighted contributions.
 * `version` is bumped by every save; clients send it back so two chairs never overwrite each
 * other silently.
 */
export const notes = pgTable(
  'notes',
  {
    id: id(),
    spaceId: uuid('space_id')
      .notNull()
      .references(() => spaces.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    targetWords: integer('target_words').notNull().default(1000),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('notes_space_updated_idx').on(t.spaceId, t.updatedAt)],
);
export type Note = typeof notes.$inferSelect;

/** The ordered sections of a note, each with the chair's synthesis in markdown. */
export const noteSections = pgTable(
  'note_sections',
  {
    id: id(),
    noteId: uuid('note_id')
      .notNull()
      .references(() => notes.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    bodyMd: text('body_md').notNull().default(''),
  },
  (t) => [index('note_sections_note_position_idx').on(t.noteId, t.position)],
);
export type NoteSection = typeof noteSections.$inferSelect;

/**
 * Contributions placed in a section, in the chair's order. A join table rather than a uuid[]
 * so every placement points at a real comment (and "where is this contribution used" is one
 * indexed lookup).
 */
export const noteSectionItems = pgTable(
  'note_section_items',
  {
    sectionId: uuid('section_id')
      .notNull()
      .references(() => noteSections.id, { onDelete: 'cascade' }),
    commentId: uuid('comment_id')
      .notNull()
      .references(() => comments.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sectionId, t.commentId] }), index('note_section_items_comment_idx').on(t.commentId)],
);

/** What a note looked like after one save; restoring copies it into a new version. */
export interface NoteSnapshot {
  title: string;
  targetWords: number;
  sections: { id: string; title: string; bodyMd: string; commentIds: string[] }[];
  /** Set when this version was made by restoring an earlier one. */
  restoredFrom?: number;
}

/**
 * History of a note: one row per pause in the editing. A save by the same chair shortly after
 * the latest version (unnamed, not a restore) updates that row, renumbered to the note's new
 * version, instead of adding one; a named version is never changed again (rows are never deleted).
 */
export const noteVersions = pgTable(
  'note_versions',
  {
    noteId: uuid('note_id')
      .notNull()
      .references(() => notes.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    snapshot: jsonb('snapshot').$type<NoteSnapshot>().notNull(),
    /** A chair's name for the version ("Draft for the Bureau"); null when unnamed. */
    name: text('name'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    /** The last save folded into this version. */
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.noteId, t.version] })],
);
export type NoteVersion = typeof noteVersions.$inferSelect;
