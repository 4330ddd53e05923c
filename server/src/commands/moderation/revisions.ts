import type { RevisionStatus } from '@convene/shared';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { type CommentRevision, commentRevisions } from '../../db/schema/index.js';
import { decidedRevisionSql, supersededRevision } from '../../policies/lifecycle.js';
import { revisionSql } from '../../policies/visibility.js';

/** The comment's edits awaiting moderation, newest first. */
export async function awaitingRevisions(tx: Tx, commentId: string): Promise<CommentRevision[]> {
  return tx
    .select()
    .from(commentRevisions)
    .where(and(eq(commentRevisions.commentId, commentId), revisionSql.awaiting()))
    .orderBy(desc(commentRevisions.version));
}

/** The revision holding the text a taken-down or restored comment shows. */
export async function shownTextRevision(tx: Tx, commentId: string): Promise<CommentRevision | undefined> {
  const [row] = await tx
    .select()
    .from(commentRevisions)
    .where(and(eq(commentRevisions.commentId, commentId), decidedRevisionSql()))
    .orderBy(desc(commentRevisions.version))
    .limit(1);
  return row;
}

/** Settles the revision a decision is about; other edits still pending are now superseded. */
export async function settleRevisions(
  tx: Tx,
  commentId: string,
  pending: CommentRevision[],
  chosen: CommentRevision | undefined,
  outcome: { status: RevisionStatus; by: string; at: Date; reason: string | null },
): Promise<void> {
  if (!chosen) return;
  await tx
    .update(commentRevisions)
    .set({ status: outcome.status, decidedAt: outcome.at, decidedBy: outcome.by, reason: outcome.reason })
    .where(eq(commentRevisions.id, chosen.id));
  const others = pending.filter((r) => r.id !== chosen.id).map((r) => r.id);
  if (others.length) {
    await tx
      .update(commentRevisions)
      .set({ status: supersededRevision })
      .where(and(eq(commentRevisions.commentId, commentId), inArray(commentRevisions.id, others)));
  }
}
