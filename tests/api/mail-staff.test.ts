import { describe, expect, it } from 'vitest';
import { runStaffAlerts } from '../../server/src/mail/staffAlerts.js';
import { setupApp } from '../helpers/app.js';
import { grantRole, insertComment, makeAdmin, makeSpace, makeUser } from '../helpers/factories.js';
import { jobsDone, mailConfig, type ReceivedMail, startSmtp } from '../helpers/smtp.js';

/**
 * Moderators hear of items waiting in their queue, over a real SMTP server: at once for the
 * first after a quiet hour, then at most hourly, with the count and the oldest waiting time and
 * a link to the queue, never the items' text. The job is called directly with a `now`.
 */
const smtp = await startSmtp();
const ctx = await setupApp({ mail: mailConfig({ smtpUrl: smtp.url, worker: true }) });
const mailer = { db: ctx.db.db, jobs: ctx.app.jobs, config: ctx.config };

const MINUTE = 60_000;
const mailTo = (email: string) => (m: ReceivedMail) => m.to.includes(email.toLowerCase());

const alerts = async (spaceId: string) =>
  (
    await ctx.db.pool.query<{ user_id: string; data: { count: number } }>(
      `select user_id, data from notifications where space_id = $1 and kind = 'staff_pending' order by created_at`,
      [spaceId],
    )
  ).rows;

const drained = () => jobsDone(ctx.db.pool);

/** Only this space's alerts (other tests' spaces may have pending items too). */
const forSpace = async (spaceId: string, now: Date) => {
  await runStaffAlerts(mailer, now);
  return alerts(spaceId);
};

describe('staff alerts', () => {
  it('the first pending item after a quiet hour at once, then at most hourly, with the count and the oldest wait', async () => {
    const { space } = await makeSpace(ctx, { code: 'RT 3.3', title: 'Labour mobility' });
    const moderator = await makeUser(ctx, { displayName: 'Mo Moderator' });
    const participant = await makeUser(ctx);
    await grantRole(ctx, space.id, moderator.user.id, 'moderator');
    const t0 = new Date(Date.now() + 10 * MINUTE);

    // Nothing pending: nothing sent.
    expect(await forSpace(space.id, t0)).toHaveLength(0);

    await insertComment(ctx, {
      spaceId: space.id,
      authorId: participant.user.id,
      body: 'Secret draft about visas',
      createdAt: t0,
    });
    // The first one: at once (the next minute's run).
    expect(await forSpace(space.id, new Date(t0.getTime() + MINUTE))).toHaveLength(1);
    const first = await smtp.waitFor(mailTo(moderator.user.email));
    expect(first.parsed.subject).toBe('[RT 3.3] Labour mobility — One item waiting for moderation');
    expect(first.parsed.text).toContain('The oldest has been waiting for 1 minute.');
    expect(first.parsed.text).toContain(`http://localhost:3000/spaces/${space.slug}/moderation`);
    expect(first.parsed.text).not.toContain('Secret draft');
    expect(first.parsed.html).not.toContain('Secret draft');

    // Two more within the hour: no alert until an hour after the first.
    await insertComment(ctx, {
      spaceId: space.id,
      authorId: participant.user.id,
      createdAt: new Date(t0.getTime() + 10 * MINUTE),
    });
    await insertComment(ctx, {
      spaceId: space.id,
      authorId: participant.user.id,
      createdAt: new Date(t0.getTime() + 20 * MINUTE),
    });
    for (const m of [11, 21, 40, 60])
      expect(await forSpace(space.id, new Date(t0.getTime() + m * MINUTE))).toHaveLength(1);
    // An hour after the first alert: one more, with the count from the queue and the oldest wait.
    const second = await forSpace(space.id, new Date(t0.getTime() + 62 * MINUTE));
    expect(second).toHaveLength(2);
    expect(second[1]?.data.count).toBe(3);
    const mail = await smtp.waitFor(
      (m) => mailTo(moderator.user.email)(m) && (m.parsed.subject ?? '').endsWith('3 items waiting for moderation'),
    );
    expect(mail.parsed.text).toContain('3 items are waiting in the moderation queue.');
    expect(mail.parsed.text).toContain('The oldest has been waiting for 1 hour.');

    // Nothing new since: no more alerts, however long it waits.
    expect(await forSpace(space.id, new Date(t0.getTime() + 5 * 60 * MINUTE))).toHaveLength(2);

    // A new one after a quiet hour: at once.
    await insertComment(ctx, {
      spaceId: space.id,
      authorId: participant.user.id,
      createdAt: new Date(t0.getTime() + 6 * 60 * MINUTE),
    });
    expect(await forSpace(space.id, new Date(t0.getTime() + 6 * 60 * MINUTE + MINUTE))).toHaveLength(3);
    await drained();
    expect(smtp.received.filter(mailTo(moderator.user.email))).toHaveLength(3);
  });

  it('the participant and other spaces’ moderators hear nothing; administrators only of a space with no moderator', async () => {
    const { space: moderated } = await makeSpace(ctx);
    const { space: orphan } = await makeSpace(ctx, { code: 'RT 4.4', title: 'Orphan table' });
    const { space: elsewhere } = await makeSpace(ctx);
    const moderator = await makeUser(ctx);
    const other = await makeUser(ctx);
    const author = await makeUser(ctx);
    const admin = await makeAdmin(ctx);
    await grantRole(ctx, moderated.id, moderator.user.id, 'moderator');
    await grantRole(ctx, elsewhere.id, other.user.id, 'moderator');
    const t0 = new Date(Date.now() + 20 * MINUTE);
    await insertComment(ctx, { spaceId: moderated.id, authorId: author.user.id, createdAt: t0 });
    await insertComment(ctx, { spaceId: orphan.id, authorId: author.user.id, createdAt: t0 });
    await runStaffAlerts(mailer, new Date(t0.getTime() + MINUTE));

    expect((await alerts(moderated.id)).map((a) => a.user_id)).toEqual([moderator.user.id]);
    expect((await alerts(orphan.id)).map((a) => a.user_id)).toContain(admin.user.id);
    expect((await alerts(orphan.id)).map((a) => a.user_id)).not.toContain(moderator.user.id);
    await smtp.waitFor(
      (m) => mailTo(admin.user.email)(m) && (m.parsed.subject ?? '').startsWith('[RT 4.4] Orphan table'),
    );
    await drained();
    for (const p of [other, author]) expect(smtp.received.filter(mailTo(p.user.email))).toHaveLength(0);
    expect(
      smtp.received.filter((m) => mailTo(admin.user.email)(m) && m.parsed.subject?.startsWith(`[${moderated.code}]`)),
    ).toHaveLength(0);
  });
});
