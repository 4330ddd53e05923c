import { index, integer, jsonb, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, ts } from './columns.js';
import { locale } from './enums.js';
import { users } from './users.js';

export const MAIL_TRANSPORTS = ['smtp', 'mailbox'] as const;
export const MAIL_STATUSES = ['queued', 'sent', 'failed'] as const;
export const mailTransport = pgEnum('mail_transport', MAIL_TRANSPORTS);
export const mailStatus = pgEnum('mail_status', MAIL_STATUSES);

/**
 * Every email the app writes, one row each, inserted in the transaction of what causes it together
 * with its pg-boss delivery job. With SMTP it is the outbox (queued, sent or failed, visible to
 * administrators; the body is cleared once sent, so reset links do not stay in the database); without
 * SMTP it is the development mailbox, where the message is kept whole. The row id is the stable
 * Message-ID: a resend after a crash carries the same one.
 */
export const mailMessages = pgTable(
  'mail_messages',
  {
    id: id(),
    /** What kind of mail (`password_reset`, …): templates, unsubscribe and preferences go by kind. */
    kind: text('kind').notNull(),
    transport: mailTransport('transport').notNull(),
    status: mailStatus('status').notNull().default('queued'),
    toAddress: text('to_address').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    locale: locale('locale').notNull(),
    subject: text('subject').notNull(),
    /** Every header sent (From, To, Message-ID, List-Unsubscribe, …), as sent. */
    headers: jsonb('headers').$type<Record<string, string>>().notNull(),
    html: text('html'),
    text: text('text'),
    /** Delivery attempts made, and the last one's error while it is not sent. */
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: createdAt(),
    sentAt: ts('sent_at'),
  },
  (t) => [index('mail_messages_created_idx').on(t.createdAt), index('mail_messages_status_idx').on(t.status)],
);
export type MailMessage = typeof mailMessages.$inferSelect;
export type NewMailMessage = typeof mailMessages.$inferInsert;

/** Password-reset links: only the SHA-256 (hex) of the token is stored; single use, one hour. */
export const passwordResetTokens = pgTable(
  'password_reset_tokens',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
    createdAt: createdAt(),
  },
  (t) => [index('password_reset_tokens_user_idx').on(t.userId)],
);
export type PasswordResetToken = typeof passwordResetTokens.$inferSelect;
