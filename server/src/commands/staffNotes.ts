import type { StaffNoteDto } from '@convene/shared';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Database, DbOrTx } from '../db/client.js';
import { type StaffNote, type User, staffNotes, users } from '../db/schema/index.js';
import { notFound } from '../errors.js';
import { authorize } from '../policies/index.js';
import { loadComment } from '../queries/comments.js';
import { loadSpace } from '../queries/spaces.js';

/**
 * Staff-only notes: a space's moderators, chairs and administrators (`staffNote.write`) leave
 * private notes on a comment or on an author in that space. They are read only here, by the
 * queue and by the moderation log; no participant-facing read, export or public live event
 * touches the table.
 */

type Row = StaffNote & { writerName: string | null };

export const presentStaffNote = (n: Row): StaffNoteDto => ({
  id: n.id,
  commentId: n.commentId,
  subjectUserId: n.subjectUserId,
  body: n.body,
  writer: n.writerId !== null && n.writerName !== null ? { id: n.writerId, displayName: n.writerName } : null,
  createdAt: n.createdAt.toISOString(),
});

const selectRows = (db: DbOrTx) =>
  db
    .select({ note: staffNotes, writerName: users.displayName })
    .from(staffNotes)
    .leftJoin(users, eq(users.id, staffNotes.writerId));

const flatten = (rows: { note: StaffNote; writerName: string | null }[]): StaffNoteDto[] =>
  rows.map((r) => presentStaffNote({ ...r.note, writerName: r.writerName }));

/** The notes on these comments, oldest first. Callers have authorized `staffNote.write`. */
export async function notesOnComments(db: DbOrTx, commentIds: string[]): Promise<StaffNoteDto[]> {
  if (commentIds.length === 0) return [];
  return flatten(
    await selectRows(db)
      .where(inArray(staffNotes.commentId, commentIds))
      .orderBy(asc(staffNotes.createdAt), asc(staffNotes.id)),
  );
}

/** The notes on these authors in these spaces, oldest first. */
export async function notesOnAuthors(
  db: DbOrTx,
  spaceIds: string[],
  userIds: string[],
): Promise<(StaffNoteDto & { spaceId: string })[]> {
  if (spaceIds.length === 0 || userIds.length === 0) return [];
  const rows = await db
    .select({ note: staffNotes, writerName: users.displayName })
    .from(staffNotes)
    .leftJoin(users, eq(users.id, staffNotes.writerId))
    .where(and(inArray(staffNotes.spaceId, spaceIds), inArray(staffNotes.subjectUserId, userIds)))
    .orderBy(asc(staffNotes.createdAt), asc(staffNotes.id));
  return rows.map((r) => ({ ...presentStaffNote({ ...r.note, writerName: r.writerName }), spaceId: r.note.spaceId }));
}

/** The space's notes, newest first (the moderation log); with `commentId`, that comment's only. */
export async function notesInSpace(
  db: DbOrTx,
  spaceId: string,
  options: { commentId?: string | undefined; limit: number },
): Promise<(StaffNoteDto & { spaceId: string })[]> {
  const rows = await selectRows(db)
    .where(
      and(
        eq(staffNotes.spaceId, spaceId),
        options.commentId !== undefined ? eq(staffNotes.commentId, options.commentId) : undefined,
      ),
    )
    .orderBy(desc(staffNotes.createdAt), desc(staffNotes.id))
    .limit(options.limit);
  return rows.map((r) => ({ ...presentStaffNote({ ...r.note, writerName: r.writerName }), spaceId: r.note.spaceId }));
}

/** Loads the comment (404 if the viewer may not read it) and authorizes the staff (403 otherwise). */
async function commentFor(db: DbOrTx, viewer: User, commentId: string) {
  const loaded = await loadComment(db, commentId, viewer);
  authorize(viewer, 'staffNote.write', loaded.spaceScope);
  return loaded;
}

export async function listCommentNotes(db: DbOrTx, viewer: User, commentId: string): Promise<StaffNoteDto[]> {
  await commentFor(db, viewer, commentId);
  return notesOnComments(db, [commentId]);
}

export async function addCommentNote(db: Database, viewer: User, commentId: string, body: string) {
  return db.transaction(async (tx) => {
    const { comment } = await commentFor(tx, viewer, commentId);
    const [row] = await tx
      .insert(staffNotes)
      .values({ spaceId: comment.spaceId, commentId: comment.id, writerId: viewer.id, body })
      .returning();
    if (!row) throw new Error('insert failed');
    return presentStaffNote({ ...row, writerName: viewer.displayName });
  });
}

/** Loads the space (404 if unreadable), authorizes the staff (403), then the author (404 if unknown). */
async function authorFor(db: DbOrTx, viewer: User, slug: string, userId: string) {
  const { space, scope } = await loadSpace(db, slug, viewer);
  authorize(viewer, 'staffNote.write', scope);
  const [subject] = await db.select({ id: users.id }).from(users).where(eq(users.id, userId)).limit(1);
  if (!subject) throw notFound('Author');
  return space;
}

export async function listAuthorNotes(db: DbOrTx, viewer: User, slug: string, userId: string) {
  const space = await authorFor(db, viewer, slug, userId);
  return (await notesOnAuthors(db, [space.id], [userId])).map(({ spaceId: _spaceId, ...n }) => n);
}

export async function addAuthorNote(db: Database, viewer: User, slug: string, userId: string, body: string) {
  return db.transaction(async (tx) => {
    const space = await authorFor(tx, viewer, slug, userId);
    const [row] = await tx
      .insert(staffNotes)
      .values({ spaceId: space.id, subjectUserId: userId, writerId: viewer.id, body })
      .returning();
    if (!row) throw new Error('insert failed');
    return presentStaffNote({ ...row, writerName: viewer.displayName });
  });
}
