import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type ConveneApp } from '../../server/src/app.js';
import { type Limit, loadConfig, testConfig } from '../../server/src/config.js';
import { type TestClient, type TestResponse, newAccount, setupApp } from '../helpers/app.js';
import { insertComment, makeSpace, uuid } from '../helpers/factories.js';
import { PDF, multipartBody } from '../helpers/multipart.js';

const low = (max: number): Limit => ({ max, windowMs: 60_000 });
const base = testConfig().rateLimits;
const ctx = await setupApp({
  trustProxy: true,
  rateLimits: {
    ...base,
    login: { address: low(3), account: low(3) },
    register: { address: low(3) },
    comment: { user: low(3), address: low(5) },
    edit: { user: low(3), address: low(5) },
    report: { user: low(3), address: low(5) },
    upload: { user: low(3), address: low(5) },
  },
});

let ipCounter = 0;
/** A fresh client address for each call (X-Forwarded-For, trusted in this app). */
const newIp = () => {
  ipCounter += 1;
  return `198.51.${Math.floor(ipCounter / 250)}.${(ipCounter % 250) + 1}`;
};

interface Person {
  id: string;
  client: TestClient;
}
async function register(): Promise<Person> {
  const client = ctx.client();
  const res = await client.post('/api/auth/register', newAccount(), { 'x-forwarded-for': newIp() });
  if (res.status !== 201) throw new Error(`register failed: ${res.raw}`);
  return { id: res.body.user.id, client };
}

/** One request through `app` (default: the test app) as `person`, from `ip`. */
async function send(
  person: Person,
  method: 'POST' | 'PATCH',
  url: string,
  ip: string,
  body: unknown,
  app: ConveneApp = ctx.app,
): Promise<TestResponse> {
  const multipart = Buffer.isBuffer((body as { payload?: unknown } | undefined)?.payload);
  const { payload, contentType } = multipart
    ? (body as { payload: Buffer; contentType: string })
    : { payload: JSON.stringify(body), contentType: 'application/json' };
  const res = await app.inject({
    method,
    url,
    payload,
    headers: {
      'content-type': contentType,
      origin: ctx.config.appOrigin,
      cookie: person.client.cookieHeader,
      'x-forwarded-for': ip,
    },
  });
  return { status: res.statusCode, body: res.json(), headers: res.headers, raw: res.body };
}

function expectLimited(res: TestResponse) {
  expect(res.status, res.raw).toBe(429);
  const retryAfter = Number(res.headers['retry-after']);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60 * 15);
  expect(res.body).toEqual({
    error: {
      code: 'rate_limited',
      message: expect.stringMatching(/try again in \d+/),
      details: { retryAfterSeconds: retryAfter },
      requestId: expect.any(String),
    },
  });
}

let space: Awaited<ReturnType<typeof makeSpace>>['space'];
let other: Person;
beforeAll(async () => {
  ({ space } = await makeSpace(ctx, { moderationMode: 'pre' }));
  other = await register();
});

type Kind = 'comment' | 'edit' | 'report' | 'upload';
/** One request of each limited kind, on fresh fixtures, with the status it gets when allowed. */
const acts: Record<Kind, { ok: number; run(p: Person, ip: string, app?: ConveneApp): Promise<TestResponse> }> = {
  comment: {
    ok: 201,
    run: (p, ip, app) =>
      send(
        p,
        'POST',
        `/api/spaces/${space.slug}/comments`,
        ip,
        { body: 'A point.', language: 'en', clientId: uuid() },
        app,
      ),
  },
  edit: {
    ok: 200,
    async run(p, ip, app) {
      const c = await insertComment(ctx, { spaceId: space.id, authorId: p.id });
      return send(p, 'PATCH', `/api/comments/${c.id}`, ip, { body: 'Edited.', version: 1 }, app);
    },
  },
  report: {
    ok: 201,
    async run(p, ip, app) {
      const c = await insertComment(ctx, { spaceId: space.id, authorId: other.id, status: 'approved' });
      return send(p, 'POST', `/api/comments/${c.id}/reports`, ip, { reason: 'Off topic here.' }, app);
    },
  },
  upload: {
    ok: 201,
    async run(p, ip, app) {
      const c = await insertComment(ctx, { spaceId: space.id, authorId: p.id });
      const form = multipartBody([{ filename: 'a.pdf', contentType: 'application/pdf', data: PDF }]);
      return send(p, 'POST', `/api/comments/${c.id}/attachments`, ip, form, app);
    },
  },
};

describe.each(Object.keys(acts) as Kind[])('the %s limit', (kind) => {
  const act = acts[kind];

  it('holds per user when the same user comes from other addresses', async () => {
    const p = await register();
    for (let i = 0; i < 3; i++) expect((await act.run(p, newIp())).status).toBe(act.ok);
    expectLimited(await act.run(p, newIp()));
    // Someone else is not affected.
    expect((await act.run(await register(), newIp())).status).toBe(act.ok);
  });

  it('holds per address across different users', async () => {
    const ip = newIp();
    for (let i = 0; i < 5; i++) expect((await act.run(await register(), ip)).status).toBe(act.ok);
    expectLimited(await act.run(await register(), ip));
    expect((await act.run(await register(), newIp())).status).toBe(act.ok);
  });
});

describe('the counters', () => {
  it('are shared by two instances on the same database', async () => {
    const second = await buildApp({ db: ctx.db.db, config: ctx.config, logger: false });
    await second.ready();
    try {
      const p = await register();
      expect((await acts.comment.run(p, newIp(), ctx.app)).status).toBe(201);
      expect((await acts.comment.run(p, newIp(), second)).status).toBe(201);
      expect((await acts.comment.run(p, newIp(), ctx.app)).status).toBe(201);
      expectLimited(await acts.comment.run(p, newIp(), second));
      expectLimited(await acts.comment.run(p, newIp(), ctx.app));
    } finally {
      await second.close();
    }
  });

  it('start again after the window, and ended windows are swept', async () => {
    const p = await register();
    for (let i = 0; i < 3; i++) await acts.comment.run(p, newIp());
    expectLimited(await acts.comment.run(p, newIp()));
    // Move the window into the past instead of waiting for it.
    const key = `comment:user:${p.id}`;
    await ctx.db.pool.query(
      `update rate_limits set window_start = now() - interval '2 minutes', expires_at = now() - interval '1 minute' where key = $1`,
      [key],
    );
    expect((await acts.comment.run(p, newIp())).status).toBe(201);
    await ctx.db.pool.query(`update rate_limits set expires_at = now() - interval '1 second' where key = $1`, [key]);
    expect(await ctx.app.rateLimitCounters.sweep()).toBeGreaterThanOrEqual(1);
    const { rows } = await ctx.db.pool.query('select 1 from rate_limits where key = $1', [key]);
    expect(rows).toHaveLength(0);
  });
});

describe('sign-in and registration', () => {
  const login = (client: TestClient, email: string, password: string, ip: string) =>
    client.post('/api/auth/login', { email, password }, { 'x-forwarded-for': ip });

  it('refuses the 4th registration from one address', async () => {
    const ip = newIp();
    const client = ctx.client();
    for (let i = 0; i < 3; i++)
      expect((await client.post('/api/auth/register', newAccount(), { 'x-forwarded-for': ip })).status).toBe(201);
    expectLimited(await client.post('/api/auth/register', newAccount(), { 'x-forwarded-for': ip }));
  });

  it('with the default configuration, refuses the 21st sign-in attempt from one address', async () => {
    const defaults = loadConfig({}).rateLimits;
    expect(defaults.login.address).toEqual({ max: 20, windowMs: 60_000 });
    const app = await buildApp({
      db: ctx.db.db,
      config: { ...ctx.config, rateLimits: { ...base, login: { ...defaults.login, account: base.login.account } } },
      logger: false,
    });
    await app.ready();
    try {
      const ip = newIp();
      const attempt = () =>
        app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: `nobody${uuid()}@example.org`, password: 'wrong password 123' },
          headers: { origin: ctx.config.appOrigin, 'x-forwarded-for': ip },
        });
      for (let i = 1; i <= 20; i++) expect((await attempt()).statusCode).toBe(401);
      const refused = await attempt();
      expectLimited({ status: refused.statusCode, body: refused.json(), headers: refused.headers, raw: refused.body });
    } finally {
      await app.close();
    }
  });

  it('locks an account after 3 failed attempts from many addresses, even for the right password', async () => {
    const account = newAccount();
    const client = ctx.client();
    expect((await client.post('/api/auth/register', account, { 'x-forwarded-for': newIp() })).status).toBe(201);
    for (let i = 0; i < 3; i++)
      expect((await login(client, account.email, 'wrong password 123', newIp())).status).toBe(401);
    expectLimited(await login(client, account.email.toUpperCase(), 'wrong password 123', newIp()));
    expectLimited(await login(client, account.email, account.password, newIp()));
    // An unknown email is limited the same way: a 429 does not tell whether an account exists.
    const unknown = `nobody${uuid()}@example.org`;
    for (let i = 0; i < 3; i++) expect((await login(client, unknown, 'wrong password 123', newIp())).status).toBe(401);
    expectLimited(await login(client, unknown, 'wrong password 123', newIp()));
  });

  it('does not count successful sign-ins against the account', async () => {
    const account = newAccount();
    const client = ctx.client();
    expect((await client.post('/api/auth/register', account, { 'x-forwarded-for': newIp() })).status).toBe(201);
    expect((await login(client, account.email, 'wrong password 123', newIp())).status).toBe(401);
    expect((await login(client, account.email, 'wrong password 123', newIp())).status).toBe(401);
    expect((await login(client, account.email, account.password, newIp())).status).toBe(200);
    expect((await login(client, account.email, 'wrong password 123', newIp())).status).toBe(401);
    expectLimited(await login(client, account.email, 'wrong password 123', newIp()));
  });

  it('does not count successful sign-ins against the address: a room of delegates behind one network signs in', async () => {
    const ip = newIp();
    const client = ctx.client();
    const room = [];
    for (let i = 0; i < 6; i++) {
      const account = newAccount();
      expect((await client.post('/api/auth/register', account, { 'x-forwarded-for': newIp() })).status).toBe(201);
      room.push(account);
    }
    // Six sign-ins from one address with a limit of 3 attempts a minute: each succeeds.
    for (const account of room) expect((await login(client, account.email, account.password, ip)).status).toBe(200);
    // Failures still add up from that address: the 4th is refused, and then a right password too.
    for (let i = 0; i < 3; i++)
      expect((await login(client, `n${uuid()}@example.org`, 'wrong password 1', ip)).status).toBe(401);
    expectLimited(await login(client, `n${uuid()}@example.org`, 'wrong password 1', ip));
    const first = room[0];
    if (!first) throw new Error('no account');
    expectLimited(await login(client, first.email, first.password, ip));
  });

  it('signs in even when taking the attempt back fails (the count then stays)', async () => {
    const account = newAccount();
    const client = ctx.client();
    expect((await client.post('/api/auth/register', account, { 'x-forwarded-for': newIp() })).status).toBe(201);
    // A real failure of the refund's statement: PostgreSQL refuses any lowered count.
    await ctx.db.pool.query(`
      create function refuse_refund() returns trigger language plpgsql as $$
      begin raise exception 'refunds refused'; end $$;
      create trigger refuse_refund before update on rate_limits
        for each row when (new.count < old.count) execute function refuse_refund();`);
    try {
      const ip = newIp();
      const res = await login(client, account.email, account.password, ip);
      expect(res.status, res.raw).toBe(200);
      expect((await client.get('/api/auth/me')).body.user?.email).toBe(account.email.toLowerCase());
      const { rows } = await ctx.db.pool.query('select count from rate_limits where key = $1', [`login:address:${ip}`]);
      expect(rows[0]?.count).toBe(1);
    } finally {
      await ctx.db.pool.query('drop trigger refuse_refund on rate_limits; drop function refuse_refund()');
    }
  });

  it('refuses the 4th sign-in attempt from one address', async () => {
    const ip = newIp();
    const client = ctx.client();
    for (let i = 0; i < 3; i++)
      expect((await login(client, `n${uuid()}@example.org`, 'wrong password 1', ip)).status).toBe(401);
    expectLimited(await login(client, `n${uuid()}@example.org`, 'wrong password 1', ip));
  });
});

describe('search indexing', () => {
  it('inserts a 20,000-character a_a_… comment and finds it by a normal word in it', async () => {
    const p = await register();
    const body = `Remittances corridor ${'a_'.repeat(9_950)}`.slice(0, 20_000);
    const res = await send(p, 'POST', `/api/spaces/${space.slug}/comments`, newIp(), {
      body,
      language: 'en',
      clientId: uuid(),
    });
    expect(res.status, res.raw).toBe(201);
    const found = await p.client.get(`/api/spaces/${space.slug}/comments?q=remittances`);
    expect(found.body.comments.map((c: { id: string }) => c.id)).toContain(res.body.comment.id);
  });
});
