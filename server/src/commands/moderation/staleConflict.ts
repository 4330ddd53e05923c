import type { Decision } from '@convene/shared';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { moderationEvents, users } from '../../db/schema/index.js';
import { type AppError, conflict } from '../../errors.js';
import type { Viewer } from '../../policies/index.js';
import { DECISION_DONE } from '../../policies/lifecycle.js';
import { type LoadedComment, presentOne } from '../../queries/comments.js';

const DECISIONS: Decision[] = ['approve', 'reject', 'restore'];

/**
 * The 409 for a stale decision: the current state, and who decided last when the last change
 * was a decision (the author may have edited since, which is worth saying differently).
 */
export async function staleConflict(tx: Tx, viewer: Viewer, loaded: LoadedComment): Promise<AppError> {
  const c = loaded.comment;
  const [last] = await tx
    .select({
      action: moderationEvents.action,
      createdAt: moderationEvents.createdAt,
      data: moderationEvents.data,
      name: users.displayName,
    })
    .from(moderationEvents)
    .leftJoin(users, eq(users.id, moderationEvents.actorId))
    .where(and(eq(moderationEvents.commentId, c.id), inArray(moderationEvents.action, DECISIONS)))
    .orderBy(desc(moderationEvents.id))
    .limit(1);
  const comment = await presentOne(tx, c, viewer, loaded.spaceScope);
  const decidedBy = last ? (last.name ?? 'a former moderator') : null;
  const decidedAt = last ? last.createdAt.toISOString() : null;
  const lastWasDecision = last !== undefined && last.data?.version === c.version;
  const message =
    last && lastWasDecision
      ? `Already ${DECISION_DONE[last.action as Decision]} by ${decidedBy} at ${decidedAt}. Review the current state before deciding again.`
      : `This comment changed since you loaded it (now version ${c.version}). Review the current state before deciding.`;
  return conflict('conflict', message, { comment, decidedBy, decidedAt });
}
