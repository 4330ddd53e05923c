import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns.js';
import { comments } from './comments.js';
import { spaces } from './spaces.js';
import { users } from './users.js';

/**
 * A private note of a space's staff (moderators, chairs, administrators) about one comment or
 * about one author in that space. Never shown to participants, in exports or in public events.
 */
export const staffNotes = pgTable(
  'staff_notes',
  {
    id: id(),
    spaceId: uuid('space_id')
      .notNull()
      .references(() => spaces.id, { onDelete: 'cascade' }),
    /** The comment the note is about, or null for a note about an author. */
    commentId: uuid('comment_id').references(() => comments.id, { onDelete: 'cascade' }),
    /** The author the note is about, or null for a note about a comment. */
    subjectUserId: uuid('subject_user_id').references(() => users.id, { onDelete: 'cascade' }),
    /** Who wrote the note. */
    writerId: uuid('writer_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    check('staff_notes_one_subject', sql`(${t.commentId} IS NULL) <> (${t.subjectUserId} IS NULL)`),
    index('staff_notes_comment_idx').on(t.commentId, t.createdAt),
    index('staff_notes_author_idx').on(t.spaceId, t.subjectUserId, t.createdAt),
  ],
);
export type StaffNote = typeof staffNotes.$inferSelect;
