import { and, eq, lt } from 'drizzle-orm';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import { mailMessages } from '../db/schema/index.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface RetentionResult {
  /** Sent over SMTP, older than MAIL_RETENTION_DAYS. */
  sent: number;
  /** In the development mailbox, older than MAIL_MAILBOX_RETENTION_DAYS. */
  mailbox: number;
}

/**
 * The `mail-retention` job (nightly, 03:17 UTC): the policy for `mail_messages`.
 * - A message sent over SMTP keeps its row (recipient, subject, headers; its body too unless it
 *   held a secret) for MAIL_RETENTION_DAYS (90) after it was sent, then the row is deleted.
 * - A message of the development mailbox is kept MAIL_MAILBOX_RETENTION_DAYS (30) after it was
 *   written, then deleted.
 * - A failed message is kept until an administrator acts on it (resends or deletes it), and a
 *   queued one until it is sent or fails: neither is ever deleted here.
 * A notification whose email is deleted keeps its row (the in-app menu), without the link.
 * Exported with `now` so tests run it at any moment.
 */
export async function runMailRetention(db: Database, config: Config, now = new Date()): Promise<RetentionResult> {
  const sentBefore = new Date(now.getTime() - config.mail.retentionDays * DAY_MS);
  const mailboxBefore = new Date(now.getTime() - config.mail.mailboxRetentionDays * DAY_MS);
  const sent = await db
    .delete(mailMessages)
    .where(
      and(eq(mailMessages.transport, 'smtp'), eq(mailMessages.status, 'sent'), lt(mailMessages.sentAt, sentBefore)),
    )
    .returning({ id: mailMessages.id });
  const mailbox = await db
    .delete(mailMessages)
    .where(
      and(
        eq(mailMessages.transport, 'mailbox'),
        eq(mailMessages.status, 'sent'),
        lt(mailMessages.createdAt, mailboxBefore),
      ),
    )
    .returning({ id: mailMessages.id });
  return { sent: sent.length, mailbox: mailbox.length };
}
