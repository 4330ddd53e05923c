import { sql } from 'drizzle-orm';
import { NOTIFICATION_FREQUENCIES } from '@convene/shared';
import { boolean, index, jsonb, pgEnum, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, ts } from './columns.js';
import { comments } from './comments.js';
import { mailMessages } from './mail.js';
import { questions, spaces } from './spaces.js';
import { users } from './users.js';

export const notificationFrequency = pgEnum('notification_frequency', NOTIFICATION_FREQUENCIES);

/**
 * How often a person hears of each kind of notification (`decisions`, `replies`, …). No row: the
 * kind's default (`DEFAULT_FREQUENCY`). `daily` and `weekly` are digests, for a later part.
 */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    frequency: notificationFrequency('frequency').notNull(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);
export type NotificationPreference = typeof notificationPreferences.$inferSelect;

/**
 * `queued`: its job has not run yet; `held`: kept for the recipient's next digest (their frequency
 * for its kind is daily or weekly); `mailed`: in an email (its own, or a digest); `dropped`: not sent;
 * `failed`: its email could not be delivered (pg-boss gave up: retries exhausted, or the job
 * expired), and its `mail_messages` row says why.
 */
export const NOTIFICATION_STATUSES = ['queued', 'held', 'mailed', 'dropped', 'failed'] as const;
export const notificationStatus = pgEnum('notification_status', NOTIFICATION_STATUSES);

/**
 * Something a person is to be told (their comment was approved, someone replied, …), written in
 * the transaction of the event with its `mail-notify` job. It holds no text: the email is
 * rendered when the job runs, from what the recipient may see then, and checked again just
 * before it is sent; a notification whose comment they may no longer see is `dropped`.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The kind of email (`comment_approved`, `comment_reply`, …; see server/src/mail/kinds.ts). */
    kind: text('kind').notNull(),
    /** The comment it is about (for a reply: the reply); null for a notice about a space (closing, pending items). */
    commentId: uuid('comment_id').references(() => comments.id, { onDelete: 'cascade' }),
    /** The space it is about (every notification has one once written by this version; older rows may not). */
    spaceId: uuid('space_id').references(() => spaces.id, { onDelete: 'cascade' }),
    /** What the event knew that the comment row may not keep (the comment version decided). */
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    status: notificationStatus('status').notNull().default('queued'),
    /** Why it was dropped: `not_visible`, `unsubscribed`, `recipient_inactive`. */
    dropReason: text('drop_reason'),
    /** The email written for it (null until then, or once a dropped email is deleted). */
    mailMessageId: uuid('mail_message_id').references(() => mailMessages.id, { onDelete: 'set null' }),
    /** At most one notification per key (a reply is announced to its parent's author once). */
    dedupeKey: text('dedupe_key'),
    createdAt: createdAt(),
    processedAt: ts('processed_at'),
    /** When the recipient opened it in the app's notifications menu (null: unread). */
    readAt: ts('read_at'),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt),
    index('notifications_space_idx').on(t.spaceId),
    index('notifications_mail_message_idx').on(t.mailMessageId),
    uniqueIndex('notifications_dedupe_key').on(t.dedupeKey),
  ],
);
export type Notification = typeof notifications.$inferSelect;

/**
 * A person's mail settings that are not a frequency: `followAnswered` (default on), whether
 * publishing a contribution follows the question it answers. No row: the defaults.
 */
export const notificationSettings = pgTable('notification_settings', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  followAnswered: boolean('follow_answered').notNull().default(true),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/**
 * Server secrets kept in the database, so every instance shares them: `unsubscribe`, the HMAC key
 * of one-click unsubscribe links (created on first use).
 */
export const appSecrets = pgTable('app_secrets', {
  name: text('name').primaryKey(),
  secret: text('secret').notNull(),
  createdAt: createdAt(),
});

/**
 * What a person follows: a whole space (`questionId` null) or one guiding question. `active`
 * false records an explicit unfollow, so that answering a question again does not follow it
 * anew; `auto` tells a follow made by answering from one made with the Follow button.
 */
export const follows = pgTable(
  'follows',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    spaceId: uuid('space_id')
      .notNull()
      .references(() => spaces.id, { onDelete: 'cascade' }),
    questionId: uuid('question_id').references(() => questions.id, { onDelete: 'cascade' }),
    active: boolean('active').notNull().default(true),
    auto: boolean('auto').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    // One row per person and space, and per person and question (two partial indexes: NULLS NOT
    // DISTINCT needs PostgreSQL 15).
    uniqueIndex('follows_user_space_key')
      .on(t.userId, t.spaceId)
      .where(sql`question_id is null`),
    uniqueIndex('follows_user_question_key')
      .on(t.userId, t.questionId)
      .where(sql`question_id is not null`),
    index('follows_space_idx').on(t.spaceId, t.questionId),
  ],
);
export type Follow = typeof follows.$inferSelect;
