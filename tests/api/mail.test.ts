import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../server/src/app.js';
import { createDb } from '../../server/src/db/client.js';
import { sql } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import { queueMail } from '../../server/src/mail/compose.js';
import { deliverer } from '../../server/src/mail/deliver.js';
import { smtpTransport } from '../../server/src/mail/transport.js';
import { newAccount, setupApp } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';
import { mailConfig, type ReceivedMail, resetTokenIn, startSmtp, waitUntil } from '../helpers/smtp.js';

/**
 * Email over a real SMTP server started in this process: the password reset end to end, the
 * answer that never tells whether an account exists, limits, an SMTP outage, two workers.
 */
const smtp = await startSmtp();
const ctx = await setupApp({
  mail: mailConfig({ smtpUrl: smtp.url, worker: true, from: 'Convene <mail@convene.test>' }),
});
const PASSWORD = 'correct horse battery staple';
const NEW_PASSWORD = 'a brand new password 42';

const mailTo = (email: string) => (m: ReceivedMail) => m.to.includes(email.toLowerCase());
const rowsFor = async (email: string) =>
  (
    await ctx.db.pool.query<{
      id: string;
      status: string;
      attempts: number;
      last_error: string | null;
      html: string | null;
      headers: Record<string, string>;
    }>(
      'select id, status, attempts, last_error, html, headers from mail_messages where lower(to_address) = lower($1) order by created_at',
      [email],
    )
  ).rows;
/** Resolves once every password-reset-request job for this address has been worked. */
const requestWorked = (email: string) =>
  waitUntil(
    async () => {
      const { rows } = await ctx.db.pool.query<{ state: string }>(
        `select state from pgboss.job where name = 'password-reset-request' and data->>'email' = $1`,
        [email.toLowerCase()],
      );
      return rows.length > 0 && rows.every((r) => r.state === 'completed');
    },
    15_000,
    `the reset request of ${email} to be worked`,
  );

describe('password reset by email', () => {
  it('emails a link in the person’s language; the link sets a new password once and ends the other sessions', async () => {
    const person = await makeUser(ctx, {
      locale: 'fr',
      displayName: '<script>alert(1)</script> Ana & "Bo"',
    });
    const email = person.user.email;
    const other = ctx.client();
    expect((await other.post('/api/auth/login', { email, password: PASSWORD })).status).toBe(200);

    const guest = ctx.client();
    const asked = await guest.post('/api/auth/password/forgot', { email: email.toUpperCase() });
    expect(asked.status).toBe(202);
    expect(asked.body).toEqual({ ok: true });

    const mail = await smtp.waitFor(mailTo(email));
    const { parsed } = mail;
    expect(parsed.subject).toBe('Réinitialisez votre mot de passe Convene');
    expect(parsed.from?.value).toEqual([{ name: 'Convene', address: 'mail@convene.test' }]);
    expect(parsed.messageId).toMatch(/^<[0-9a-f-]{36}@localhost>$/);
    expect(parsed.headers.has('list-unsubscribe')).toBe(false);
    expect(parsed.headers.has('list-unsubscribe-post')).toBe(false);
    expect(parsed.headers.get('auto-submitted')).toBe('auto-generated');
    const html = String(parsed.html);
    const text = parsed.text ?? '';
    expect(html).toContain('<html lang="fr"');
    expect(html).toContain('Choisir un nouveau mot de passe');
    expect(text).toContain('Ce lien fonctionne une seule fois, pendant une heure.');
    // Hostile names are text, never markup.
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62; Ana &#38; &#34;Bo&#34;');
    expect(text).toContain('Bonjour <script>alert(1)</script> Ana & "Bo",');
    const token = resetTokenIn(text);
    expect(html).toContain(`http://localhost:3000/reset-password#token=${token}`);

    // Only the token's SHA-256 is stored; the sent body (holding the link) is not kept.
    const { rows: tokens } = await ctx.db.pool.query(
      'select id, expires_at, created_at from password_reset_tokens where user_id = $1',
      [person.user.id],
    );
    expect(tokens).toHaveLength(1);
    expect(tokens[0].id).toBe(createHash('sha256').update(token).digest('hex'));
    expect(new Date(tokens[0].expires_at).getTime() - new Date(tokens[0].created_at).getTime()).toBe(3_600_000);
    const row = await waitUntil(async () => (await rowsFor(email)).find((r) => r.status === 'sent'), 5_000, 'sent');
    expect(row).toMatchObject({ attempts: 1, html: null });
    expect(row?.headers['Message-ID']).toBe(parsed.messageId);

    // The owner resets while signed in on one device: that session stays, every other one ends.
    const weak = await person.client.post('/api/auth/password/reset', { token, password: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.error.code).toBe('validation_failed');
    expect(weak.body.error.details.fields[0].field).toBe('password');
    const done = await person.client.post('/api/auth/password/reset', { token, password: NEW_PASSWORD });
    expect(done.status).toBe(200);
    expect((await person.client.get('/api/auth/me')).body.user?.id).toBe(person.user.id);
    expect((await other.get('/api/auth/me')).body.user).toBeNull();
    expect((await ctx.client().post('/api/auth/login', { email, password: PASSWORD })).status).toBe(401);
    expect((await ctx.client().post('/api/auth/login', { email, password: NEW_PASSWORD })).status).toBe(200);

    const again = await guest.post('/api/auth/password/reset', { token, password: 'yet another password 7' });
    expect(again.status).toBe(400);
    expect(again.body.error).toMatchObject({ code: 'reset_token_used', details: { fields: [{ field: 'token' }] } });
    expect((await ctx.client().post('/api/auth/login', { email, password: NEW_PASSWORD })).status).toBe(200);
  });

  it('ends every session when the person resets while signed out, in English by default', async () => {
    const person = await makeUser(ctx);
    const email = person.user.email;
    await ctx.client().post('/api/auth/password/forgot', { email });
    const mail = await smtp.waitFor(mailTo(email));
    expect(mail.parsed.subject).toBe('Reset your Convene password');
    expect(mail.parsed.text).toContain('This link works once, for one hour.');
    const res = await ctx
      .client()
      .post('/api/auth/password/reset', { token: resetTokenIn(mail.parsed.text ?? ''), password: NEW_PASSWORD });
    expect(res.status).toBe(200);
    expect((await person.client.get('/api/auth/me')).body.user).toBeNull();
  });

  it('refuses an unknown token and an expired one, naming the field', async () => {
    const unknown = await ctx.client().post('/api/auth/password/reset', { token: 'nonsense', password: NEW_PASSWORD });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({
      code: 'reset_token_invalid',
      details: { fields: [{ field: 'token' }] },
    });

    const person = await makeUser(ctx);
    await ctx.client().post('/api/auth/password/forgot', { email: person.user.email });
    const token = resetTokenIn((await smtp.waitFor(mailTo(person.user.email))).parsed.text ?? '');
    await ctx.db.pool.query(
      `update password_reset_tokens set expires_at = now() - interval '1 second' where user_id = $1`,
      [person.user.id],
    );
    const expired = await ctx.client().post('/api/auth/password/reset', { token, password: NEW_PASSWORD });
    expect(expired.status).toBe(400);
    expect(expired.body.error).toMatchObject({
      code: 'reset_token_expired',
      details: { fields: [{ field: 'token' }] },
    });
    expect((await ctx.client().post('/api/auth/login', { email: person.user.email, password: PASSWORD })).status).toBe(
      200,
    );
  });

  it('answers an unknown address exactly like a known one, and sends nothing', async () => {
    const known = await makeUser(ctx);
    const unknown = newAccount().email;
    const a = await ctx.client().post('/api/auth/password/forgot', { email: known.user.email });
    const b = await ctx.client().post('/api/auth/password/forgot', { email: unknown });
    expect([a.status, b.status]).toEqual([202, 202]);
    expect(b.raw).toBe(a.raw);
    expect(Object.keys(b.headers).sort()).toEqual(Object.keys(a.headers).sort());
    await smtp.waitFor(mailTo(known.user.email));
    await requestWorked(unknown);
    expect(smtp.received.filter(mailTo(unknown))).toHaveLength(0);
    expect(await rowsFor(unknown)).toHaveLength(0);
  });

  it('keeps a message through an SMTP outage and delivers it, once, when the server is back', async () => {
    const person = await makeUser(ctx);
    const email = person.user.email;
    await smtp.stop();
    let failedAt = 0;
    try {
      expect((await ctx.client().post('/api/auth/password/forgot', { email })).status).toBe(202);
      const failed = await waitUntil(
        async () => {
          const [row] = await rowsFor(email);
          return row && row.attempts >= 1 && row.status === 'queued' && row.last_error ? row : undefined;
        },
        15_000,
        'a failed attempt',
      );
      failedAt = Date.now();
      expect(failed.last_error).toMatch(/ECONNREFUSED|connect/i);
      // The failure is visible to administrators while the message waits for its next attempt.
    } finally {
      await smtp.start();
    }
    const mail = await smtp.waitFor(mailTo(email), 20_000);
    const deliveredAfterMs = Date.now() - failedAt;
    // The row is marked sent just after the SMTP server accepted the message.
    const row = await waitUntil(async () => (await rowsFor(email)).find((r) => r.status === 'sent'), 5_000, 'sent');
    expect(row?.attempts).toBeGreaterThanOrEqual(2);
    expect(mail.parsed.messageId).toBe(row?.headers['Message-ID']);
    expect(smtp.received.filter(mailTo(email))).toHaveLength(1);
    // retryDelay 1 s with backoff: the next attempt comes 1–2 s after a failure, then 2–4 s, …
    expect(deliveredAfterMs).toBeLessThan(15_000);
    console.info(`[mail] delivered ${deliveredAfterMs} ms after the SMTP server came back; attempts: ${row?.attempts}`);
  });

  it('sends each email once with two workers on the same database', async () => {
    const second = createDb(ctx.db.url, { max: 4 });
    const other = await buildApp({ db: second.db, config: ctx.config, logger: false });
    await other.ready();
    try {
      const people = await Promise.all(Array.from({ length: 6 }, () => makeUser(ctx)));
      for (const p of people) {
        const via = p === people[0] ? other : ctx.app;
        const res = await via.inject({
          method: 'POST',
          url: '/api/auth/password/forgot',
          payload: { email: p.user.email },
          headers: { origin: ctx.config.appOrigin },
        });
        expect(res.statusCode).toBe(202);
      }
      for (const p of people) await smtp.waitFor(mailTo(p.user.email));
      // Every job is finished: nothing more can arrive.
      await waitUntil(
        async () => {
          const { rows } = await ctx.db.pool.query(
            `select 1 from pgboss.job where name in ('mail-send', 'password-reset-request') and state not in ('completed', 'failed')`,
          );
          return rows.length === 0;
        },
        15_000,
        'every job to finish',
      );
      for (const p of people) expect(smtp.received.filter(mailTo(p.user.email))).toHaveLength(1);
    } finally {
      await other.close();
      await second.close();
    }
  });
});

describe('the job queue', () => {
  it('inserts an email and its job in the transaction of their cause: both or neither', async () => {
    const rendered = { subject: 'Transactional', html: '<p>t</p>', text: 't' };
    const mail = (to: string) => ({ kind: 'password_reset' as const, to, locale: 'en' as const, rendered });
    const jobsOf = async (id: string) =>
      (await ctx.db.pool.query(`select 1 from pgboss.job where name = 'mail-send' and data->>'id' = $1`, [id])).rows;
    let rolledBack = '';
    await expect(
      ctx.db.db.transaction(async (tx) => {
        rolledBack = await queueMail(tx, ctx.app.jobs, ctx.config, mail('rolled.back@example.org'));
        expect(await jobsOf(rolledBack)).toHaveLength(0); // not visible outside the transaction
        throw new Error('the cause failed');
      }),
    ).rejects.toThrow('the cause failed');
    expect(await jobsOf(rolledBack)).toHaveLength(0);
    expect(await rowsFor('rolled.back@example.org')).toHaveLength(0);

    const committed = await ctx.db.db.transaction((tx) =>
      queueMail(tx, ctx.app.jobs, ctx.config, mail('committed@example.org')),
    );
    expect(await jobsOf(committed)).toHaveLength(1);
    ctx.app.jobs.nudge('mail-send');
    const arrived = await smtp.waitFor(mailTo('committed@example.org'));
    expect(arrived.parsed.messageId).toBe(`<${committed}@localhost>`);
  });
});

describe('delivery', () => {
  it('never sends a message recorded as sent again; a resend after a crash carries the same Message-ID', async () => {
    const to = 'crash@example.org';
    const rendered = { subject: 'Crash test', html: '<p>c</p>', text: 'c' };
    const id = await ctx.db.db.transaction(async (tx) => {
      // A job that no worker takes (far in the future): this test runs delivery by hand.
      const mailId = await queueMail(tx, ctx.app.jobs, ctx.config, {
        kind: 'password_reset',
        to,
        locale: 'en',
        rendered,
      });
      await tx.execute(sql`update pgboss.job set start_after = now() + interval '1 day' where data->>'id' = ${mailId}`);
      return mailId;
    });
    const deliver = deliverer(ctx.db.db, smtpTransport(smtp.url));
    const job = {
      id: 'manual',
      name: 'mail-send',
      data: { id },
      retryCount: 0,
      retryLimit: 3,
    } as PgBoss.JobWithMetadata<{
      id: string;
    }>;
    await deliver(job);
    await smtp.waitFor(mailTo(to));
    await deliver(job); // already sent: nothing happens
    // A crash between the SMTP server's acceptance and the record of it: the row still says queued.
    await ctx.db.pool.query(`update mail_messages set status = 'queued' where id = $1`, [id]);
    await deliver(job);
    const copies = await waitUntil(
      () => {
        const got = smtp.received.filter(mailTo(to));
        return got.length === 2 ? got : undefined;
      },
      10_000,
      'the resent copy',
    );
    expect(copies.map((c) => c.parsed.messageId)).toEqual([`<${id}@localhost>`, `<${id}@localhost>`]);
  });
});

describe('limits on reset requests', () => {
  it('limits requests per email address, known or not, and per client address', async () => {
    const limited = await buildApp({
      db: ctx.db.db,
      config: {
        ...ctx.config,
        mail: { ...ctx.config.mail, worker: false },
        passwordResetLimits: { account: { max: 2, windowMs: 3_600_000 }, address: { max: 5, windowMs: 3_600_000 } },
      },
      logger: false,
    });
    await limited.ready();
    const forgot = (email: string, ip: string) =>
      limited.inject({
        method: 'POST',
        url: '/api/auth/password/forgot',
        payload: { email },
        remoteAddress: ip,
        headers: { origin: ctx.config.appOrigin },
      });
    try {
      const known = (await makeUser(ctx)).user.email;
      const unknown = newAccount().email;
      for (const email of [known, unknown]) {
        expect((await forgot(email, '10.0.0.1')).statusCode).toBe(202);
        expect((await forgot(email.toUpperCase(), '10.0.0.2')).statusCode).toBe(202);
        const third = await forgot(email, '10.0.0.3');
        expect(third.statusCode).toBe(429);
        expect(third.headers['retry-after']).toBeDefined();
        expect(third.json().error.code).toBe('rate_limited');
      }
      const statuses = [];
      for (let i = 0; i < 6; i++) statuses.push((await forgot(newAccount().email, '10.0.0.9')).statusCode);
      expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
    } finally {
      await limited.close();
    }
  });
});
