import { NOTIFICATION_FREQUENCIES } from '@convene/shared';
import { index, jsonb, pgEnum, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, ts } from './columns.js';
import { comments } from './comments.js';
import { mailMessages } from './mail.js';
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

export const NOTIFICATION_STATUSES = ['queued', 'mailed', 'dropped'] as const;
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
    /** The comment it is about (for a reply: the reply). */
    commentId: uuid('comment_id')
      .notNull()
      .references(() => comments.id, { onDelete: 'cascade' }),
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
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt),
    index('notifications_mail_message_idx').on(t.mailMessageId),
    uniqueIndex('notifications_dedupe_key').on(t.dedupeKey),
  ],
);
export type Notification = typeof notifications.$inferSelect;

/**
 * Server secrets kept in the database, so every instance shares them: `unsubscribe`, the HMAC key
 * of one-click unsubscribe links (created on first use).
 */
export const appSecrets = pgTable('app_secrets', {
  name: text('name').primaryKey(),
  secret: text('secret').notNull(),
  createdAt: createdAt(),
});
