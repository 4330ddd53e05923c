import type { CommentDto } from '@convene/shared';
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { comments } from '../../db/schema/index.js';
import { type Viewer, authorize, requireSignedIn } from '../../policies/index.js';
import { assertHighlightable } from '../../policies/lifecycle.js';
import { loadComment, presentOne } from '../../queries/comments.js';
import { scopeOf } from '../../queries/spaces.js';
import { appendEvent, recordModeration } from '../events.js';

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
    assertHighlightable(c);
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
