import type PgBoss from 'pg-boss';
import { describe, expect, it } from 'vitest';
import { mailMessages } from '../../server/src/db/schema/index.js';
import { queueMail } from '../../server/src/mail/compose.js';
import { deliveryGaveUp } from '../../server/src/mail/deliver.js';
import { QUEUES } from '../../server/src/mail/jobs.js';
import { runMailRetention } from '../../server/src/mail/retention.js';
import { runStaffAlerts } from '../../server/src/mail/staffAlerts.js';
import { type TestContext, setupApp } from '../helpers/app.js';
import { grantRole, insertComment, makeAdmin, makeSpace, makeUser } from '../helpers/factories.js';
import { mailConfig, startSmtp, waitUntil } from '../helpers/smtp.js';

/**
 * What happens to `mail_messages` rows: the nightly retention job deletes sent ones after their
 * time and never a failed or queued one; a delivery pg-boss gives up on (its last retry failed
 * against an SMTP server that is down, or its attempt expired) leaves the row `failed` with the
 * last error, and its notification `failed` too.
 */
const DAY = 24 * 60 * 60 * 1000;

/** An SMTP port with nothing listening: every attempt is refused. */
const down = await startSmtp();
await down.stop();
/** The worker sends to it, with one retry a second later. */
const ctx = await setupApp({
  mail: mailConfig({ smtpUrl: down.url, worker: true, retryLimit: 1, retryDelaySeconds: 1 }),
});
/** No worker: this file plays pg-boss's own give-up (an expired attempt) by hand. */
const manual = await setupApp({ mail: mailConfig({ smtpUrl: down.url, worker: false, retryLimit: 0 }) });

const mailRow = async (c: TestContext, id: string) =>
  (
    await c.db.pool.query<{ status: string; last_error: string | null; attempts: number }>(
      'select status, last_error, attempts from mail_messages where id = $1',
      [id],
    )
  ).rows[0];

describe('retention of mail_messages', () => {
  it('deletes sent messages past their days (outbox 90, development mailbox 30), never failed or queued ones', async () => {
    const now = new Date();
    const ago = (days: number) => new Date(now.getTime() - days * DAY);
    const row = (label: string, transport: 'smtp' | 'mailbox', status: 'sent' | 'failed' | 'queued', days: number) => ({
      kind: 'password_reset',
      transport,
      status,
      toAddress: `${label}@example.org`,
      locale: 'en' as const,
      subject: label,
      headers: {},
      createdAt: ago(days),
      sentAt: status === 'sent' ? ago(days) : null,
    });
    await ctx.db.db
      .insert(mailMessages)
      .values([
        row('smtp-old', 'smtp', 'sent', 91),
        row('smtp-recent', 'smtp', 'sent', 89),
        row('mailbox-old', 'mailbox', 'sent', 31),
        row('mailbox-recent', 'mailbox', 'sent', 29),
        row('failed-old', 'smtp', 'failed', 400),
        row('queued-old', 'smtp', 'queued', 400),
        row('mailbox-failed-old', 'mailbox', 'failed', 400),
      ]);
    const result = await runMailRetention(ctx.db.db, ctx.config, now);
    expect(result).toEqual({ sent: 1, mailbox: 1 });
    const { rows } = await ctx.db.pool.query<{ subject: string }>(
      `select subject from mail_messages where to_address like '%@example.org' and kind = 'password_reset' order by subject`,
    );
    expect(rows.map((r) => r.subject)).toEqual([
      'failed-old',
      'mailbox-failed-old',
      'mailbox-recent',
      'queued-old',
      'smtp-recent',
    ]);
    // The days are settings.
    expect(
      await runMailRetention(ctx.db.db, { ...ctx.config, mail: { ...ctx.config.mail, retentionDays: 10 } }, now),
    ).toEqual({
      sent: 1,
      mailbox: 0,
    });
  });
});

describe('a delivery pg-boss gives up on', () => {
  it('after its last retry fails (SMTP down), the row is failed with the last error, and its notification too', async () => {
    const { space } = await makeSpace(ctx);
    const moderator = await makeUser(ctx);
    const author = await makeUser(ctx);
    await grantRole(ctx, space.id, moderator.user.id, 'moderator');
    await insertComment(ctx, { spaceId: space.id, authorId: author.user.id });
    await runStaffAlerts({ db: ctx.db.db, jobs: ctx.app.jobs, config: ctx.config }, new Date(Date.now() + 60_000));
    const notice = await waitUntil(
      async () =>
        (
          await ctx.db.pool.query<{ id: string; mail_message_id: string; status: string }>(
            `select id, mail_message_id, status from notifications where space_id = $1 and kind = 'staff_pending'`,
            [space.id],
          )
        ).rows[0],
    );
    const failed = await waitUntil(
      async () => {
        const r = await mailRow(ctx, notice.mail_message_id);
        return r?.status === 'failed' ? r : undefined;
      },
      30_000,
      'the mail row to be failed',
    );
    expect(failed.attempts).toBe(2);
    expect(failed.last_error).toMatch(/ECONNREFUSED|connect/i);
    const { rows } = await ctx.db.pool.query<{ status: string }>('select status from notifications where id = $1', [
      notice.id,
    ]);
    expect(rows[0]?.status).toBe('failed');
    // pg-boss has given up too: the job is failed and its dead letter handled.
    const jobs = await ctx.db.pool.query<{ name: string; state: string }>(
      `select name, state from pgboss.job where data->>'id' = $1 order by created_on`,
      [notice.mail_message_id],
    );
    expect(jobs.rows.find((j) => j.name === QUEUES.mailSend)?.state).toBe('failed');
    await waitUntil(
      async () =>
        (
          await ctx.db.pool.query(
            `select 1 from pgboss.job where name = $1 and data->>'id' = $2 and state = 'completed'`,
            [QUEUES.mailSendFailed, notice.mail_message_id],
          )
        ).rows.length === 1,
      15_000,
      'the dead letter to be handled',
    );

    // The server is back; an administrator sends it again: sent, and the notification says so.
    await down.start();
    const admin = await makeAdmin(ctx);
    expect((await admin.client.post(`/api/admin/mailbox/${notice.mail_message_id}/retry`)).status).toBe(200);
    await down.waitFor((m) => m.to.includes(moderator.user.email.toLowerCase()));
    await waitUntil(async () => (await mailRow(ctx, notice.mail_message_id))?.status === 'sent', 15_000, 'the retry');
    const after = await ctx.db.pool.query<{ status: string }>('select status from notifications where id = $1', [
      notice.id,
    ]);
    expect(after.rows[0]?.status).toBe('mailed');
  });

  it('an attempt that expires (a worker that died mid-send) marks the row failed through the dead letter', async () => {
    const user = await makeUser(manual);
    const id = await manual.db.db.transaction((tx) =>
      queueMail(tx, manual.app.jobs, manual.config, {
        kind: 'password_reset',
        to: user.user.email,
        userId: user.user.id,
        locale: 'en',
        rendered: { subject: 'Expiring', html: '<p>x</p>', text: 'x' },
      }),
    );
    const boss = manual.app.jobs.boss;
    // A worker takes the job and never finishes it; its time runs out.
    const [job] = await boss.fetch<{ id: string }>(QUEUES.mailSend);
    expect(job?.data.id).toBe(id);
    await manual.db.pool.query(`update pgboss.job set started_on = now() - interval '1 hour' where id = $1`, [job?.id]);
    await boss.expire();
    expect((await mailRow(manual, id))?.status).toBe('queued');
    // pg-boss moved it to the dead-letter queue; its worker records the failure.
    const [dead] = await boss.fetch<{ id: string }>(QUEUES.mailSendFailed, { includeMetadata: true });
    expect(dead?.data.id).toBe(id);
    await deliveryGaveUp(manual.db.db)(dead as PgBoss.JobWithMetadata<{ id: string }>);
    const row = await mailRow(manual, id);
    expect(row?.status).toBe('failed');
    expect(row?.last_error).toBe('job failed by timeout in active state');
  });
});
