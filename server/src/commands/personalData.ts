import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { hashPassword } from '../auth/password.js';
import type { Database, Tx } from '../db/client.js';
import {
  attachments,
  commentHolds,
  commentRevisions,
  commentTranslations,
  comments,
  emailTokens,
  events,
  follows,
  identityLinks,
  invitations,
  mailMessages,
  notificationPreferences,
  notificationSettings,
  notifications,
  passwordResetTokens,
  recoveryCodes,
  rememberedDevices,
  reports,
  sessions,
  spaceRoles,
  spaceVisits,
  staffNotes,
  totpCredentials,
  type User,
  users,
} from '../db/schema/index.js';
import { supersededRevision, withdrawal } from '../policies/lifecycle.js';
import { presentPerson } from '../presenters/comment.js';
import { commentSql, revisionSql } from '../policies/visibility.js';
import { appendEvent, recordModeration } from './events.js';

/**
 * Personal data: everything Convene holds about one person, as JSON (`GET /api/me/data`), and the
 * deletion of their account (`POST /api/me/deletion`). What the export leaves out on purpose:
 * other people's data (who decided on a comment, staff notes about the person — the staff's own
 * working notes —, other people's comments) and secrets (password hash, session and email
 * tokens, second-factor secrets).
 */

export const DELETION_POLICIES = ['anonymise', 'withdraw'] as const;
export type DeletionPolicy = (typeof DELETION_POLICIES)[number];

/** What a deleted account is shown as, everywhere its contributions remain. */
export const FORMER_PARTICIPANT = 'Former participant';

/** The email a deleted account keeps (unique, undeliverable: `.invalid` never resolves). */
export const deletedEmail = (userId: string) => `deleted-${userId}@deleted.invalid`;

export async function personalData(db: Database, user: User, currentSessionId?: string) {
  const own = await db
    .select({
      id: comments.id,
      spaceId: comments.spaceId,
      questionId: comments.questionId,
      parentId: comments.parentId,
      body: comments.bodyMd,
      language: comments.language,
      status: comments.status,
      version: comments.version,
      createdAt: comments.createdAt,
      editedAt: comments.editedAt,
      decidedAt: comments.decidedAt,
      reason: comments.reason,
      highlighted: comments.highlighted,
    })
    .from(comments)
    .where(eq(comments.authorId, user.id))
    .orderBy(comments.createdAt);
  const ids = own.map((c) => c.id);
  const revisions = ids.length
    ? await db
        .select({
          commentId: commentRevisions.commentId,
          version: commentRevisions.version,
          body: commentRevisions.bodyMd,
          language: commentRevisions.language,
          status: commentRevisions.status,
          createdAt: commentRevisions.createdAt,
          decidedAt: commentRevisions.decidedAt,
          reason: commentRevisions.reason,
        })
        .from(commentRevisions)
        .where(inArray(commentRevisions.commentId, ids))
        .orderBy(commentRevisions.version)
    : [];
  const files = await db
    .select({
      id: attachments.id,
      commentId: attachments.commentId,
      filename: attachments.filename,
      contentType: attachments.contentType,
      size: attachments.size,
      sha256: attachments.sha256,
      createdAt: attachments.createdAt,
    })
    .from(attachments)
    .where(eq(attachments.uploaderId, user.id))
    .orderBy(attachments.createdAt);
  const mine = <T extends { userId: unknown }>(rows: T[]) => rows.map(({ userId: _, ...rest }) => rest);
  return {
    exportedAt: new Date().toISOString(),
    profile: {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      affiliation: user.affiliation,
      stakeholderCategory: user.stakeholderCategory,
      country: user.country,
      locale: user.locale,
      role: user.role,
      emailVerifiedAt: user.emailVerifiedAt,
      createdAt: user.createdAt,
      updatedAt: user.updatedAt,
    },
    sessions: (
      await db
        .select({
          id: sessions.id,
          createdAt: sessions.createdAt,
          lastUsedAt: sessions.lastUsedAt,
          expiresAt: sessions.expiresAt,
          userAgent: sessions.userAgent,
          ipAddress: sessions.ipAddress,
        })
        .from(sessions)
        .where(eq(sessions.userId, user.id))
    ).map(({ id, ...s }) => ({ ...s, current: id === currentSessionId })),
    spaceRoles: await db
      .select({ spaceId: spaceRoles.spaceId, role: spaceRoles.role, createdAt: spaceRoles.createdAt })
      .from(spaceRoles)
      .where(eq(spaceRoles.userId, user.id)),
    comments: own.map((c) => ({ ...c, revisions: revisions.filter((r) => r.commentId === c.id) })),
    attachments: files.map((f) => ({ ...f, url: `/api/attachments/${f.id}` })),
    reports: await db
      .select({
        commentId: reports.commentId,
        category: reports.category,
        note: reports.note,
        createdAt: reports.createdAt,
        resolvedAt: reports.resolvedAt,
      })
      .from(reports)
      .where(eq(reports.reporterId, user.id)),
    follows: mine(await db.select().from(follows).where(eq(follows.userId, user.id))),
    notificationPreferences: mine(
      await db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, user.id)),
    ),
    notificationSettings: mine(
      await db.select().from(notificationSettings).where(eq(notificationSettings.userId, user.id)),
    ),
    notifications: (await db.select().from(notifications).where(eq(notifications.userId, user.id))).map(
      ({ userId: _, dedupeKey: __, mailMessageId: ___, ...n }) => n,
    ),
    emails: await db
      .select({
        kind: mailMessages.kind,
        to: mailMessages.toAddress,
        subject: mailMessages.subject,
        status: mailMessages.status,
        createdAt: mailMessages.createdAt,
        sentAt: mailMessages.sentAt,
      })
      .from(mailMessages)
      .where(eq(mailMessages.userId, user.id)),
    spaceVisits: mine(await db.select().from(spaceVisits).where(eq(spaceVisits.userId, user.id))),
  };
}

/** Withdraws one comment and removes its text, files and translations; the audit trail gains an entry. */
async function withdrawForDeletion(tx: Tx, user: User, c: { id: string; spaceId: string; status: string }) {
  const change = withdrawal(c.status as Parameters<typeof withdrawal>[0]);
  await tx
    .update(comments)
    .set({ status: change.status, bodyMd: '', bodyHtml: '', version: sql`${comments.version} + 1` })
    .where(eq(comments.id, c.id));
  await tx
    .update(commentRevisions)
    .set({ status: supersededRevision })
    .where(and(eq(commentRevisions.commentId, c.id), revisionSql.awaiting()));
  await tx.update(commentRevisions).set({ bodyMd: '', bodyHtml: '' }).where(eq(commentRevisions.commentId, c.id));
  await tx.delete(attachments).where(eq(attachments.commentId, c.id));
  await tx.delete(commentTranslations).where(eq(commentTranslations.commentId, c.id));
  if (change.takesDownPublishedText) {
    await appendEvent(tx, { kind: 'comment.withdrawn', spaceId: c.spaceId, payload: { commentId: c.id } });
  }
  await recordModeration(tx, {
    spaceId: c.spaceId,
    commentId: c.id,
    actorId: user.id,
    action: 'withdraw',
    fromStatus: c.status,
    toStatus: change.status,
    reason: 'account deleted',
    data: { accountDeletion: 'withdraw' },
  });
}

/**
 * Deletes an account: the row stays (comments and the append-only audit trail refer to it) but
 * keeps no email, name, affiliation or password; sessions, tokens, preferences, notifications,
 * follows, reports made, staff notes about the person and emails addressed to them are deleted.
 * Under `anonymise` the published contributions stay, shown as {@link FORMER_PARTICIPANT};
 * under `withdraw` every contribution is withdrawn and its text and files removed. Either way the
 * audit trail keeps every entry (and gains one per withdrawn comment).
 */
export async function deleteAccount(db: Database, user: User, policy: DeletionPolicy): Promise<string[]> {
  return db.transaction(async (tx) => {
    const [locked] = await tx.select().from(users).where(eq(users.id, user.id)).for('update');
    if (!locked) return [];
    const ended = await tx.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, user.id));
    if (policy === 'withdraw') {
      const theirs = await tx
        .select({ id: comments.id, spaceId: comments.spaceId, status: comments.status })
        .from(comments)
        .where(and(eq(comments.authorId, user.id), commentSql.notWithdrawn()))
        .for('update');
      for (const c of theirs) await withdrawForDeletion(tx, user, c);
      // Already withdrawn comments lose their text too.
      const ids = (await tx.select({ id: comments.id }).from(comments).where(eq(comments.authorId, user.id))).map(
        (r) => r.id,
      );
      if (ids.length) {
        await tx.update(comments).set({ bodyMd: '', bodyHtml: '' }).where(inArray(comments.id, ids));
        await tx
          .update(commentRevisions)
          .set({ bodyMd: '', bodyHtml: '' })
          .where(inArray(commentRevisions.commentId, ids));
        await tx.delete(attachments).where(inArray(attachments.commentId, ids));
      }
    }
    await tx.delete(commentHolds).where(eq(commentHolds.userId, user.id));
    for (const table of [
      sessions,
      emailTokens,
      passwordResetTokens,
      totpCredentials,
      recoveryCodes,
      rememberedDevices,
      // Single sign-on: the provider identity must not sign in to the emptied account again.
      identityLinks,
      notificationPreferences,
      notificationSettings,
      notifications,
      follows,
      spaceVisits,
      spaceRoles,
    ]) {
      await tx.delete(table).where(eq(table.userId, user.id));
    }
    await tx.delete(reports).where(eq(reports.reporterId, user.id));
    await tx.delete(staffNotes).where(eq(staffNotes.subjectUserId, user.id));
    await tx.delete(events).where(eq(events.audienceUserId, user.id));
    // Live events kept for replay carry comments as presented then (author, affiliation, text).
    const formerRef = sql`${FORMER_PARTICIPANT}`;
    const theirIds = (await tx.select({ id: comments.id }).from(comments).where(eq(comments.authorId, user.id))).map(
      (r) => r.id,
    );
    if (theirIds.length) {
      await tx
        .update(events)
        .set({
          payload: sql`jsonb_set(${events.payload}, '{comment,inReplyTo,authorName}', to_jsonb(${formerRef}::text))`,
        })
        .where(sql`${events.payload}->'comment'->'inReplyTo'->>'id' in ${theirIds}`);
    }
    const authored = sql`${events.payload}->'comment'->'author'->>'id' = ${user.id}`;
    if (policy === 'withdraw') await tx.delete(events).where(authored);
    else {
      const person = presentPerson({ ...locked, displayName: FORMER_PARTICIPANT, affiliation: '', country: null });
      await tx
        .update(events)
        .set({ payload: sql`jsonb_set(${events.payload}, '{comment,author}', ${JSON.stringify(person)}::jsonb)` })
        .where(authored);
    }
    await tx
      .delete(mailMessages)
      .where(or(eq(mailMessages.userId, user.id), sql`lower(${mailMessages.toAddress}) = lower(${locked.email})`));
    await tx.delete(invitations).where(sql`lower(${invitations.email}) = lower(${locked.email})`);
    await tx
      .update(users)
      .set({
        email: deletedEmail(user.id),
        displayName: FORMER_PARTICIPANT,
        affiliation: '',
        country: null,
        // No password opens it: a hash of random bytes nobody knows.
        passwordHash: await hashPassword(crypto.randomUUID() + crypto.randomUUID()),
        disabled: true,
        role: 'user',
        emailVerifiedAt: null,
        updatedAt: new Date(),
      })
      .where(eq(users.id, user.id));
    return ended.map((s) => s.id);
  });
}
