import { describe, expect, it } from 'vitest';
import { buildApp } from '../../server/src/app.js';
import { expectWorkingLinksTakenBack, newAccount, setupApp, type TestClient } from '../helpers/app.js';
import { grantRole, makeSpace, makeUser, type Person } from '../helpers/factories.js';
import { LiveClient, startInstance } from '../helpers/live.js';
import { mailConfig, type ReceivedMail, startSmtp } from '../helpers/smtp.js';

/**
 * Address verification over a real SMTP server: the link at registration, comments held until it
 * is followed (out of the queue, its counts and its live events), then entering the queue in
 * order; the `allow` setting; resend and its limit; email change confirmed from the new address,
 * the old one told; used, tampered and expired links refused.
 */
const smtp = await startSmtp();
const RESEND_MAX = 2;
const ctx = await setupApp({
  mail: mailConfig({ smtpUrl: smtp.url, worker: true }),
  identity: { unverifiedComments: 'hold', resendLimit: { max: RESEND_MAX, windowMs: 3_600_000 } },
});
const { space, questions } = await makeSpace(ctx, { moderationMode: 'pre' });
const post = await makeSpace(ctx, { moderationMode: 'post' });
const moderator = await makeUser(ctx, { displayName: 'Mo Moderator' });
await grantRole(ctx, space.id, moderator.user.id, 'moderator');
await grantRole(ctx, post.space.id, moderator.user.id, 'moderator');

const to = (email: string) => (m: ReceivedMail) => m.to.includes(email.toLowerCase());
const tokenIn = (text: string): string => {
  const match = /\/verify-email#token=([a-z0-9]+)/.exec(text);
  if (!match?.[1]) throw new Error(`no verification link in: ${text.slice(0, 400)}`);
  return match[1];
};
/** The n-th email (0-based) that reached this address, once it has. */
const nthMailTo = (email: string, n: number) =>
  smtp.waitFor((m) => smtp.received.filter(to(email)).indexOf(m) === n && to(email)(m));

async function register(overrides: Record<string, unknown> = {}): Promise<{ client: TestClient; email: string }> {
  const client = ctx.client();
  const account = newAccount(overrides);
  const res = await client.post('/api/auth/register', account);
  expect(res.status).toBe(201);
  expect(res.body.user.emailVerified).toBe(false);
  return { client, email: account.email };
}

const comment = async (client: TestClient, body: string, slug = space.slug, questionId = questions[0]?.id) => {
  const res = await client.post(`/api/spaces/${slug}/comments`, {
    questionId,
    body,
    language: 'en',
    clientId: crypto.randomUUID(),
  });
  expect(res.status).toBe(201);
  return res.body.comment as { id: string; status: string };
};
const queue = async (who: Person, slug = space.slug) => {
  const res = await who.client.get(`/api/spaces/${slug}/moderation/queue?status=pending`);
  expect(res.status).toBe(200);
  return res.body as { items: { comment: { id: string } }[]; counts: { pending: number } };
};
const queueIds = async (slug = space.slug) => (await queue(moderator, slug)).items.map((i) => i.comment.id);
const verify = (client: TestClient, token: string) => client.post('/api/auth/email/verify', { token });

describe('address verification', () => {
  it('registration emails a link in the person’s language; following it verifies the address, once', async () => {
    const { client, email } = await register({ locale: 'es', displayName: 'Lucía' });
    const me = await client.get('/api/auth/me');
    expect(me.body.user.emailVerified).toBe(false);
    expect(me.body.account).toEqual({ commentsHeld: true, pendingEmail: null });

    const mail = await nthMailTo(email, 0);
    expect(mail.parsed.subject).toBe('Confirme su dirección de correo para Convene');
    expect(mail.parsed.headers.get('x-convene-kind')).toBe('email_verification');
    expect(mail.parsed.headers.has('list-unsubscribe')).toBe(false);
    expect(String(mail.parsed.html)).toContain('Confirmar mi dirección');
    const token = tokenIn(mail.parsed.text ?? '');
    // Only the token's hash is stored.
    const stored = await ctx.db.pool.query('select id from email_tokens where id = $1', [token]);
    expect(stored.rows).toHaveLength(0);

    // The link works without signing in (it may be opened in another browser).
    const res = await verify(ctx.client(), token);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true, purpose: 'verify', email });
    const after = await client.get('/api/auth/me');
    expect(after.body.user.emailVerified).toBe(true);
    expect(after.body.account.commentsHeld).toBe(false);

    const again = await verify(ctx.client(), token);
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('email_token_used');
    expect(again.body.error.details.fields).toEqual([{ field: 'token', message: expect.any(String) }]);
  });

  it('refuses a tampered, unknown or expired link with a 400 naming the token', async () => {
    const { email } = await register();
    const token = tokenIn((await nthMailTo(email, 0)).parsed.text ?? '');
    const tampered = `${token.slice(0, -1)}${token.endsWith('a') ? 'b' : 'a'}`;
    const bad = await verify(ctx.client(), tampered);
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('email_token_invalid');
    const empty = await verify(ctx.client(), '');
    expect(empty.status).toBe(400);
    expect(empty.body.error.details.fields[0].field).toBe('token');

    await ctx.db.pool.query(
      `update email_tokens set expires_at = now() - interval '1 second'
       where user_id = (select id from users where lower(email) = lower($1))`,
      [email],
    );
    const expired = await verify(ctx.client(), token);
    expect(expired.status).toBe(400);
    expect(expired.body.error.code).toBe('email_token_expired');
    const row = await ctx.db.pool.query('select email_verified_at from users where lower(email) = lower($1)', [email]);
    expect(row.rows[0].email_verified_at).toBeNull();
  });

  it('sends the link again on request, within a limit; not once verified', async () => {
    const { client, email } = await register();
    await nthMailTo(email, 0);
    for (let i = 1; i <= RESEND_MAX; i++) {
      const res = await client.post('/api/auth/email/resend');
      expect(res.status).toBe(202);
      await nthMailTo(email, i);
    }
    const over = await client.post('/api/auth/email/resend');
    expect(over.status).toBe(429);
    expect(over.body.error.code).toBe('rate_limited');
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    // Every link sent is valid until used; the newest works.
    const last = tokenIn((await nthMailTo(email, RESEND_MAX)).parsed.text ?? '');
    expect((await verify(client, last)).status).toBe(200);
    const verified = await makeUser(ctx);
    const done = await verified.client.post('/api/auth/email/resend');
    expect(done.status).toBe(409);
    expect(done.body.error.code).toBe('already_verified');
    expect((await ctx.client().post('/api/auth/email/resend')).status).toBe(401);
  });

  it('takes a link that works back from the address’s sign-in window: a room behind one network all verify', async () => {
    const people = [];
    for (let i = 0; i < 5; i++) people.push(await register());
    const tokens = [];
    for (const { email } of people) tokens.push(tokenIn((await nthMailTo(email, 0)).parsed.text ?? ''));
    await expectWorkingLinksTakenBack(ctx, '/api/auth/email/verify', tokens, '203.0.113.77');
  });
});

describe('comments of an unverified account', () => {
  it('are held out of the queue, its counts and the moderators’ live events, then enter the queue in order when the address is verified', async () => {
    const instance = await startInstance(ctx.db.db, ctx.config);
    const live = await LiveClient.connect(instance.url, {
      origin: ctx.config.appOrigin,
      cookie: moderator.client.cookieHeader,
    });
    try {
      await live.subscribe(space.slug);
      const before = await queue(moderator);
      const { client, email } = await register({ displayName: 'Held Author' });
      const first = await comment(client, 'First held contribution.');
      const second = await comment(client, 'Second held contribution.');
      // In a post-moderated space too: held, not published.
      const third = await comment(client, 'Held in a post-moderated space.', post.space.slug, post.questions[0]?.id);
      expect([first.status, second.status, third.status]).toEqual(['pending', 'pending', 'pending']);

      // The author sees their own held comments.
      const mine = await client.get(`/api/spaces/${space.slug}/comments?limit=500`);
      expect(mine.body.comments.map((c: { id: string }) => c.id)).toEqual(
        expect.arrayContaining([first.id, second.id]),
      );
      const guest = await ctx.client().get(`/api/spaces/${post.space.slug}/comments?limit=500`);
      expect(guest.body.comments.map((c: { id: string }) => c.id)).not.toContain(third.id);

      // A verified person's comment is the marker: once its event arrived, the held ones would have too.
      const other = await makeUser(ctx);
      const marker = await comment(other.client, 'A verified contribution.');
      await live.waitFor(
        (m) => m.type === 'event' && m.kind === 'comment.submitted' && JSON.stringify(m.data).includes(marker.id),
      );
      const seen = JSON.stringify(live.events(space.slug));
      expect(seen).not.toContain(first.id);
      expect(seen).not.toContain(second.id);

      const held = await queue(moderator);
      expect(held.items.map((i) => i.comment.id)).not.toContain(first.id);
      expect(held.counts.pending).toBe(before.counts.pending + 1);
      expect(await queueIds(post.space.slug)).not.toContain(third.id);
      const log = await moderator.client.get(`/api/spaces/${space.slug}/moderation/log`);
      expect(JSON.stringify(log.body.entries)).not.toContain(first.id);

      // Nor by its id: a moderator cannot open or decide it.
      const early = await moderator.client.post(`/api/comments/${first.id}/decision`, {
        action: 'approve',
        version: 1,
      });
      expect(early.status).toBe(404);
      expect((await moderator.client.get(`/api/comments/${first.id}/staff-notes`)).status).toBe(404);

      // Editing a held comment keeps it held.
      const edited = await client.patch(`/api/comments/${second.id}`, {
        body: 'Second held contribution, edited.',
        version: 1,
      });
      expect(edited.status).toBe(200);
      expect(await queueIds()).not.toContain(second.id);

      const token = tokenIn((await nthMailTo(email, 0)).parsed.text ?? '');
      expect((await verify(client, token)).status).toBe(200);

      const after = await queue(moderator);
      expect(after.counts.pending).toBe(before.counts.pending + 3);
      const ids = after.items.map((i) => i.comment.id);
      expect(ids.indexOf(first.id)).toBeGreaterThanOrEqual(0);
      expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
      expect(await queueIds(post.space.slug)).toContain(third.id);
      // Live, in posting order, with the new counts.
      const firstEvent = await live.waitFor(
        (m) => m.type === 'event' && m.kind === 'comment.submitted' && JSON.stringify(m.data).includes(first.id),
      );
      const secondEvent = await live.waitFor(
        (m) => m.type === 'event' && m.kind === 'comment.submitted' && JSON.stringify(m.data).includes(second.id),
      );
      expect(live.messages.indexOf(firstEvent)).toBeLessThan(live.messages.indexOf(secondEvent));
      await live.waitFor(
        (m) =>
          m.type === 'event' &&
          m.kind === 'queue.counts' &&
          live.messages.indexOf(m) > live.messages.indexOf(secondEvent),
      );
      const logAfter = await moderator.client.get(`/api/spaces/${space.slug}/moderation/log?commentId=${first.id}`);
      expect(logAfter.body.entries.map((e: { action: string }) => e.action)).toEqual(['submit']);
      // Moderators can decide them now.
      const decided = await moderator.client.post(`/api/comments/${first.id}/decision`, {
        action: 'approve',
        version: 1,
      });
      expect(decided.status).toBe(200);
    } finally {
      live.close();
      await instance.app.close();
    }
  });

  it('a held comment withdrawn before verification never reaches the queue', async () => {
    const { client, email } = await register();
    const c = await comment(client, 'Withdrawn while held.');
    expect((await client.delete(`/api/comments/${c.id}`)).status).toBe(200);
    const token = tokenIn((await nthMailTo(email, 0)).parsed.text ?? '');
    expect((await verify(client, token)).status).toBe(200);
    expect(await queueIds()).not.toContain(c.id);
    const log = await moderator.client.get(`/api/spaces/${space.slug}/moderation/log?commentId=${c.id}`);
    expect(log.body.entries).toEqual([]);
  });

  it('go to the queue at once with UNVERIFIED_COMMENTS=allow', async () => {
    const allowed = await buildApp({
      db: ctx.db.db,
      config: {
        ...ctx.config,
        mail: { ...ctx.config.mail, worker: false },
        identity: { ...ctx.config.identity, unverifiedComments: 'allow' },
      },
      logger: false,
    });
    await allowed.ready();
    try {
      const res = await allowed.inject({
        method: 'POST',
        url: '/api/auth/register',
        headers: { origin: ctx.config.appOrigin },
        payload: newAccount(),
      });
      expect(res.statusCode).toBe(201);
      const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      const me = await allowed.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
      expect(me.json().account.commentsHeld).toBe(false);
      const posted = await allowed.inject({
        method: 'POST',
        url: `/api/spaces/${space.slug}/comments`,
        headers: { origin: ctx.config.appOrigin, cookie },
        payload: {
          questionId: questions[1]?.id,
          body: 'Allowed unverified.',
          language: 'en',
          clientId: crypto.randomUUID(),
        },
      });
      expect(posted.statusCode).toBe(201);
      expect(await queueIds()).toContain(posted.json().comment.id);
    } finally {
      await allowed.close();
    }
  });
});

describe('changing the email address', () => {
  it('applies only when the link sent to the new address is followed; the old address is told', async () => {
    const person = await makeUser(ctx, { locale: 'fr' });
    const oldEmail = person.user.email;
    const newEmail = `moved.${Date.now()}@example.org`;
    const asked = await person.client.post('/api/auth/email/change', { email: newEmail });
    expect(asked.status).toBe(202);
    const me = await person.client.get('/api/auth/me');
    expect(me.body.user.email).toBe(oldEmail);
    expect(me.body.account.pendingEmail).toBe(newEmail);

    const mail = await nthMailTo(newEmail, 0);
    expect(mail.parsed.subject).toBe('Confirmez votre nouvelle adresse e-mail pour Convene');
    expect(mail.parsed.text).toContain(oldEmail);
    // Until then the account keeps its address.
    const oldLogin = await ctx
      .client()
      .post('/api/auth/login', { email: oldEmail, password: 'correct horse battery staple' });
    expect(oldLogin.status).toBe(200);

    const res = await verify(ctx.client(), tokenIn(mail.parsed.text ?? ''));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true, purpose: 'change', email: newEmail });
    const after = await person.client.get('/api/auth/me');
    expect(after.body.user.email).toBe(newEmail);
    expect(after.body.account.pendingEmail).toBeNull();

    const notice = await nthMailTo(oldEmail, 0);
    expect(notice.parsed.subject).toBe('L’adresse e-mail de votre compte Convene a été modifiée');
    expect(notice.parsed.text).toContain(newEmail);
    expect(notice.parsed.text).not.toMatch(/verify-email#token/);

    const newLogin = await ctx
      .client()
      .post('/api/auth/login', { email: newEmail, password: 'correct horse battery staple' });
    expect(newLogin.status).toBe(200);
    const gone = await ctx
      .client()
      .post('/api/auth/login', { email: oldEmail, password: 'correct horse battery staple' });
    expect(gone.status).toBe(401);
  });

  it('refuses an address in use, the same address, a malformed one, and a guest', async () => {
    const person = await makeUser(ctx);
    const other = await makeUser(ctx);
    const taken = await person.client.post('/api/auth/email/change', { email: other.user.email.toUpperCase() });
    expect(taken.status).toBe(409);
    expect(taken.body.error.details.fields[0].field).toBe('email');
    const same = await person.client.post('/api/auth/email/change', { email: person.user.email });
    expect(same.status).toBe(400);
    expect(same.body.error.details.fields[0].field).toBe('email');
    const bad = await person.client.post('/api/auth/email/change', { email: 'not an address' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields[0].field).toBe('email');
    expect((await ctx.client().post('/api/auth/email/change', { email: 'x@example.org' })).status).toBe(401);
  });

  it('a newer request replaces the older link', async () => {
    const person = await makeUser(ctx);
    const first = `first.${Date.now()}@example.org`;
    const second = `second.${Date.now()}@example.org`;
    expect((await person.client.post('/api/auth/email/change', { email: first })).status).toBe(202);
    const firstToken = tokenIn((await nthMailTo(first, 0)).parsed.text ?? '');
    expect((await person.client.post('/api/auth/email/change', { email: second })).status).toBe(202);
    await nthMailTo(second, 0);
    const stale = await verify(person.client, firstToken);
    expect(stale.status).toBe(400);
    expect(stale.body.error.code).toBe('email_token_used');
    expect((await person.client.get('/api/auth/me')).body.account.pendingEmail).toBe(second);
  });
});
