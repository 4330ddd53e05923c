import { describe, expect, it } from 'vitest';
import { newAccount, setupApp } from '../helpers/app.js';

const ctx = await setupApp();

describe('register', () => {
  it('creates an account, signs in, and /me returns it', async () => {
    const c = ctx.client();
    const account = newAccount({ country: 'mx', locale: 'es' });
    const res = await c.post('/api/auth/register', account);
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({
      email: account.email,
      displayName: account.displayName,
      country: 'MX',
      locale: 'es',
      role: 'user',
    });
    expect(res.body.user).not.toHaveProperty('passwordHash');
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/convene_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const me = await c.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe(account.email);
    expect(me.body.abilities).toEqual({ moderate: false, admin: false });
    expect((await ctx.client().get('/api/auth/me')).body).toEqual({ user: null, abilities: null });
  });

  it('stores the password as an argon2id hash and only a hash of the session token', async () => {
    const c = ctx.client();
    const account = newAccount();
    await c.post('/api/auth/register', account);
    const { rows } = await ctx.db.pool.query('select password_hash from users where email = $1', [account.email]);
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$/);
    const token = c.cookieHeader.split('=')[1];
    const sessions = await ctx.db.pool.query('select id from sessions');
    expect(sessions.rows.map((r) => r.id)).not.toContain(token);
  });

  it('refuses a duplicate email in any letter case with 409 naming the field', async () => {
    const account = newAccount();
    expect((await ctx.client().post('/api/auth/register', account)).status).toBe(201);
    const again = await ctx.client().post('/api/auth/register', { ...account, email: account.email.toUpperCase() });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('email_taken');
    expect(again.body.error.details.fields[0].field).toBe('email');
  });

  it('refuses a short password with 400 naming the field, and writes nothing', async () => {
    const account = newAccount({ password: 'short' });
    const res = await ctx.client().post('/api/auth/register', account);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details.fields).toEqual([{ field: 'password', message: expect.stringContaining('12') }]);
    const { rowCount } = await ctx.db.pool.query('select 1 from users where email = $1', [account.email]);
    expect(rowCount).toBe(0);
  });

  it('names every bad field at once', async () => {
    const res = await ctx
      .client()
      .post('/api/auth/register', newAccount({ email: 'nope', stakeholderCategory: 'pirates', country: 'XX' }));
    expect(res.status).toBe(400);
    const fields = res.body.error.details.fields.map((f: { field: string }) => f.field).sort();
    expect(fields).toEqual(['country', 'email', 'stakeholderCategory']);
  });

  it('refuses unknown fields with 400 naming them', async () => {
    const res = await ctx.client().post('/api/auth/register', newAccount({ role: 'admin' }));
    expect(res.status).toBe(400);
    expect(res.body.error.details.fields[0].field).toBe('role');
  });

  it('answers malformed JSON with a JSON error, never a stack trace', async () => {
    const res = await ctx.client().post('/api/auth/register', '{"email": ', { 'content-type': 'application/json' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_json');
    expect(res.raw).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it('answers an oversized body with 413', async () => {
    const res = await ctx.client().post('/api/auth/register', newAccount({ displayName: 'x'.repeat(2_000_000) }));
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
  });
});

describe('login and logout', () => {
  it('logs in with a new token each time, and logs out', async () => {
    const account = newAccount();
    await ctx.client().post('/api/auth/register', account);
    const a = ctx.client();
    const first = await a.post('/api/auth/login', { email: account.email.toUpperCase(), password: account.password });
    expect(first.status).toBe(200);
    const token1 = a.cookieHeader;
    await a.post('/api/auth/login', { email: account.email, password: account.password });
    expect(a.cookieHeader).not.toBe(token1);
    expect((await a.get('/api/auth/me')).body.user.email).toBe(account.email);

    const out = await a.post('/api/auth/logout');
    expect(out.status).toBe(200);
    expect((await a.get('/api/auth/me')).body.user).toBeNull();
  });

  it('ends the session on the server, so a copied token stops working after logout', async () => {
    const account = newAccount();
    const a = ctx.client();
    await a.post('/api/auth/register', account);
    const stolen = a.cookieHeader;
    await a.post('/api/auth/logout');
    const replay = await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: stolen } });
    expect(replay.json().user).toBeNull();
  });

  it('gives an unknown email and a wrong password the same answer', async () => {
    const account = newAccount();
    await ctx.client().post('/api/auth/register', account);
    const wrong = await ctx.client().post('/api/auth/login', { email: account.email, password: 'not the password!' });
    const unknown = await ctx.client().post('/api/auth/login', {
      email: 'nobody@example.org',
      password: 'not the password!',
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    // The same code and message; only the request id (every answer's own) differs.
    const withoutId = (b: { error: Record<string, unknown> }) => ({ ...b.error, requestId: undefined });
    expect(withoutId(unknown.body)).toEqual(withoutId(wrong.body));
    expect(unknown.body.error.requestId).not.toBe(wrong.body.error.requestId);
  });

  it('refuses a disabled account and ends its sessions', async () => {
    const account = newAccount();
    const a = ctx.client();
    await a.post('/api/auth/register', account);
    await ctx.db.pool.query('update users set disabled = true where email = $1', [account.email]);
    expect((await a.get('/api/auth/me')).body.user).toBeNull();
    const login = await ctx.client().post('/api/auth/login', { email: account.email, password: account.password });
    expect(login.status).toBe(401);
  });

  it('slides the expiry of a session used in the second half of its life', async () => {
    const a = ctx.client();
    const account = newAccount();
    await a.post('/api/auth/register', account);
    const soon = new Date(Date.now() + 60_000);
    await ctx.db.pool.query(
      'update sessions set expires_at = $1 where user_id = (select id from users where email = $2)',
      [soon, account.email],
    );
    const me = await a.get('/api/auth/me');
    expect(me.body.user.email).toBe(account.email);
    expect(String(me.headers['set-cookie'])).toMatch(/convene_session=/);
    const { rows } = await ctx.db.pool.query(
      'select expires_at from sessions where user_id = (select id from users where email = $1)',
      [account.email],
    );
    expect(new Date(rows[0].expires_at).getTime()).toBeGreaterThan(Date.now() + ctx.config.sessionTtlMs / 2);
  });

  it('rejects an expired session', async () => {
    const a = ctx.client();
    const account = newAccount();
    await a.post('/api/auth/register', account);
    await ctx.db.pool.query(
      "update sessions set expires_at = now() - interval '1 second' where user_id = (select id from users where email = $1)",
      [account.email],
    );
    expect((await a.get('/api/auth/me')).body.user).toBeNull();
  });
});

describe('profile', () => {
  it('lets a signed-in user edit their profile and language, and refuses guests', async () => {
    const c = ctx.client();
    await c.post('/api/auth/register', newAccount());
    const res = await c.patch('/api/auth/me', { displayName: 'Ana Pérez', locale: 'fr', country: 'fr' });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ displayName: 'Ana Pérez', locale: 'fr', country: 'FR' });
    expect((await c.get('/api/auth/me')).body.user.locale).toBe('fr');
    expect((await c.patch('/api/auth/me', { role: 'admin' })).status).toBe(400);
    expect((await ctx.client().patch('/api/auth/me', { locale: 'es' })).status).toBe(401);
  });
});

describe('the country of a Member State delegate', () => {
  const fieldsOf = (res: { body: { error: { details: { fields: { field: string; message: string }[] } } } }) =>
    res.body.error.details.fields;

  it('is required to register in the category Member State, named as the country field', async () => {
    for (const country of [undefined, null]) {
      const account = newAccount({ stakeholderCategory: 'member_state', country });
      const res = await ctx.client().post('/api/auth/register', account);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(fieldsOf(res)).toEqual([
        { field: 'country', message: expect.stringMatching(/country of the Member State/) },
      ]);
      const { rowCount } = await ctx.db.pool.query('select 1 from users where email = $1', [account.email]);
      expect(rowCount).toBe(0);
    }
    const ok = await ctx
      .client()
      .post('/api/auth/register', newAccount({ stakeholderCategory: 'member_state', country: 'gh' }));
    expect(ok.status).toBe(201);
    expect(ok.body.user).toMatchObject({ stakeholderCategory: 'member_state', country: 'GH' });
  });

  it('stays optional in the other categories', async () => {
    const res = await ctx
      .client()
      .post('/api/auth/register', newAccount({ stakeholderCategory: 'civil_society', country: null }));
    expect(res.status).toBe(201);
    expect(res.body.user.country).toBeNull();
  });

  it('cannot be removed from a Member State profile, nor left out when switching to that category', async () => {
    const delegate = ctx.client();
    await delegate.post('/api/auth/register', newAccount({ stakeholderCategory: 'member_state', country: 'GH' }));
    const cleared = await delegate.patch('/api/auth/me', { country: null });
    expect(cleared.status).toBe(400);
    expect(fieldsOf(cleared).map((f) => f.field)).toEqual(['country']);
    const both = await delegate.patch('/api/auth/me', { stakeholderCategory: 'member_state', country: null });
    expect(both.status).toBe(400);
    expect(fieldsOf(both).map((f) => f.field)).toEqual(['country']);
    // Other edits, and a change of country, go through.
    expect((await delegate.patch('/api/auth/me', { displayName: 'Kofi Mensah' })).status).toBe(200);
    const moved = await delegate.patch('/api/auth/me', { country: 'SN' });
    expect(moved.status).toBe(200);
    expect(moved.body.user.country).toBe('SN');

    const ngo = ctx.client();
    await ngo.post('/api/auth/register', newAccount({ stakeholderCategory: 'civil_society', country: null }));
    const switched = await ngo.patch('/api/auth/me', { stakeholderCategory: 'member_state' });
    expect(switched.status).toBe(400);
    expect(fieldsOf(switched).map((f) => f.field)).toEqual(['country']);
    expect((await ngo.get('/api/auth/me')).body.user.stakeholderCategory).toBe('civil_society');
    const withCountry = await ngo.patch('/api/auth/me', { stakeholderCategory: 'member_state', country: 'KE' });
    expect(withCountry.status).toBe(200);
    // A language change alone never trips over the rule (older accounts may lack a country).
    await ctx.db.pool.query("update users set country = null where stakeholder_category = 'member_state'");
    expect((await ngo.patch('/api/auth/me', { locale: 'fr' })).status).toBe(200);
  });
});

describe('preview', () => {
  it('renders markdown exactly as it will be published, for signed-in users only', async () => {
    const c = ctx.client();
    await c.post('/api/auth/register', newAccount());
    const res = await c.post('/api/preview', { body: 'Hello **world** <script>alert(1)</script>' });
    expect(res.status).toBe(200);
    expect(res.body.html).toContain('<strong>world</strong>');
    expect(res.body.html).not.toContain('<script');
    expect((await ctx.client().post('/api/preview', { body: 'x' })).status).toBe(401);
  });
});

describe('cross-site requests', () => {
  it('refuses a write from a foreign Origin with 403', async () => {
    const res = await ctx.client().post('/api/auth/register', newAccount(), { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden_origin');
  });

  it('accepts the app origin and requests without an Origin (non-browser clients)', async () => {
    const own = await ctx.client().post('/api/auth/register', newAccount(), { origin: ctx.config.appOrigin });
    expect(own.status).toBe(201);
    const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/register', payload: newAccount() });
    expect(res.statusCode).toBe(201);
  });
});

describe('errors and service routes', () => {
  it('answers unknown API routes with a JSON 404', async () => {
    const res = await ctx.client().get('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });

  it('serves the OpenAPI document listing the auth routes', async () => {
    const res = await ctx.client().get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/auth/register', '/api/auth/login', '/api/auth/logout', '/api/auth/me']),
    );
    expect(res.body.paths['/api/auth/register'].post.requestBody).toBeDefined();
  });

  it('answers /healthz and /readyz', async () => {
    expect((await ctx.client().get('/healthz')).status).toBe(200);
    const ready = await ctx.client().get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ok' });
  });
});
