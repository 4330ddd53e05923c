import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { createSession } from '../../server/src/auth/sessions.js';
import { EVENTS_CHANNEL } from '../../server/src/commands/events.js';
import { testConfig } from '../../server/src/config.js';
import { SESSION_COOKIE } from '../../server/src/plugins/session.js';
import { LiveClient, emit, startInstance } from '../helpers/live.js';
import { type BenchDatabase, busyShare, cpuClock, mainThreadCpuMs } from './harness.js';

/**
 * Posting at speed and the live backlog (issue 12), each row with its goal, figure and ceiling
 * measured in the same run:
 * - comment POST by 32 signed-in users over HTTP vs a minimal comment + event transaction
 *   (comment, revision, event, NOTIFY) through raw `pg` on a pool of the app's size;
 * - 32 users posting into each of two spaces at once vs 32 into one;
 * - the delay of the next live event after 50,000 events were written while no NOTIFY reached
 *   the instance, vs the normal delay.
 * Load generator (a worker thread of this process), server and database share this machine.
 */

const WARMUP_MS = 1_000;
const MEASURE_MS = 4_000;
const USERS = 32;
const BODY =
  'Remittances sent by migrant workers remain one of the largest financial flows to developing countries. '.repeat(8);

const pct = (s: number[], q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
const ms = (n: number) => `${n.toFixed(1)} ms`;

function row(name: string, figure: string, ceiling: string, ratio: number, goal: string, met: boolean) {
  console.log(
    `${name.padEnd(58)} ${figure.padEnd(34)} ceiling ${ceiling.padEnd(30)} ratio ${ratio.toFixed(2).padStart(5)}  goal ${goal} ${met ? 'met' : 'NOT MET'}`,
  );
}

interface LoadResult {
  rate: number;
  p50: number;
  p99: number;
  /** How busy the whole machine (every core) was while it was measured. */
  busy: number;
  /**
   * How busy the bench's main thread was meanwhile (its event-loop utilization): the app's one
   * thread (the instance runs there; the load generator has its own thread).
   */
  appBusy: number;
  /** The share of that time the thread was on a core (the rest of `appBusy` it waited for one). */
  appCpu: number;
}

/**
 * The load generator, in a worker thread (its own event loop, so the server's is not also
 * the client's): `workers` loops, each either POSTing a comment over HTTP as its user or running
 * the raw-`pg` ceiling transaction; a warm-up, then MEASURE_MS of completions and latencies.
 */
const LOAD_WORKER = `
const { parentPort, workerData: w } = require('node:worker_threads');
const { performance } = require('node:perf_hooks');
const { randomUUID } = require('node:crypto');
const { setTimeout: delay } = require('node:timers/promises');
const { Pool: HttpPool } = require('undici');
const pg = require('pg');
(async () => {
  const http = w.mode === 'http' ? new HttpPool(w.base, { connections: w.workers }) : null;
  const pool = w.mode === 'pg' ? new pg.Pool({ connectionString: w.url, max: 10 }) : null;
  const post = async (i) => {
    const res = await http.request({
      path: '/api/spaces/' + w.slugs[i] + '/comments', method: 'POST',
      headers: { 'content-type': 'application/json', origin: w.origin, cookie: w.cookies[i] },
      body: JSON.stringify({ body: w.body + ' ' + randomUUID(), language: 'en', tags: [], clientId: randomUUID() }),
    });
    const text = await res.body.text();
    if (res.statusCode !== 201) throw new Error('POST comment: ' + res.statusCode + ' ' + text.slice(0, 200));
  };
  const tx = async (i) => {
    const c = await pool.connect();
    try {
      const body = w.body + ' ' + randomUUID();
      await c.query('BEGIN');
      const { rows } = await c.query(
        "insert into comments (space_id, author_id, client_id, body_md, body_html, language, status) values ($1, $2, $3, $4, $5, 'en', 'pending') returning id",
        [w.spaceIds[i], w.userIds[i], randomUUID(), body, '<p>' + body + '</p>']);
      await c.query(
        "insert into comment_revisions (comment_id, version, body_md, body_html, language, status) values ($1, 1, $2, $3, 'en', 'pending')",
        [rows[0].id, body, '<p>' + body + '</p>']);
      await c.query(
        "with e as (insert into events (kind, space_id, payload, audience) values ('comment.submitted', $1, $2, 'staff') returning id) select pg_notify($3, id::text) from e",
        [w.spaceIds[i], { commentId: rows[0].id }, w.channel]);
      await c.query('COMMIT');
    } finally {
      c.release();
    }
  };
  const op = w.mode === 'http' ? post : tx;
  const latencies = [];
  let measuring = false;
  let stop = false;
  const loop = async (i) => {
    while (!stop) {
      const t0 = performance.now();
      await op(i);
      if (measuring) latencies.push(performance.now() - t0);
    }
  };
  const runners = Array.from({ length: w.workers }, (_, i) => loop(i));
  await delay(w.warmupMs);
  parentPort.postMessage({ measuring: true });
  measuring = true;
  const t0 = performance.now();
  await delay(w.measureMs);
  measuring = false;
  const elapsed = performance.now() - t0;
  stop = true;
  await Promise.all(runners);
  await http?.close();
  await pool?.end();
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] || 0;
  parentPort.postMessage({ rate: (latencies.length * 1000) / elapsed, p50: at(0.5), p99: at(0.99) });
})().catch((err) => { throw err; });
`;

function load(spec: Record<string, unknown> & { mode: 'http' | 'pg'; workers: number }): Promise<LoadResult> {
  const worker = new Worker(LOAD_WORKER, {
    eval: true,
    workerData: { warmupMs: WARMUP_MS, measureMs: MEASURE_MS, body: BODY, channel: EVENTS_CHANNEL, ...spec },
  });
  let from = cpuClock();
  let loopFrom = performance.eventLoopUtilization();
  let threadFrom = { cpu: mainThreadCpuMs(), at: performance.now() };
  return new Promise((resolve, reject) => {
    worker.on('message', (r: Omit<LoadResult, 'busy' | 'appBusy' | 'appCpu'> | { measuring: true }) => {
      if ('measuring' in r) {
        from = cpuClock();
        loopFrom = performance.eventLoopUtilization();
        threadFrom = { cpu: mainThreadCpuMs(), at: performance.now() };
      } else
        resolve({
          ...r,
          busy: busyShare(from, cpuClock()),
          appBusy: performance.eventLoopUtilization(loopFrom).utilization,
          appCpu: (mainThreadCpuMs() - threadFrom.cpu) / (performance.now() - threadFrom.at),
        });
    });
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`load worker exited with ${code}`)));
  });
}

const rateText = (r: { rate: number; p50: number; p99: number }, unit: string) =>
  `${r.rate.toFixed(0)} ${unit} p50 ${ms(r.p50)} p99 ${ms(r.p99)}`;
const busyText = (r: LoadResult) => `${(r.busy * 100).toFixed(0)} %`;

export async function posting(db: BenchDatabase) {
  const config = testConfig();
  const instance = await startInstance(db.db, config);
  const base = instance.url.replace(/^ws/, 'http').replace(/\/api\/live$/, '');
  try {
    const { rows: users } = await db.pool.query<{ id: string }>(
      `insert into users (email, password_hash, display_name, affiliation, stakeholder_category, country, email_verified_at)
       select 'poster' || g || '@example.org', 'x', 'Delegate ' || g, 'Organisation ' || g, 'civil_society', 'KE', now()
       from generate_series(1, $1) g returning id`,
      [USERS * 2],
    );
    const cookies: string[] = [];
    for (const u of users) {
      const { token } = await createSession(db.db, u.id, config.sessionTtlMs);
      cookies.push(`${SESSION_COOKIE}=${token}`);
    }
    const { rows: spaceRows } = await db.pool.query<{ id: string; slug: string }>(
      `insert into spaces (slug, code, title, status) values ('post-a', 'PA', 'A', 'open'), ('post-b', 'PB', 'B', 'open'), ('live', 'LV', 'Live', 'open')
       returning id, slug`,
    );
    const [spaceA, spaceB, liveSpace] = spaceRows;
    if (!spaceA || !spaceB || !liveSpace || users.length < USERS * 2) throw new Error('bench setup failed');

    const http = { base, origin: config.appOrigin };
    const ceiling = await load({
      mode: 'pg',
      workers: USERS,
      url: db.url,
      spaceIds: users.slice(0, USERS).map(() => spaceA.id),
      userIds: users.slice(0, USERS).map((u) => u.id),
    });
    const one = await load({
      mode: 'http',
      workers: USERS,
      ...http,
      cookies: cookies.slice(0, USERS),
      slugs: cookies.slice(0, USERS).map(() => spaceA.slug),
    });
    const two = await load({
      mode: 'http',
      workers: USERS * 2,
      ...http,
      cookies,
      slugs: cookies.map((_, i) => (i < USERS ? spaceA.slug : spaceB.slug)),
    });
    // What this machine gives a second space when no application is in the way: the raw-`pg`
    // transaction into two spaces at once, 32 writers each.
    const ceilingTwo = await load({
      mode: 'pg',
      workers: USERS * 2,
      url: db.url,
      spaceIds: users.map((_, i) => (i < USERS ? spaceA.id : spaceB.id)),
      userIds: users.map((u) => u.id),
    });
    row(
      `posting: comment POST, ${USERS} users, one space`,
      rateText(one, 'req/s'),
      rateText(ceiling, 'tx/s (raw pg)'),
      one.rate / ceiling.rate,
      '≥ 0.3',
      one.rate / ceiling.rate >= 0.3,
    );
    row(
      `posting: ${USERS} users in each of two spaces at once`,
      rateText(two, 'req/s'),
      `one space ${one.rate.toFixed(0)} req/s`,
      two.rate / one.rate,
      '≥ 1.6',
      two.rate / one.rate >= 1.6,
    );
    console.log(
      `  (the whole machine's CPU busy: raw pg ${busyText(ceiling)}, one space ${busyText(one)}, two spaces ${busyText(two)}; raw pg into two spaces at once ${ceilingTwo.rate.toFixed(0)} tx/s = ${(ceilingTwo.rate / ceiling.rate).toFixed(2)}× its one space, busy ${busyText(ceilingTwo)}; the app's thread: its event loop busy ${(one.appBusy * 100).toFixed(0)} % with one space and ${(two.appBusy * 100).toFixed(0)} % with two, on a core ${(one.appCpu * 100).toFixed(0)} % and ${(two.appCpu * 100).toFixed(0)} % of the time)`,
    );

    // The live backlog: the normal delay, then the delay of the event after 50,000 unannounced rows.
    const client = await LiveClient.connect(instance.url, { origin: config.appOrigin });
    try {
      await client.subscribe(liveSpace.slug);
      const delayOf = async () => {
        const t0 = performance.now();
        const id = await emit(db.db, liveSpace.id, 'comment.published', { comment: { id: randomUUID() } });
        await client.waitFor((m) => m.type === 'event' && m.id === id, 60_000);
        return performance.now() - t0;
      };
      const normal: number[] = [];
      for (let i = 0; i < 33; i++) {
        const d = await delayOf();
        if (i >= 3) normal.push(d);
      }
      const afterBacklog: number[] = [];
      for (let i = 0; i < 3; i++) {
        // Mostly other spaces, a tenth in the followed one (which is then reset).
        await db.pool.query(
          `insert into events (kind, space_id, payload, audience)
           select 'comment.published', case when g % 10 = 0 then $1::uuid else $2::uuid end,
                  jsonb_build_object('comment', jsonb_build_object('id', gen_random_uuid(), 'bodyHtml', $3::text)), 'public'
           from generate_series(1, 50000) g`,
          [liveSpace.id, spaceB.id, `<p>${BODY.slice(0, 300)}</p>`],
        );
        afterBacklog.push(await delayOf());
      }
      normal.sort((a, b) => a - b);
      afterBacklog.sort((a, b) => a - b);
      const normalP50 = pct(normal, 0.5);
      const worst = afterBacklog.at(-1) ?? 0;
      row(
        'live: next event after a 50,000-event backlog (worst of 3)',
        `${ms(worst)} (runs ${afterBacklog.map((d) => d.toFixed(0)).join(', ')} ms)`,
        `normal p50 ${ms(normalP50)}`,
        worst / normalP50,
        '≤ 5',
        worst / normalP50 <= 5,
      );
    } finally {
      client.close();
    }
  } finally {
    await instance.app.close();
  }
}
