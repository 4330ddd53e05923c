import { describe, expect, it } from 'vitest';
import { expectWorkingLinksTakenBack, newAccount, setupApp } from '../helpers/app.js';
import { makeAdmin, makeSpace, makeUser } from '../helpers/factories.js';
import { mailConfig, type ReceivedMail, startSmtp } from '../helpers/smtp.js';

/**
 * Invitations over a real SMTP server: an administrator appoints a moderator or chair by an
 * address with no account; the person registers through the link (address verified) and holds
 * the role at once. Listed, resent (new link), revoked, expired; an address with an account is
 * granted the role at once; used, tampered and revoked links refused.
 */
const smtp = await startSmtp();
const ctx = await setupApp({ mail: mailConfig({ smtpUrl: smtp.url, worker: true }) });
const admin = await makeAdmin(ctx);
const { space } = await makeSpace(ctx, { moderationMode: 'pre' });
const participant = await makeUser(ctx);

const to = (email: string) => (m: ReceivedMail) => m.to.includes(email.toLowerCase());
const nthMailTo = (email: string, n: number) =>
  smtp.waitFor((m) => to(email)(m) && smtp.received.filter(to(email)).indexOf(m) === n);
const tokenIn = (text: string): string => {
  const match = /\/invitation#token=([a-z0-9]+)/.exec(text);
  if (!match?.[1]) throw new Error(`no invitation link in: ${text.slice(0, 400)}`);
  return match[1];
};
const invite = (email: string, role: 'moderator' | 'chair' = 'moderator', slug = space.slug) =>
  admin.client.post(`/api/spaces/${slug}/invitations`, { email, role });
const listed = async () => {
  const res = await admin.client.get(`/api/spaces/${space.slug}/invitations`);
  expect(res.status).toBe(200);
  return res.body.invitations as { id: string; email: string; role: string; status: string }[];
};
const address = (name: string) => `${name}.${Math.random().toString(36).slice(2, 8)}@example.org`;

describe('invitations', () => {
  it('an invited address registers through the link, verified, and holds the role at once', async () => {
    const email = address('invited');
    const res = await invite(email, 'moderator');
    expect(res.status).toBe(201);
    expect(res.body.outcome).toBe('invited');
    expect(res.body.invitations).toEqual([
      expect.objectContaining({ email, role: 'moderator', status: 'pending', invitedBy: admin.user.displayName }),
    ]);

    const mail = await nthMailTo(email, 0);
    expect(mail.parsed.subject).toBe(`[${space.code}] ${space.title} — Invitation to moderate`);
    expect(mail.parsed.headers.get('x-convene-kind')).toBe('invitation');
    const token = tokenIn(mail.parsed.text ?? '');

    const guest = ctx.client();
    const lookup = await guest.post('/api/auth/invitation', { token });
    expect(lookup.status).toBe(200);
    expect(lookup.body.invitation).toMatchObject({ email, role: 'moderator', space: { slug: space.slug } });

    const registered = await guest.post('/api/auth/register', {
      ...newAccount({ email: email.toUpperCase() }),
      invitationToken: token,
    });
    expect(registered.status).toBe(201);
    expect(registered.body.user.emailVerified).toBe(true);
    const me = await guest.get('/api/auth/me');
    expect(me.body.abilities.moderate).toBe(true);
    expect(me.body.account.commentsHeld).toBe(false);
    // The role is held: the queue opens.
    expect((await guest.get(`/api/spaces/${space.slug}/moderation/queue?status=pending`)).status).toBe(200);
    const roles = await admin.client.get(`/api/spaces/${space.slug}/roles`);
    expect(
      roles.body.roles.map((r: { user: { email: string }; role: string }) => [r.user.email, r.role]),
    ).toContainEqual([email.toUpperCase(), 'moderator']);
    expect((await listed()).map((i) => i.email)).not.toContain(email);
    // No verification email for an address the invitation proved.
    expect(smtp.received.filter(to(email))).toHaveLength(1);

    // The link works once.
    const again = await ctx.client().post('/api/auth/invitation', { token });
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('invitation_used');
    expect(again.body.error.details.fields[0].field).toBe('token');
  });

  it('an address with an account gets the role at once, without an invitation, and is told', async () => {
    const res = await invite(participant.user.email.toUpperCase(), 'chair');
    expect(res.status).toBe(200);
    expect(res.body.outcome).toBe('granted');
    const roles = await admin.client.get(`/api/spaces/${space.slug}/roles`);
    expect(roles.body.roles).toContainEqual(
      expect.objectContaining({ role: 'chair', user: expect.objectContaining({ id: participant.user.id }) }),
    );
    expect((await listed()).map((i) => i.email)).not.toContain(participant.user.email.toUpperCase());
    // They are told, in their language, with a link to the space.
    const told = await nthMailTo(participant.user.email, 0);
    expect(told.parsed.subject).toBe(`[${space.code}] ${space.title} — You now chair this space`);
    expect(told.parsed.headers.get('x-convene-kind')).toBe('role_granted');
    expect(told.parsed.text).toContain(`/spaces/${space.slug}`);
    // Appointing again changes nothing and sends nothing more.
    expect((await invite(participant.user.email, 'chair')).body.outcome).toBe('granted');
    const other = await makeUser(ctx);
    expect((await invite(other.user.email, 'moderator')).status).toBe(200);
    await nthMailTo(other.user.email, 0);
    expect(smtp.received.filter(to(participant.user.email))).toHaveLength(1);
  });

  it('registering with another address than the invited one is refused, naming the email', async () => {
    const email = address('other');
    await invite(email);
    const token = tokenIn((await nthMailTo(email, 0)).parsed.text ?? '');
    const res = await ctx.client().post('/api/auth/register', { ...newAccount(), invitationToken: token });
    expect(res.status).toBe(400);
    expect(res.body.error.details.fields[0].field).toBe('email');
    const tampered = await ctx.client().post('/api/auth/register', {
      ...newAccount({ email }),
      invitationToken: `${token}x`,
    });
    expect(tampered.status).toBe(400);
    expect(tampered.body.error.code).toBe('invitation_invalid');
    expect(tampered.body.error.details.fields[0].field).toBe('invitationToken');
  });

  it('a resend sends a new link (the old one stops working); a revoked invitation’s link is refused', async () => {
    const email = address('resent');
    const created = await invite(email, 'chair');
    const id = created.body.invitations.find((i: { email: string }) => i.email === email).id as string;
    const oldToken = tokenIn((await nthMailTo(email, 0)).parsed.text ?? '');
    const resent = await admin.client.post(`/api/invitations/${id}/resend`);
    expect(resent.status).toBe(200);
    const newToken = tokenIn((await nthMailTo(email, 1)).parsed.text ?? '');
    expect(newToken).not.toBe(oldToken);
    expect((await ctx.client().post('/api/auth/invitation', { token: oldToken })).body.error.code).toBe(
      'invitation_invalid',
    );
    expect((await ctx.client().post('/api/auth/invitation', { token: newToken })).status).toBe(200);

    const revoked = await admin.client.delete(`/api/invitations/${id}`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.invitations.map((i: { id: string }) => i.id)).not.toContain(id);
    const refused = await ctx.client().post('/api/auth/invitation', { token: newToken });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('invitation_revoked');
    // Registering through the revoked link is refused too.
    const reg = await ctx.client().post('/api/auth/register', { ...newAccount({ email }), invitationToken: newToken });
    expect(reg.status).toBe(400);
    expect((await admin.client.post(`/api/invitations/${id}/resend`)).status).toBe(404);
    expect((await admin.client.delete(`/api/invitations/${id}`)).status).toBe(404);
  });

  it('expires: listed as expired, its link refused, until a resend gives it 14 more days', async () => {
    const email = address('late');
    const created = await invite(email);
    const id = created.body.invitations.find((i: { email: string }) => i.email === email).id as string;
    const token = tokenIn((await nthMailTo(email, 0)).parsed.text ?? '');
    await ctx.db.pool.query(`update invitations set expires_at = now() - interval '1 second' where id = $1`, [id]);
    expect((await listed()).find((i) => i.id === id)?.status).toBe('expired');
    const refused = await ctx.client().post('/api/auth/register', { ...newAccount({ email }), invitationToken: token });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('invitation_expired');

    expect((await admin.client.post(`/api/invitations/${id}/resend`)).status).toBe(200);
    expect((await listed()).find((i) => i.id === id)?.status).toBe('pending');
    const { rows } = await ctx.db.pool.query<{ days: number }>(
      `select extract(epoch from expires_at - now()) / 86400 as days from invitations where id = $1`,
      [id],
    );
    expect(Number(rows[0]?.days)).toBeGreaterThan(13.9);
    // Inviting the same address again sends the same invitation again, not a second one.
    expect((await invite(email)).status).toBe(201);
    expect((await listed()).filter((i) => i.email === email)).toHaveLength(1);
  });

  it('verifying an address (without the link) accepts the invitations sent to it', async () => {
    const email = address('verifier');
    await invite(email, 'moderator');
    await nthMailTo(email, 0);
    const person = ctx.client();
    expect((await person.post('/api/auth/register', newAccount({ email }))).status).toBe(201);
    expect((await person.get('/api/auth/me')).body.abilities.moderate).toBe(false);
    const verification = await smtp.waitFor((m) => to(email)(m) && /verify-email#token=/.test(m.parsed.text ?? ''));
    const token = /verify-email#token=([a-z0-9]+)/.exec(verification.parsed.text ?? '')?.[1];
    expect((await person.post('/api/auth/email/verify', { token })).status).toBe(200);
    expect((await person.get('/api/auth/me')).body.abilities.moderate).toBe(true);
  });

  it('is for administrators only', async () => {
    const email = address('nope');
    const created = await invite(email);
    const id = created.body.invitations.find((i: { email: string }) => i.email === email).id as string;
    expect(
      (await participant.client.post(`/api/spaces/${space.slug}/invitations`, { email, role: 'chair' })).status,
    ).toBe(403);
    expect((await participant.client.get(`/api/spaces/${space.slug}/invitations`)).status).toBe(403);
    expect((await participant.client.post(`/api/invitations/${id}/resend`)).status).toBe(403);
    expect((await participant.client.delete(`/api/invitations/${id}`)).status).toBe(403);
    expect((await ctx.client().get(`/api/spaces/${space.slug}/invitations`)).status).toBe(401);
    const bad = await admin.client.post(`/api/spaces/${space.slug}/invitations`, { email: 'nope', role: 'chair' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields[0].field).toBe('email');
    const badRole = await admin.client.post(`/api/spaces/${space.slug}/invitations`, { email, role: 'king' });
    expect(badRole.status).toBe(400);
    expect((await admin.client.post(`/api/invitations/not-a-uuid/resend`)).status).toBe(400);
  });

  it('takes a link that works back from the address’s sign-in window; links that do not work add up', async () => {
    const emails = Array.from({ length: 5 }, (_, i) => address(`room${i}`));
    for (const email of emails) expect((await invite(email, 'chair')).status).toBe(201);
    const tokens = [];
    for (const email of emails) tokens.push(tokenIn((await nthMailTo(email, 0)).parsed.text ?? ''));
    await expectWorkingLinksTakenBack(ctx, '/api/auth/invitation', tokens, '203.0.113.78');
  });
});
