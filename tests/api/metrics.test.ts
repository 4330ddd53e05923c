import { readFile } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp, type ConveneApp } from '../../server/src/app.js';
import { testConfig } from '../../server/src/config.js';
import { mailMessages } from '../../server/src/db/schema/index.js';
import { newAccount, setupApp } from '../helpers/app.js';
import { insertComment, makeSpace, makeUser } from '../helpers/factories.js';
import { LiveClient, emit, startInstance } from '../helpers/live.js';

/**
 * `/metrics` (server/src/plugins/metrics.ts): Prometheus text, only with the bearer token (or on
 * the loopback METRICS_PORT), one registry per app, route patterns as labels, never a URL, an
 * email or a body.
 */
const TOKEN = 'metrics-token-for-tests-0123456789';
const ctx = await setupApp({ metrics: { token: TOKEN, port: undefined } });
const auth = { authorization: `Bearer ${TOKEN}` };

const extra: ConveneApp[] = [];
afterAll(async () => {
  for (const app of extra) await app.close();
});
/** Another app on the same database, in this process (its own registry). */
async function another(overrides: Parameters<typeof testConfig>[0] = {}) {
  const app = await buildApp({ db: ctx.db.db, config: testConfig(overrides), logger: false });
  await app.ready();
  extra.push(app);
  return app;
}

async function scrape(app: ConveneApp = ctx.app): Promise<string> {
  const res = await app.inject({ method: 'GET', url: '/metrics', headers: auth });
  expect(res.statusCode).toBe(200);
  return res.body;
}

/** The value of one sample, `name{labels}`, labels given in any order; undefined when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const got = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((l) => [l[1], l[2]]));
    if (Object.entries(labels).every(([k, v]) => got[k] === v)) return Number(m[3]);
  }
  return undefined;
}

describe('access', () => {
  it('answers 401 without the token or with a wrong one, never the metrics', async () => {
    for (const headers of [{}, { authorization: 'Bearer wrong-token-wrong-token' }, { authorization: TOKEN }]) {
      const res = await ctx.app.inject({ method: 'GET', url: '/metrics', headers });
      expect(res.statusCode).toBe(401);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
      expect(res.body).not.toContain('convene_');
    }
  });

  it('answers the Prometheus text format with the token', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/metrics', headers: auth });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(res.body).toContain('# TYPE convene_http_request_duration_seconds histogram');
    expect(sample(res.body, 'convene_process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('answers 404 when no token is configured', async () => {
    const app = await another();
    const res = await app.inject({ method: 'GET', url: '/metrics', headers: auth });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('convene_');
  });

  it('serves METRICS_PORT on 127.0.0.1 without a token, only /metrics', async () => {
    const app = await buildApp({
      db: ctx.db.db,
      config: testConfig({ metrics: { token: undefined, port: 0 } }),
      logger: false,
    });
    extra.push(app);
    await app.ready();
    const port = app.metricsPort();
    expect(port).toBeGreaterThan(0);
    const res = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('convene_db_pool_connections');
    expect((await fetch(`http://127.0.0.1:${port}/other`)).status).toBe(404);
  });
});

describe('requests', () => {
  it('counts requests under the route pattern, with their status; unknown paths as one label', async () => {
    const { space } = await makeSpace(ctx);
    const client = ctx.client();
    const labels = { method: 'GET', route: '/api/spaces/:slug', status_code: '200' };
    const before = sample(await scrape(), 'convene_http_request_duration_seconds_count', labels) ?? 0;
    for (let i = 0; i < 3; i++) expect((await client.get(`/api/spaces/${space.slug}`)).status).toBe(200);
    expect((await client.get('/api/spaces/no-such-space')).status).toBe(404);
    expect((await client.get(`/api/no/such/${space.slug}/path`)).status).toBe(404);

    const text = await scrape();
    expect(sample(text, 'convene_http_request_duration_seconds_count', labels)).toBe(before + 3);
    expect(
      sample(text, 'convene_http_request_duration_seconds_count', { ...labels, status_code: '404' }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sample(text, 'convene_http_request_duration_seconds_count', { route: 'unmatched', status_code: '404' }),
    ).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'convene_http_request_duration_seconds_bucket', { ...labels, le: '+Inf' })).toBe(before + 3);
    // Patterns only: no slug, no raw path.
    expect(text).not.toContain(space.slug);
    expect(text).not.toContain('no-such-space');
  });

  it('keeps one registry per app: requests to one app are not counted by another', async () => {
    const other = await another({ metrics: { token: TOKEN, port: undefined } });
    for (let i = 0; i < 2; i++) await ctx.app.inject({ method: 'GET', url: '/healthz' });
    const labels = { method: 'GET', route: '/healthz', status_code: '200' };
    expect(sample(await scrape(other), 'convene_http_request_duration_seconds_count', labels)).toBeUndefined();
    expect(sample(await scrape(), 'convene_http_request_duration_seconds_count', labels)).toBeGreaterThanOrEqual(2);
  });

  it('holds no email, name or body in any label', async () => {
    const account = newAccount({ displayName: 'Zebulon Metricsname' });
    const client = ctx.client();
    expect((await client.post('/api/auth/register', account)).status).toBe(201);
    const { space, questions } = await makeSpace(ctx, { moderationMode: 'post' });
    const body = 'A body that must never be in metrics 7f3a9c';
    await client.post(`/api/spaces/${space.slug}/comments`, {
      questionId: questions[0]?.id,
      body,
      language: 'en',
      clientId: crypto.randomUUID(),
    });
    await client.get(`/api/spaces/${space.slug}/comments?q=${encodeURIComponent(account.email)}`);
    const text = await scrape();
    for (const secret of [account.email, 'Zebulon', body, '7f3a9c', space.slug]) expect(text).not.toContain(secret);
  });
});

describe('database figures', () => {
  it('counts queued and failed emails and pending comments, read at most every 15 s', async () => {
    const metrics = { token: TOKEN, port: undefined };
    const row = (status: 'queued' | 'failed') => ({
      kind: 'password_reset',
      transport: 'smtp' as const,
      status,
      toAddress: `metrics-${status}@example.org`,
      locale: 'en' as const,
      subject: 'x',
      headers: {},
    });
    const figures = (text: string) => ({
      failed: sample(text, 'convene_mail_messages', { status: 'failed' }) ?? NaN,
      queued: sample(text, 'convene_mail_messages', { status: 'queued' }) ?? NaN,
      pending: sample(text, 'convene_comments_pending') ?? NaN,
    });
    const before = figures(await scrape(await another({ metrics })));

    await ctx.db.db.insert(mailMessages).values([row('failed'), row('queued'), row('queued')]);
    const { space } = await makeSpace(ctx);
    const author = await makeUser(ctx);
    await insertComment(ctx, { spaceId: space.id, authorId: author.user.id, status: 'pending' });
    await insertComment(ctx, { spaceId: space.id, authorId: author.user.id, status: 'approved' });

    const app = await another({ metrics });
    const text = await scrape(app);
    expect(figures(text)).toEqual({
      failed: before.failed + 1,
      queued: before.queued + 2,
      pending: before.pending + 1,
    });
    expect(text).not.toContain('metrics-failed@example.org');

    // Another failed row within 15 s: the scrape answers from its short cache, no new count.
    await ctx.db.db.insert(mailMessages).values(row('failed'));
    expect(figures(await scrape(app)).failed).toBe(before.failed + 1);
  });

  it('reports the pool: total, idle and waiting connections', async () => {
    const text = await scrape();
    const total = sample(text, 'convene_db_pool_connections', { state: 'total' });
    const idle = sample(text, 'convene_db_pool_connections', { state: 'idle' });
    expect(total).toBeGreaterThanOrEqual(1);
    expect(idle).toBeGreaterThanOrEqual(0);
    expect(idle).toBeLessThanOrEqual(total ?? 0);
    expect(sample(text, 'convene_db_pool_connections', { state: 'waiting' })).toBeGreaterThanOrEqual(0);
  });
});

describe('live', () => {
  it('counts open sockets and subscriptions (up on connect, down on close) and the delivery lag', async () => {
    const inst = await startInstance(ctx.db.db, { ...ctx.config });
    extra.push(inst.app);
    const { space } = await makeSpace(ctx);
    const gauge = async (name: string) => sample(await scrape(inst.app), name);
    expect(await gauge('convene_live_sockets')).toBe(0);

    const client = await LiveClient.connect(inst.url, { origin: ctx.config.appOrigin });
    const second = await LiveClient.connect(inst.url, { origin: ctx.config.appOrigin });
    await client.subscribe(space.slug);
    expect(await gauge('convene_live_sockets')).toBe(2);
    expect(await gauge('convene_live_subscriptions')).toBe(1);

    const lagBefore = (await gauge('convene_live_delivery_lag_seconds_count')) ?? 0;
    const id = await emit(ctx.db.db, space.id, 'comment.published', { commentId: crypto.randomUUID() });
    await client.waitFor((m) => m.type === 'event' && m.id === id);
    await expect.poll(() => gauge('convene_live_delivery_lag_seconds_count')).toBeGreaterThan(lagBefore);
    expect(await gauge('convene_live_event_backlog')).toBe(0);

    client.close();
    await client.waitForClose();
    await expect.poll(() => gauge('convene_live_sockets')).toBe(1);
    await expect.poll(() => gauge('convene_live_subscriptions')).toBe(0);
    second.close();
    await expect.poll(() => gauge('convene_live_sockets')).toBe(0);
  });
});

describe('the Grafana dashboard (deploy/grafana/convene.json)', () => {
  it('queries only metrics this app exports, through a Prometheus data-source variable', async () => {
    const json = await readFile(new URL('../../deploy/grafana/convene.json', import.meta.url), 'utf8');
    const dashboard = JSON.parse(json) as { templating: { list: { name: string; type: string; query: unknown }[] } };
    expect(dashboard.templating.list).toContainEqual(
      expect.objectContaining({ name: 'datasource', type: 'datasource', query: 'prometheus' }),
    );
    const text = await scrape();
    const exported = new Set([...text.matchAll(/^# TYPE (\S+) /gm)].map((m) => m[1]));
    const queried = new Set(
      [...json.matchAll(/convene_[a-z0-9_]+/g)].map((m) => m[0].replace(/_(bucket|count|sum)$/, '')),
    );
    expect(queried.size).toBeGreaterThan(10);
    expect([...queried].filter((name) => !exported.has(name))).toEqual([]);
  });
});
