import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateTOTP } from '@oslojs/otp';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ensureAdmin } from '../../server/src/commands/users.js';
import { recoveryCodes, totpCredentials } from '../../server/src/db/schema/index.js';
import { setupApp, type TestClient } from '../helpers/app.js';
import { grantRole, makeSpace, makeUser } from '../helpers/factories.js';
import { totpCode } from '../helpers/totp.js';

// The product default (REQUIRE_STAFF_2FA=admins); testConfig turns it off for other test files.
const ctx = await setupApp({
  staffAccounts: { require2fa: 'admins', totpLimit: { max: 5, windowMs: 60_000 }, lastUsedGranularityMs: 300_000 },
});
const PASSWORD = 'correct horse battery staple';

/** Enrols and confirms; returns the text key and the recovery codes. */
async function enrol(client: TestClient) {
  const started = await client.post('/api/me/totp/enrol');
  expect(started.status).toBe(200);
  expect(started.body.uri).toMatch(/^otpauth:\/\/totp\/Convene:.+secret=/);
  const key = started.body.key as string;
  // The step before the current one (still within drift), so the sign-in code later is newer.
  const confirmed = await client.post('/api/me/totp/confirm', { code: totpCode(key, -1) });
  expect(confirmed.status).toBe(200);
  return { key, recoveryCodes: confirmed.body.recoveryCodes as string[] };
}

async function login(client: TestClient, email: string, password = PASSWORD) {
  return client.post('/api/auth/login', { email, password });
}

describe('TOTP two-factor sign-in', () => {
  it('is off until confirmed with a code; a wrong code is refused naming the field', async () => {
    const person = await makeUser(ctx);
    const started = await person.client.post('/api/me/totp/enrol');
    expect((await person.client.get('/api/me/totp')).body).toMatchObject({ enabled: false, required: false });
    const wrong = await person.client.post('/api/me/totp/confirm', { code: '000000' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details.fields[0].field).toBe('code');
    // Not on: signing in asks for no code.
    expect((await login(ctx.client(), person.user.email)).status).toBe(200);
    const ok = await person.client.post('/api/me/totp/confirm', {
      code: generateTOTP(decodeBase32IgnorePadding(started.body.key), 30, 6),
    });
    expect(ok.status).toBe(200);
    expect(ok.body.recoveryCodes).toHaveLength(10);
    // Recovery codes are hashed at rest.
    const stored = await ctx.db.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, person.user.id));
    expect(stored.map((r) => r.codeHash)).not.toContain(ok.body.recoveryCodes[0]);
    expect((await person.client.get('/api/me/totp')).body).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
  });

  it('asks for the code after the password; the pending session grants nothing else; a replayed code is refused', async () => {
    const person = await makeUser(ctx);
    const { key } = await enrol(person.client);
    const browser = ctx.client();
    const first = await login(browser, person.user.email);
    expect(first.status).toBe(401);
    expect(first.body.error.code).toBe('second_factor_required');
    // Password verified, second factor pending: signed out everywhere else.
    expect((await browser.get('/api/auth/me')).body.user).toBeNull();
    expect((await browser.get('/api/me/sessions')).status).toBe(401);
    expect((await browser.get('/api/me/notification-preferences')).status).toBe(401);
    expect((await browser.post('/api/me/totp/enrol')).status).toBe(401);

    const wrong = await browser.post('/api/auth/totp', { code: '123456' === totpCode(key) ? '654321' : '123456' });
    expect(wrong.status).toBe(400);
    const code = totpCode(key);
    const ok = await browser.post('/api/auth/totp', { code });
    expect(ok.status).toBe(200);
    expect((await browser.get('/api/auth/me')).body.user.id).toBe(person.user.id);

    // The same code again, within its window, in another sign-in: refused.
    const again = ctx.client();
    await login(again, person.user.email);
    expect((await again.post('/api/auth/totp', { code })).status).toBe(400);
    expect((await again.get('/api/auth/me')).body.user).toBeNull();
    // Without a password first, the code step is 401.
    expect((await ctx.client().post('/api/auth/totp', { code: totpCode(key) })).status).toBe(401);
  });

  it('accepts each recovery code once', async () => {
    const person = await makeUser(ctx);
    const { recoveryCodes: codes } = await enrol(person.client);
    const a = ctx.client();
    await login(a, person.user.email);
    expect((await a.post('/api/auth/totp', { recoveryCode: codes[0] })).status).toBe(200);
    const b = ctx.client();
    await login(b, person.user.email);
    const reused = await b.post('/api/auth/totp', { recoveryCode: codes[0] });
    expect(reused.status).toBe(400);
    expect(reused.body.error.details.fields[0].field).toBe('recoveryCode');
    expect((await b.post('/api/auth/totp', { recoveryCode: codes[1]?.toUpperCase() })).status).toBe(200);
    expect((await person.client.get('/api/me/totp')).body.recoveryCodesLeft).toBe(8);
  });

  it('remembers a browser for 30 days when asked, and only that browser', async () => {
    const person = await makeUser(ctx);
    const { key } = await enrol(person.client);
    const browser = ctx.client();
    await login(browser, person.user.email);
    expect((await browser.post('/api/auth/totp', { code: totpCode(key), rememberDevice: true })).status).toBe(200);
    await browser.post('/api/auth/logout');
    expect((await login(browser, person.user.email)).status).toBe(200);
    expect((await login(ctx.client(), person.user.email)).status).toBe(401);
  });

  it('limits code attempts per account', async () => {
    const person = await makeUser(ctx);
    await enrol(person.client);
    const browser = ctx.client();
    await login(browser, person.user.email);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await browser.post('/api/auth/totp', { code: 'abcdef' })).status);
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
  });

  it('turns off with the password or a code, not with a wrong one', async () => {
    const person = await makeUser(ctx);
    await enrol(person.client);
    const wrong = await person.client.post('/api/me/totp/disable', { password: 'not my password at all' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details.fields[0].field).toBe('password');
    expect((await person.client.post('/api/me/totp/disable', { password: PASSWORD })).status).toBe(200);
    expect(await ctx.db.db.select().from(totpCredentials).where(eq(totpCredentials.userId, person.user.id))).toEqual(
      [],
    );
    expect((await login(ctx.client(), person.user.email)).status).toBe(200);
  });

  it('sends an administrator without two-factor to enrol before anything else works', async () => {
    const email = `admin.totp.${Math.random().toString(36).slice(2, 7)}@example.org`;
    await ensureAdmin(ctx.db.db, email, 'admin password 123');
    const admin = { client: ctx.client() };
    expect((await login(admin.client, email, 'admin password 123')).status).toBe(200);
    const blocked = await admin.client.get('/api/admin/users');
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe('two_factor_enrolment_required');
    expect((await admin.client.get('/api/me/totp')).body).toMatchObject({ enabled: false, required: true });
    const { key } = await enrol(admin.client);
    expect((await admin.client.get('/api/admin/users')).status).toBe(200);
    // Next sign-in: the code.
    const again = ctx.client();
    expect((await login(again, email, 'admin password 123')).status).toBe(401);
    expect((await again.post('/api/auth/totp', { code: totpCode(key) })).status).toBe(200);
    expect((await again.get('/api/admin/users')).status).toBe(200);
  });

  it('regenerates recovery codes with a code or the password: shown once, the old ones stop working', async () => {
    const person = await makeUser(ctx);
    const { key, recoveryCodes: old } = await enrol(person.client);
    // Use one old code, so that both used and unused old codes are checked below.
    const first = ctx.client();
    await login(first, person.user.email);
    expect((await first.post('/api/auth/totp', { recoveryCode: old[0] })).status).toBe(200);

    const wrong = await person.client.post('/api/me/totp/recovery-codes', { password: 'not my password at all' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details.fields[0].field).toBe('password');
    const badCode = await person.client.post('/api/me/totp/recovery-codes', {
      code: '000000' === totpCode(key) ? '111111' : '000000',
    });
    expect(badCode.status).toBe(400);
    expect(badCode.body.error.details.fields[0].field).toBe('code');
    expect((await person.client.post('/api/me/totp/recovery-codes', {})).status).toBe(400);
    expect((await person.client.get('/api/me/totp')).body.recoveryCodesLeft).toBe(9);

    const byPassword = await person.client.post('/api/me/totp/recovery-codes', { password: PASSWORD });
    expect(byPassword.status).toBe(200);
    const fresh = byPassword.body.recoveryCodes as string[];
    expect(fresh).toHaveLength(10);
    expect(fresh.some((c) => old.includes(c))).toBe(false);
    expect((await person.client.get('/api/me/totp')).body.recoveryCodesLeft).toBe(10);
    // Hashed at rest, like the first ones.
    const stored = await ctx.db.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, person.user.id));
    expect(stored).toHaveLength(10);
    expect(stored.map((r) => r.codeHash)).not.toContain(fresh[0]);

    // An old unused code is refused; a new one works.
    const b = ctx.client();
    await login(b, person.user.email);
    expect((await b.post('/api/auth/totp', { recoveryCode: old[1] })).status).toBe(400);
    expect((await b.post('/api/auth/totp', { recoveryCode: fresh[0] })).status).toBe(200);

    // With a current code instead of the password: another new set, the previous one gone.
    const byCode = await person.client.post('/api/me/totp/recovery-codes', { code: totpCode(key, 1) });
    expect(byCode.status).toBe(200);
    const c = ctx.client();
    await login(c, person.user.email);
    expect((await c.post('/api/auth/totp', { recoveryCode: fresh[1] })).status).toBe(400);
    expect((await c.post('/api/auth/totp', { recoveryCode: byCode.body.recoveryCodes[0] })).status).toBe(200);
  });

  it('regenerates no recovery codes while two-factor is off', async () => {
    const person = await makeUser(ctx);
    const res = await person.client.post('/api/me/totp/recovery-codes', { password: PASSWORD });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('two_factor_disabled');
    expect((await ctx.client().post('/api/me/totp/recovery-codes', { password: PASSWORD })).status).toBe(401);
  });

  it('under REQUIRE_STAFF_2FA=admins a moderator is not held back', async () => {
    const { space } = await makeSpace(ctx);
    const mod = await makeUser(ctx);
    await grantRole(ctx, space.id, mod.user.id, 'moderator');
    expect((await mod.client.get('/api/me/totp')).body.required).toBe(false);
    expect((await mod.client.get('/api/auth/me')).status).toBe(200);
  });
});

// A second app on its own database, with moderators and chairs held to it too.
const staffCtx = await setupApp({
  staffAccounts: { require2fa: 'staff', totpLimit: { max: 5, windowMs: 60_000 }, lastUsedGranularityMs: 300_000 },
});

describe('REQUIRE_STAFF_2FA=staff', () => {
  it('holds back moderators and chairs until they enrol, not participants', async () => {
    const { space } = await makeSpace(staffCtx);
    const [chair, participant] = [await makeUser(staffCtx), await makeUser(staffCtx)];
    await grantRole(staffCtx, space.id, chair.user.id, 'chair');
    const refused = await chair.client.get('/api/me/notification-preferences');
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('two_factor_enrolment_required');
    expect((await participant.client.get('/api/me/notification-preferences')).status).toBe(200);
    await enrol(chair.client);
    expect((await chair.client.get('/api/me/notification-preferences')).status).toBe(200);
  });
});
