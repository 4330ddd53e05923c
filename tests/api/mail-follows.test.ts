import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { type TestContext, setupApp } from '../helpers/app.js';
import { type Person, grantRole, makeSpace, makeUser } from '../helpers/factories.js';
import { notifier } from '../../server/src/mail/notifications.js';
import { decide, header, mailTo, manualJob, post } from '../helpers/mailFlow.js';
import { mailConfig, startSmtp, waitUntil } from '../helpers/smtp.js';

/**
 * Following spaces and guiding questions: the API, the author's automatic follow of what they
 * answer (and its opt-out), and the `new_contribution` notification a published contribution
 * writes for the followers of its space or question, over a real SMTP server.
 */
const smtp = await startSmtp();
const ctx = await setupApp({ mail: mailConfig({ smtpUrl: smtp.url, worker: true }) });

async function stage(c: TestContext, mode: 'pre' | 'post' = 'post') {
  const { space, questions } = await makeSpace(c, { moderationMode: mode });
  const moderator = await makeUser(c, { displayName: 'Mo Moderator' });
  await grantRole(c, space.id, moderator.user.id, 'moderator');
  const [q1, q2] = questions;
  if (!q1 || !q2) throw new Error('questions missing');
  return { space, q1, q2, moderator };
}

/** Someone told of new contributions at once (the default is a daily digest). */
async function immediateFollower(overrides: Record<string, unknown> = {}): Promise<Person> {
  const p = await makeUser(ctx, overrides);
  const res = await p.client.put('/api/me/notification-preferences', {
    preferences: [{ kind: 'followed', frequency: 'immediately' }],
  });
  expect(res.status).toBe(200);
  return p;
}

const follow = (p: Person, slug: string, questionId?: string) =>
  p.client.put(`/api/spaces/${slug}${questionId ? `/questions/${questionId}` : ''}/follow`);
const unfollow = (p: Person, slug: string, questionId?: string) =>
  p.client.delete(`/api/spaces/${slug}${questionId ? `/questions/${questionId}` : ''}/follow`);

const followed = async (p: Person, slug: string) => {
  const res = await p.client.get(`/api/spaces/${slug}`);
  expect(res.status).toBe(200);
  const space = res.body.space as { following: boolean | null; questions: { id: string; following: boolean | null }[] };
  return { space: space.following, questions: Object.fromEntries(space.questions.map((q) => [q.id, q.following])) };
};

const notificationsAbout = async (commentId: string) =>
  (
    await ctx.db.pool.query<{ user_id: string; kind: string; status: string }>(
      'select user_id, kind, status from notifications where comment_id = $1 order by created_at',
      [commentId],
    )
  ).rows;

describe('follow and unfollow', () => {
  it('PUT/DELETE a space and a question; the space and question responses say so; guests get 401', async () => {
    const { space, q1, q2 } = await stage(ctx);
    const person = await makeUser(ctx);
    const initial = await followed(person, space.slug);
    expect(initial.space).toBe(false);
    expect(Object.values(initial.questions)).toEqual([false, false, false]);

    const s = await follow(person, space.slug);
    expect(s.status).toBe(200);
    expect(s.body).toEqual({ following: true });
    const q = await follow(person, space.slug, q2.id);
    expect(q.body).toEqual({ following: true });
    expect((await follow(person, space.slug, q2.id)).body).toEqual({ following: true });
    let state = await followed(person, space.slug);
    expect(state.space).toBe(true);
    expect(state.questions[q2.id]).toBe(true);
    expect(state.questions[q1.id]).toBe(false);

    expect((await unfollow(person, space.slug)).body).toEqual({ following: false });
    state = await followed(person, space.slug);
    expect(state.space).toBe(false);
    expect(state.questions[q2.id]).toBe(true);
    expect((await unfollow(person, space.slug, q2.id)).body).toEqual({ following: false });
    expect((await followed(person, space.slug)).questions[q2.id]).toBe(false);

    // Another person's follows are theirs.
    const other = await makeUser(ctx);
    await follow(person, space.slug);
    expect((await followed(other, space.slug)).space).toBe(false);

    // What one follows, listed: spaces they may still read, the space before its questions.
    await follow(person, space.slug, q1.id);
    const mine = await person.client.get('/api/me/follows');
    expect(mine.status).toBe(200);
    expect(mine.body.follows).toEqual([
      { space: { slug: space.slug, code: space.code, title: space.title }, question: null, auto: false },
      {
        space: { slug: space.slug, code: space.code, title: space.title },
        question: { id: q1.id, position: 1, text: q1.text },
        auto: false,
      },
    ]);
    await ctx.db.pool.query(`update spaces set status = 'draft' where id = $1`, [space.id]);
    expect((await person.client.get('/api/me/follows')).body.follows).toEqual([]);
    await ctx.db.pool.query(`update spaces set status = 'open' where id = $1`, [space.id]);

    const guest = ctx.client();
    expect((await guest.get('/api/me/follows')).status).toBe(401);
    expect((await guest.put(`/api/spaces/${space.slug}/follow`)).status).toBe(401);
    expect((await guest.delete(`/api/spaces/${space.slug}/questions/${q1.id}/follow`)).status).toBe(401);
    const asGuest = await guest.get(`/api/spaces/${space.slug}`);
    expect(asGuest.body.space.following).toBeNull();
    expect(asGuest.body.space.questions[0].following).toBeNull();
  });

  it('404 for a space one may not see and for a question of another space; 400 for a malformed id', async () => {
    const { space } = await stage(ctx);
    const { space: other, q1: elsewhere } = await stage(ctx);
    const { space: draft } = await makeSpace(ctx, { status: 'draft' });
    const person = await makeUser(ctx);
    expect((await follow(person, 'no-such-space')).status).toBe(404);
    expect((await follow(person, draft.slug)).status).toBe(404);
    const wrong = await follow(person, space.slug, elsewhere.id);
    expect(wrong.status).toBe(404);
    expect(wrong.body.error.code).toBe('not_found');
    expect((await follow(person, other.slug, elsewhere.id)).status).toBe(200);
    const bad = await follow(person, space.slug, 'not-a-uuid');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
  });
});

describe('new published contributions tell the followers', () => {
  it('followers of the space and of the question hear of it, once each; not its author, nor followers of another question', async () => {
    const { space, q1, q2 } = await stage(ctx, 'post');
    const spaceFollower = await immediateFollower({ locale: 'fr' });
    const questionFollower = await immediateFollower();
    const both = await immediateFollower();
    const elsewhere = await immediateFollower();
    const author = await makeUser(ctx, { displayName: 'Amina Author', affiliation: 'Remittance Watch' });
    await follow(spaceFollower, space.slug);
    await follow(questionFollower, space.slug, q1.id);
    await follow(both, space.slug);
    await follow(both, space.slug, q1.id);
    await follow(elsewhere, space.slug, q2.id);
    await follow(author, space.slug);

    const c = await post(author, space.slug, 'Costs of **sending** money home & fees.', { questionId: q1.id });
    const fr = await smtp.waitFor(mailTo(spaceFollower.user.email));
    expect(fr.parsed.subject).toBe(`[${space.code}] ${space.title} — Nouvelle contribution de Amina Author`);
    const text = fr.parsed.text ?? '';
    expect(text).toContain('Amina Author, Remittance Watch a contribué à une discussion que vous suivez :');
    expect(text).toContain(`Question 1 : ${q1.text}`);
    expect(text).toContain('> Costs of sending money home & fees.');
    expect(text).toContain(`http://localhost:3000/spaces/${space.slug}#comment-${c.id}`);
    expect(String(fr.parsed.html)).toContain('<html lang="fr"');
    expect(header(fr, 'x-convene-kind')).toBe('new_contribution');
    expect(header(fr, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    await smtp.waitFor(mailTo(questionFollower.user.email));
    await smtp.waitFor(mailTo(both.user.email));

    const rows = await notificationsAbout(c.id);
    expect(rows.map((r) => r.user_id).sort()).toEqual(
      [spaceFollower.user.id, questionFollower.user.id, both.user.id].sort(),
    );
    expect(rows.every((r) => r.kind === 'new_contribution')).toBe(true);
    await waitUntil(async () => (await notificationsAbout(c.id)).every((r) => r.status === 'mailed'), 10_000, 'mailed');
    expect(smtp.received.filter(mailTo(both.user.email))).toHaveLength(1);
    expect(smtp.received.filter(mailTo(author.user.email))).toHaveLength(0);
    expect(smtp.received.filter(mailTo(elsewhere.user.email))).toHaveLength(0);
  });

  it('a pending contribution tells nobody; its approval does, and a restore after a takedown does not tell again', async () => {
    const { space, q1, moderator } = await stage(ctx, 'pre');
    const follower = await immediateFollower();
    await follow(follower, space.slug, q1.id);
    const author = await makeUser(ctx, { displayName: 'Pat Pending' });
    const c = await post(author, space.slug, 'Held for moderation first.', { questionId: q1.id });
    expect(c.status).toBe('pending');
    expect((await notificationsAbout(c.id)).filter((r) => r.kind === 'new_contribution')).toHaveLength(0);

    await decide(ctx, moderator.client, c.id, 'approve');
    const mail = await smtp.waitFor(mailTo(follower.user.email));
    expect(mail.parsed.subject).toMatch(/New contribution by Pat Pending$/);
    expect(mail.parsed.text).toContain('> Held for moderation first.');

    await decide(ctx, moderator.client, c.id, 'reject', 'Taken down.');
    await decide(ctx, moderator.client, c.id, 'restore');
    const rows = (await notificationsAbout(c.id)).filter((r) => r.kind === 'new_contribution');
    expect(rows).toEqual([{ user_id: follower.user.id, kind: 'new_contribution', status: expect.any(String) }]);
  });

  it('an approval writes the notifications of all its followers in one statement, each with its job', async () => {
    const { space, q1, moderator } = await stage(ctx, 'pre');
    const followers: Person[] = [];
    for (let i = 0; i < 30; i++) {
      const p = await makeUser(ctx);
      expect((await follow(p, space.slug)).status).toBe(200);
      followers.push(p);
    }
    const author = await makeUser(ctx);
    const c = await post(author, space.slug, 'Read by thirty followers.', { questionId: q1.id });
    // Every statement any connection sends meanwhile (the decision's transaction among them).
    const sent: string[] = [];
    const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
    const original = proto.query;
    proto.query = function (this: unknown, ...args: unknown[]) {
      const [q] = args;
      sent.push(typeof q === 'string' ? q : ((q as { text?: string }).text ?? ''));
      return original.apply(this, args);
    };
    try {
      await decide(ctx, moderator.client, c.id, 'approve');
    } finally {
      proto.query = original;
    }
    // The author's `comment_approved`, then the thirty followers' `new_contribution` together.
    expect(sent.filter((t) => /^insert into "notifications"/.test(t))).toHaveLength(2);
    const rows = (await notificationsAbout(c.id)).filter((r) => r.kind === 'new_contribution');
    expect(rows.map((r) => r.user_id).sort()).toEqual(followers.map((f) => f.user.id).sort());
    // Each had its job: the worker takes every one of them out of `queued` (a daily digest holds them).
    await waitUntil(
      async () => (await notificationsAbout(c.id)).every((r) => r.status !== 'queued'),
      10_000,
      'every notification processed',
    );
    expect(rows).toHaveLength(30);
  });

  it('a reply to a follower’s own comment tells them once, as a reply', async () => {
    const { space, q1 } = await stage(ctx, 'post');
    const follower = await immediateFollower();
    await follow(follower, space.slug, q1.id);
    const parent = await post(follower, space.slug, 'My own comment.', { questionId: q1.id });
    const replier = await makeUser(ctx, { displayName: 'Ray Replier' });
    const reply = await post(replier, space.slug, 'A reply to you.', { parentId: parent.id });
    await smtp.waitFor(mailTo(follower.user.email));
    expect((await notificationsAbout(reply.id)).map((r) => [r.user_id, r.kind])).toEqual([
      [follower.user.id, 'comment_reply'],
    ]);
  });

  it('a follower who unfollows before the email is written gets nothing', async () => {
    const manual = await setupApp({ mail: mailConfig({ smtpUrl: smtp.url, worker: false }) });
    const { space: s2 } = await stage(manual, 'post');
    const follower = await makeUser(manual);
    await follower.client.put('/api/me/notification-preferences', {
      preferences: [{ kind: 'followed', frequency: 'immediately' }],
    });
    await follow(follower, s2.slug);
    const author = await makeUser(manual);
    const c = await post(author, s2.slug, 'Unfollowed before sending.');
    await unfollow(follower, s2.slug);
    const { rows } = await manual.db.pool.query(
      `select id from notifications where comment_id = $1 and kind = 'new_contribution'`,
      [c.id],
    );
    expect(rows).toHaveLength(1);
    await notifier(manual.db.db, manual.app.jobs, manual.config)(manualJob(rows[0].id));
    const after = await manual.db.pool.query('select status, drop_reason from notifications where id = $1', [
      rows[0].id,
    ]);
    expect(after.rows[0]).toEqual({ status: 'dropped', drop_reason: 'unfollowed' });
  });
});

describe('an author follows what they answer', () => {
  it('publishing an answer follows its question (a general comment: the space); approval too', async () => {
    const { space, q1, q2 } = await stage(ctx, 'post');
    const author = await makeUser(ctx);
    await post(author, space.slug, 'An answer.', { questionId: q1.id });
    let state = await followed(author, space.slug);
    expect(state.questions[q1.id]).toBe(true);
    expect(state.questions[q2.id]).toBe(false);
    expect(state.space).toBe(false);
    expect((await author.client.get('/api/me/follows')).body.follows).toEqual([
      expect.objectContaining({ question: expect.objectContaining({ id: q1.id }), auto: true }),
    ]);
    await post(author, space.slug, 'A general comment.');
    expect((await followed(author, space.slug)).space).toBe(true);

    const pre = await stage(ctx, 'pre');
    const c = await post(author, pre.space.slug, 'Waiting.', { questionId: pre.q2.id });
    state = await followed(author, pre.space.slug);
    expect(state.questions[pre.q2.id]).toBe(false);
    await decide(ctx, pre.moderator.client, c.id, 'approve');
    expect((await followed(author, pre.space.slug)).questions[pre.q2.id]).toBe(true);
  });

  it('never after an explicit unfollow, and not when turned off in the preferences', async () => {
    const { space, q1, q2 } = await stage(ctx, 'post');
    const author = await makeUser(ctx);
    await post(author, space.slug, 'First answer.', { questionId: q1.id });
    expect((await followed(author, space.slug)).questions[q1.id]).toBe(true);
    await unfollow(author, space.slug, q1.id);
    await post(author, space.slug, 'Second answer.', { questionId: q1.id });
    expect((await followed(author, space.slug)).questions[q1.id]).toBe(false);

    const prefs = await author.client.get('/api/me/notification-preferences');
    expect(prefs.body.followAnswered).toBe(true);
    const off = await author.client.put('/api/me/notification-preferences', { followAnswered: false });
    expect(off.status).toBe(200);
    expect(off.body.followAnswered).toBe(false);
    await post(author, space.slug, 'Answer without following.', { questionId: q2.id });
    expect((await followed(author, space.slug)).questions[q2.id]).toBe(false);

    const bad = await author.client.put('/api/me/notification-preferences', { followAnswered: 'yes' });
    expect(bad.status).toBe(400);
    const empty = await author.client.put('/api/me/notification-preferences', {});
    expect(empty.status).toBe(400);
    expect(empty.body.error.code).toBe('validation_failed');
  });
});
