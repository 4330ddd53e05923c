import { and, eq, isNull, or } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import type { Config } from '../config.js';
import type { Database, DbOrTx, Tx } from '../db/client.js';
import {
  type Comment,
  type Notification,
  type User,
  commentRevisions,
  comments,
  follows,
  notifications,
  mailMessages,
  questions,
  users,
} from '../db/schema/index.js';
import { announceInbox } from '../live/inboxChannel.js';
import { permalink } from '../exports/curated.js';
import { AppError } from '../errors.js';
import { signedIn } from '../policies/scope.js';
import { isPublished, maySeeComment, maySeePrivateParts, rejectionReason } from '../policies/visibility.js';
import { type LoadedComment, loadComment } from '../queries/comments.js';
import { queueMail, queueNotification } from './compose.js';
import { autoFollow, notifyFollowers } from './follows.js';
import { QUEUES, type Jobs } from './jobs.js';
import { type CommentMailKind, type NotificationMailKind, isSpaceNoticeKind, preferenceOf } from './kinds.js';
import { htmlText } from './markup.js';
import { frequencyFor } from './preferences.js';
import { spaceNoticeMayStillSend } from './spaceNotices.js';
import { renderNotification, type NotificationMail } from './templates/notification.js';
import { unsubscribeToken, unsubscribeUrl } from './unsubscribe.js';

/** What a command needs to write notifications: the app's job queue and settings. */
export interface Mailer {
  db: Database;
  jobs: Jobs;
  config: Config;
}

/**
 * The mailer of each database handle, registered by the mail plugin: the commands that cause
 * notifications (a decision, a reply) are called with the database, not the app. Several apps
 * may share one handle (tests): the latest registered one answers until it closes.
 */
const mailers = new WeakMap<Database, Mailer[]>();
export function registerMailer(mailer: Mailer): () => void {
  const list = mailers.get(mailer.db) ?? [];
  list.push(mailer);
  mailers.set(mailer.db, list);
  return () => {
    const i = list.indexOf(mailer);
    if (i >= 0) list.splice(i, 1);
  };
}
/** The mailer of this database handle; undefined outside an app (seed, scripts): nothing is sent. */
export const mailerFor = (db: Database): Mailer | undefined => mailers.get(db)?.at(-1);

/** Wakes this instance's notification worker once the transaction that wrote a notification committed. */
export const nudgeNotifications = (mailer: Mailer | undefined): void => mailer?.jobs.nudge(QUEUES.mailNotify);

// ---- causes ---------------------------------------------------------------------------------

/** The email a moderator's decision sends its comment's author, by the kind of the decision. */
const DECISION_MAIL: Partial<Record<string, NotificationMailKind>> = {
  publish: 'comment_approved',
  restore: 'comment_approved',
  rejectSubmission: 'comment_rejected',
  takedown: 'comment_rejected',
  approveRevision: 'edit_approved',
  rejectRevision: 'edit_rejected',
};

/**
 * In the decision's transaction: tells the author (`comment_approved`, `comment_rejected`,
 * `edit_approved`, `edit_rejected`); a reply published by the decision is also announced to the
 * author of the comment it answers. Reports dismissed tell nobody.
 */
export async function notifyDecision(
  tx: Tx,
  mailer: Mailer | undefined,
  d: { comment: Comment; decisionKind: string; revision: number | null },
): Promise<void> {
  if (!mailer) return;
  const kind = DECISION_MAIL[d.decisionKind];
  if (!kind) return;
  await queueNotification(tx, mailer.jobs, mailer.config, {
    userId: d.comment.authorId,
    kind,
    spaceId: d.comment.spaceId,
    commentId: d.comment.id,
    data: { version: d.comment.version, ...(d.revision !== null ? { revision: d.revision } : {}) },
  });
  if (d.decisionKind === 'publish' || d.decisionKind === 'restore') await notifyPublished(tx, mailer, d.comment);
}

/**
 * In the transaction that publishes a contribution (posted in a post-moderated space, or
 * approved or restored by a moderator): the author of the comment it answers hears of the reply,
 * the followers of its space or question hear of it (not its author, once per person), and its
 * author follows its question (`follows.ts`).
 */
export async function notifyPublished(tx: Tx, mailer: Mailer | undefined, comment: Comment): Promise<void> {
  if (!mailer || !isPublished(comment)) return;
  await notifyReply(tx, mailer, comment);
  await notifyFollowers(tx, mailer, comment);
  await autoFollow(tx, comment);
}

/**
 * In the transaction that publishes a reply (posted in a post-moderated space, or approved):
 * tells the author of the comment it answers, once per reply, unless they replied to themselves
 * or their comment is not published.
 */
export async function notifyReply(tx: Tx, mailer: Mailer | undefined, reply: Comment): Promise<void> {
  if (!mailer || !reply.parentId || !isPublished(reply)) return;
  const [parent] = await tx.select().from(comments).where(eq(comments.id, reply.parentId)).limit(1);
  if (!parent || parent.authorId === reply.authorId || !isPublished(parent)) return;
  await queueNotification(tx, mailer.jobs, mailer.config, {
    userId: parent.authorId,
    kind: 'comment_reply',
    spaceId: reply.spaceId,
    commentId: reply.id,
    dedupeKey: `comment_reply:${reply.id}`,
  });
}

// ---- at send time ---------------------------------------------------------------------------

export type Content =
  | { show: true; mail: Omit<NotificationMail, 'locale' | 'displayName' | 'unsubscribeUrl'> }
  | { show: false; reason: 'not_visible' };

const hidden: Content = { show: false, reason: 'not_visible' };

/** Who wrote a comment (name and affiliation) and the question it answers (null: a general comment). */
export async function bylineOf(db: DbOrTx, comment: Pick<Comment, 'authorId' | 'questionId'>) {
  const [author] = await db
    .select({ displayName: users.displayName, affiliation: users.affiliation })
    .from(users)
    .where(eq(users.id, comment.authorId))
    .limit(1);
  const [question] = comment.questionId
    ? await db
        .select({ id: questions.id, position: questions.position, text: questions.text })
        .from(questions)
        .where(eq(questions.id, comment.questionId))
        .limit(1)
    : [];
  return { author: author ?? { displayName: '', affiliation: '' }, question: question ?? null };
}

/** The comment as the recipient may read it now, or null (missing, or not theirs to read). */
async function readable(db: DbOrTx, id: string, recipient: User): Promise<LoadedComment | null> {
  try {
    return await loadComment(db, id, recipient);
  } catch (err) {
    if (err instanceof AppError && err.statusCode === 404) return null;
    throw err;
  }
}

/**
 * What the notification may show its recipient at this moment, by the visibility rule
 * (`policies/visibility.ts`): the decision must still stand (a comment approved and since
 * withdrawn or taken down, or rejected and since edited, is not reported), and a reply is
 * shown only while it is published and the recipient may read it. The in-app notifications
 * menu (`inbox.ts`) shows the same.
 */
export async function contentFor(db: DbOrTx, config: Config, n: Notification, recipient: User): Promise<Content> {
  if (!n.commentId) return hidden;
  const loaded = await readable(db, n.commentId, recipient);
  if (!loaded || !maySeeComment(recipient, loaded.scope)) return hidden;
  const { comment, space } = loaded;
  const base = {
    kind: n.kind as CommentMailKind,
    space: { code: space.code, title: space.title },
    url: permalink(config.appOrigin, space.slug, comment.id),
  };
  switch (n.kind as CommentMailKind) {
    case 'comment_approved':
    case 'edit_approved':
      if (comment.authorId !== recipient.id || !isPublished(comment)) return hidden;
      return { show: true, mail: { ...base, excerpt: htmlText(comment.bodyHtml) } };
    case 'comment_rejected': {
      const reason = rejectionReason(comment);
      if (comment.authorId !== recipient.id || reason === null) return hidden;
      return { show: true, mail: { ...base, excerpt: htmlText(comment.bodyHtml), reason } };
    }
    case 'edit_rejected': {
      const version = typeof n.data.revision === 'number' ? n.data.revision : null;
      if (
        version === null ||
        comment.authorId !== recipient.id ||
        !isPublished(comment) ||
        !maySeePrivateParts(recipient, comment, loaded.spaceScope)
      )
        return hidden;
      const [revision] = await db
        .select({ bodyHtml: commentRevisions.bodyHtml, reason: commentRevisions.reason })
        .from(commentRevisions)
        .where(and(eq(commentRevisions.commentId, comment.id), eq(commentRevisions.version, version)))
        .limit(1);
      if (!revision) return hidden;
      return { show: true, mail: { ...base, excerpt: htmlText(revision.bodyHtml), reason: revision.reason } };
    }
    case 'new_contribution': {
      if (!isPublished(comment) || comment.authorId === recipient.id) return hidden;
      const { author, question } = await bylineOf(db, comment);
      return {
        show: true,
        mail: {
          ...base,
          excerpt: htmlText(comment.bodyHtml),
          replyAuthor: author.displayName,
          author,
          question,
        },
      };
    }
    case 'comment_reply': {
      // Never an unpublished reply, even to a recipient who moderates the space.
      if (!isPublished(comment) || !comment.parentId) return hidden;
      const parent = await readable(db, comment.parentId, recipient);
      if (!parent || parent.comment.authorId !== recipient.id) return hidden;
      const { author } = await bylineOf(db, comment);
      return {
        show: true,
        mail: {
          ...base,
          excerpt: htmlText(comment.bodyHtml),
          replyAuthor: author.displayName,
          ...(isPublished(parent.comment) ? { parentExcerpt: htmlText(parent.comment.bodyHtml, 400) } : {}),
        },
      };
    }
  }
}

type Verdict = { send: true; recipient: User; content: Content & { show: true } } | { send: false; reason: string };

/** Whether the recipient still follows the space or question a new contribution is in. */
async function stillFollows(db: DbOrTx, userId: string, comment: Pick<Comment, 'spaceId' | 'questionId'>) {
  const [row] = await db
    .select({ id: follows.id })
    .from(follows)
    .where(
      and(
        eq(follows.userId, userId),
        eq(follows.spaceId, comment.spaceId),
        eq(follows.active, true),
        comment.questionId
          ? or(isNull(follows.questionId), eq(follows.questionId, comment.questionId))
          : isNull(follows.questionId),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/**
 * Whether the notification may be shown now, whatever its frequency: to whom and with what; or
 * why not (`recipient_inactive`, `not_visible`, `unfollowed`). Digests ask it of each item too.
 */
export async function verdict(db: DbOrTx, config: Config, n: Notification): Promise<Verdict> {
  const [recipient] = await db.select().from(users).where(eq(users.id, n.userId)).limit(1);
  if (!recipient || !signedIn(recipient)) return { send: false, reason: 'recipient_inactive' };
  const content = await contentFor(db, config, n, recipient);
  if (!content.show) return { send: false, reason: content.reason };
  if (n.kind === 'new_contribution' && n.commentId) {
    const [c] = await db
      .select({ spaceId: comments.spaceId, questionId: comments.questionId })
      .from(comments)
      .where(eq(comments.id, n.commentId))
      .limit(1);
    if (!c || !(await stillFollows(db, recipient.id, c))) return { send: false, reason: 'unfollowed' };
  }
  return { send: true, recipient, content };
}

export async function drop(tx: DbOrTx, id: string, reason: string): Promise<void> {
  const [row] = await tx
    .update(notifications)
    .set({ status: 'dropped', dropReason: reason, processedAt: new Date() })
    .where(eq(notifications.id, id))
    .returning({ userId: notifications.userId });
  // The in-app menu leaves out what the recipient may no longer see: their unread count changes.
  if (row && reason === 'not_visible') await announceInbox(tx, row.userId);
}

/**
 * The `mail-notify` job: renders one notification for its recipient, in their language, from
 * what they may see now, and writes the email (with its delivery job) in the same transaction as
 * the notification's new status; or drops it (`not_visible`, `unfollowed`, `unsubscribed`:
 * frequency `never`, `recipient_inactive`); or, when the recipient's frequency for its kind is
 * daily or weekly, holds it (`held`) for their next digest (`digests.ts`).
 */
export function notifier(db: Database, jobs: Jobs, config: Config) {
  return async (job: PgBoss.JobWithMetadata<{ id: string }>): Promise<void> => {
    const mailed = await db.transaction(async (tx) => {
      const [n] = await tx.select().from(notifications).where(eq(notifications.id, job.data.id)).for('update').limit(1);
      if (!n || n.status !== 'queued') return false;
      const v = await verdict(tx, config, n);
      if (!v.send) {
        await drop(tx, n.id, v.reason);
        return false;
      }
      const frequency = await frequencyFor(tx, v.recipient.id, preferenceOf(n.kind as NotificationMailKind));
      if (frequency === 'never') {
        await drop(tx, n.id, 'unsubscribed');
        return false;
      }
      if (frequency !== 'immediately') {
        await tx.update(notifications).set({ status: 'held' }).where(eq(notifications.id, n.id));
        return false;
      }
      const token = await unsubscribeToken(db, v.recipient.id, preferenceOf(n.kind as NotificationMailKind));
      const unsubscribe = unsubscribeUrl(config.appOrigin, token);
      const rendered = await renderNotification({
        ...v.content.mail,
        locale: v.recipient.locale,
        displayName: v.recipient.displayName,
        unsubscribeUrl: unsubscribe,
      });
      const mailId = await queueMail(tx, jobs, config, {
        kind: n.kind as NotificationMailKind,
        to: v.recipient.email,
        userId: v.recipient.id,
        locale: v.recipient.locale,
        rendered,
        unsubscribeUrl: unsubscribe,
      });
      await tx
        .update(notifications)
        .set({ status: 'mailed', mailMessageId: mailId, processedAt: new Date() })
        .where(eq(notifications.id, n.id));
      return true;
    });
    if (mailed) jobs.nudge(QUEUES.mailSend);
  };
}

/**
 * Checked by the deliverer just before an email is sent: a notification's email is sent only if
 * it may still be (the recipient may still see what it shows, and has not turned its kind off).
 * If not, the email is deleted unsent and its notification recorded as dropped. A digest is
 * checked item by item (`mayStillDeliver` in `digests.ts`, which the deliverer asks). Other
 * emails always go.
 */
export async function mayStillSend(db: Database, config: Config, messageId: string): Promise<boolean> {
  const [n] = await db.select().from(notifications).where(eq(notifications.mailMessageId, messageId)).limit(1);
  if (!n) return true;
  // A notice about a space (closing, the queue, a chair's summary) is checked by its own rule.
  if (isSpaceNoticeKind(n.kind)) return spaceNoticeMayStillSend(db, n, messageId);
  const v = await verdict(db, config, n);
  const frequency = v.send ? await frequencyFor(db, n.userId, preferenceOf(n.kind as NotificationMailKind)) : null;
  if (v.send && frequency !== 'never') return true;
  await db.transaction(async (tx) => {
    await drop(tx, n.id, v.send ? 'unsubscribed' : v.reason);
    await tx.delete(mailMessages).where(eq(mailMessages.id, messageId));
  });
  return false;
}
