import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/src/app.js';
import { addOrganisationDomain } from '../../server/src/commands/affiliations.js';
import { loadConfig, testConfig } from '../../server/src/config.js';
import { identityLinks, users } from '../../server/src/db/schema/index.js';
import { type TestClient, TestClient as Client, setupApp } from '../helpers/app.js';
import { makeAdmin, makeUser } from '../helpers/factories.js';
import { startOidcProvider, unreachableIssuer } from '../helpers/oidcProvider.js';
import { totpCode } from '../helpers/totp.js';

/**
 * Single sign-on against a real OpenID Connect provider (oidc-provider 9) on a free port: the app
 * (in process) calls it over HTTP for discovery, the token and userinfo; the test plays the
 * browser between them (the provider's login and consent pages, then the app's callback).
 */
const CALLBACK = 'http://localhost:3000/api/auth/oidc/callback';
const op = await startOidcProvider({ redirectUris: [CALLBACK] });
const ctx = await setupApp({ oidc: op.settings('Test ID') });

let counter = 0;
const login = (prefix: string) => `${prefix}${(counter += 1)}x${Math.random().toString(36).slice(2, 7)}`;

/** Opens the app's start route; returns the provider's authorization URL it redirects to. */
async function start(client: TestClient, next?: string): Promise<URL> {
  const res = await client.get(`/api/auth/oidc/start${next ? `?next=${encodeURIComponent(next)}` : ''}`);
  expect(res.status).toBe(302);
  return new URL(String(res.headers.location));
}

/** The app's answer to the provider's redirect back (the path and query of the callback URL). */
async function callback(client: TestClient, url: URL) {
  const res = await client.get(`${url.pathname}${url.search}`);
  expect(res.status).toBe(302);
  return { res, location: String(res.headers.location) };
}

/** A whole sign-in as `sub` at the provider; returns where the app sends the browser at the end. */
async function signIn(client: TestClient, sub: string, next?: string) {
  const back = await op.authorize((await start(client, next)).href, sub);
  return (await callback(client, back)).location;
}

const ssoError = (location: string) => new URL(location, 'http://x').searchParams.get('sso_error');
const me = async (client: TestClient) => (await client.get('/api/auth/me')).body.user;

describe('single sign-on (OpenID Connect)', () => {
  it('says which provider is configured, and is off (404) without one', async () => {
    expect((await ctx.client().get('/api/auth/providers')).body).toEqual({
      oidc: { name: 'Test ID', startUrl: '/api/auth/oidc/start' },
    });
    const plain = await setupApp();
    expect((await plain.client().get('/api/auth/providers')).body).toEqual({ oidc: null });
    const off = await plain.client().get('/api/auth/oidc/start');
    expect(off.status).toBe(404);
    expect(off.body.error.code).toBe('oidc_disabled');
    expect((await plain.client().get('/api/auth/oidc/callback?code=x&state=y')).status).toBe(404);
  });

  it('sends state, nonce and a PKCE S256 challenge, and keeps the checks server-side behind an HTTP-only cookie', async () => {
    const client = ctx.client();
    const res = await client.get('/api/auth/oidc/start');
    const url = new URL(String(res.headers.location));
    expect(url.origin).toBe(op.issuer);
    const q = url.searchParams;
    expect(q.get('response_type')).toBe('code');
    expect(q.get('client_id')).toBe(op.clientId);
    expect(q.get('redirect_uri')).toBe(CALLBACK);
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(q.get('state')?.length).toBeGreaterThan(20);
    expect(q.get('nonce')?.length).toBeGreaterThan(20);
    expect(q.get('scope')).toBe('openid email profile');
    const cookie = String(
      ([] as string[]).concat(res.headers['set-cookie'] as string[]).find((c) => c.startsWith('convene_oidc=')),
    );
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\/api\/auth\/oidc\//);
    // Neither the verifier nor the nonce is in the cookie: the row is named by the token's hash.
    const { rows } = await ctx.db.pool.query(
      'select id, state, nonce, code_verifier from oidc_logins where state = $1',
      [q.get('state')],
    );
    expect(rows).toHaveLength(1);
    expect(cookie).not.toContain(rows[0].code_verifier);
    expect(cookie).not.toContain(rows[0].id);
  });

  it('creates a verified account for a new person, with the affiliation claim, and returns to the page they were on', async () => {
    const sub = login('new');
    op.setAccount(sub, { name: 'Amina Diallo', organisation: 'Ministry of Labour, Senegal', locale: 'fr-SN' });
    const client = ctx.client();
    expect(await signIn(client, sub, '/spaces/some-space?tab=2')).toBe('/spaces/some-space?tab=2');
    const user = await me(client);
    expect(user).toMatchObject({
      email: `${sub}@sso.example.org`,
      displayName: 'Amina Diallo',
      affiliation: 'Ministry of Labour, Senegal',
      stakeholderCategory: 'other',
      locale: 'fr',
    });
    const [row] = await ctx.db.db.select().from(users).where(eq(users.id, user.id));
    expect(row?.emailVerifiedAt).not.toBeNull();
    const links = await ctx.db.db.select().from(identityLinks).where(eq(identityLinks.userId, user.id));
    expect(links).toMatchObject([{ issuer: op.issuer, subject: sub }]);
    // The state row is single use: gone after the callback.
    expect(
      (
        await ctx.db.pool.query('select count(*)::int as n from oidc_logins where return_to = $1', [
          '/spaces/some-space?tab=2',
        ])
      ).rows[0].n,
    ).toBe(0);

    // Next time, in another browser, the same account (by the link, not a new one).
    const again = ctx.client();
    expect(await signIn(again, sub)).toBe('/');
    expect((await me(again)).id).toBe(user.id);
    const count = await ctx.db.pool.query('select count(*)::int as n from users where lower(email) = lower($1)', [
      `${sub}@sso.example.org`,
    ]);
    expect(count.rows[0].n).toBe(1);
  });

  it('links an existing account whose address is verified at both ends, keeping its profile', async () => {
    const person = await makeUser(ctx, { affiliation: 'Kept Organisation' });
    const sub = login('existing');
    op.setAccount(sub, { email: person.user.email.toUpperCase(), email_verified: true, organisation: 'Ignored' });
    const client = ctx.client();
    expect(await signIn(client, sub)).toBe('/');
    const user = await me(client);
    expect(user.id).toBe(person.user.id);
    expect(user.affiliation).toBe('Kept Organisation');
    // The password still works too.
    expect(
      (
        await ctx
          .client()
          .post('/api/auth/login', { email: person.user.email, password: 'correct horse battery staple' })
      ).status,
    ).toBe(200);
  });

  it('does not link or create anything on an email_verified: false claim', async () => {
    const person = await makeUser(ctx);
    const sub = login('unverified');
    op.setAccount(sub, { email: person.user.email, email_verified: false });
    const client = ctx.client();
    expect(ssoError(await signIn(client, sub))).toBe('oidc_email_unverified');
    expect(await me(client)).toBeNull();
    expect(await ctx.db.db.select().from(identityLinks).where(eq(identityLinks.subject, sub))).toEqual([]);

    // Nor for an address with no account: no account appears.
    const stranger = login('stranger');
    op.setAccount(stranger, { email_verified: false });
    expect(ssoError(await signIn(ctx.client(), stranger))).toBe('oidc_email_unverified');
    const rows = await ctx.db.pool.query('select 1 from users where lower(email) = lower($1)', [
      `${stranger}@sso.example.org`,
    ]);
    expect(rows.rowCount).toBe(0);
    // A missing claim is no better than false.
    const silent = login('silent');
    op.setAccount(silent, { email_verified: undefined });
    expect(ssoError(await signIn(ctx.client(), silent))).toBe('oidc_email_unverified');
  });

  it('does not take over an account here whose own address is unverified', async () => {
    const squatter = await makeUser(ctx, {}, { verified: false });
    const sub = login('owner');
    op.setAccount(sub, { email: squatter.user.email, email_verified: true });
    const client = ctx.client();
    expect(ssoError(await signIn(client, sub, '/account'))).toBe('oidc_account_unverified');
    expect(await me(client)).toBeNull();
    expect(await ctx.db.db.select().from(identityLinks).where(eq(identityLinks.userId, squatter.user.id))).toEqual([]);
  });

  it('refuses a callback whose state is not this browser’s, and the sign-in cannot be retried', async () => {
    const sub = login('state');
    const client = ctx.client();
    const back = await op.authorize((await start(client, '/account')).href, sub);
    const forged = new URL(back);
    forged.searchParams.set('state', 'not-the-state-we-sent');
    const { location } = await callback(client, forged);
    expect(ssoError(location)).toBe('oidc_state_mismatch');
    // The failure keeps the page to return to.
    expect(new URL(location, 'http://x').searchParams.get('next')).toBe('/account');
    expect(await me(client)).toBeNull();
    // The genuine answer afterwards finds nothing under way: single use.
    expect(ssoError((await callback(client, back)).location)).toBe('oidc_session_expired');
    expect(await me(client)).toBeNull();
  });

  it('refuses a callback opened in another browser (no sign-in under way there)', async () => {
    const back = await op.authorize((await start(ctx.client())).href, login('elsewhere'));
    const other = ctx.client();
    expect(ssoError((await callback(other, back)).location)).toBe('oidc_session_expired');
    expect(await me(other)).toBeNull();
  });

  it('refuses an ID token whose nonce is not the one sent', async () => {
    const client = ctx.client();
    const auth = await start(client);
    await ctx.db.pool.query(`update oidc_logins set nonce = 'another-nonce' where state = $1`, [
      auth.searchParams.get('state'),
    ]);
    const back = await op.authorize(auth.href, login('nonce'));
    expect(ssoError((await callback(client, back)).location)).toBe('oidc_nonce_mismatch');
    expect(await me(client)).toBeNull();
  });

  it('is refused by the provider with a wrong PKCE verifier, and without a challenge', async () => {
    const client = ctx.client();
    const auth = await start(client);
    await ctx.db.pool.query(`update oidc_logins set code_verifier = $2 where state = $1`, [
      auth.searchParams.get('state'),
      'x'.repeat(43),
    ]);
    const back = await op.authorize(auth.href, login('pkce'));
    expect(ssoError((await callback(client, back)).location)).toBe('oidc_code_rejected');
    expect(await me(client)).toBeNull();

    // The provider requires PKCE: an authorization request without a challenge comes back as an error.
    const bare = ctx.client();
    const noChallenge = await start(bare);
    noChallenge.searchParams.delete('code_challenge');
    noChallenge.searchParams.delete('code_challenge_method');
    const refused = await op.authorize(noChallenge.href, login('nopkce'));
    expect(refused.searchParams.get('error')).toBe('invalid_request');
    expect(refused.searchParams.get('code')).toBeNull();
    expect(ssoError((await callback(bare, refused)).location)).toBe('oidc_denied');
  });

  it('refuses a tampered code', async () => {
    const client = ctx.client();
    const back = await op.authorize((await start(client)).href, login('code'));
    back.searchParams.set('code', `${back.searchParams.get('code')}x`);
    expect(ssoError((await callback(client, back)).location)).toBe('oidc_code_rejected');
    expect(await me(client)).toBeNull();
  });

  it('never returns to another site or to an API route', async () => {
    for (const next of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', '/api/auth/logout']) {
      expect(await signIn(ctx.client(), login('next'), next)).toBe('/');
    }
  });

  it('asks an account with two-factor on for its code, as a password sign-in does', async () => {
    const admin = await makeAdmin(ctx);
    const started = await admin.client.post('/api/me/totp/enrol');
    const key = started.body.key as string;
    const codeAt = (offset: number) => totpCode(key, offset);
    expect((await admin.client.post('/api/me/totp/confirm', { code: codeAt(-1) })).status).toBe(200);
    const sub = login('staff');
    op.setAccount(sub, { email: admin.user.email, email_verified: true });
    const client = ctx.client();
    const location = await signIn(client, sub, '/admin');
    const target = new URL(location, 'http://x');
    expect(target.pathname).toBe('/signin');
    expect(target.searchParams.get('second_factor')).toBe('1');
    expect(target.searchParams.get('next')).toBe('/admin');
    // Not signed in until the code.
    expect(await me(client)).toBeNull();
    expect((await client.get('/api/admin/users')).status).toBe(401);
    expect((await client.post('/api/auth/totp', { code: codeAt(0) })).status).toBe(200);
    expect((await me(client)).id).toBe(admin.user.id);
  });

  it('forgets the link when the account is deleted: the identity then starts a new account', async () => {
    const person = await makeUser(ctx);
    const sub = login('deleted');
    op.setAccount(sub, { email: person.user.email });
    expect(await signIn(ctx.client(), sub)).toBe('/');
    expect((await person.client.post('/api/me/deletion', { password: 'correct horse battery staple' })).status).toBe(
      200,
    );
    expect(await ctx.db.db.select().from(identityLinks).where(eq(identityLinks.userId, person.user.id))).toEqual([]);
    const client = ctx.client();
    expect(await signIn(client, sub)).toBe('/');
    const fresh = await me(client);
    expect(fresh.id).not.toBe(person.user.id);
    expect(fresh.email).toBe(person.user.email);
  });

  it('applies the organisation-domain rules to a new account (verified affiliation), not to an unverified claim', async () => {
    const admin = await makeAdmin(ctx);
    await addOrganisationDomain(ctx.db.db, admin.user, {
      domain: 'mfa.gov.example',
      organisation: 'Ministry of Foreign Affairs, Example',
      stakeholderCategory: 'member_state',
    });
    const sub = login('delegate');
    op.setAccount(sub, { email: `${sub}@mfa.gov.example`, organisation: 'Typed by the provider' });
    const client = ctx.client();
    expect(await signIn(client, sub)).toBe('/');
    const id = (await me(client)).id as string;
    const [row] = await ctx.db.db.select().from(users).where(eq(users.id, id));
    expect(row).toMatchObject({
      affiliation: 'Ministry of Foreign Affairs, Example',
      stakeholderCategory: 'member_state',
      affiliationVerifiedVia: 'domain',
    });
    expect(row?.affiliationVerifiedAt).not.toBeNull();

    // Same domain, but the provider does not vouch for the address: no account, nothing verified.
    const doubtful = login('doubtful');
    op.setAccount(doubtful, { email: `${doubtful}@mfa.gov.example`, email_verified: false });
    expect(ssoError(await signIn(ctx.client(), doubtful))).toBe('oidc_email_unverified');
    const none = await ctx.db.pool.query('select 1 from users where lower(email) = lower($1)', [
      `${doubtful}@mfa.gov.example`,
    ]);
    expect(none.rowCount).toBe(0);
  });

  it('does not count a successful sign-in against the address: a room behind one network signs in', async () => {
    const limits = testConfig().rateLimits;
    const room = await setupApp({
      oidc: op.settings('Test ID'),
      rateLimits: { ...limits, login: { ...limits.login, address: { max: 3, windowMs: 60_000 } } },
    });
    // Five people from one address with a limit of 3 attempts a minute (each sign-in is a start
    // and a callback): all are signed in.
    for (let i = 0; i < 5; i++) {
      const client = room.client();
      expect(ssoError(await signIn(client, login('room')))).toBeNull();
      expect((await me(client))?.displayName).toBeTruthy();
    }
    // Attempts that do not end in a sign-in still add up: three starts left unfinished, then 429.
    const client = room.client();
    for (let i = 0; i < 3; i++) await start(client);
    const refused = await client.get('/api/auth/oidc/start');
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('rate_limited');
  });

  it('refuses a disabled account', async () => {
    const person = await makeUser(ctx);
    await ctx.db.db.update(users).set({ disabled: true }).where(eq(users.id, person.user.id));
    const sub = login('disabled');
    op.setAccount(sub, { email: person.user.email });
    const client = ctx.client();
    expect(ssoError(await signIn(client, sub))).toBe('oidc_account_disabled');
    expect(await me(client)).toBeNull();
    await ctx.db.db.execute(sql`update users set disabled = false where id = ${person.user.id}`);
  });
});

describe('single sign-on configuration', () => {
  it('is off unless issuer, client id and secret are all set; a half set is an error naming the missing ones', () => {
    expect(loadConfig({}).oidc).toBeUndefined();
    const full = loadConfig({
      OIDC_ISSUER: 'https://id.example.org/realms/un',
      OIDC_CLIENT_ID: 'convene',
      OIDC_CLIENT_SECRET: 's3cret',
    }).oidc;
    expect(full).toMatchObject({
      name: 'id.example.org',
      affiliationClaim: 'organisation',
      scope: 'openid email profile',
    });
    expect(() => loadConfig({ OIDC_ISSUER: 'https://id.example.org' })).toThrow(
      /OIDC_CLIENT_ID.*\n.*OIDC_CLIENT_SECRET/s,
    );
    expect(() =>
      loadConfig({ OIDC_ISSUER: 'http://id.example.org', OIDC_CLIENT_ID: 'c', OIDC_CLIENT_SECRET: 's' }),
    ).toThrow(/OIDC_ISSUER: Use an https:\/\/ issuer/);
    expect(() =>
      loadConfig({
        OIDC_ISSUER: 'https://id.example.org',
        OIDC_CLIENT_ID: 'c',
        OIDC_CLIENT_SECRET: 's',
        OIDC_SCOPES: 'openid profile',
      }),
    ).toThrow(/OIDC_SCOPES: Include email/);
  });
});

describe('single sign-on with the provider unreachable', () => {
  it('redirects to the sign-in page with a clear error, not a 500', async () => {
    const app = await buildApp({
      db: ctx.db.db,
      config: { ...ctx.config, oidc: { ...op.settings(), issuer: await unreachableIssuer() } },
      logger: false,
    });
    await app.ready();
    afterAll(() => app.close());
    const client = new Client(app, ctx.config.appOrigin);
    const res = await client.get('/api/auth/oidc/start?next=/account');
    expect(res.status).toBe(302);
    const target = new URL(String(res.headers.location), 'http://x');
    expect(target.pathname).toBe('/signin');
    expect(target.searchParams.get('sso_error')).toBe('oidc_unavailable');
    expect(target.searchParams.get('next')).toBe('/account');
    // The providers list still names it (the button stays; the error says why it failed).
    expect((await client.get('/api/auth/providers')).body.oidc.name).toBe('Test ID');
  });
});
