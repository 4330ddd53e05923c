import type { LogResponse, ModerationAction } from '@convene/shared';
import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../db/client.js';
import { comments, moderationEvents, users } from '../db/schema/index.js';
import { fieldInvalid } from '../errors.js';
import { notesInSpace } from '../commands/staffNotes.js';
import { excerpt } from '../exports/markdown.js';

export interface LogQuery {
  action?: ModerationAction | undefined;
  commentId?: string | undefined;
  /** The id of the last entry of the previous page. */
  cursor?: string | undefined;
  limit: number;
}

/** One page of a space's moderation audit trail, newest first (keyset on the serial id). */
export async function loadModerationLog(db: DbOrTx, spaceId: string, query: LogQuery): Promise<LogResponse> {
  let before: number | null = null;
  if (query.cursor !== undefined) {
    if (!/^\d{1,18}$/.test(query.cursor)) throw fieldInvalid('cursor', 'Invalid cursor');
    before = Number(query.cursor);
  }
  const actor = alias(users, 'actor');
  const author = alias(users, 'comment_author');
  const rows = await db
    .select({
      entry: moderationEvents,
      actorName: actor.displayName,
      actorAffiliation: actor.affiliation,
      // Enough source for a 200-character excerpt without rendering a whole long contribution.
      bodyMd: sql<string | null>`left(${comments.bodyMd}, 2000)`,
      authorName: author.displayName,
    })
    .from(moderationEvents)
    .leftJoin(actor, eq(actor.id, moderationEvents.actorId))
    .leftJoin(comments, eq(comments.id, moderationEvents.commentId))
    .leftJoin(author, eq(author.id, comments.authorId))
    .where(
      and(
        eq(moderationEvents.spaceId, spaceId),
        query.action ? eq(moderationEvents.action, query.action) : undefined,
        query.commentId ? eq(moderationEvents.commentId, query.commentId) : undefined,
        before !== null ? lt(moderationEvents.id, before) : undefined,
      ),
    )
    .orderBy(desc(moderationEvents.id))
    .limit(query.limit + 1);

  // The staff's private notes come with the first page (the log is the staff's own reading).
  const notes = before === null ? await notesInSpace(db, spaceId, { commentId: query.commentId, limit: 200 }) : [];
  const commentIds = [...new Set(notes.map((n) => n.commentId).filter((x): x is string => x !== null))];
  const subjectIds = [...new Set(notes.map((n) => n.subjectUserId).filter((x): x is string => x !== null))];
  const noteComments = commentIds.length
    ? await db
        .select({ id: comments.id, bodyMd: sql<string>`left(${comments.bodyMd}, 2000)`, authorName: users.displayName })
        .from(comments)
        .innerJoin(users, eq(users.id, comments.authorId))
        .where(inArray(comments.id, commentIds))
    : [];
  const subjects = subjectIds.length
    ? await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, subjectIds))
    : [];
  const commentById = new Map(noteComments.map((c) => [c.id, c]));
  const subjectName = new Map(subjects.map((u) => [u.id, u.name]));

  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    entries: page.map((r) => ({
      id: r.entry.id,
      action: r.entry.action,
      actor:
        r.actorName !== null && r.actorAffiliation !== null
          ? { displayName: r.actorName, affiliation: r.actorAffiliation }
          : null,
      commentId: r.entry.commentId,
      commentExcerpt: r.bodyMd !== null ? excerpt(r.bodyMd) : null,
      commentAuthor: r.authorName,
      fromStatus: r.entry.fromStatus,
      toStatus: r.entry.toStatus,
      reason: r.entry.reason,
      createdAt: r.entry.createdAt.toISOString(),
    })),
    staffNotes: notes.map(({ spaceId: _spaceId, ...n }) => {
      const c = n.commentId !== null ? commentById.get(n.commentId) : undefined;
      return {
        ...n,
        commentExcerpt: c ? excerpt(c.bodyMd) : null,
        subjectName: c ? c.authorName : n.subjectUserId !== null ? (subjectName.get(n.subjectUserId) ?? null) : null,
      };
    }),
    nextCursor: rows.length > query.limit && last ? String(last.entry.id) : null,
  };
}
