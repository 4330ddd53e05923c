import type { CommentDto } from '@convene/shared';
import type { Database } from '../../db/client.js';
import { mailerFor, nudgeNotifications } from '../../mail/notifications.js';
import { type Viewer, authorize, requireSignedIn } from '../../policies/index.js';
import { loadComment, presentOne } from '../../queries/comments.js';
import { announceCounts } from './announce.js';
import { type DecisionInput, applyDecision } from './applyDecision.js';
import { staleConflict } from './staleConflict.js';

/** POST /comments/:id/decision: one moderator's decision, refused with 409 when it is stale. */
export async function decideComment(
  db: Database,
  viewer: Viewer,
  commentId: string,
  input: DecisionInput & { version: number },
): Promise<CommentDto> {
  const mailer = mailerFor(db);
  const decided = await db.transaction(async (tx) => {
    const loaded = await loadComment(tx, commentId, viewer, { forUpdate: true });
    authorize(viewer, 'moderation.decide', loaded.spaceScope);
    requireSignedIn(viewer);
    if (input.version !== loaded.comment.version) throw await staleConflict(tx, viewer, loaded);
    const updated = await applyDecision(tx, viewer, loaded, input, input.version, mailer);
    await announceCounts(tx, updated.spaceId);
    return presentOne(tx, updated, viewer, loaded.spaceScope);
  });
  nudgeNotifications(mailer);
  return decided;
}
