import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registerRequest } from '@convene/shared';
import { and, eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerUser } from '../../server/src/commands/users.js';
import { type DbHandle, createDb } from '../../server/src/db/client.js';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '../../server/src/db/embedded.js';
import { migrateDatabase } from '../../server/src/db/migrate.js';
import { comments, events, spaceRoles, spaces, users } from '../../server/src/db/schema/index.js';
import { newAccount } from '../helpers/app.js';
import { type TestSmtp, startSmtp } from '../helpers/smtp.js';
import { freePort } from '../setup/global.js';
import {
  AppProcess,
  DEPLOY_NGINX,
  HttpClient,
  Nginx,
  Viewer,
  Writer,
  nginxTest,
  percentile,
  root,
  until,
} from './harness.js';

/**
 * `npm run test:cluster`: one PostgreSQL (embedded, stopped and started again for the outage),
 * three app processes (the real server, tsx from source, distinct ports, one DATABASE_URL,
 * TRUST_PROXY=1) and Debian's nginx in front with deploy/nginx's config. The tests run in order on
 * that one cluster and print their figures (`[cluster] ...` lines).
 */

const SPACE = 'cluster-live';
const VIEWERS = 20;
const WRITERS = 4;
const METRICS_TOKEN = 'cluster-metrics-token-0123456789';
const REPORT_LIMIT = 3;

let dir = '';
let pgPort = 0;
let database: EmbeddedDatabase | null = null;
let dbUrl = '';
let handle: DbHandle;
let smtp: TestSmtp;
let nginx: Nginx;
let base = '';
const apps: AppProcess[] = [];
const viewers: Viewer[] = [];
const writers: Writer[] = [];
const accounts: { email: string; password: string }[] = [];
let spaceId = '';
const figures: Record<string, string | number> = {};
const started = Date.now();

const figure = (name: string, value: string | number) => {
  figures[name] = value;
  console.log(`[cluster] ${name}: ${value}`);
};

async function signIn(account: { email: string; password: string }): Promise<HttpClient> {
  const client = new HttpClient(base, base);
  const res = await client.post('/api/auth/login', account);
  if (res.status !== 200) throw new Error(`sign-in through nginx: ${res.status} ${await res.text()}`);
  return client;
}

async function makeAccount(): Promise<{ email: string; password: string }> {
  const account = newAccount();
  await registerUser(handle.db, registerRequest.parse(account), 'user', true);
  return { email: account.email as string, password: account.password as string };
}

/** The space's published-comment events in the database, by id. */
async function publishedEvents(): Promise<Map<number, { commentId: string; createdAt: number }>> {
  const rows = await handle.db
    .select({ id: events.id, payload: events.payload, createdAt: events.createdAt })
    .from(events)
    .where(and(eq(events.spaceId, spaceId), eq(events.kind, 'comment.published')));
  return new Map(
    rows.map((r) => [
      r.id,
      {
        commentId: String((r.payload as { comment?: { id?: string } }).comment?.id),
        createdAt: r.createdAt.getTime(),
      },
    ]),
  );
}

/** Waits until every viewer holds every published event of the space; returns the events. */
async function everyViewerHasEverything(ms: number) {
  let expected = await publishedEvents();
  await until(
    'every viewer holds every published event',
    ms,
    async () => {
      expected = await publishedEvents();
      return viewers.every((v) => [...expected.keys()].every((id) => v.received.has(id)));
    },
    () =>
      viewers
        .map((v, i) => {
          const missing = [...expected.keys()].filter((id) => !v.received.has(id));
          return `viewer ${i}: ${v.received.size} events, missing ${missing.length} (${missing.slice(0, 10).join(', ')}), closes ${v.closes.join(',')}, refused ${v.refused.join(',')}, connecting ${v.connectingSince === null ? 'no' : `${Date.now() - v.connectingSince} ms`}, resets ${v.resets}, instances ${v.instances.join(',')}, last ${v.lastEventId}`;
        })
        .join('\n'),
  );
  return expected;
}

/** Compares what the writers were told with the database: lost, duplicated, and the totals. */
async function compareWrites(label: string, group: Writer[]) {
  const acked = group.flatMap((w) => w.acks);
  const ackedIds = new Set(acked.map((a) => a.commentId));
  const rows = await handle.db
    .select({ id: comments.id, body: comments.bodyMd, clientId: comments.clientId })
    .from(comments)
    .where(eq(comments.spaceId, spaceId));
  const bodies = new Map<string, number>();
  for (const r of rows) bodies.set(r.body, (bodies.get(r.body) ?? 0) + 1);
  const byId = new Set(rows.map((r) => r.id));
  const lost = acked.filter((a) => !byId.has(a.commentId));
  const duplicated = acked.filter((a) => (bodies.get(a.body) ?? 0) !== 1);
  const retries = group
    .flatMap((w) => [...w.retried])
    .reduce<Record<string, number>>((acc, [k, n]) => {
      acc[k] = (acc[k] ?? 0) + n;
      return acc;
    }, {});
  figure(`${label}: posts acknowledged`, acked.length);
  figure(`${label}: posts lost`, lost.length);
  figure(`${label}: posts duplicated`, duplicated.length);
  figure(`${label}: acknowledged twice (same id)`, acked.length - ackedIds.size);
  figure(`${label}: writer attempts retried`, JSON.stringify(retries));
  expect(group.flatMap((w) => w.failures)).toEqual([]);
  expect(lost).toEqual([]);
  expect(duplicated).toEqual([]);
  expect(ackedIds.size).toBe(acked.length);
  return acked;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'convene-cluster-'));
  pgPort = await freePort();
  database = await startEmbeddedPostgres({ dataDir: join(dir, 'pg'), port: pgPort });
  const admin = new pg.Client({ connectionString: database.url() });
  await admin.connect();
  await admin.query('CREATE DATABASE convene');
  await admin.end();
  dbUrl = database.url('convene');
  await migrateDatabase(dbUrl);
  handle = createDb(dbUrl);
  smtp = await startSmtp();

  const nginxPort = await freePort();
  base = `http://127.0.0.1:${nginxPort}`;
  const env: Record<string, string> = {
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    DATABASE_URL: dbUrl,
    APP_ORIGIN: base,
    TRUST_PROXY: '1',
    DEMO: '0',
    METRICS_TOKEN,
    SMTP_URL: smtp.url,
    MAIL_FROM: 'Convene <cluster@example.org>',
    MAIL_WORKER: '1',
    MAIL_SCHEDULE: '1',
    MAIL_RETRY_DELAY_SECONDS: '1',
    // Writers post hundreds of comments from one address; the report limit is the one under test.
    AUTH_RATE_LIMIT: '100000',
    RATE_LIMIT_COMMENT_USER: '100000/1h',
    RATE_LIMIT_COMMENT_ADDRESS: '100000/1h',
    RATE_LIMIT_REPORT_USER: `${REPORT_LIMIT}/1h`,
    RATE_LIMIT_REPORT_ADDRESS: '100000/1h',
    RATE_LIMIT_RESET_ADDRESS: '100000/1h',
    LIVE_HEARTBEAT_MS: '5000',
    WEB_DIST: join(dir, 'no-web-client'),
  };
  const ports = [await freePort(), await freePort(), await freePort()];
  for (const [i, id] of ['a', 'b', 'c'].entries()) apps.push(new AppProcess(id, ports[i] ?? 0, env));
  // All three start together: they migrate one after another under the advisory lock.
  for (const app of apps) app.start();
  await Promise.all(apps.map((a) => a.ready(120_000)));

  nginx = new Nginx(join(dir, 'nginx'), nginxPort, ports);
  await nginx.start();

  const [space] = await handle.db
    .insert(spaces)
    .values({
      slug: SPACE,
      code: 'CL 1',
      title: 'Cluster',
      status: 'open',
      moderationMode: 'post',
      opensAt: new Date(Date.now() - 86_400_000),
      closesAt: new Date(Date.now() + 30 * 86_400_000),
    })
    .returning();
  if (!space) throw new Error('no space');
  spaceId = space.id;
  for (let i = 0; i < WRITERS + 1; i++) accounts.push(await makeAccount());
}, 180_000);

afterAll(async () => {
  for (const v of viewers) v.stop();
  for (const w of writers) await w.stop();
  await nginx?.stop();
  for (const a of apps) a.kill();
  await Promise.all(apps.map((a) => a.exited));
  await handle?.close();
  await database?.stop();
  // CLUSTER_KEEP=1 keeps the folder (nginx's access and error logs, PostgreSQL's data) to look at.
  if (dir && process.env.CLUSTER_KEEP === '1') console.log(`[cluster] kept ${dir}`);
  else if (dir) await rm(dir, { recursive: true, force: true });
  console.log(`[cluster] figures ${JSON.stringify(figures, null, 2)}`);
  console.log(`[cluster] run time: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}, 60_000);

describe('three instances behind nginx', () => {
  it("docker-compose's nginx.conf includes the same two files and passes nginx -t", async () => {
    const compose = await readFile(join(root, 'docker-compose.yml'), 'utf8');
    expect(compose).toContain('./deploy/nginx/nginx.conf:/etc/nginx/nginx.conf:ro');
    expect(compose).toContain('./deploy/nginx:/etc/nginx/convene:ro');
    const docker = await readFile(join(DEPLOY_NGINX, 'nginx.conf'), 'utf8');
    const template = await readFile(join(DEPLOY_NGINX, 'cluster-test.conf.template'), 'utf8');
    for (const text of [docker, template]) {
      expect(text).toMatch(/include \S+\/convene-http\.conf;/);
      expect(text).toMatch(/include \S+\/convene-locations\.conf;/);
    }
    // Here, with what only Docker has replaced: the replicas' names, the image's user and paths.
    const prefix = join(dir, 'nginx-docker');
    await mkdir(prefix, { recursive: true });
    const file = join(prefix, 'nginx.conf');
    await writeFile(
      file,
      docker
        .replaceAll('/etc/nginx/convene', DEPLOY_NGINX)
        .replace(/server app\d:3000/g, 'server 127.0.0.1:3000')
        .replace('user nginx;', process.getuid?.() === 0 ? 'user root;' : '')
        .replace('pid /var/run/nginx.pid;', `pid ${prefix}/nginx.pid;`)
        .replace('/var/log/nginx/access.log', join(prefix, 'access.log'))
        .replace('listen 80;', `listen 127.0.0.1:${await freePort()};`),
    );
    expect(await nginxTest(prefix, file)).toMatch(/syntax is ok/);
  });

  it('a session works on any instance; nginx keeps the request id and hides /metrics', async () => {
    const client = await signIn(accounts[0] ?? { email: '', password: '' });
    const served = new Set<string>();
    for (let i = 0; i < 6; i++) {
      const res = await client.get('/api/auth/me');
      expect(res.status).toBe(200);
      const me = (await res.json()) as { user: { email: string } | null };
      expect(me.user?.email).toBe(accounts[0]?.email);
      served.add(res.headers.get('x-instance') ?? '?');
      // nginx's $request_id (32 hex digits), kept by the app (TRUST_PROXY) and returned.
      expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);
    }
    expect([...served].sort()).toEqual(['a', 'b', 'c']);

    const res = await client.get('/api/auth/me');
    const id = res.headers.get('x-request-id') ?? '';
    await until('the request id in nginx access log', 5_000, async () => (await nginx.accessLog()).includes(id));

    const auth = { headers: { authorization: `Bearer ${METRICS_TOKEN}` } };
    expect((await fetch(`${base}/metrics`, auth)).status).toBe(404);
    expect((await fetch(`${apps[0]?.base}/metrics`, auth)).status).toBe(200);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
  });

  it("a moderator's decision on one instance reaches the public read cache of all three", async () => {
    const [pre] = await handle.db
      .insert(spaces)
      .values({
        slug: 'cluster-pre',
        code: 'CL 2',
        title: 'Cluster, pre-moderated',
        status: 'open',
        moderationMode: 'pre',
        opensAt: new Date(Date.now() - 86_400_000),
        closesAt: new Date(Date.now() + 30 * 86_400_000),
      })
      .returning();
    if (!pre) throw new Error('no space');
    const moderator = accounts[WRITERS] ?? { email: '', password: '' };
    const [modUser] = await handle.db.select().from(users).where(eq(users.email, moderator.email));
    await handle.db.insert(spaceRoles).values({ spaceId: pre.id, userId: modUser?.id ?? '', role: 'moderator' });
    const author = await signIn(accounts[0] ?? { email: '', password: '' });
    const posted = await author.post('/api/spaces/cluster-pre/comments', {
      body: 'Waiting for a decision.',
      language: 'en',
      clientId: crypto.randomUUID(),
    });
    expect(posted.status).toBe(201);
    const { comment } = (await posted.json()) as { comment: { id: string; version: number } };

    // Every instance caches the anonymous list without the comment (a second read is a hit).
    const list = async (app: AppProcess) => {
      const res = await fetch(`${app.base}/api/spaces/cluster-pre/comments`);
      const body = (await res.json()) as { comments: { id: string }[] };
      return { cache: res.headers.get('x-cache'), has: body.comments.some((c) => c.id === comment.id) };
    };
    // (Read until a hit: the post's own live event drops the entries once more as it arrives.)
    for (const app of apps) {
      const warm = await until(`${app.id} serves the list from its cache`, 10_000, async () => {
        const read = await list(app);
        return read.cache === 'hit' ? read : undefined;
      });
      expect(warm.has).toBe(false);
    }

    // The decision, made on instance a directly.
    const mod = new HttpClient(apps[0]?.base ?? '', base);
    expect((await mod.post('/api/auth/login', moderator)).status).toBe(200);
    const decided = await mod.post(`/api/comments/${comment.id}/decision`, {
      action: 'approve',
      version: comment.version,
    });
    expect(decided.status, await decided.clone().text()).toBe(200);
    const answeredAt = Date.now();
    const seen = await Promise.all(
      apps.map(async (app) => {
        let reads = 0;
        await until(`${app.id} serves the approved comment`, 10_000, async () => {
          reads += 1;
          return (await list(app)).has;
        });
        return { id: app.id, ms: Date.now() - answeredAt, reads };
      }),
    );
    figure(
      'public cache: approved comment served after the decision (ms, reads)',
      seen.map((s) => `${s.id} ${s.ms} ms/${s.reads}`).join(', '),
    );
    // On the deciding instance, before the response returned: the first read after it has it.
    expect(seen[0]?.reads).toBe(1);
    // On the two others, within the live channel's delivery (stated bound: 5 s here).
    expect(seen.every((s) => s.ms < 5_000)).toBe(true);
  });

  it('a comment posted through one instance reaches the sockets held by all three; presence is summed', async () => {
    for (let i = 0; i < VIEWERS; i++) viewers.push(new Viewer(`${base.replace('http', 'ws')}/api/live`, base, SPACE));
    await Promise.all(viewers.map((v) => v.start()));
    const perInstance = new Map<string, number>();
    for (const v of viewers) perInstance.set(v.instances[0] ?? '?', (perInstance.get(v.instances[0] ?? '?') ?? 0) + 1);
    figure('viewers per instance', JSON.stringify(Object.fromEntries([...perInstance].sort())));
    expect([...perInstance.keys()].sort()).toEqual(['a', 'b', 'c']);

    await until(
      `every viewer sees presence ${VIEWERS}`,
      15_000,
      () => viewers.every((v) => v.presence === VIEWERS),
      () => viewers.map((v) => `${v.instances[0]}: ${v.presence}`).join(', '),
    );

    const writer = await signIn(accounts[0] ?? { email: '', password: '' });
    const res = await writer.post(`/api/spaces/${SPACE}/comments`, {
      body: 'One comment for everyone.',
      language: 'en',
      clientId: crypto.randomUUID(),
    });
    expect(res.status).toBe(201);
    const postedOn = res.headers.get('x-instance');
    const { comment } = (await res.json()) as { comment: { id: string } };
    const [row] = await handle.db
      .select({ id: events.id })
      .from(events)
      .where(sql`${events.spaceId} = ${spaceId} and ${events.payload}->'comment'->>'id' = ${comment.id}`);
    const eventId = row?.id ?? -1;
    await until('every viewer receives the comment', 10_000, () => viewers.every((v) => v.received.has(eventId)));
    const others = viewers.filter((v) => v.instances[0] !== postedOn);
    expect(new Set(others.map((v) => v.instances[0])).size).toBe(2);
  });

  it('rate limits hold across instances', async () => {
    const poster = await signIn(accounts[1] ?? { email: '', password: '' });
    const ids: string[] = [];
    for (let i = 0; i < REPORT_LIMIT + 2; i++) {
      const res = await poster.post(`/api/spaces/${SPACE}/comments`, {
        body: `A comment to report, ${i}.`,
        language: 'en',
        clientId: crypto.randomUUID(),
      });
      expect(res.status).toBe(201);
      ids.push(((await res.json()) as { comment: { id: string } }).comment.id);
    }
    const reporter = await signIn(accounts[WRITERS] ?? { email: '', password: '' });
    const outcomes: { status: number; instance: string | null }[] = [];
    for (const id of ids) {
      const res = await reporter.post(`/api/comments/${id}/reports`, { reason: 'Testing the limit.' });
      outcomes.push({ status: res.status, instance: res.headers.get('x-instance') });
    }
    figure('reports (status@instance)', outcomes.map((o) => `${o.status}@${o.instance}`).join(' '));
    // One count across the instances: three accepted, the rest refused, whichever instance
    // answered (kept per instance, up to three on each would have been accepted).
    expect(outcomes.map((o) => (o.status >= 200 && o.status < 300 ? 'ok' : o.status))).toEqual([
      'ok',
      'ok',
      'ok',
      429,
      429,
    ]);
    expect(new Set(outcomes.map((o) => o.instance)).size).toBeGreaterThanOrEqual(2);
  });

  it('emails are sent once, whichever instance queued them', async () => {
    const people = await Promise.all(Array.from({ length: 6 }, () => makeAccount()));
    const anonymous = new HttpClient(base, base);
    const queuedOn = new Set<string>();
    for (const p of people) {
      const res = await anonymous.post('/api/auth/password/forgot', { email: p.email });
      expect(res.status).toBeLessThan(300);
      queuedOn.add(res.headers.get('x-instance') ?? '?');
    }
    expect(queuedOn.size).toBe(3);
    const mine = () => smtp.received.filter((m) => people.some((p) => m.to.includes(p.email)));
    await until('six reset emails', 30_000, () => mine().length >= people.length);
    // Every job of the queues done (none created or active): a duplicate would have arrived by now.
    await until('the mail queues are idle', 30_000, async () => {
      const { rows } = await handle.db.execute<{ n: number }>(
        sql`select count(*)::int as n from pgboss.job where name in ('password-reset-request', 'mail-send') and state in ('created', 'retry', 'active')`,
      );
      return rows[0]?.n === 0;
    });
    const recipients = mine().flatMap((m) => m.to);
    figure('reset emails received for 6 requests', recipients.length);
    expect(recipients.sort()).toEqual(people.map((p) => p.email).sort());
  });

  it('rolling restart: SIGTERM each instance in turn under load; nothing lost, duplicated or missed', async () => {
    for (let i = 0; i < WRITERS; i++) {
      writers.push(new Writer(`writer${i}`, await signIn(accounts[i] ?? { email: '', password: '' }), SPACE));
    }
    for (const w of writers) w.start();
    const acks = () => writers.reduce((n, w) => n + w.acks.length, 0);
    await until('writers under way', 10_000, () => acks() >= 20);

    const windowStart = Date.now();
    const downtimes: string[] = [];
    for (const app of apps) {
      const t0 = Date.now();
      const exit = await app.stop();
      expect(exit.code, app.output).toBe(0);
      const stoppedIn = Date.now() - t0;
      app.start();
      await app.ready();
      downtimes.push(`${app.id}: stopped in ${stoppedIn} ms, ready again after ${Date.now() - t0} ms`);
      const mark = acks();
      await until(`writers continue after restarting ${app.id}`, 20_000, () => acks() >= mark + 8);
    }
    const windowEnd = Date.now();
    for (const d of downtimes) figure('restart', d);
    figure('rolling restart duration (ms)', windowEnd - windowStart);
    await Promise.all(writers.map((w) => w.stop()));

    const expected = await everyViewerHasEverything(30_000);
    const acked = await compareWrites('rolling restart', writers);
    // Every acknowledged comment has its event, and each viewer holds exactly the database's set.
    const eventComments = new Set([...expected.values()].map((e) => e.commentId));
    expect(acked.filter((a) => !eventComments.has(a.commentId))).toEqual([]);
    for (const v of viewers) {
      expect([...v.received.keys()].filter((id) => !expected.has(id))).toEqual([]);
      expect(v.duplicateDetails).toEqual([]);
      expect(v.resets).toBe(0);
      expect(v.errors).toEqual([]);
      expect(v.closes.filter((c) => c !== 1001)).toEqual([]);
    }
    figure('events compared (rolling restart)', `${expected.size} events × ${viewers.length} viewers`);
    figure(
      'viewer reconnects (1001)',
      viewers.reduce((n, v) => n + v.closes.length, 0),
    );
    figure('viewer upgrades refused (retried)', JSON.stringify(viewers.flatMap((v) => v.refused)));

    const lags: number[] = [];
    for (const [id, e] of expected) {
      if (e.createdAt < windowStart || e.createdAt > windowEnd) continue;
      for (const v of viewers) {
        const at = v.received.get(id);
        if (at !== undefined) lags.push(at - e.createdAt);
      }
    }
    figure(
      'delivery during the restart (ms, commit → viewer)',
      `p50 ${percentile(lags, 50)}, p99 ${percentile(lags, 99)}, max ${percentile(lags, 100)} over ${lags.length} deliveries`,
    );
    expect(lags.length).toBeGreaterThan(0);
  }, 180_000);

  it('database outage: /readyz 503 on every instance, recovery without a restart, replay delivers everything', async () => {
    const pids = apps.map((a) => a.child?.pid);
    const group: Writer[] = [];
    for (let i = 0; i < WRITERS; i++) {
      group.push(new Writer(`outage${i}`, await signIn(accounts[i] ?? { email: '', password: '' }), SPACE));
    }
    for (const w of group) w.start();
    const acks = () => group.reduce((n, w) => n + w.acks.length, 0);
    await until('writers under way', 10_000, () => acks() >= 20);

    await database?.stop();
    database = null;
    const downAt = Date.now();
    const readyz = await Promise.all(
      apps.map((a) =>
        until(
          `${a.id} /readyz answers 503`,
          10_000,
          async () => (await fetch(`${a.base}/readyz`)).status === 503,
          () => a.output,
        ),
      ),
    );
    expect(readyz).toEqual([true, true, true]);
    // For the rest of the 10 s: every instance keeps answering 503 on /readyz and 200 on /healthz.
    const seen: Record<string, number> = {};
    while (Date.now() - downAt < 10_000) {
      for (const a of apps) {
        const [r, h] = await Promise.all([fetch(`${a.base}/readyz`), fetch(`${a.base}/healthz`)]);
        const key = `${a.id} readyz ${r.status} healthz ${h.status}`;
        seen[key] = (seen[key] ?? 0) + 1;
      }
      const lb = await fetch(`${base}/readyz`);
      seen[`nginx readyz ${lb.status}`] = (seen[`nginx readyz ${lb.status}`] ?? 0) + 1;
    }
    figure('during the 10 s outage', JSON.stringify(seen));
    expect(Object.keys(seen).sort()).toEqual([
      'a readyz 503 healthz 200',
      'b readyz 503 healthz 200',
      'c readyz 503 healthz 200',
      'nginx readyz 503',
    ]);
    // nginx's own answer when every instance is marked failed: the JSON 503, not an HTML 502.
    const lb = await fetch(`${base}/api/spaces/${SPACE}`);
    expect(lb.status).toBe(503);
    expect(((await lb.json()) as { error: { code: string } }).error.code).toMatch(/unavailable/);

    database = await startEmbeddedPostgres({ dataDir: join(dir, 'pg'), port: pgPort });
    const upAt = Date.now();
    await Promise.all(
      apps.map((a) =>
        until(
          `${a.id} ready again`,
          30_000,
          async () => (await fetch(`${a.base}/readyz`)).status === 200,
          () => a.output,
        ),
      ),
    );
    figure('all instances ready again after the database returned (ms)', Date.now() - upAt);
    expect(apps.map((a) => a.child?.pid)).toEqual(pids);
    const mark = acks();
    await until('writers continue after the outage', 30_000, () => acks() >= mark + 20);
    await Promise.all(group.map((w) => w.stop()));

    const expected = await everyViewerHasEverything(30_000);
    const acked = await compareWrites('outage', group);
    const eventComments = new Set([...expected.values()].map((e) => e.commentId));
    expect(acked.filter((a) => !eventComments.has(a.commentId))).toEqual([]);
    for (const v of viewers) {
      expect(v.duplicateDetails).toEqual([]);
      expect(v.resets).toBe(0);
      expect(v.errors).toEqual([]);
    }
    figure('events compared (after the outage)', `${expected.size} events × ${viewers.length} viewers`);
    figure(
      'viewer closes during the outage',
      JSON.stringify(viewers.reduce((n, v) => n + v.closes.length, 0) - Number(figures['viewer reconnects (1001)'])),
    );
  }, 120_000);

  it('scheduled jobs run once per slot, with three clocks', async () => {
    // mail-staff-alerts is scheduled every minute and three instances run pg-boss's clock. The
    // clock sends one "__pgboss__send-it" job per schedule and minute (its singleton slot), which
    // creates the job itself: one per slot, however late (a restart or a busy machine delays it).
    // pg-boss's clock looks at the schedules every 30 s: on a quick run no slot may have come yet.
    // Wait for the first (bounded), then read them all.
    const slotsNow = async () =>
      (
        await handle.db.execute<{ slot: string; n: number }>(sql`
      select to_char(singleton_on, 'HH24:MI') as slot, count(*)::int as n from (
        select singleton_on from pgboss.job where name = '__pgboss__send-it' and data->>'name' = 'mail-staff-alerts'
        union all
        select singleton_on from pgboss.archive where name = '__pgboss__send-it' and data->>'name' = 'mail-staff-alerts'
      ) j group by 1 order by 1`)
      ).rows;
    await expect.poll(async () => (await slotsNow()).length, { timeout: 90_000, interval: 1_000 }).toBeGreaterThan(0);
    const createdNow = async () =>
      (
        await handle.db.execute<{ n: number }>(sql`
      select count(*)::int as n from (
        select id from pgboss.job where name = 'mail-staff-alerts'
        union all select id from pgboss.archive where name = 'mail-staff-alerts'
      ) j`)
      ).rows[0]?.n ?? 0;
    const slots = await slotsNow();
    expect(slots.filter((r) => r.n !== 1)).toEqual([]);
    // Each slot's send-it job creates its job when a worker takes it (every 5 s): one job per slot.
    await expect
      .poll(async () => (await createdNow()) - (await slotsNow()).length, { timeout: 30_000, interval: 500 })
      .toBe(0);
    const final = await slotsNow();
    figure('mail-staff-alerts: clock slots', final.map((r) => `${r.slot}×${r.n}`).join(' '));
    figure('mail-staff-alerts: jobs created', await createdNow());
    expect(final.filter((r) => r.n !== 1)).toEqual([]);
  }, 120_000);
});
