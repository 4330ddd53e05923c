import type { LogResponse, ModerationAction } from '@convene/shared';
import { and, desc, eq, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../db/client.js';
import { comments, moderationEvents, users } from '../db/schema/index.js';
import { fieldInvalid } from '../errors.js';
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
    nextCursor: rows.length > query.limit && last ? String(last.entry.id) : null,
  };
}
