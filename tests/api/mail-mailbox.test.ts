import { describe, expect, it } from 'vitest';
import { setupApp } from '../helpers/app.js';
import { makeAdmin, makeUser } from '../helpers/factories.js';
import { mailConfig, resetTokenIn, waitUntil } from '../helpers/smtp.js';

/** Without SMTP_URL every email lands in the development mailbox, which administrators read. */
const ctx = await setupApp({ mail: mailConfig({ worker: true }) });

const delivered = (email: string) =>
  waitUntil(
    async () => {
      const { rows } = await ctx.db.pool.query<{ id: string }>(
        `select id from mail_messages where to_address = $1 and status = 'sent'`,
        [email],
      );
      return rows[0]?.id;
    },
    15_000,
    `mail to ${email} in the mailbox`,
  );

describe('the development mailbox', () => {
  it('holds each email whole for administrators; its link works', async () => {
    const admin = await makeAdmin(ctx);
    const person = await makeUser(ctx, { locale: 'es' });
    expect((await ctx.client().post('/api/auth/password/forgot', { email: person.user.email })).status).toBe(202);
    const id = await delivered(person.user.email);

    const list = await admin.client.get('/api/admin/mailbox');
    expect(list.status).toBe(200);
    expect(list.body.messages[0]).toMatchObject({
      id,
      kind: 'password_reset',
      transport: 'mailbox',
      status: 'sent',
      to: person.user.email,
      subject: 'Restablezca su contraseña de Convene',
      locale: 'es',
      attempts: 1,
    });
    expect(list.body.counts.sent).toBeGreaterThanOrEqual(1);

    const one = await admin.client.get(`/api/admin/mailbox/${id}`);
    expect(one.status).toBe(200);
    const { message } = one.body;
    expect(message.headers['Message-ID']).toBe(`<${id}@localhost>`);
    expect(message.headers.From).toBe(ctx.config.mail.from);
    expect(message.html).toContain('Elegir una nueva contraseña');
    expect(message.text).toContain('Este enlace funciona una sola vez, durante una hora.');
    const reset = await ctx
      .client()
      .post('/api/auth/password/reset', { token: resetTokenIn(message.text), password: 'the new password 99' });
    expect(reset.status).toBe(200);
    expect(
      (await ctx.client().post('/api/auth/login', { email: person.user.email, password: 'the new password 99' }))
        .status,
    ).toBe(200);
  });

  it('is for administrators only', async () => {
    const participant = await makeUser(ctx);
    const { rows } = await ctx.db.pool.query<{ id: string }>('select id from mail_messages limit 1');
    const id = rows[0]?.id ?? crypto.randomUUID();
    for (const url of ['/api/admin/mailbox', `/api/admin/mailbox/${id}`]) {
      expect((await participant.client.get(url)).status).toBe(403);
      expect((await ctx.client().get(url)).status).toBe(401);
    }
    expect((await participant.client.post(`/api/admin/mailbox/${id}/retry`)).status).toBe(403);
    const admin = await makeAdmin(ctx);
    expect((await admin.client.get(`/api/admin/mailbox/${crypto.randomUUID()}`)).status).toBe(404);
  });

  it('lists failed emails and sends one again on request', async () => {
    const admin = await makeAdmin(ctx);
    const { rows } = await ctx.db.pool.query<{ id: string }>(
      `insert into mail_messages (kind, transport, status, to_address, locale, subject, headers, html, text, attempts, last_error)
       values ('password_reset', 'mailbox', 'failed', 'failed@example.org', 'en', 'Failed one', '{}', '<p>x</p>', 'x', 11, 'connect ECONNREFUSED')
       returning id`,
    );
    const id = rows[0]?.id;
    const failed = await admin.client.get('/api/admin/mailbox?status=failed');
    expect(failed.body.messages.map((m: { id: string }) => m.id)).toEqual([id]);
    expect(failed.body.messages[0]).toMatchObject({ attempts: 11, lastError: 'connect ECONNREFUSED' });
    expect(failed.body.counts.failed).toBe(1);

    expect((await admin.client.post(`/api/admin/mailbox/${id}/retry`)).status).toBe(200);
    expect((await admin.client.post(`/api/admin/mailbox/${id}/retry`)).status).toBe(409);
    await delivered('failed@example.org');
    const after = await admin.client.get(`/api/admin/mailbox/${id}`);
    expect(after.body.message).toMatchObject({ status: 'sent', attempts: 12, lastError: null });
  });

  it('pages newest first with a cursor, and refuses a bad one naming it', async () => {
    const admin = await makeAdmin(ctx);
    const all = await admin.client.get('/api/admin/mailbox?limit=200');
    const first = await admin.client.get('/api/admin/mailbox?limit=1');
    const second = await admin.client.get(`/api/admin/mailbox?limit=1&cursor=${first.body.nextCursor}`);
    expect([...first.body.messages, ...second.body.messages].map((m: { id: string }) => m.id)).toEqual(
      all.body.messages.slice(0, 2).map((m: { id: string }) => m.id),
    );
    const bad = await admin.client.get('/api/admin/mailbox?cursor=nonsense');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields[0].field).toBe('cursor');
  });
});
