import type {
  BulkDecisionResponse,
  CommentDto,
  CommentStatus,
  Decision,
  DecisionOutcome,
  ModerationAction,
  RevisionStatus,
} from '@convene/shared';
import { and, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Database, Tx } from '../db/client.js';
import {
  type Comment,
  type CommentRevision,
  type User,
  attachments,
  commentRevisions,
  comments,
  moderationEvents,
  reports,
  users,
} from '../db/schema/index.js';
import { AppError, conflict } from '../errors.js';
import { type Viewer, authorize, requireSignedIn } from '../policies/index.js';
import { commentScope } from '../presenters/comment.js';
import { type LoadedComment, loadComment, presentOne } from '../queries/comments.js';
import { queueCounts } from '../queries/queue.js';
import { type LoadedSpace, scopeOf } from '../queries/spaces.js';
import { appendEvent, recordModeration } from './events.js';

export interface DecisionInput {
  action: Decision;
  reason?: string | undefined;
}

const PAST: Record<Decision, string> = { approve: 'approved', reject: 'rejected', restore: 'restored' };

/** What one decision does to a comment, worked out before anything is written. */
type Transition =
  | { kind: 'publish' | 'rejectSubmission' | 'takedown' | 'restore' | 'dismissReports' }
  | { kind: 'approveRevision' | 'rejectRevision'; revision: CommentRevision };

const invalid = (message: string) => conflict('invalid_transition', message);

function planTransition(
  c: Comment,
  action: Decision,
  revision: CommentRevision | undefined,
  openReports: number,
): Transition {
  if (c.status === 'withdrawn') throw invalid('The author withdrew this comment; there is nothing left to decide.');
  switch (action) {
    case 'approve':
      if (c.status === 'pending') return { kind: 'publish' };
      if (c.status === 'approved' && revision) return { kind: 'approveRevision', revision };
      // Approving a published comment that was reported keeps it up and closes the reports.
      if (c.status === 'approved' && openReports > 0) return { kind: 'dismissReports' };
      if (c.status === 'approved') throw invalid('This comment is already published.');
      throw invalid('This comment was rejected: restore it to publish it.');
    case 'reject':
      if (c.status === 'pending') return { kind: 'rejectSubmission' };
      if (c.status === 'approved' && revision) return { kind: 'rejectRevision', revision };
      if (c.status === 'approved') return { kind: 'takedown' };
      throw invalid('This comment is already rejected.');
    case 'restore':
      if (c.status === 'rejected') return { kind: 'restore' };
      throw invalid(`Only a rejected comment can be restored; this one is ${c.status}.`);
  }
}

/**
 * The 409 for a stale decision: the current state, and who decided last when the last change
 * was a decision (the author may have edited since, which is worth saying differently).
 */
async function staleConflict(tx: Tx, viewer: Viewer, loaded: LoadedComment): Promise<AppError> {
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
    .where(
      and(eq(moderationEvents.commentId, c.id), inArray(moderationEvents.action, ['approve', 'reject', 'restore'])),
    )
    .orderBy(desc(moderationEvents.id))
    .limit(1);
  const comment = await presentOne(tx, c, viewer, loaded.spaceScope);
  const decidedBy = last ? (last.name ?? 'a former moderator') : null;
  const decidedAt = last ? last.createdAt.toISOString() : null;
  const lastWasDecision = last !== undefined && last.data?.version === c.version;
  const message =
    last && lastWasDecision
      ? `Already ${PAST[last.action as Decision]} by ${decidedBy} at ${decidedAt}. Review the current state before deciding again.`
      : `This comment changed since you loaded it (now version ${c.version}). Review the current state before deciding.`;
  return conflict('conflict', message, { comment, decidedBy, decidedAt });
}

/** Settles the revision a decision is about; other edits still pending are now superseded. */
async function settleRevisions(
  tx: Tx,
  commentId: string,
  pending: CommentRevision[],
  chosen: CommentRevision | undefined,
  outcome: { status: RevisionStatus; by: string; at: Date; reason: string | null },
) {
  if (!chosen) return;
  await tx
    .update(commentRevisions)
    .set({ status: outcome.status, decidedAt: outcome.at, decidedBy: outcome.by, reason: outcome.reason })
    .where(eq(commentRevisions.id, chosen.id));
  const others = pending.filter((r) => r.id !== chosen.id).map((r) => r.id);
  if (others.length) {
    await tx
      .update(commentRevisions)
      .set({ status: 'superseded' })
      .where(and(eq(commentRevisions.commentId, commentId), inArray(commentRevisions.id, others)));
  }
}

/** The revision holding the text a taken-down or restored comment shows. */
async function publishedRevision(tx: Tx, commentId: string): Promise<CommentRevision | undefined> {
  const [row] = await tx
    .select()
    .from(commentRevisions)
    .where(and(eq(commentRevisions.commentId, commentId), inArray(commentRevisions.status, ['approved', 'rejected'])))
    .orderBy(desc(commentRevisions.version))
    .limit(1);
  return row;
}

/**
 * Decides one comment whose row the caller has locked (FOR UPDATE) in `tx`: the single
 * decision route and bulk decisions both come through here. Every refusal is thrown before
 * the first write; the comment UPDATE is guarded by `version = expectedVersion`, so two
 * decisions racing on one comment give exactly one success.
 */
async function decideLocked(
  tx: Tx,
  viewer: User,
  loaded: LoadedComment,
  input: DecisionInput,
  expectedVersion: number,
): Promise<Comment> {
  const c = loaded.comment;
  // One connection per transaction: these run one after the other.
  const pending = await tx
    .select()
    .from(commentRevisions)
    .where(and(eq(commentRevisions.commentId, c.id), eq(commentRevisions.status, 'pending')))
    .orderBy(desc(commentRevisions.version));
  const [open] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(reports)
    .where(and(eq(reports.commentId, c.id), isNull(reports.resolvedAt)));
  const latest = pending[0];
  const plan = planTransition(c, input.action, c.status === 'approved' ? latest : undefined, open?.n ?? 0);
  authorize(viewer, 'comment.decide', loaded.scope);

  const now = new Date();
  const reason = input.reason?.trim() || null;
  const rejecting = input.action === 'reject';
  const commentSet: Partial<typeof comments.$inferInsert> = {};
  let toStatus: CommentStatus = c.status;
  switch (plan.kind) {
    case 'publish':
    case 'restore':
    case 'takedown':
    case 'rejectSubmission':
      toStatus = rejecting ? 'rejected' : 'approved';
      Object.assign(commentSet, {
        status: toStatus,
        decidedAt: now,
        decidedBy: viewer.id,
        reason: rejecting ? reason : null,
      });
      break;
    case 'approveRevision':
      // The approved edit becomes the published text, approved by this moderator.
      Object.assign(commentSet, {
        bodyMd: plan.revision.bodyMd,
        bodyHtml: plan.revision.bodyHtml,
        language: plan.revision.language,
        editedAt: now,
        decidedAt: now,
        decidedBy: viewer.id,
      });
      break;
    case 'rejectRevision':
    case 'dismissReports':
      break;
  }

  const [updated] = await tx
    .update(comments)
    .set({ ...commentSet, version: sql`${comments.version} + 1` })
    .where(and(eq(comments.id, c.id), eq(comments.version, expectedVersion)))
    .returning();
  if (!updated) throw await staleConflict(tx, viewer, loaded);

  const outcome = { by: viewer.id, at: now, reason: rejecting ? reason : null };
  const revisionDecided = plan.kind === 'approveRevision' || plan.kind === 'rejectRevision';
  if (plan.kind === 'publish' || plan.kind === 'rejectSubmission') {
    await settleRevisions(tx, c.id, pending, latest, { ...outcome, status: rejecting ? 'rejected' : 'approved' });
  } else if (revisionDecided) {
    await settleRevisions(tx, c.id, pending, plan.revision, {
      ...outcome,
      status: rejecting ? 'rejected' : 'approved',
    });
    // The files that came with the edit are published with it (a rejected edit keeps them private).
    if (!rejecting) {
      await tx
        .update(attachments)
        .set({ awaitingRevision: null })
        .where(and(eq(attachments.commentId, c.id), isNotNull(attachments.awaitingRevision)));
    }
  } else if (plan.kind === 'takedown' || plan.kind === 'restore') {
    const shown = await publishedRevision(tx, c.id);
    await settleRevisions(tx, c.id, [], shown, { ...outcome, status: rejecting ? 'rejected' : 'approved' });
  }

  const resolved = await tx
    .update(reports)
    .set({ resolvedAt: now, resolvedBy: viewer.id })
    .where(and(eq(reports.commentId, c.id), isNull(reports.resolvedAt)))
    .returning({ id: reports.id });

  const revisionVersion = revisionDecided ? plan.revision.version : null;
  await recordModeration(tx, {
    spaceId: c.spaceId,
    commentId: c.id,
    actorId: viewer.id,
    action: input.action satisfies ModerationAction,
    // For an edit the decision is about the revision: pending → approved/rejected.
    fromStatus: revisionDecided ? 'pending' : c.status,
    toStatus: revisionDecided ? (rejecting ? 'rejected' : 'approved') : updated.status,
    reason: input.reason?.trim() || null,
    data: {
      version: updated.version,
      ...(revisionVersion !== null ? { revision: revisionVersion } : {}),
      ...(resolved.length ? { reportsResolved: resolved.length } : {}),
    },
  });

  await appendEvent(tx, {
    kind: 'comment.decided',
    spaceId: c.spaceId,
    payload: {
      commentId: c.id,
      action: input.action,
      status: updated.status,
      version: updated.version,
      decidedBy: viewer.displayName,
    },
  });
  const publicView = () => presentOne(tx, updated, null, scopeOf(loaded.space, undefined));
  if (plan.kind === 'publish' || plan.kind === 'restore') {
    await appendEvent(tx, { kind: 'comment.published', spaceId: c.spaceId, payload: { comment: await publicView() } });
  } else if (plan.kind === 'approveRevision') {
    await appendEvent(tx, { kind: 'comment.updated', spaceId: c.spaceId, payload: { comment: await publicView() } });
  } else if (plan.kind === 'takedown') {
    await appendEvent(tx, { kind: 'comment.withdrawn', spaceId: c.spaceId, payload: { commentId: c.id } });
  }
  // The author hears about their own text; a dismissed report changes nothing for them.
  if (plan.kind !== 'dismissReports') {
    await appendEvent(tx, {
      kind: 'comment.status',
      spaceId: c.spaceId,
      userId: c.authorId,
      payload: {
        commentId: c.id,
        status: revisionDecided ? (rejecting ? 'rejected' : 'approved') : updated.status,
        reason: rejecting ? reason : null,
        version: updated.version,
        revision: revisionDecided,
      },
    });
  }
  return updated;
}

async function announceCounts(tx: Tx, spaceId: string) {
  const counts = await queueCounts(tx, [spaceId]);
  await appendEvent(tx, {
    kind: 'queue.counts',
    spaceId,
    payload: { pending: counts.pending, reported: counts.reported },
  });
}

/** POST /comments/:id/decision: one moderator's decision, refused with 409 when it is stale. */
export async function decideComment(
  db: Database,
  viewer: Viewer,
  commentId: string,
  input: DecisionInput & { version: number },
): Promise<CommentDto> {
  return db.transaction(async (tx) => {
    const loaded = await loadComment(tx, commentId, viewer, { forUpdate: true });
    authorize(viewer, 'moderation.decide', loaded.spaceScope);
    requireSignedIn(viewer);
    if (input.version !== loaded.comment.version) throw await staleConflict(tx, viewer, loaded);
    const updated = await decideLocked(tx, viewer, loaded, input, input.version);
    await announceCounts(tx, updated.spaceId);
    return presentOne(tx, updated, viewer, loaded.spaceScope);
  });
}

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
  return db.transaction(async (tx) => {
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
          .where(and(inArray(commentRevisions.commentId, ids), eq(commentRevisions.status, 'pending')))
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
        scope: commentScope(scope, comment, comment.status === 'approved' && withRevision.has(id)),
      };
      try {
        const updated = await tx.transaction((sp) => decideLocked(sp, viewer, loaded, input, comment.version));
        results.push({ id, ok: true, status: updated.status });
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        results.push({ id, ok: false, error: { code: err.code, message: err.message } });
      }
    }
    if (results.some((r) => r.ok)) await announceCounts(tx, space.id);
    return { results };
  });
}

/**
 * PUT/DELETE /comments/:id/highlight: a chair marks a published comment as relevant for the
 * note. Curation is not moderation: the version is left alone so a moderator's pending
 * decision stays valid. Setting the state it already has writes nothing.
 */
export async function setHighlight(db: Database, viewer: Viewer, commentId: string, on: boolean): Promise<CommentDto> {
  return db.transaction(async (tx) => {
    const loaded = await loadComment(tx, commentId, viewer, { forUpdate: true });
    const c = loaded.comment;
    authorize(viewer, 'comment.highlight', loaded.spaceScope);
    requireSignedIn(viewer);
    if (c.status !== 'approved') throw conflict('not_published', 'Only a published comment can be highlighted.');
    authorize(viewer, 'comment.highlight', loaded.scope);
    if (c.highlighted === on) return presentOne(tx, c, viewer, loaded.spaceScope);

    const [updated] = await tx
      .update(comments)
      .set(
        on
          ? { highlighted: true, highlightedBy: viewer.id, highlightedAt: new Date() }
          : { highlighted: false, highlightedBy: null, highlightedAt: null },
      )
      .where(eq(comments.id, c.id))
      .returning();
    if (!updated) throw new Error('highlight update failed');
    await recordModeration(tx, {
      spaceId: c.spaceId,
      commentId: c.id,
      actorId: viewer.id,
      action: on ? 'highlight' : 'unhighlight',
      fromStatus: c.status,
      toStatus: updated.status,
    });
    await appendEvent(tx, {
      kind: 'comment.updated',
      spaceId: c.spaceId,
      payload: { comment: await presentOne(tx, updated, null, scopeOf(loaded.space, undefined)) },
    });
    return presentOne(tx, updated, viewer, loaded.spaceScope);
  });
}
