import type { Decision } from '@convene/shared';
import type { Tx } from '../../db/client.js';
import type { Comment, User } from '../../db/schema/index.js';
import type { Transition } from '../../policies/lifecycle.js';
import { type LoadedComment, presentOne } from '../../queries/comments.js';
import { queueCounts } from '../../queries/queue.js';
import { scopeOf } from '../../queries/spaces.js';
import { appendEvent } from '../events.js';

/**
 * The live events of one decision: the staff queues hear it was decided, the public what changed
 * in the discussion (`transition.announce`), the author what happened to their text.
 */
export async function announceDecision(
  tx: Tx,
  d: {
    viewer: User;
    loaded: LoadedComment;
    updated: Comment;
    transition: Transition;
    action: Decision;
    /** The moderator's reason, kept only for a reject. */
    reason: string | null;
  },
): Promise<void> {
  const { updated, transition: t } = d;
  const c = d.loaded.comment;
  await appendEvent(tx, {
    kind: 'comment.decided',
    spaceId: c.spaceId,
    payload: {
      commentId: c.id,
      action: d.action,
      status: updated.status,
      version: updated.version,
      decidedBy: d.viewer.displayName,
    },
  });
  const publicView = () => presentOne(tx, updated, null, scopeOf(d.loaded.space, undefined));
  if (t.announce === 'comment.published') {
    await appendEvent(tx, { kind: 'comment.published', spaceId: c.spaceId, payload: { comment: await publicView() } });
  } else if (t.announce === 'comment.updated') {
    await appendEvent(tx, { kind: 'comment.updated', spaceId: c.spaceId, payload: { comment: await publicView() } });
  } else if (t.announce === 'comment.withdrawn') {
    await appendEvent(tx, { kind: 'comment.withdrawn', spaceId: c.spaceId, payload: { commentId: c.id } });
  }
  if (t.tellsAuthor) {
    await appendEvent(tx, {
      kind: 'comment.status',
      spaceId: c.spaceId,
      userId: c.authorId,
      payload: {
        commentId: c.id,
        status: t.recorded.to,
        reason: d.reason,
        version: updated.version,
        revision: t.aboutRevision,
      },
    });
  }
}

/** The staff queues' badge counts after decisions in a space. */
export async function announceCounts(tx: Tx, spaceId: string): Promise<void> {
  const counts = await queueCounts(tx, [spaceId]);
  await appendEvent(tx, {
    kind: 'queue.counts',
    spaceId,
    payload: { pending: counts.pending, reported: counts.reported },
  });
}
