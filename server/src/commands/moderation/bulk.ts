import type { BulkDecisionResponse, DecisionOutcome } from '@convene/shared';
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { type User, commentRevisions, comments } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { mailerFor, nudgeNotifications } from '../../mail/notifications.js';
import { hasEditAwaiting } from '../../policies/lifecycle.js';
import { revisionSql } from '../../policies/visibility.js';
import { commentScope } from '../../presenters/comment.js';
import type { LoadedComment } from '../../queries/comments.js';
import type { LoadedSpace } from '../../queries/spaces.js';
import { announceCounts } from './announce.js';
import { type DecisionInput, applyDecision } from './applyDecision.js';

/**
 * POST /spaces/:slug/moderation/bulk: many decisions in one transaction, each on the comment's
 * current version. Each runs in its own savepoint, so a refused one leaves the others standing.
 * The caller has authorised 'moderation.decide' on the space.
 */
export async function decideBulk(
  db: Database,
  viewer: User,
  { space, scope }: LoadedSpace,
  input: DecisionInput & { ids: string[] },
): Promise<BulkDecisionResponse> {
  const ids = [...new Set(input.ids)];
  const mailer = mailerFor(db);
  const outcome = await db.transaction(async (tx) => {
    // Locked in id order so two overlapping bulk requests cannot deadlock.
    const rows = await tx
      .select()
      .from(comments)
      .where(and(inArray(comments.id, ids), eq(comments.spaceId, space.id)))
      .orderBy(comments.id)
      .for('update');
    const withRevision = new Set(
      (
        await tx
          .select({ commentId: commentRevisions.commentId })
          .from(commentRevisions)
          .where(and(inArray(commentRevisions.commentId, ids), revisionSql.awaiting()))
      ).map((r) => r.commentId),
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    const results: DecisionOutcome[] = [];
    for (const id of ids) {
      const comment = byId.get(id);
      if (!comment) {
        results.push({ id, ok: false, error: { code: 'not_found', message: 'Comment not found in this space.' } });
        continue;
      }
      const loaded: LoadedComment = {
        comment,
        space,
        spaceScope: scope,
        scope: commentScope(scope, comment, hasEditAwaiting(comment, withRevision.has(id))),
      };
      try {
        const updated = await tx.transaction((sp) => applyDecision(sp, viewer, loaded, input, comment.version, mailer));
        results.push({ id, ok: true, status: updated.status });
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        results.push({ id, ok: false, error: { code: err.code, message: err.message } });
      }
    }
    if (results.some((r) => r.ok)) await announceCounts(tx, space.id);
    return { results };
  });
  nudgeNotifications(mailer);
  return outcome;
}
