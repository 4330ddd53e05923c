import { eq, sql } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import type { Database } from '../db/client.js';
import { mailMessages } from '../db/schema/index.js';
import { isSensitiveKind } from './kinds.js';
import type { SmtpTransport } from './transport.js';

/**
 * The `mail-send` job: delivers one message. Into the development mailbox, that is marking it
 * delivered (the row is the mailbox); over SMTP, sending it with its stable Message-ID. A message
 * already sent is not sent again (a job retried after its send was recorded); one that may no
 * longer be sent (`mayStillSend`: a notification whose comment its recipient may no longer see)
 * is not sent at all. A failure is recorded
 * on the row (attempts, last error) and rethrown so pg-boss retries it with backoff; after the last
 * retry the row stays `failed`, listed for administrators.
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
      const last = job.retryCount >= job.retryLimit;
      await db
        .update(mailMessages)
        .set({
          attempts: sql`${mailMessages.attempts} + 1`,
          lastError: (err instanceof Error ? err.message : String(err)).slice(0, 2000),
          status: last ? 'failed' : 'queued',
        })
        .where(eq(mailMessages.id, message.id));
      throw err;
    }
    // A secret (a reset link) sent over SMTP is not kept; the development mailbox keeps it whole.
    const forget = message.transport === 'smtp' && isSensitiveKind(message.kind);
    await db
      .update(mailMessages)
      .set({
        status: 'sent',
        sentAt: new Date(),
        attempts: sql`${mailMessages.attempts} + 1`,
        lastError: null,
        ...(forget ? { html: null, text: null } : {}),
      })
      .where(eq(mailMessages.id, message.id));
  };
}
