import type { Decision, ModerationAction } from '@convene/shared';
import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import {
  type Comment,
  type CommentRevision,
  type User,
  attachments,
  comments,
  reports,
} from '../../db/schema/index.js';
import { type Mailer, notifyDecision } from '../../mail/notifications.js';
import { authorize } from '../../policies/index.js';
import { type Transition, decision } from '../../policies/lifecycle.js';
import type { LoadedComment } from '../../queries/comments.js';
import { recordModeration } from '../events.js';
import { announceDecision } from './announce.js';
import { awaitingRevisions, settleRevisions, shownTextRevision } from './revisions.js';
import { staleConflict } from './staleConflict.js';

export interface DecisionInput {
  action: Decision;
  reason?: string | undefined;
}

/** What the comment row gets from the decision (besides its new version). */
function commentChanges(
  t: Transition,
  latest: CommentRevision | undefined,
  by: User,
  now: Date,
  reason: string | null,
): Partial<typeof comments.$inferInsert> {
  if (t.writes === 'status') return { status: t.status, decidedAt: now, decidedBy: by.id, reason };
  // The approved edit becomes the published text, approved by this moderator.
  if (t.writes === 'revisionText' && latest) {
    const { bodyMd, bodyHtml, language } = latest;
    return { bodyMd, bodyHtml, language, editedAt: now, decidedAt: now, decidedBy: by.id };
  }
  return {};
}

async function openReportCount(tx: Tx, commentId: string): Promise<number> {
  const [open] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(reports)
    .where(and(eq(reports.commentId, commentId), isNull(reports.resolvedAt)));
  return open?.n ?? 0;
}

/**
 * Decides one comment whose row the caller has locked (FOR UPDATE) in `tx`: the single
 * decision route and bulk decisions both come through here. What the decision does is the
 * lifecycle's to say (`policies/lifecycle.ts`); this performs it. Every refusal is thrown before
 * the first write; the comment UPDATE is guarded by `version = expectedVersion`, so two
 * decisions racing on one comment give exactly one success.
 */
export async function applyDecision(
  tx: Tx,
  viewer: User,
  loaded: LoadedComment,
  input: DecisionInput,
  expectedVersion: number,
  /** Writes the author's (and a reply's parent author's) notification; none without one. */
  mailer?: Mailer,
): Promise<Comment> {
  const c = loaded.comment;
  // One connection per transaction: these run one after the other.
  const pending = await awaitingRevisions(tx, c.id);
  const openReports = await openReportCount(tx, c.id);
  const latest = pending[0];
  const t = decision({ status: c.status, action: input.action, pendingRevision: latest !== undefined, openReports });
  authorize(viewer, 'comment.decide', loaded.scope);

  const now = new Date();
  const reason = t.keepsReason ? input.reason?.trim() || null : null;
  const [updated] = await tx
    .update(comments)
    .set({ ...commentChanges(t, latest, viewer, now, reason), version: sql`${comments.version} + 1` })
    .where(and(eq(comments.id, c.id), eq(comments.version, expectedVersion)))
    .returning();
  if (!updated) throw await staleConflict(tx, viewer, loaded);

  if (t.settles) {
    const outcome = { status: t.settles.status, by: viewer.id, at: now, reason };
    if (t.settles.revision === 'latestAwaiting') await settleRevisions(tx, c.id, pending, latest, outcome);
    else await settleRevisions(tx, c.id, [], await shownTextRevision(tx, c.id), outcome);
  }
  // The files that came with the edit are published with it (a rejected edit keeps them private).
  if (t.publishesEditFiles) {
    await tx
      .update(attachments)
      .set({ awaitingRevision: null })
      .where(and(eq(attachments.commentId, c.id), isNotNull(attachments.awaitingRevision)));
  }

  const resolved = await tx
    .update(reports)
    .set({ resolvedAt: now, resolvedBy: viewer.id })
    .where(and(eq(reports.commentId, c.id), isNull(reports.resolvedAt)))
    .returning({ id: reports.id });

  const revisionVersion = t.aboutRevision && latest ? latest.version : null;
  await recordModeration(tx, {
    spaceId: c.spaceId,
    commentId: c.id,
    actorId: viewer.id,
    action: input.action satisfies ModerationAction,
    fromStatus: t.recorded.from,
    toStatus: t.recorded.to,
    reason: input.reason?.trim() || null,
    data: {
      version: updated.version,
      ...(revisionVersion !== null ? { revision: revisionVersion } : {}),
      ...(resolved.length ? { reportsResolved: resolved.length } : {}),
    },
  });

  await announceDecision(tx, { viewer, loaded, updated, transition: t, action: input.action, reason });
  // The emails it causes, in the same transaction: they exist if and only if the decision does.
  await notifyDecision(tx, mailer, { comment: updated, decisionKind: t.kind, revision: revisionVersion });
  return updated;
}
