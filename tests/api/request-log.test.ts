import { Writable } from 'node:stream';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/src/app.js';
import { TestClient, newAccount, setupApp } from '../helpers/app.js';
import { makeSpace } from '../helpers/factories.js';

/**
 * The request log (server/src/plugins/requestLog.ts): one JSON line per request with its id, the
 * user's id, the route pattern, the status and the time; never an email, a name, a body or a
 * cookie. The id comes from a sane `X-Request-Id` or is generated, goes back in the header and
 * in every error body.
 */
/** Behind nginx (TRUST_PROXY), which sends `X-Request-Id: $request_id`. */
const base = await setupApp({ trustProxy: true });

interface Line {
  level: number;
  msg?: string;
  requestId?: string;
  userId?: string | null;
  method?: string;
  route?: string;
  status?: number;
  responseTime?: number;
}
const raw: string[] = [];
const stream = new Writable({
  write(chunk: Buffer, _enc, done) {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) raw.push(line);
    done();
  },
});
const app = await buildApp({ db: base.db.db, config: base.config, logger: { level: 'info', stream } });
await app.ready();
afterAll(() => app.close());
const ctx = { ...base, app, client: () => new TestClient(app, base.config.appOrigin) };
const lines = () => raw.map((l) => JSON.parse(l) as Line);
const requestLines = () => lines().filter((l) => l.msg === 'request');

beforeEach(() => {
  raw.length = 0;
});

describe('one line per request', () => {
  it('logs requestId, userId, route pattern, status and time, and nothing else about the request', async () => {
    const account = newAccount({ displayName: 'Quentin Loggedname' });
    const client = ctx.client();
    const registered = await client.post('/api/auth/register', account);
    expect(registered.status).toBe(201);
    const userId = registered.body.user.id as string;
    const { space, questions } = await makeSpace(ctx, { moderationMode: 'post' });
    const body = 'A comment body the log must never hold 5d1e0b';
    raw.length = 0;

    const posted = await client.post(`/api/spaces/${space.slug}/comments`, {
      questionId: questions[0]?.id,
      body,
      language: 'en',
      clientId: crypto.randomUUID(),
    });
    expect(posted.status).toBe(201);
    const read = await client.get(`/api/spaces/${space.slug}`);
    const guest = await ctx.client().get('/api/spaces/no-such-space-here');
    expect(guest.status).toBe(404);

    const logged = requestLines();
    expect(logged).toHaveLength(3);
    expect(lines()).toHaveLength(3); // no "incoming request" / "request completed" pairs
    expect(logged[0]).toMatchObject({
      level: 30,
      requestId: posted.headers['x-request-id'],
      userId,
      method: 'POST',
      route: '/api/spaces/:slug/comments',
      status: 201,
    });
    expect(logged[1]).toMatchObject({ requestId: read.headers['x-request-id'], userId, route: '/api/spaces/:slug' });
    expect(logged[2]).toMatchObject({ userId: null, route: '/api/spaces/:slug', status: 404 });
    for (const l of logged) {
      expect(typeof l.responseTime).toBe('number');
      expect(l.responseTime).toBeGreaterThanOrEqual(0);
      expect(Object.keys(l).sort()).toEqual(
        [
          'hostname',
          'level',
          'method',
          'msg',
          'pid',
          'requestId',
          'responseTime',
          'route',
          'status',
          'time',
          'userId',
        ].sort(),
      );
    }
    const text = raw.join('\n');
    for (const secret of [account.email, 'Quentin', account.password, body, '5d1e0b', client.cookieHeader]) {
      expect(text).not.toContain(secret);
    }
  });

  it('signing in logs neither the email nor the password, and no cookie', async () => {
    const account = newAccount();
    const client = ctx.client();
    await client.post('/api/auth/register', account);
    raw.length = 0;
    const login = await ctx.client().post('/api/auth/login', { email: account.email, password: account.password });
    expect(login.status).toBe(200);
    expect(requestLines()).toEqual([expect.objectContaining({ route: '/api/auth/login', status: 200 })]);
    const text = raw.join('\n');
    expect(text).not.toContain(account.email);
    expect(text).not.toContain(account.password);
    expect(text).not.toMatch(/cookie|set-cookie|authorization/i);
  });
});

describe('the request id', () => {
  it('keeps a sane X-Request-Id from the balancer and returns it', async () => {
    const id = 'f3c9a1b27d4e4b0f9a6c1e2d3b4a5968';
    const res = await ctx.client().get('/healthz', { 'x-request-id': id });
    expect(res.headers['x-request-id']).toBe(id);
    expect(requestLines()).toEqual([expect.objectContaining({ requestId: id, route: '/healthz', status: 200 })]);
  });

  it('ignores the header when no proxy is trusted (a client does not name its own request)', async () => {
    const direct = await buildApp({ db: base.db.db, config: { ...base.config, trustProxy: false }, logger: false });
    await direct.ready();
    try {
      const res = await direct.inject({
        method: 'GET',
        url: '/healthz',
        headers: { 'x-request-id': 'chosen-by-the-client' },
      });
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
    } finally {
      await direct.close();
    }
  });

  it('replaces an unusable one (too long, odd characters, too short) with a new UUID', async () => {
    for (const bad of ['x'.repeat(200), 'id with spaces and <script>', 'abc']) {
      const res = await ctx.client().get('/healthz', { 'x-request-id': bad });
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    }
    const ids = new Set(requestLines().map((l) => l.requestId));
    expect(ids.size).toBe(3);
  });

  it('is in every error body, equal to the header and the log line', async () => {
    const client = ctx.client();
    const cases = [
      await client.get('/api/spaces/no-such-space'), // 404 from a handler
      await client.get('/api/no/such/route'), // 404 from the not-found handler
      await client.post('/api/auth/register', { email: 'not-an-email' }), // 400 validation
      await client.get('/api/admin/users'), // 401
    ];
    expect(cases.map((c) => c.status)).toEqual([404, 404, 400, 401]);
    const logged = requestLines();
    cases.forEach((res, i) => {
      expect(res.body.error.requestId).toBe(res.headers['x-request-id']);
      expect(logged[i]?.requestId).toBe(res.headers['x-request-id']);
    });
  });

  it('is in an error answered before routing (a malformed address)', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/spaces/%E0%A4%A' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.requestId).toBe(res.headers['x-request-id']);
    expect(res.json().error.requestId).toEqual(expect.any(String));
  });
});
