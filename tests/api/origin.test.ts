import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { setupApp } from '../helpers/app.js';
import { type Person, grantRole, makeSpace, makeUser, uuid } from '../helpers/factories.js';
import { LiveClient, emit, startInstance } from '../helpers/live.js';

/**
 * An Origin is either exactly the app's origin or exactly the origin of the host the request
 * was sent to; nothing that merely starts like one, no opaque `null`, no other port or scheme
 * quirk. Checked on every write and on the WebSocket upgrade (which is a GET, so the write
 * check alone does not cover it: a page on another site could otherwise open a socket with
 * the visitor's cookies and read the staff events it is sent).
 */

const ctx = await setupApp();
const appOrigin = ctx.config.appOrigin; // http://localhost:3000
const appUrl = new URL(appOrigin);
const otherPort = `${appUrl.protocol}//${appUrl.hostname}:${Number(appUrl.port || 80) + 1}`;

const hostile = [
  ['a longer host that starts with the app origin', `${appOrigin}.evil.example`],
  ['the app origin followed by userinfo-looking text', `${appOrigin}@evil.example`],
  ['an opaque origin (sandboxed frame, file:, data:)', 'null'],
  ['the app host on another port', otherPort],
  ['the app host over another scheme', `https://${appUrl.host}`],
  ['another site', 'https://evil.example'],
  ['garbage', 'not a url'],
] as const;

let space: Awaited<ReturnType<typeof makeSpace>>['space'];
let person: Person;

beforeAll(async () => {
  ({ space } = await makeSpace(ctx, { moderationMode: 'post' }));
  person = await makeUser(ctx);
});

const commentCount = async () =>
  (await ctx.db.pool.query('select count(*)::int as n from comments where space_id = $1', [space.id])).rows[0]
    .n as number;

describe('HTTP writes', () => {
  it.each(hostile)('refuses %s with 403 forbidden_origin and writes nothing', async (_label, origin) => {
    const before = await commentCount();
    const res = await person.client.post(
      `/api/spaces/${space.slug}/comments`,
      { body: 'Posted from another site', language: 'en', clientId: uuid() },
      { origin },
    );
    expect(res.status).toBe(403);
    expect(res.body).toEqual({
      error: { code: 'forbidden_origin', message: expect.any(String), requestId: expect.any(String) },
    });
    expect(await commentCount()).toBe(before);

    const logout = await person.client.post('/api/auth/logout', undefined, { origin });
    expect(logout.status).toBe(403);
    expect((await person.client.get('/api/auth/me')).body.user?.id).toBe(person.user.id);
  });

  it('refuses a prefix match of the host the request was sent to', async () => {
    const res = await person.client.post('/api/auth/logout', undefined, {
      host: 'convene.example',
      origin: 'http://convene.example.evil.example',
    });
    expect(res.status).toBe(403);
  });

  it('accepts the app origin exactly, the origin of the host itself, and no Origin at all', async () => {
    const post = (headers: Record<string, string>) =>
      person.client.post(
        `/api/spaces/${space.slug}/comments`,
        { body: 'Posted from home', language: 'en', clientId: uuid() },
        headers,
      );
    expect((await post({ origin: appOrigin })).status).toBe(201);
    expect((await post({ host: 'convene.example', origin: 'http://convene.example' })).status).toBe(201);
    const none = await ctx.app.inject({
      method: 'POST',
      url: `/api/spaces/${space.slug}/comments`,
      headers: { cookie: person.client.cookieHeader },
      payload: { body: 'Posted by a script', language: 'en', clientId: uuid() },
    });
    expect(none.statusCode).toBe(201);
  });
});

describe('WebSocket upgrade', () => {
  let instance: Awaited<ReturnType<typeof startInstance>>;
  let moderator: Person;
  beforeAll(async () => {
    instance = await startInstance(ctx.db.db, ctx.config);
    moderator = await makeUser(ctx);
    await grantRole(ctx, space.id, moderator.user.id, 'moderator');
  });
  afterAll(() => instance.app.close());

  /** The raw outcome of an upgrade attempt: 101 or the refusal's status and body. */
  const upgrade = (origin: string, cookie: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const socket = new WebSocket(instance.url, { origin, headers: { cookie } });
      socket.once('open', () => {
        socket.close();
        resolve({ status: 101, body: '' });
      });
      socket.once('unexpected-response', (_req, res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      socket.once('error', reject);
    });

  it.each(hostile)('refuses %s with 403 before upgrading, even with a valid cookie', async (_label, origin) => {
    const res = await upgrade(origin, moderator.client.cookieHeader);
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body)).toEqual({
      error: { code: 'forbidden_origin', message: expect.any(String), requestId: expect.any(String) },
    });
  });

  it('refuses a prefix of the host the socket was opened on, and that host on another port', async () => {
    const host = new URL(instance.url).host; // 127.0.0.1:PORT
    const port = Number(new URL(instance.url).port);
    for (const origin of [`http://${host}.evil.example`, `http://127.0.0.1:${port + 1}`, `http://127.0.0.1`]) {
      expect((await upgrade(origin, moderator.client.cookieHeader)).status, origin).toBe(403);
    }
  });

  it("accepts the app origin and the socket host's own origin, which then receive staff events", async () => {
    expect((await upgrade(appOrigin, moderator.client.cookieHeader)).status).toBe(101);
    const own = await LiveClient.connect(instance.url, { cookie: moderator.client.cookieHeader });
    try {
      await own.subscribe(space.slug);
      const id = await emit(ctx.db.db, space.id, 'comment.submitted', { commentId: uuid(), kind: 'submission' });
      await own.waitFor((m) => m.type === 'event' && m.id === id);
    } finally {
      own.close();
    }
  });
});

describe('framing', () => {
  it('forbids every framing page with both headers, and they agree', async () => {
    for (const url of ['/api/healthz', '/api/spaces', '/api/nothing-here']) {
      const res = await ctx.client().get(url);
      expect(res.headers['x-frame-options'], url).toBe('DENY');
      const csp = String(res.headers['content-security-policy']);
      expect(
        csp.split(';').map((d) => d.trim()),
        url,
      ).toContain("frame-ancestors 'none'");
    }
  });
});
