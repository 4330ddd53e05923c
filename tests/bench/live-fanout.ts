import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { readFileSync, readdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { writeHeapSnapshot } from 'node:v8';
import WebSocket from 'ws';
import { textFrame } from '../../server/src/live/socket.js';
import { productionNodeFlags } from '../helpers/nodeFlags.js';
import type { BenchDatabase } from './harness.js';

/**
 * Issue 12's live fan-out row: one instance of the app in its own process (fd limit raised), the
 * WebSocket clients in other processes (each at most CLIENTS_PER_PROCESS sockets), every socket a
 * guest subscribed to one open space. A moderator approves a pending comment through the API;
 * each socket's latency is from just before the approve request is sent to that socket's receipt
 * of the `comment.published` event (wall clock, `performance.timeOrigin + now()`, same machine).
 * p50/p99 over every socket of every round, at 1,000 and at 20,000 sockets, and the server's memory
 * per idle subscribed socket (RSS after a full GC, from 1,000 to 20,000 sockets).
 *
 * This one file plays three roles, chosen by LIVE_FANOUT_ROLE: the bench (no variable), `server`
 * (the app, `--expose-gc`, answering the bench over IPC) and `clients` (a share of the sockets).
 */

const SELF = fileURLToPath(import.meta.url);
const SPACE = 'fanout';
const SMALL = Number(process.env.BENCH_LIVE_SMALL ?? 1_000);
const WANTED = Number(process.env.BENCH_LIVE_LARGE ?? 20_000);
const ROUNDS = Number(process.env.BENCH_LIVE_ROUNDS ?? 20);
const WARMUP_ROUNDS = 3;
const CLIENTS_PER_PROCESS = 10_000;
/** Descriptors kept free in the server for its database pool's growth (10) and a few more. */
const FD_MARGIN = 24;
/** Sockets opening at once per client process. */
const CONNECT_CONCURRENCY = 100;
/** Presence counts are flushed each second: after connecting, wait for the counts to be sent. */
const SETTLE_MS = 2_500;

const wallNow = () => performance.timeOrigin + performance.now();

type Reply = { type: string; [k: string]: unknown };

/** A child process answering requests over IPC, one at a time, in order. */
class Child {
  private queue: ((m: Reply) => void)[] = [];
  private exited: string | null = null;
  constructor(readonly proc: ChildProcess) {
    proc.on('message', (m: Reply) => this.queue.shift()?.(m));
    proc.on('error', () => undefined);
    proc.on('exit', (code, signal) => {
      this.exited = `exited (${code ?? signal})`;
      for (const w of this.queue.splice(0)) w({ type: 'error', message: this.exited });
    });
  }
  /** The next message from the child (its answer to the last request, or its first 'ready'). */
  next(): Promise<Reply> {
    if (this.exited) return Promise.resolve({ type: 'error', message: this.exited });
    return new Promise((resolve) => this.queue.push(resolve));
  }
  async ask(msg: object): Promise<Reply> {
    if (!this.proc.connected) throw new Error(`live-fanout child: ${this.exited ?? 'not connected'}`);
    const answer = this.next();
    this.proc.send(msg);
    const m = await answer;
    if (m.type === 'error') throw new Error(`live-fanout child: ${String(m.message)}`);
    return m;
  }
}

function spawnRole(role: 'server' | 'clients', env: Record<string, string>): Child {
  // The server holds a descriptor per socket: raise its limit as far as this machine allows (a
  // process without CAP_SYS_RESOURCE stays at the hard limit; the bench reports it).
  const proc = spawn(
    'bash',
    [
      '-c',
      'ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"; exec "$0" "$@"',
      process.execPath,
      // The server runs with production's flags (`config.nodeFlags`), as the other benchmarks do.
      ...(role === 'server' ? ['--expose-gc', ...productionNodeFlags()] : []),
      // BENCH_LIVE_PROF=<dir>: a CPU profile of the server, written when it stops.
      ...(role === 'server' && process.env.BENCH_LIVE_PROF
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_LIVE_PROF}`]
        : []),
      '--import',
      'tsx',
      '--conditions=convene-source',
      SELF,
    ],
    { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env: { ...process.env, ...env, LIVE_FANOUT_ROLE: role } },
  );
  return new Child(proc);
}

const pct = (sorted: Float64Array, q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
const ms = (n: number) => `${n.toFixed(1)} ms`;

export async function liveFanout(db: BenchDatabase) {
  const { testConfig } = await import('../../server/src/config.js');
  const { createSession } = await import('../../server/src/auth/sessions.js');
  const { SESSION_COOKIE } = await import('../../server/src/plugins/session.js');
  const config = testConfig();
  console.log(
    `Live fan-out: the server in its own process, up to ${WANTED.toLocaleString('en')} guest sockets in client processes (≤ ${CLIENTS_PER_PROCESS.toLocaleString('en')} each), one space; approve request → each socket's receipt`,
  );

  const { rows: users } = await db.pool.query<{ id: string }>(
    `insert into users (email, password_hash, display_name, affiliation, stakeholder_category, country, email_verified_at)
     values ('fanout-mod@example.org', 'x', 'Moderator', 'UN', 'un_system', 'KE', now()),
            ('fanout-author@example.org', 'x', 'Delegate', 'Organisation', 'civil_society', 'KE', now())
     returning id`,
  );
  const [moderator, author] = users;
  const { rows: spaceRows } = await db.pool.query<{ id: string }>(
    `insert into spaces (slug, code, title, status, moderation_mode) values ($1, 'F', 'Fan-out', 'open', 'pre') returning id`,
    [SPACE],
  );
  const spaceId = spaceRows[0]?.id;
  if (!moderator || !author || !spaceId) throw new Error('live-fanout: setup failed');
  await db.pool.query(`insert into space_roles (space_id, user_id, role) values ($1, $2, 'moderator')`, [
    spaceId,
    moderator.id,
  ]);
  const total = 2 * (WARMUP_ROUNDS + ROUNDS) + 4;
  const { rows: pending } = await db.pool.query<{ id: string; version: number }>(
    `insert into comments (space_id, author_id, client_id, body_md, body_html, language, status)
     select $1, $2, gen_random_uuid(), 'A contribution of a few words, number ' || g, '<p>A contribution of a few words, number ' || g || '</p>', 'en', 'pending'
     from generate_series(1, $3::int) g returning id, version`,
    [spaceId, author.id, total],
  );
  const { token } = await createSession(db.db, moderator.id, config.sessionTtlMs);
  const cookie = `${SESSION_COOKIE}=${token}`;

  const server = spawnRole('server', { BENCH_DATABASE: db.url });
  const clients: Child[] = [];
  try {
    const hello = await server.next();
    if (hello.type !== 'listening') throw new Error(`live-fanout server: ${String(hello.message)}`);
    const port = Number(hello.port);
    const base = `http://127.0.0.1:${port}`;
    // One descriptor per socket, besides those the server holds already and its pool's growth.
    const start = await server.ask({ type: 'stats' });
    const room = Number(start.fdLimit) - Number(start.fds) - FD_MARGIN;
    const LARGE = Math.min(WANTED, room);
    console.log(
      `  server: descriptor limit ${String(start.fdLimit)}, ${String(start.fds)} in use at start${LARGE < WANTED ? ` — the large case is ${LARGE.toLocaleString('en')} sockets, not ${WANTED.toLocaleString('en')}: the limit cannot be raised here (no CAP_SYS_RESOURCE)` : ''}`,
    );
    for (let i = 0; i < Math.ceil(LARGE / CLIENTS_PER_PROCESS); i++) {
      const c = spawnRole('clients', {
        BENCH_LIVE_URL: `ws://127.0.0.1:${port}/api/live`,
        BENCH_ORIGIN: config.appOrigin,
      });
      if ((await c.next()).type !== 'ready') throw new Error('live-fanout: a client process did not start');
      clients.push(c);
    }

    let lastApproved = '';
    const approve = async () => {
      const c = pending.shift();
      if (!c) throw new Error('live-fanout: out of pending comments');
      lastApproved = c.id;
      await Promise.all(clients.map((p) => p.ask({ type: 'arm', token: c.id })));
      const cpu0 = Number((await server.ask({ type: 'cpu' })).ms);
      const t0 = wallNow();
      const res = await fetch(`${base}/api/comments/${c.id}/decision`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: config.appOrigin, cookie },
        body: JSON.stringify({ action: 'approve', version: c.version }),
      });
      const text = await res.text();
      const answered = wallNow() - t0;
      if (res.status !== 200) throw new Error(`approve: ${res.status} ${text.slice(0, 200)}`);
      const got = await Promise.all(clients.map((p) => p.ask({ type: 'collect' })));
      const times = got.flatMap((g) => g.times as number[]);
      const missing = got.reduce((n, g) => n + Number(g.missing), 0);
      const handed = Number((await server.ask({ type: 'handedOver', id: c.id })).at);
      // CPU time (user + system) the server and the client processes spent on the round.
      const serverCpu = Number((await server.ask({ type: 'cpu' })).ms) - cpu0;
      const clientCpu = got.reduce((n, g) => n + Number(g.cpuMs), 0);
      const last = times.reduce((a, b) => Math.max(a, b), t0);
      return {
        latencies: times.map((t) => t - t0),
        missing,
        answered,
        handed: handed ? handed - t0 : NaN,
        cpu: { server: serverCpu, clients: clientCpu, wall: last - t0 },
      };
    };
    // The machine's own floor for the same fan-out: the server writes the frame it last sent (the
    // approval's event, with a fresh comment id) to every socket in a bare loop, one
    // `socket.write` each: no HTTP, no database, no hub; from just before the bench's IPC message.
    const bareRound = async () => {
      const token = randomUUID();
      await Promise.all(clients.map((p) => p.ask({ type: 'arm', token })));
      const t0 = wallNow();
      await server.ask({ type: 'bareEmit', token, previous: lastApproved });
      const got = await Promise.all(clients.map((p) => p.ask({ type: 'collect' })));
      return {
        latencies: got.flatMap((g) => g.times as number[]).map((t) => t - t0),
        missing: got.reduce((n, g) => n + Number(g.missing), 0),
      };
    };
    const measureBare = async () => {
      const all: number[] = [];
      let missing = 0;
      for (let r = 0; r < WARMUP_ROUNDS + ROUNDS; r++) {
        const round = await bareRound();
        missing += round.missing;
        if (r >= WARMUP_ROUNDS) all.push(...round.latencies);
      }
      const sorted = Float64Array.from(all).sort();
      return { p50: pct(sorted, 0.5), p99: pct(sorted, 0.99), missing };
    };
    const measure = async (sockets: number) => {
      const all: number[] = [];
      const spread: number[] = [];
      const answered: number[] = [];
      const handed: number[] = [];
      const cpu = { server: 0, clients: 0, wall: 0 };
      let missing = 0;
      for (let r = 0; r < WARMUP_ROUNDS + ROUNDS; r++) {
        const round = await approve();
        missing += round.missing;
        if (process.env.BENCH_LIVE_VERBOSE) {
          const l = Float64Array.from(round.latencies).sort();
          console.log(
            `    round ${r}: answered ${ms(round.answered)}, handed over ${ms(round.handed)}, p50 ${ms(pct(l, 0.5))}, max ${ms(pct(l, 1))}`,
          );
        }
        if (r < WARMUP_ROUNDS) continue;
        all.push(...round.latencies);
        const first = round.latencies.reduce((a, b) => Math.min(a, b), Infinity);
        spread.push(...round.latencies.map((l) => l - first));
        answered.push(round.answered);
        handed.push(round.handed);
        cpu.server += round.cpu.server / ROUNDS;
        cpu.clients += round.cpu.clients / ROUNDS;
        cpu.wall += round.cpu.wall / ROUNDS;
      }
      const sorted = Float64Array.from(all).sort();
      const ans = Float64Array.from(answered).sort();
      const spr = Float64Array.from(spread).sort();
      const hand = Float64Array.from(handed).sort();
      const s = {
        sockets,
        n: sorted.length,
        p50: pct(sorted, 0.5),
        p99: pct(sorted, 0.99),
        max: pct(sorted, 1),
        missing,
      };
      console.log(
        `  ${sockets.toLocaleString('en').padStart(6)} sockets: ${ROUNDS} rounds, ${s.n} receipts, p50 ${ms(s.p50)}, p99 ${ms(s.p99)}, max ${ms(s.max)}; approve answered p50 ${ms(pct(ans, 0.5))}, event handed to every socket p50 ${ms(pct(hand, 0.5))}; after a round's first receipt: p50 ${ms(pct(spr, 0.5))}, p99 ${ms(pct(spr, 0.99))}${missing ? `; ${missing} receipts MISSING` : ''}`,
      );
      console.log(
        `    CPU per round (mean): server ${ms(cpu.server)}, client processes ${ms(cpu.clients)}, together ${ms(cpu.server + cpu.clients)} in ${ms(cpu.wall)} from the request to the last receipt (2 cores: ${ms(2 * cpu.wall)} at most)`,
      );
      return s;
    };
    const connectTo = async (n: number) => {
      const per = Math.ceil(n / clients.length);
      await Promise.all(
        clients.map((c, i) => c.ask({ type: 'connect', upTo: Math.min(per, n - i * per), space: SPACE })),
      );
      await delay(SETTLE_MS);
      const stats = await server.ask({ type: 'stats' });
      if (Number(stats.subscriptions) !== n)
        throw new Error(`live-fanout: ${String(stats.subscriptions)} subscriptions, expected ${n}`);
    };
    const memory = async () => {
      const m = await server.ask({ type: 'memory' });
      return { rss: Number(m.rss), heap: Number(m.heapUsed) };
    };

    // Warm the approval path with no socket, then the empty baseline.
    await approve();
    const mem0 = await memory();
    await connectTo(SMALL);
    const small = await measure(SMALL);
    const bareSmall = await measureBare();
    const memSmall = await memory();
    await connectTo(LARGE);
    const memLarge = await memory();
    if (process.env.BENCH_LIVE_HEAPSNAP) await server.ask({ type: 'heapSnapshot' });
    const large = await measure(LARGE);
    const bareLarge = await measureBare();

    const added = LARGE - SMALL;
    const perSocket = (memLarge.rss - memSmall.rss) / added / 1024;
    const perSocketFromZero = (memLarge.rss - mem0.rss) / LARGE / 1024;
    const heapPerSocket = (memLarge.heap - memSmall.heap) / added / 1024;
    const ratio = large.p99 / small.p99;
    const line = (name: string, figure: string, ceiling: string, r: string, goal: string, met: boolean) =>
      console.log(
        `${name.padEnd(58)} ${figure.padEnd(22)} ceiling ${ceiling.padEnd(26)} ratio ${r.padStart(5)}  goal ${goal} ${met ? 'met' : 'NOT MET'}`,
      );
    line(
      `live fan-out: p99, ${LARGE.toLocaleString('en')} sockets vs ${SMALL.toLocaleString('en')}`,
      `p99 ${ms(large.p99)}`,
      `${SMALL.toLocaleString('en')}-socket p99 ${ms(small.p99)}`,
      ratio.toFixed(2),
      '≤ 3×',
      ratio <= 3 && large.missing + small.missing === 0,
    );
    console.log(
      `  (the machine's floor, a bare loop writing the same frame to every socket: p99 ${ms(bareLarge.p99)} at ${LARGE.toLocaleString('en')} sockets vs ${ms(bareSmall.p99)} at ${SMALL.toLocaleString('en')} = ${(bareLarge.p99 / bareSmall.p99).toFixed(2)}×; p50 ${ms(bareLarge.p50)} vs ${ms(bareSmall.p50)}${bareLarge.missing + bareSmall.missing ? `; ${bareLarge.missing + bareSmall.missing} receipts MISSING` : ''})`,
    );
    line(
      `live fan-out: server memory per idle socket`,
      `${perSocket.toFixed(1)} KB RSS`,
      `${(memSmall.rss / 2 ** 20).toFixed(0)} → ${(memLarge.rss / 2 ** 20).toFixed(0)} MB RSS`,
      '—',
      '≤ 10 KB',
      perSocket <= 10,
    );
    console.log(
      `  (RSS after a full GC, ${SMALL.toLocaleString('en')} → ${LARGE.toLocaleString('en')} sockets; from no socket: ${perSocketFromZero.toFixed(1)} KB each, ${(mem0.rss / 2 ** 20).toFixed(0)} MB idle; JS heap ${heapPerSocket.toFixed(1)} KB each)`,
    );
  } finally {
    await Promise.all(clients.map((c) => c.ask({ type: 'stop' }).catch(() => undefined)));
    await server.ask({ type: 'stop' }).catch(() => undefined);
    for (const c of [...clients, server]) {
      if (c.proc.exitCode === null) await Promise.race([once(c.proc, 'exit'), delay(10_000)]);
      if (c.proc.exitCode === null) c.proc.kill();
    }
  }
}

// ---- the server process ---------------------------------------------------------------------

async function serverRole() {
  const { buildApp } = await import('../../server/src/app.js');
  const { testConfig } = await import('../../server/src/config.js');
  const { createDb } = await import('../../server/src/db/client.js');
  const handle = createDb(process.env.BENCH_DATABASE ?? '');
  const app = await buildApp({ db: handle.db, config: testConfig(), logger: false });
  await app.listen({ host: '127.0.0.1', port: 0, backlog: 4096 });
  const address = app.server.address();
  const send = (m: object) => process.send?.(m);
  // When the hub had handed each approval's event to every socket (diagnostic: server vs clients).
  const handedOver = new Map<string, number>();
  // The text of the last approval's event as the sockets got it (for bareEmit).
  const hubSockets = (
    app.live as unknown as { sockets: { framed: string; connections: ReadonlySet<{ socket: unknown }> } }
  ).sockets;
  let lastEvent = '';
  const chained = app.live.delivered;
  app.live.delivered = (row) => {
    const comment = (row.payload as { comment?: { id?: string } }).comment;
    if (row.kind === 'comment.published' && comment?.id) {
      handedOver.set(comment.id, wallNow());
      lastEvent = hubSockets.framed;
    }
    chained?.(row);
  };
  process.on('message', (m: { type: string }) => {
    if (m.type === 'stats') {
      const limits = readFileSync('/proc/self/limits', 'utf8');
      const fdLimit = Number(/Max open files\s+(\d+)/.exec(limits)?.[1] ?? 0);
      send({
        type: 'stats',
        sockets: app.live.size,
        subscriptions: app.live.subscriptionCount,
        fds: readdirSync('/proc/self/fd').length,
        fdLimit,
      });
    } else if (m.type === 'cpu') {
      const u = process.cpuUsage();
      send({ type: 'cpu', ms: (u.user + u.system) / 1000 });
    } else if (m.type === 'handedOver') {
      const id = (m as { id?: string }).id ?? '';
      send({ type: 'handedOver', at: handedOver.get(id) ?? 0 });
      handedOver.delete(id);
    } else if (m.type === 'bareEmit') {
      // The floor (see bareRound): the last approval's text, its comment id replaced, one write each.
      const { token = '', previous = '' } = m as { token?: string; previous?: string };
      const text = previous ? lastEvent.replaceAll(previous, token) : '';
      if (!text || text === lastEvent) {
        send({ type: 'error', message: `bareEmit: the last event is not the approval of ${previous}` });
        return;
      }
      const frame = textFrame(text);
      for (const conn of hubSockets.connections)
        (conn.socket as { _socket: { write(b: Buffer): boolean } })._socket.write(frame);
      send({ type: 'bareEmitted' });
    } else if (m.type === 'heapSnapshot') {
      // BENCH_LIVE_HEAPSNAP=<file>: what the idle sockets hold (diagnostic).
      send({ type: 'heapSnapshot', file: writeHeapSnapshot(process.env.BENCH_LIVE_HEAPSNAP) });
    } else if (m.type === 'memory') {
      const gc = (globalThis as { gc?: () => void }).gc;
      gc?.();
      gc?.();
      const u = process.memoryUsage();
      send({ type: 'memory', rss: u.rss, heapUsed: u.heapUsed });
    } else if (m.type === 'stop') {
      void app
        .close()
        .then(() => handle.close())
        .finally(() => {
          send({ type: 'stopped' });
          process.exit(0);
        });
    }
  });
  send({ type: 'listening', port: typeof address === 'object' && address ? address.port : 0 });
}

// ---- a client process -----------------------------------------------------------------------

async function clientsRole() {
  const url = process.env.BENCH_LIVE_URL ?? '';
  const origin = process.env.BENCH_ORIGIN ?? '';
  const sockets: WebSocket[] = [];
  let token: Buffer | null = null;
  let times: Float64Array = new Float64Array(0);
  let got = 0;
  let done: (() => void) | null = null;
  let armedCpu = process.cpuUsage();
  const send = (m: object) => process.send?.(m);

  const open = (space: string) =>
    new Promise<void>((resolve, reject) => {
      const ws = new WebSocket(url, { origin, perMessageDeflate: false });
      const index = sockets.length;
      sockets.push(ws);
      ws.once('error', reject);
      ws.on('message', (data: Buffer) => {
        if (token === null || times[index] !== 0) {
          if (data.length < 200 && data.includes('"ready"')) resolve();
          return;
        }
        if (data.indexOf(token) === -1) return;
        times[index] = wallNow();
        got += 1;
        if (got === times.length) done?.();
      });
      ws.once('open', () => ws.send(JSON.stringify({ type: 'subscribe', space })));
    });

  process.on('message', (m: { type: string; upTo?: number; space?: string; token?: string }) => {
    void (async () => {
      if (m.type === 'connect') {
        const target = m.upTo ?? 0;
        const start = sockets.length;
        let next = start;
        const lane = async () => {
          while (next < target) {
            next += 1;
            await open(m.space ?? '');
          }
        };
        await Promise.all(Array.from({ length: CONNECT_CONCURRENCY }, lane));
        send({ type: 'connected', sockets: sockets.length });
      } else if (m.type === 'arm') {
        // JSON-escaped like the event's text: a uuid has nothing to escape.
        token = Buffer.from(`"${m.token}"`);
        times = new Float64Array(sockets.length);
        got = 0;
        armedCpu = process.cpuUsage();
        send({ type: 'armed' });
      } else if (m.type === 'collect') {
        if (got < times.length) {
          await Promise.race([new Promise<void>((r) => (done = r)), delay(30_000)]);
          done = null;
        }
        const used = process.cpuUsage(armedCpu);
        const list = Array.from(times).filter((t) => t !== 0);
        send({
          type: 'times',
          times: list,
          missing: times.length - list.length,
          cpuMs: (used.user + used.system) / 1000,
        });
        token = null;
      } else if (m.type === 'stop') {
        for (const ws of sockets) ws.terminate();
        send({ type: 'stopped' });
        process.exit(0);
      }
    })().catch((err: unknown) => send({ type: 'error', message: err instanceof Error ? err.message : String(err) }));
  });
  send({ type: 'ready' });
}

const role = process.env.LIVE_FANOUT_ROLE;
if (role === 'server') {
  serverRole().catch((err: unknown) => {
    process.send?.({ type: 'error', message: err instanceof Error ? err.stack : String(err) });
    process.exit(1);
  });
} else if (role === 'clients') {
  await clientsRole();
}

// Run alone: `npx tsx --conditions=convene-source tests/bench/live-fanout.ts`.
if (!role && process.argv[1] === SELF) {
  const { benchCluster } = await import('./harness.js');
  const cluster = await benchCluster();
  try {
    await liveFanout(await cluster.database());
  } finally {
    await cluster.stop();
  }
  process.exit(0);
}
