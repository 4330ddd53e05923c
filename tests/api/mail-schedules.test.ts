import { describe, expect, it } from 'vitest';
import { buildApp } from '../../server/src/app.js';
import { createDb } from '../../server/src/db/client.js';
import { follows, spaces } from '../../server/src/db/schema/index.js';
import { QUEUES, SCHEDULES } from '../../server/src/mail/jobs.js';
import { runClosingReminders } from '../../server/src/mail/reminders.js';
import { eq } from 'drizzle-orm';
import { type TestContext, setupApp } from '../helpers/app.js';
import { grantRole, insertComment, makeAdmin, makeSpace, makeUser } from '../helpers/factories.js';
import { jobsDone, mailConfig, type ReceivedMail, startSmtp } from '../helpers/smtp.js';

/**
 * The scheduled mail of closing spaces, over a real SMTP server: followers hear that a space
 * closes in 3 days and that it has closed (once each per closing date, one email per person
 * and space however many of its questions they follow), chairs get the summary. The jobs are
 * called directly with a `now`; the pg-boss schedule itself is checked to be registered once.
 */
const smtp = await startSmtp();
const ctx = await setupApp({ mail: mailConfig({ smtpUrl: smtp.url, worker: true }) });
/** Its own database, for an instance with pg-boss's clock on (the scheduled jobs start by themselves there). */
const clocked = await setupApp({ mail: mailConfig({ smtpUrl: smtp.url, worker: false }) });
const mailer = (c: TestContext = ctx) => ({ db: c.db.db, jobs: c.app.jobs, config: c.config });

const DAY = 24 * 60 * 60 * 1000;
const mailTo = (email: string) => (m: ReceivedMail) => m.to.includes(email.toLowerCase());
const header = (m: ReceivedMail, name: string) =>
  (m.parsed.headerLines.find((h) => h.key === name)?.line ?? '').replace(/^[^:]*:\s*/, '');

async function follow(userId: string, spaceId: string, questionId: string | null = null) {
  await ctx.db.db.insert(follows).values({ userId, spaceId, questionId });
}

/** The notifications of a kind for one space, oldest first. */
const notices = async (spaceId: string, kind: string) =>
  (
    await ctx.db.pool.query<{ user_id: string; status: string; dedupe_key: string }>(
      'select user_id, status, dedupe_key from notifications where space_id = $1 and kind = $2 order by created_at',
      [spaceId, kind],
    )
  ).rows;

const drained = () => jobsDone(ctx.db.pool);

describe('the schedule', () => {
  it('is registered once in pg-boss, however many instances start', async () => {
    const second = createDb(ctx.db.url, { max: 4 });
    const other = await buildApp({ db: second.db, config: ctx.config, logger: false });
    await other.ready();
    try {
      const schedules = await ctx.app.jobs.boss.getSchedules();
      const names = schedules.map((s) => s.name).sort();
      expect(names).toEqual(expect.arrayContaining(SCHEDULES.map((s) => s.queue)));
      for (const s of SCHEDULES) expect(names.filter((n) => n === s.queue)).toHaveLength(1);
      expect(schedules.find((s) => s.name === QUEUES.closingReminders)?.cron).toBe('*/5 * * * *');
      expect(schedules.find((s) => s.name === QUEUES.staffAlerts)?.cron).toBe('* * * * *');
      // One job at a time across instances.
      const queue = await ctx.app.jobs.boss.getQueue(QUEUES.staffAlerts);
      expect(queue?.policy).toBe('singleton');
      // A delivery pg-boss gives up on lands in its dead-letter queue.
      expect((await ctx.app.jobs.boss.getQueue(QUEUES.mailSend))?.deadLetter).toBe(QUEUES.mailSendFailed);
    } finally {
      await other.close();
      await second.close();
    }
  });
});

describe('pg-boss’s clock', () => {
  it('starts the scheduled jobs by itself in an instance with MAIL_SCHEDULE on', async () => {
    const { space } = await makeSpace(clocked, { code: 'RT 8.8', title: 'Clockwork' });
    const moderator = await makeUser(clocked);
    const author = await makeUser(clocked);
    await grantRole(clocked, space.id, moderator.user.id, 'moderator');
    await insertComment(clocked, { spaceId: space.id, authorId: author.user.id });
    // The schedules are in the database (as after any earlier start); an instance with the clock
    // starts: the every-minute staff alert runs without anyone calling it.
    await clocked.app.jobs.registerSchedules();
    const pool = createDb(clocked.db.url, { max: 4 });
    const clock = await buildApp({
      db: pool.db,
      config: { ...clocked.config, mail: { ...clocked.config.mail, worker: true, schedule: true } },
      logger: false,
    });
    await clock.ready();
    try {
      const mail = await smtp.waitFor(
        (m) => mailTo(moderator.user.email)(m) && (m.parsed.subject ?? '').startsWith('[RT 8.8] Clockwork'),
        30_000,
      );
      expect(mail.parsed.subject).toContain('One item waiting for moderation');
    } finally {
      await clock.close();
      await pool.close();
    }
  });
});

describe('closing reminders', () => {
  it('tells each follower once, 3 days before, in their language; again when the date moves; then that it closed', async () => {
    const closesAt = new Date(Date.now() + 10 * DAY);
    const { space, questions } = await makeSpace(ctx, { closesAt, code: 'RT 9.1', title: 'Harnessing mobility' });
    const fan = await makeUser(ctx, { displayName: 'Fay Follower' });
    const francophone = await makeUser(ctx, { displayName: 'Fabien Suiveur', locale: 'fr' });
    const bystander = await makeUser(ctx);
    // Follows the space and two of its questions: still one email.
    await follow(fan.user.id, space.id);
    const [q1, q2, q3] = questions.map((q) => q.id);
    await follow(fan.user.id, space.id, q1);
    await follow(fan.user.id, space.id, q2);
    await follow(francophone.user.id, space.id, q3);

    // Four days before: not yet.
    expect((await runClosingReminders(mailer(), new Date(closesAt.getTime() - 4 * DAY))).closing).toBe(0);
    // Three days before (the 5-minute run just after): one each.
    const at = new Date(closesAt.getTime() - 3 * DAY + 60_000);
    expect((await runClosingReminders(mailer(), at)).closing).toBe(2);
    // The next runs send nothing more.
    expect((await runClosingReminders(mailer(), new Date(at.getTime() + 5 * 60_000))).closing).toBe(0);
    expect((await runClosingReminders(mailer(), new Date(at.getTime() + DAY))).closing).toBe(0);

    const en = await smtp.waitFor(mailTo(fan.user.email));
    expect(en.parsed.subject).toMatch(/^\[RT 9\.1\] Harnessing mobility — Closes for comments on /);
    expect(en.parsed.text).toContain('closes for comments on');
    expect(en.parsed.text).toContain(`/spaces/${space.slug}`);
    expect(header(en, 'list-unsubscribe')).toMatch(
      /^<http:\/\/localhost:3000\/api\/mail\/unsubscribe\?token=.+\.reminders\./,
    );
    expect(header(en, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    const fr = await smtp.waitFor(mailTo(francophone.user.email));
    expect(fr.parsed.subject).toContain('Fermeture aux commentaires le');
    expect(fr.parsed.text).toContain('Un espace que vous suivez ferme aux commentaires');

    await drained();
    expect(smtp.received.filter(mailTo(fan.user.email))).toHaveLength(1);
    expect(smtp.received.filter(mailTo(bystander.user.email))).toHaveLength(0);
    expect(await notices(space.id, 'space_closing')).toHaveLength(2);

    // The closing date moves a day later: a new reminder is due, once.
    const moved = new Date(closesAt.getTime() + DAY);
    await ctx.db.db.update(spaces).set({ closesAt: moved }).where(eq(spaces.id, space.id));
    const atMoved = new Date(moved.getTime() - 3 * DAY + 60_000);
    expect((await runClosingReminders(mailer(), atMoved)).closing).toBe(2);
    expect((await runClosingReminders(mailer(), atMoved)).closing).toBe(0);
    await drained();
    expect(smtp.received.filter(mailTo(fan.user.email))).toHaveLength(2);

    // The date passes: "has closed", once.
    const after = new Date(moved.getTime() + 60_000);
    const closed = await runClosingReminders(mailer(), after);
    expect(closed.closed).toBe(2);
    expect(closed.closing).toBe(0);
    expect((await runClosingReminders(mailer(), new Date(after.getTime() + 5 * 60_000))).closed).toBe(0);
    const done = await smtp.waitFor(
      (m) => mailTo(fan.user.email)(m) && /Closed for comments$/.test(m.parsed.subject ?? ''),
    );
    expect(done.parsed.text).toContain('is now closed for comments');
    await drained();
    expect(smtp.received.filter(mailTo(fan.user.email))).toHaveLength(3);
    expect((await notices(space.id, 'space_closed')).map((n) => n.status)).toEqual(['mailed', 'mailed']);
  });

  it('an administrator closing a space early tells its followers once; a space closed long ago is not announced', async () => {
    const { space } = await makeSpace(ctx, { closesAt: new Date(Date.now() + 20 * DAY) });
    const fan = await makeUser(ctx);
    await follow(fan.user.id, space.id);
    const admin = await makeAdmin(ctx);
    // Closed through the administrators' space form (PATCH /api/spaces/:slug, status).
    expect((await admin.client.patch(`/api/spaces/${space.slug}`, { status: 'closed' })).status).toBe(200);
    const now = new Date();
    expect((await runClosingReminders(mailer(), new Date(now.getTime() + 60_000))).closed).toBe(1);
    // Later, its old closing date passes while it is closed: the same closing, no second email.
    expect((await runClosingReminders(mailer(), new Date(now.getTime() + 21 * DAY))).closed).toBe(0);
    await smtp.waitFor(mailTo(fan.user.email));

    const { space: old } = await makeSpace(ctx, { status: 'closed', closesAt: new Date(Date.now() - 60 * DAY) });
    await follow(fan.user.id, old.id);
    await runClosingReminders(mailer(), new Date());
    expect(await notices(old.id, 'space_closed')).toHaveLength(0);
  });

  it('someone who turned reminders off gets no email, and the notice is recorded as such', async () => {
    const closesAt = new Date(Date.now() + 2 * DAY);
    const { space } = await makeSpace(ctx, { closesAt });
    const quiet = await makeUser(ctx);
    await follow(quiet.user.id, space.id);
    const res = await quiet.client.put('/api/me/notification-preferences', {
      preferences: [{ kind: 'reminders', frequency: 'never' }],
    });
    expect(res.status).toBe(200);
    await runClosingReminders(mailer(), new Date());
    expect((await notices(space.id, 'space_closing')).map((n) => n.status)).toEqual(['dropped']);
    await drained();
    expect(smtp.received.filter(mailTo(quiet.user.email))).toHaveLength(0);
  });
});

describe('the chairs’ summary', () => {
  it('gives the counts of published contributions, participants and Member States, and the links; nothing unpublished', async () => {
    const closesAt = new Date(Date.now() + 5 * DAY);
    const { space } = await makeSpace(ctx, { closesAt, code: 'RT 7.2', title: 'Remittances' });
    const chair = await makeUser(ctx, { displayName: 'Cha Chair' });
    const spanishChair = await makeUser(ctx, { displayName: 'Carmen Presidenta', locale: 'es' });
    await grantRole(ctx, space.id, chair.user.id, 'chair');
    await grantRole(ctx, space.id, spanishChair.user.id, 'chair');
    const mx = await makeUser(ctx, { stakeholderCategory: 'member_state', country: 'MX' });
    const ph = await makeUser(ctx, { stakeholderCategory: 'member_state', country: 'PH' });
    const ngo = await makeUser(ctx, { stakeholderCategory: 'civil_society', affiliation: 'Migrant Voices' });
    for (const author of [mx, mx, ph, ngo]) {
      await insertComment(ctx, { spaceId: space.id, authorId: author.user.id, status: 'approved' });
    }
    await insertComment(ctx, {
      spaceId: space.id,
      authorId: ngo.user.id,
      status: 'pending',
      body: 'A pending secret nobody published',
    });

    const at = new Date(closesAt.getTime() + 60_000);
    expect((await runClosingReminders(mailer(), at)).summaries).toBe(2);
    expect((await runClosingReminders(mailer(), at)).summaries).toBe(0);

    const mail = await smtp.waitFor(mailTo(chair.user.email));
    expect(mail.parsed.subject).toBe('[RT 7.2] Remittances — Closed: the summary');
    const text = mail.parsed.text ?? '';
    expect(text).toContain('Contributions published: 4');
    expect(text).toContain('Participants: 3');
    expect(text).toContain('Member States: 2');
    expect(text).toContain('4 contributions were received from 3 participants');
    expect(text).toContain(`/spaces/${space.slug}/dashboard`);
    expect(text).toContain(`/api/spaces/${space.slug}/export?format=docx&lang=en`);
    expect(text).toContain(`/spaces/${space.slug}/notes`);
    expect(text).not.toContain('pending secret');
    expect(mail.parsed.html).toContain('Member States');
    expect(mail.parsed.html).not.toContain('pending secret');
    expect(header(mail, 'list-unsubscribe')).toMatch(/\.staff\./);

    const es = await smtp.waitFor(mailTo(spanishChair.user.email));
    expect(es.parsed.subject).toBe('[RT 7.2] Remittances — Cerrado: el resumen');
    expect(es.parsed.text).toContain('Estados miembros: 2');
  });
});
