import { and, asc, eq, isNull, ne, or, sql } from 'drizzle-orm';
import type { FollowsResponse } from '@convene/shared';
import type { DbOrTx, Tx } from '../db/client.js';
import {
  type Comment,
  type User,
  follows,
  notificationSettings,
  notifications,
  questions,
  spaces,
} from '../db/schema/index.js';
import { isPublished, maySeeSpace } from '../policies/visibility.js';
import { scopeOf, viewerRoles } from '../queries/spaces.js';
import type { Viewer } from '../policies/index.js';
import { queueNotifications } from './compose.js';
import type { Mailer } from './notifications.js';

/**
 * What a person follows: a whole space, or one of its guiding questions. A follow row with
 * `active` false is an explicit unfollow: it stays, so that answering the question again does not
 * follow it anew. A follow made by publishing a contribution is `auto`.
 */

/** What the viewer follows in a space: the space itself, and which of its questions; null for a guest. */
export interface FollowState {
  space: boolean;
  questions: ReadonlySet<string>;
}

export async function followStateOf(db: DbOrTx, viewer: Viewer, spaceId: string): Promise<FollowState | null> {
  if (!viewer) return null;
  const rows = await db
    .select({ questionId: follows.questionId })
    .from(follows)
    .where(and(eq(follows.userId, viewer.id), eq(follows.spaceId, spaceId), eq(follows.active, true)));
  return {
    space: rows.some((r) => r.questionId === null),
    questions: new Set(rows.flatMap((r) => (r.questionId ? [r.questionId] : []))),
  };
}

/** Everything the person follows (active follows), spaces in their order, questions in theirs; only spaces they may still read. */
export async function followsOf(db: DbOrTx, user: User): Promise<FollowsResponse> {
  const rows = await db
    .select({ space: spaces, question: questions, auto: follows.auto })
    .from(follows)
    .innerJoin(spaces, eq(spaces.id, follows.spaceId))
    .leftJoin(questions, eq(questions.id, follows.questionId))
    .where(and(eq(follows.userId, user.id), eq(follows.active, true)))
    .orderBy(asc(spaces.code), asc(spaces.id), sql`${questions.position} asc nulls first`);
  const roles = await viewerRoles(db, user, [...new Map(rows.map((r) => [r.space.id, r.space])).values()]);
  return {
    follows: rows
      .filter((r) => maySeeSpace(user, scopeOf(r.space, roles.get(r.space.id))))
      .map((r) => ({
        space: { slug: r.space.slug, code: r.space.code, title: r.space.title },
        question: r.question ? { id: r.question.id, position: r.question.position, text: r.question.text } : null,
        auto: r.auto,
      })),
  };
}

/** The target of a follow: a space, or one question of it (`questionId`). */
export interface FollowTarget {
  userId: string;
  spaceId: string;
  questionId: string | null;
}

/** The unique index a target's row falls under (two partial indexes: space rows, question rows). */
const conflictTarget = (questionId: string | null) =>
  questionId === null
    ? { target: [follows.userId, follows.spaceId], where: sql`question_id is null` }
    : { target: [follows.userId, follows.questionId], where: sql`question_id is not null` };

/** Follows (`active`) or unfollows a target by the person's own choice (never `auto` then). */
export async function setFollow(db: DbOrTx, t: FollowTarget, active: boolean): Promise<void> {
  const { target, where } = conflictTarget(t.questionId);
  await db
    .insert(follows)
    .values({ ...t, active, auto: false })
    .onConflictDoUpdate({ target, targetWhere: where, set: { active, auto: false, updatedAt: sql`now()` } });
}

/** Whether publishing a contribution follows what it answers, for this person (on unless they turned it off). */
export async function followsWhatTheyAnswer(db: DbOrTx, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ on: notificationSettings.followAnswered })
    .from(notificationSettings)
    .where(eq(notificationSettings.userId, userId))
    .limit(1);
  return row?.on ?? true;
}

export async function setFollowAnswered(db: DbOrTx, userId: string, on: boolean): Promise<void> {
  await db
    .insert(notificationSettings)
    .values({ userId, followAnswered: on })
    .onConflictDoUpdate({ target: notificationSettings.userId, set: { followAnswered: on, updatedAt: sql`now()` } });
}

/**
 * In the transaction that publishes a contribution: its author follows the question it answers
 * (a general comment: its space), unless they turned that off; an earlier explicit unfollow
 * (a row with `active` false) stays as it is, and so does a follow they already have.
 */
export async function autoFollow(tx: Tx, comment: Comment): Promise<void> {
  if (!isPublished(comment) || !(await followsWhatTheyAnswer(tx, comment.authorId))) return;
  const t = { userId: comment.authorId, spaceId: comment.spaceId, questionId: comment.questionId };
  const { target, where } = conflictTarget(t.questionId);
  await tx
    .insert(follows)
    .values({ ...t, active: true, auto: true })
    .onConflictDoNothing({ target, where });
}

/**
 * In the transaction that publishes a contribution: a `new_contribution` notification for each
 * person who follows its space or its question, but not its author, and not someone already told
 * of this comment (a reply to their own comment: `comment_reply`). One per person and comment
 * (the dedupe key), however many of its targets they follow and however often it is published.
 */
export async function notifyFollowers(tx: Tx, mailer: Mailer, comment: Comment): Promise<void> {
  if (!isPublished(comment)) return;
  const target = comment.questionId
    ? or(isNull(follows.questionId), eq(follows.questionId, comment.questionId))
    : isNull(follows.questionId);
  const rows = await tx
    .selectDistinct({ userId: follows.userId })
    .from(follows)
    .where(
      and(
        eq(follows.spaceId, comment.spaceId),
        eq(follows.active, true),
        target,
        ne(follows.userId, comment.authorId),
        sql`not exists (select 1 from ${notifications} n where n.comment_id = ${comment.id} and n.user_id = ${follows.userId})`,
      ),
    );
  await queueNotifications(
    tx,
    mailer.jobs,
    mailer.config,
    rows.map(({ userId }) => ({
      userId,
      kind: 'new_contribution',
      spaceId: comment.spaceId,
      commentId: comment.id,
      dedupeKey: `new_contribution:${comment.id}:${userId}`,
    })),
  );
}
