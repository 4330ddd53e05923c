import type { SpaceRole } from '@convene/shared';
import { and, eq, inArray, or } from 'drizzle-orm';
import type { Database, DbOrTx, Tx } from '../db/client.js';
import {
  type Notification,
  type Space,
  type User,
  mailMessages,
  notifications,
  spaceRoles,
  users,
} from '../db/schema/index.js';
import { announceInbox } from '../live/inboxChannel.js';
import { can } from '../policies/index.js';
import { signedIn } from '../policies/scope.js';
import { maySeeSpace } from '../policies/visibility.js';
import { loadSpaceById } from '../queries/spaces.js';
import { queueMail } from './compose.js';
import { type SpaceNoticeKind, preferenceOf } from './kinds.js';
import type { Mailer } from './notifications.js';
import { frequencyFor } from './preferences.js';
import { type SpaceNoticeContent, renderSpaceNotice } from './templates/spaceNotice.js';
import { unsubscribeToken, unsubscribeUrl } from './unsubscribe.js';

/**
 * Notices about a space as a whole (`space_closing`, `space_closed`, `staff_pending`,
 * `chair_summary`), written by the scheduled jobs. Unlike a comment's notification they are
 * rendered in the job that decides them (that is their send time): a notification row (for the
 * in-app menu, and its dedupe key so that a job run twice writes it once) and, unless the
 * recipient turned the kind off (`never`), its email, in one transaction. They are time-bound,
 * so they are not held for a digest: any frequency but `never` sends them at once.
 */

/**
 * The closing a notice is about, as part of its dedupe key: the closing date it announced (so
 * that when the date moves, a new notice is due, and never two for the same date), or `none`
 * for a space an administrator closed that had no closing date.
 */
export const closingKey = (space: Pick<Space, 'closesAt'>): string => space.closesAt?.toISOString() ?? 'none';

export const spaceUrl = (origin: string, space: Pick<Space, 'slug'>, rest = '') =>
  `${origin}/spaces/${encodeURIComponent(space.slug)}${rest}`;

/** Who holds the role in the space, or in its parent session (whose staff serve its roundtables too). */
export async function roleHolders(mailer: Mailer, space: Space, role: SpaceRole): Promise<User[]> {
  const ids = mailer.db
    .selectDistinct({ id: spaceRoles.userId })
    .from(spaceRoles)
    .where(
      and(
        eq(spaceRoles.role, role),
        space.parentId
          ? or(eq(spaceRoles.spaceId, space.id), eq(spaceRoles.spaceId, space.parentId))
          : eq(spaceRoles.spaceId, space.id),
      ),
    );
  return mailer.db.select().from(users).where(inArray(users.id, ids));
}

/** Whether the recipient may still be told about this space now (checked again just before sending). */
export async function mayHearOf(db: DbOrTx, kind: SpaceNoticeKind, space: Space, recipient: User): Promise<boolean> {
  if (!signedIn(recipient)) return false;
  const { scope } = await loadSpaceById(db, space.id, recipient);
  if (!maySeeSpace(recipient, scope)) return false;
  if (kind === 'staff_pending') return can(recipient, 'moderation.decide', scope);
  if (kind === 'chair_summary') return can(recipient, 'note.edit', scope);
  return true;
}

export interface SpaceNotice {
  kind: SpaceNoticeKind;
  space: Space;
  recipient: User;
  /** One notice per key, ever: the job may run again (or on another instance) without repeating it. */
  dedupeKey: string;
  data?: Record<string, unknown>;
  /** The moment it is written (the job's `now`): the staff alerts' hourly pace is counted from it. */
  at?: Date;
  /** What the email says (subject, paragraphs, figures, links), in the recipient's language; asked only when it is to be sent. */
  content(): SpaceNoticeContent;
}

export type NoticeOutcome = 'mailed' | 'dropped' | 'duplicate';

/** Writes the notice (and its email) unless one with its key exists; in the caller's transaction. */
export async function writeSpaceNotice(tx: Tx, mailer: Mailer, notice: SpaceNotice): Promise<NoticeOutcome> {
  const { kind, space, recipient } = notice;
  const [row] = await tx
    .insert(notifications)
    .values({
      userId: recipient.id,
      kind,
      spaceId: space.id,
      data: notice.data ?? {},
      dedupeKey: notice.dedupeKey,
      ...(notice.at ? { createdAt: notice.at } : {}),
    })
    .onConflictDoNothing()
    .returning({ id: notifications.id });
  if (!row) return 'duplicate';
  // The in-app menu lists it whatever the email frequency; open tabs hear of it once committed.
  await announceInbox(tx, recipient.id, row.id);
  const preference = preferenceOf(kind);
  if ((await frequencyFor(tx, recipient.id, preference)) === 'never') {
    await tx
      .update(notifications)
      .set({ status: 'dropped', dropReason: 'unsubscribed', processedAt: new Date() })
      .where(eq(notifications.id, row.id));
    return 'dropped';
  }
  const unsubscribe = unsubscribeUrl(
    mailer.config.appOrigin,
    await unsubscribeToken(mailer.db, recipient.id, preference),
  );
  const mailId = await queueMail(tx, mailer.jobs, mailer.config, {
    kind,
    to: recipient.email,
    userId: recipient.id,
    locale: recipient.locale,
    rendered: await renderSpaceNotice({
      ...notice.content(),
      kind,
      locale: recipient.locale,
      displayName: recipient.displayName,
      space,
      unsubscribeUrl: unsubscribe,
    }),
    unsubscribeUrl: unsubscribe,
  });
  await tx
    .update(notifications)
    .set({ status: 'mailed', mailMessageId: mailId, processedAt: new Date() })
    .where(eq(notifications.id, row.id));
  return 'mailed';
}

/** `writeSpaceNotice` in a transaction of its own (each notice commits alone). */
export const sendSpaceNotice = (mailer: Mailer, notice: SpaceNotice): Promise<NoticeOutcome> =>
  mailer.db.transaction((tx) => writeSpaceNotice(tx, mailer, notice));

/**
 * Checked by the deliverer just before a notice's email goes (`mayStillSend`): the recipient is
 * still active, has not turned the kind off, and may still hear of the space (a moderator who
 * lost the role is not told of its queue). If not, the email is deleted unsent and the notice
 * recorded as dropped.
 */
export async function spaceNoticeMayStillSend(db: Database, n: Notification, messageId: string): Promise<boolean> {
  const [recipient] = await db.select().from(users).where(eq(users.id, n.userId)).limit(1);
  let reason: string | null = null;
  if (!recipient || !n.spaceId) reason = 'recipient_inactive';
  else if ((await frequencyFor(db, recipient.id, preferenceOf(n.kind as SpaceNoticeKind))) === 'never')
    reason = 'unsubscribed';
  else {
    const { space } = await loadSpaceById(db, n.spaceId, recipient);
    if (!(await mayHearOf(db, n.kind as SpaceNoticeKind, space, recipient))) reason = 'not_visible';
  }
  if (reason === null) return true;
  await db.transaction(async (tx) => {
    await tx
      .update(notifications)
      .set({ status: 'dropped', dropReason: reason, processedAt: new Date() })
      .where(eq(notifications.id, n.id));
    await tx.delete(mailMessages).where(eq(mailMessages.id, messageId));
  });
  return false;
}
