import { and, eq, ne, sql } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import type { Database } from '../db/client.js';
import { mailMessages, notifications } from '../db/schema/index.js';
import { isSensitiveKind } from './kinds.js';
import type { SmtpTransport } from './transport.js';

/**
 * The `mail-send` job: delivers one message. Into the development mailbox, that is marking it
 * delivered (the row is the mailbox); over SMTP, sending it with its stable Message-ID. A message
 * already sent is not sent again (a job retried after its send was recorded); one that may no
 * longer be sent (`mayStillSend`: a notification whose comment its recipient may no longer see)
 * is not sent at all. A failure is recorded
 * on the row (attempts, last error) and rethrown so pg-boss retries it with backoff; after the last
 * retry the row (and its notification) becomes `failed`, listed for administrators; an attempt
 * that expires is recorded by the dead letter (`deliveryGaveUp`).
 */
export function deliverer(
  db: Database,
  smtp: SmtpTransport | undefined,
  /** Asked just before each send: false drops the message unsent (a notification whose text its recipient may no longer see). */
  mayStillSend: (messageId: string) => Promise<boolean> = async () => true,
) {
  return async (job: PgBoss.JobWithMetadata<{ id: string }>): Promise<void> => {
    const [message] = await db.select().from(mailMessages).where(eq(mailMessages.id, job.data.id)).limit(1);
    if (!message || message.status === 'sent') return;
    if (!(await mayStillSend(message.id))) return;
    try {
      if (message.transport === 'smtp') {
        if (!smtp) throw new Error('SMTP_URL is not set on the instance that ran this job');
        await smtp.send(message);
      }
    } catch (err) {
      const error = errorText(err);
      await db
        .update(mailMessages)
        .set({ attempts: sql`${mailMessages.attempts} + 1`, lastError: error })
        .where(eq(mailMessages.id, message.id));
      if (job.retryCount >= job.retryLimit) await markFailed(db, message.id, error);
      throw err;
    }
    // A secret (a reset link) sent over SMTP is not kept; the development mailbox keeps it whole.
    const forget = message.transport === 'smtp' && isSensitiveKind(message.kind);
    await db.transaction(async (tx) => {
      await tx
        .update(mailMessages)
        .set({
          status: 'sent',
          sentAt: new Date(),
          attempts: sql`${mailMessages.attempts} + 1`,
          lastError: null,
          ...(forget ? { html: null, text: null } : {}),
        })
        .where(eq(mailMessages.id, message.id));
      // Sent after all (an administrator's retry of a failed email): its notification says so.
      await tx
        .update(notifications)
        .set({ status: 'mailed' })
        .where(and(eq(notifications.mailMessageId, message.id), eq(notifications.status, 'failed')));
    });
  };
}

const errorText = (err: unknown): string => (err instanceof Error ? err.message : String(err)).slice(0, 2000);

/**
 * The message will not be sent: its row becomes `failed` with the last error (listed for
 * administrators in the outbox and the development mailbox), and its notification, if any, too.
 * A row already sent stays sent (a late dead letter of a job that did deliver).
 */
export async function markFailed(db: Database, messageId: string, error: string): Promise<void> {
  await db.transaction(async (tx) => {
    const failed = await tx
      .update(mailMessages)
      .set({ status: 'failed', lastError: error })
      .where(and(eq(mailMessages.id, messageId), ne(mailMessages.status, 'sent')))
      .returning({ id: mailMessages.id });
    if (failed.length === 0) return;
    await tx
      .update(notifications)
      .set({ status: 'failed', processedAt: new Date() })
      .where(eq(notifications.mailMessageId, messageId));
  });
}

/** The error pg-boss kept with a job it gave up on: a handler's thrown error, or its expiry. */
function outputError(output: unknown): string {
  const o = (output ?? {}) as { message?: unknown; value?: { message?: unknown } };
  const message = o.message ?? o.value?.message;
  return typeof message === 'string' ? message.slice(0, 2000) : 'pg-boss gave up on the delivery job';
}

/**
 * The `mail-send-failed` job (pg-boss's dead letter of `mail-send`): pg-boss gave up on a
 * delivery, after its last retry failed or because the attempt expired (a worker that hung or
 * died mid-send, where the deliverer itself could record nothing). The row becomes `failed`
 * with the error pg-boss kept, unless the deliverer already recorded a more precise one.
 */
export function deliveryGaveUp(db: Database) {
  return async (job: PgBoss.JobWithMetadata<{ id: string }>): Promise<void> => {
    const [message] = await db
      .select({ lastError: mailMessages.lastError })
      .from(mailMessages)
      .where(eq(mailMessages.id, job.data.id))
      .limit(1);
    if (!message) return;
    await markFailed(db, job.data.id, message.lastError ?? outputError(job.output));
  };
}

/**
 * The `mail-notify-failed` job (dead letter of `mail-notify`): a notification pg-boss gave up
 * rendering becomes `failed` (it is no longer waiting), with pg-boss's error as its reason.
 */
export function notificationGaveUp(db: Database) {
  return async (job: PgBoss.JobWithMetadata<{ id: string }>): Promise<void> => {
    await db
      .update(notifications)
      .set({ status: 'failed', dropReason: outputError(job.output), processedAt: new Date() })
      .where(and(eq(notifications.id, job.data.id), eq(notifications.status, 'queued')));
  };
}
