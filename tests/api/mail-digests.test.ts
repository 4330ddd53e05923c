import { describe, expect, it } from 'vitest';
import { deliverer } from '../../server/src/mail/deliver.js';
import { mayStillDeliver, sendDigests } from '../../server/src/mail/digests.js';
import { QUEUES } from '../../server/src/mail/jobs.js';
import { notifier } from '../../server/src/mail/notifications.js';
import { smtpTransport } from '../../server/src/mail/transport.js';
import { type TestContext, setupApp } from '../helpers/app.js';
import { type Person, grantRole, makeSpace, makeUser } from '../helpers/factories.js';
import { decide, header, mailTo, manualJob, post, unsubscribeLink } from '../helpers/mailFlow.js';
import { mailConfig, startSmtp, waitUntil } from '../helpers/smtp.js';

/**
 * Digests over a real SMTP server: notifications whose recipient's frequency is daily or weekly
 * are held, then sent together by the digest run (`sendDigests`, which the pg-boss schedule calls;
 * here it is called directly with its `now`), grouped by space and question, with each item's
 * author, affiliation and text. Each item is checked by the visibility rule when the digest is
 * written and again just before it is sent.
 */
const smtp = await startSmtp();
/** The worker runs: notifications are held and digests delivered as in production. */
const ctx = await setupApp({ mail: mailConfig({ smtpUrl: smtp.url, worker: true }) });
/** No worker: jobs run by hand, to change things between writing a digest and sending it. */
const manual = await setupApp({ mail: mailConfig({ smtpUrl: smtp.url, worker: false }) });

async function stage(c: TestContext, mode: 'pre' | 'post' = 'post', title?: string) {
  const { space, questions } = await makeSpace(c, { moderationMode: mode, ...(title ? { title } : {}) });
  const moderator = await makeUser(c, { displayName: 'Mo Moderator' });
  await grantRole(c, space.id, moderator.user.id, 'moderator');
  const [q1, q2] = questions;
  if (!q1 || !q2) throw new Error('questions missing');
  return { space, q1, q2, moderator };
}

const follow = async (p: Person, slug: string, questionId?: string) => {
  const res = await p.client.put(`/api/spaces/${slug}${questionId ? `/questions/${questionId}` : ''}/follow`);
  expect(res.status).toBe(200);
};

const setFrequency = async (p: Person, kind: string, frequency: string) => {
  const res = await p.client.put('/api/me/notification-preferences', { preferences: [{ kind, frequency }] });
  expect(res.status).toBe(200);
};

const rowsOf = async (c: TestContext, userId: string) =>
  (
    await c.db.pool.query<{
      id: string;
      kind: string;
      status: string;
      drop_reason: string | null;
      comment_id: string;
      mail_message_id: string | null;
    }>('select * from notifications where user_id = $1 order by created_at', [userId])
  ).rows;

/** Waits until the worker has held (or otherwise settled) every notification of this person. */
const settled = (c: TestContext, userId: string, count: number) =>
  waitUntil(
    async () => {
      const rows = await rowsOf(c, userId);
      return rows.length === count && rows.every((r) => r.status !== 'queued') && rows;
    },
    10_000,
    `${count} notifications settled`,
  );

const LONG = `${'Remittance corridors need cheaper digital channels. '.repeat(14)}FINAL-WORDS-OF-A-LONG-ONE`;

describe('digests', () => {
  it('holds daily notifications and sends one digest grouped by space and question, with authors, affiliations and text', async () => {
    const a = await stage(ctx, 'post', 'Financing for development');
    const b = await stage(ctx, 'post', 'Diaspora investment');
    const reader = await makeUser(ctx, { displayName: 'Dana Digest' });
    await follow(reader, a.space.slug);
    await follow(reader, b.space.slug, b.q2.id);
    const amina = await makeUser(ctx, { displayName: 'Amina Author', affiliation: 'Remittance Watch' });
    const bo = await makeUser(ctx, { displayName: 'Bo Writer', affiliation: 'Ministry of Finance' });

    const c1 = await post(amina, a.space.slug, 'ALPHA on question two.', { questionId: a.q2.id });
    const c2 = await post(bo, a.space.slug, 'BRAVO on question one.', { questionId: a.q1.id });
    const c3 = await post(bo, a.space.slug, LONG, { questionId: a.q1.id });
    const c4 = await post(amina, a.space.slug, 'CHARLIE, a general comment.');
    const c5 = await post(amina, b.space.slug, 'DELTA in the other space.', { questionId: b.q2.id });
    await post(amina, b.space.slug, 'ECHO on a question not followed.', { questionId: b.q1.id });
    const held = await settled(ctx, reader.user.id, 5);
    expect(held.every((r) => r.status === 'held' && r.kind === 'new_contribution')).toBe(true);
    expect(smtp.received.filter(mailTo(reader.user.email))).toHaveLength(0);

    // The weekly run leaves daily notifications alone.
    expect((await sendDigests(ctx.db.db, ctx.app.jobs, ctx.config, 'weekly')).digests).toBe(0);
    const run = await sendDigests(ctx.db.db, ctx.app.jobs, ctx.config, 'daily');
    expect(run.digests).toBeGreaterThanOrEqual(1);
    const mail = await smtp.waitFor(mailTo(reader.user.email));
    expect(mail.parsed.subject).toBe(`Your daily digest — ${a.space.code}, ${b.space.code}`);
    expect(header(mail, 'x-convene-kind')).toBe('digest');
    expect(header(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    const text = mail.parsed.text ?? '';
    expect(text).toContain('Hello Dana Digest,');
    expect(text).toContain('5 new items since yesterday:');
    // Grouped: the first space, its questions in order (general comments last), then the other space.
    const order = [
      `== ${a.space.code} — Financing for development ==`,
      `-- Question 1: ${a.q1.text} --`,
      'Bo Writer, Ministry of Finance\n> BRAVO on question one.',
      `-- Question 2: ${a.q2.text} --`,
      'Amina Author, Remittance Watch\n> ALPHA on question two.',
      '-- General comments --',
      '> CHARLIE, a general comment.',
      `== ${b.space.code} — Diaspora investment ==`,
      `-- Question 2: ${b.q2.text} --`,
      '> DELTA in the other space.',
    ];
    let at = -1;
    for (const piece of order) {
      const next = text.indexOf(piece, at + 1);
      expect(next, piece).toBeGreaterThan(at);
      at = next;
    }
    expect(text).not.toContain('ECHO');
    // Each item links to its comment; the long one is an excerpt with "Read it all".
    for (const c of [c1, c2, c4, c5]) {
      expect(text).toContain(`View the contribution: http://localhost:3000/spaces/`);
      expect(text).toContain(`#comment-${c.id}`);
    }
    expect(text).toContain(`Read it all: http://localhost:3000/spaces/${a.space.slug}#comment-${c3.id}`);
    expect(text).not.toContain('FINAL-WORDS-OF-A-LONG-ONE');
    const html = String(mail.parsed.html);
    expect(html).toContain('Ministry of Finance');
    expect(html).toContain(`href="http://localhost:3000/spaces/${a.space.slug}#comment-${c3.id}"`);
    expect(html).not.toContain('FINAL-WORDS-OF-A-LONG-ONE');

    const after = await rowsOf(ctx, reader.user.id);
    expect(new Set(after.map((r) => r.mail_message_id)).size).toBe(1);
    expect(after.every((r) => r.status === 'mailed')).toBe(true);
    // Nothing left: a second run sends nothing.
    expect((await sendDigests(ctx.db.db, ctx.app.jobs, ctx.config, 'daily')).digests).toBe(0);
  });

  it('in the recipient’s language; weekly is its own run; decisions too can come as a digest', async () => {
    const { space, q1, moderator } = await stage(ctx, 'pre');
    const author = await makeUser(ctx, { locale: 'es', displayName: 'Ana' });
    await setFrequency(author, 'decisions', 'weekly');
    const c = await post(author, space.slug, 'Texto para el resumen semanal.', { questionId: q1.id });
    await decide(ctx, moderator.client, c.id, 'approve');
    await settled(ctx, author.user.id, 1);
    expect((await sendDigests(ctx.db.db, ctx.app.jobs, ctx.config, 'daily')).digests).toBe(0);
    const run = await sendDigests(ctx.db.db, ctx.app.jobs, ctx.config, 'weekly');
    expect(run.digests).toBeGreaterThanOrEqual(1);
    const mail = await smtp.waitFor(mailTo(author.user.email));
    expect(mail.parsed.subject).toBe(`[${space.code}] ${space.title} — Su resumen semanal`);
    const text = mail.parsed.text ?? '';
    expect(text).toContain('Un elemento nuevo esta semana:');
    expect(text).toContain(`Pregunta 1: ${q1.text}`);
    expect(text).toContain('Su comentario fue publicado · Ana');
    expect(text).toContain('> Texto para el resumen semanal.');
    expect(String(mail.parsed.html)).toContain('<html lang="es"');
  });

  it('only what was held by `now`: later notifications wait for the next run', async () => {
    const { space } = await stage(ctx);
    const reader = await makeUser(ctx);
    await follow(reader, space.slug);
    const author = await makeUser(ctx);
    await post(author, space.slug, 'Before the run.');
    const [first] = await settled(ctx, reader.user.id, 1);
    const { rows } = await ctx.db.pool.query<{ created_at: Date }>(
      'select created_at from notifications where id = $1',
      [first?.id],
    );
    const before = new Date((rows[0]?.created_at as Date).getTime() - 1000);
    expect((await sendDigests(ctx.db.db, ctx.app.jobs, ctx.config, 'daily', before)).digests).toBe(0);
    expect((await rowsOf(ctx, reader.user.id))[0]?.status).toBe('held');
    expect((await sendDigests(ctx.db.db, ctx.app.jobs, ctx.config, 'daily', new Date())).digests).toBe(1);
  });

  it('frequency never: nothing is held, nothing is sent', async () => {
    const { space } = await stage(ctx);
    const reader = await makeUser(ctx);
    await follow(reader, space.slug);
    await setFrequency(reader, 'followed', 'never');
    const author = await makeUser(ctx);
    await post(author, space.slug, 'Nobody hears of this.');
    const [row] = await settled(ctx, reader.user.id, 1);
    expect(row).toMatchObject({ status: 'dropped', drop_reason: 'unsubscribed' });

    // Held, then turned off before the run: dropped by the run.
    await setFrequency(reader, 'followed', 'daily');
    await post(author, space.slug, 'Held, then unsubscribed.');
    await settled(ctx, reader.user.id, 2);
    await setFrequency(reader, 'followed', 'never');
    const run = await sendDigests(ctx.db.db, ctx.app.jobs, ctx.config, 'daily');
    expect(run.digests).toBe(0);
    expect((await rowsOf(ctx, reader.user.id)).map((r) => [r.status, r.drop_reason])).toEqual([
      ['dropped', 'unsubscribed'],
      ['dropped', 'unsubscribed'],
    ]);
    expect(smtp.received.filter(mailTo(reader.user.email))).toHaveLength(0);
  });

  it('one-click unsubscribe from a digest turns that kind off', async () => {
    const { space } = await stage(ctx);
    const reader = await makeUser(ctx);
    await follow(reader, space.slug);
    const author = await makeUser(ctx);
    await post(author, space.slug, 'Unsubscribe from the digest.');
    await settled(ctx, reader.user.id, 1);
    await sendDigests(ctx.db.db, ctx.app.jobs, ctx.config, 'daily');
    const mail = await smtp.waitFor(mailTo(reader.user.email));
    const link = unsubscribeLink(mail);
    expect(new URL(link).searchParams.get('token')).toContain('.followed.');
    const res = await ctx.app.inject({
      method: 'POST',
      url: link.replace('http://localhost:3000', ''),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(res.statusCode).toBe(200);
    const prefs = await reader.client.get('/api/me/notification-preferences');
    expect(prefs.body.preferences.find((p: { kind: string }) => p.kind === 'followed')).toEqual({
      kind: 'followed',
      frequency: 'never',
      isDefault: false,
    });
    await post(author, space.slug, 'Not held any more.');
    const rows = await settled(ctx, reader.user.id, 2);
    expect(rows[1]).toMatchObject({ status: 'dropped', drop_reason: 'unsubscribed' });
  });
});

describe('the schedule', () => {
  it('pg-boss cron holds one schedule per digest (daily 07:00 UTC, weekly Monday 07:00 UTC); its job sends the digests', async () => {
    const { rows } = await ctx.db.pool.query<{ name: string; cron: string; timezone: string }>(
      `select name, cron, timezone from pgboss.schedule where name like 'mail-digest-%' order by name`,
    );
    expect(rows).toEqual([
      { name: 'mail-digest-daily', cron: '0 7 * * *', timezone: 'UTC' },
      { name: 'mail-digest-weekly', cron: '0 7 * * 1', timezone: 'UTC' },
    ]);
    // What the clock creates when due: a job on the queue, which the worker runs.
    const { space } = await stage(ctx);
    const reader = await makeUser(ctx);
    await follow(reader, space.slug);
    const author = await makeUser(ctx);
    await post(author, space.slug, 'SENT-BY-THE-SCHEDULED-JOB');
    await settled(ctx, reader.user.id, 1);
    await ctx.app.jobs.send(QUEUES.digestDaily, {});
    const mail = await smtp.waitFor(mailTo(reader.user.email));
    expect(mail.parsed.text).toContain('SENT-BY-THE-SCHEDULED-JOB');
  });
});

describe('the visibility rule in digests', () => {
  const runNotify = (id: string) => notifier(manual.db.db, manual.app.jobs, manual.config)(manualJob(id));
  const runDeliver = (mailId: string) =>
    deliverer(manual.db.db, smtpTransport(smtp.url), (id) => mayStillDeliver(manual.db.db, manual.config, id))(
      manualJob(mailId),
    );
  const holdAll = async (userId: string) => {
    for (const r of await rowsOf(manual, userId)) if (r.status === 'queued') await runNotify(r.id);
    return rowsOf(manual, userId);
  };
  const messages = async (email: string) =>
    (
      await manual.db.pool.query<{ id: string; text: string; status: string }>(
        'select id, text, status from mail_messages where lower(to_address) = lower($1) order by created_at',
        [email],
      )
    ).rows;

  it('an item withdrawn or taken down after it was queued is absent from the digest; the others are there', async () => {
    const { space, moderator } = await stage(manual);
    const reader = await makeUser(manual);
    await follow(reader, space.slug);
    const author = await makeUser(manual);
    const kept = await post(author, space.slug, 'KEPT-IN-THE-DIGEST');
    const withdrawn = await post(author, space.slug, 'WITHDRAWN-AFTER-QUEUEING');
    const takenDown = await post(author, space.slug, 'TAKEN-DOWN-AFTER-QUEUEING');
    expect((await holdAll(reader.user.id)).map((r) => r.status)).toEqual(['held', 'held', 'held']);
    expect((await author.client.delete(`/api/comments/${withdrawn.id}`)).status).toBe(200);
    await decide(manual, moderator.client, takenDown.id, 'reject', 'Taken down.');

    const run = await sendDigests(manual.db.db, manual.app.jobs, manual.config, 'daily');
    expect(run).toMatchObject({ digests: 1, items: 1, dropped: 2 });
    const [message] = await messages(reader.user.email);
    expect(message?.text).toContain('KEPT-IN-THE-DIGEST');
    expect(message?.text).not.toContain('WITHDRAWN-AFTER-QUEUEING');
    expect(message?.text).not.toContain('TAKEN-DOWN-AFTER-QUEUEING');
    expect(message?.text).toContain('One new item since yesterday:');
    const rows = await rowsOf(manual, reader.user.id);
    expect(rows.map((r) => [r.comment_id, r.status, r.drop_reason])).toEqual([
      [kept.id, 'mailed', null],
      [withdrawn.id, 'dropped', 'not_visible'],
      [takenDown.id, 'dropped', 'not_visible'],
    ]);
  });

  it('an empty digest is not sent', async () => {
    const { space } = await stage(manual);
    const reader = await makeUser(manual);
    await follow(reader, space.slug);
    const author = await makeUser(manual);
    const c = await post(author, space.slug, 'WITHDRAWN-ONLY-ITEM');
    await holdAll(reader.user.id);
    await author.client.delete(`/api/comments/${c.id}`);
    const run = await sendDigests(manual.db.db, manual.app.jobs, manual.config, 'daily');
    expect(run.dropped).toBeGreaterThanOrEqual(1);
    expect(await messages(reader.user.email)).toHaveLength(0);
  });

  it('withdrawn after the digest was written, before it is sent: written anew without it; all gone: not sent', async () => {
    const { space } = await stage(manual);
    const reader = await makeUser(manual);
    await follow(reader, space.slug);
    const author = await makeUser(manual);
    await post(author, space.slug, 'STAYS-TILL-SENDING');
    const late = await post(author, space.slug, 'WITHDRAWN-BEFORE-SENDING');
    await holdAll(reader.user.id);
    await sendDigests(manual.db.db, manual.app.jobs, manual.config, 'daily');
    const [written] = await messages(reader.user.email);
    expect(written?.text).toContain('WITHDRAWN-BEFORE-SENDING');
    await author.client.delete(`/api/comments/${late.id}`);
    await runDeliver(written?.id ?? '');
    const now = await messages(reader.user.email);
    expect(now).toHaveLength(1);
    const [rewritten] = now;
    expect(rewritten?.id).not.toBe(written?.id);
    expect(rewritten?.text).toContain('STAYS-TILL-SENDING');
    expect(rewritten?.text).not.toContain('WITHDRAWN-BEFORE-SENDING');
    await runDeliver(rewritten?.id ?? '');
    const got = await smtp.waitFor(mailTo(reader.user.email));
    expect(got.parsed.text).toContain('STAYS-TILL-SENDING');
    expect(got.parsed.text).not.toContain('WITHDRAWN-BEFORE-SENDING');
    expect(smtp.received.filter(mailTo(reader.user.email))).toHaveLength(1);

    // A digest whose every item went meanwhile is deleted unsent.
    const gone = await post(author, space.slug, 'ALL-GONE');
    await holdAll(reader.user.id);
    await sendDigests(manual.db.db, manual.app.jobs, manual.config, 'daily');
    const pending = (await messages(reader.user.email)).filter((m) => m.status === 'queued');
    expect(pending).toHaveLength(1);
    await manual.db.pool.query(`update spaces set status = 'draft' where id = $1`, [space.id]);
    await runDeliver(pending[0]?.id ?? '');
    expect((await messages(reader.user.email)).filter((m) => m.status === 'queued')).toHaveLength(0);
    expect((await rowsOf(manual, reader.user.id)).find((r) => r.comment_id === gone.id)).toMatchObject({
      status: 'dropped',
      drop_reason: 'not_visible',
    });
    expect(smtp.received.filter(mailTo(reader.user.email))).toHaveLength(1);
  });
});
