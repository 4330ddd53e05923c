import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { questions } from '../db/schema/index.js';
import { notFound } from '../errors.js';
import { setFollow } from '../mail/follows.js';
import { type Viewer, authorize, requireSignedIn } from '../policies/index.js';
import { loadSpace } from '../queries/spaces.js';

/**
 * Follows or unfollows a space (`questionId` absent) or one of its guiding questions, for the
 * signed-in viewer (a guest: 401). Anyone who may read the space may follow it; a space or
 * question they may not see is a 404. Following again, or unfollowing what one does not follow,
 * changes nothing. An unfollow is kept (the follow row turns inactive), so that publishing
 * another answer to the question does not follow it again.
 */
export async function changeFollow(
  db: Database,
  viewer: Viewer,
  target: { slug: string; questionId?: string },
  following: boolean,
): Promise<{ following: boolean }> {
  requireSignedIn(viewer);
  const { space, scope } = await loadSpace(db, target.slug, viewer);
  // Signed in and may read the space: the same rule as marking it seen.
  authorize(viewer, 'space.markSeen', scope);
  if (target.questionId) {
    const [q] = await db
      .select({ id: questions.id })
      .from(questions)
      .where(and(eq(questions.id, target.questionId), eq(questions.spaceId, space.id)))
      .limit(1);
    if (!q) throw notFound('Question');
  }
  await setFollow(db, { userId: viewer.id, spaceId: space.id, questionId: target.questionId ?? null }, following);
  return { following };
}
