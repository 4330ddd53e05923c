import { type Serializable, execFile, fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { request } from 'undici';
import { createDb, type DbHandle } from '../../server/src/db/client.js';
import { startEmbeddedPostgres } from '../../server/src/db/embedded.js';
import { migrateDatabase } from '../../server/src/db/migrate.js';
import { productionNodeFlags } from '../helpers/nodeFlags.js';
import { freePort } from '../setup/global.js';

export interface BenchDatabase extends DbHandle {
  url: string;
}

/** A throw-away embedded PostgreSQL for the benchmarks (or BENCH_DATABASE_URL's server). */
export async function benchCluster() {
  const external = process.env.BENCH_DATABASE_URL;
  const dir = external ? null : await mkdtemp(join(process.cwd(), '.test-data-bench-'));
  const server = dir ? await startEmbeddedPostgres({ dataDir: dir, port: await freePort() }) : null;
  const adminUrl = external ?? server?.url() ?? '';
  let n = 0;
  return {
    async database(): Promise<BenchDatabase> {
      n += 1;
      const name = `bench_${process.pid}_${n}`;
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name}`);
      await c.query(`CREATE DATABASE ${name}`);
      await c.end();
      const u = new URL(adminUrl);
      u.pathname = `/${name}`;
      const url = u.toString();
      await migrateDatabase(url);
      return { ...createDb(url), url };
    },
    async stop() {
      await server?.stop();
      if (dir) await rm(dir, { recursive: true, force: true });
    },
  };
}

export function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  const mean = s.reduce((a, b) => a + b, 0) / (s.length || 1);
  return { n: s.length, mean, p50: at(0.5), p95: at(0.95), max: s[s.length - 1] ?? 0 };
}

export const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

/** The machine's CPU time so far, all cores (ms): busy and total, for `busyShare`. */
export function cpuClock(): { busy: number; total: number } {
  let busy = 0;
  let total = 0;
  for (const { times } of cpus()) {
    const all = times.user + times.nice + times.sys + times.irq + times.idle;
    total += all;
    busy += all - times.idle;
  }
  return { busy, total };
}

/**
 * CPU time (ms, user + system) this process's main thread has run so far: Linux's per-thread
 * counters (`/proc/self/task/<pid>/stat`, in clock ticks of 10 ms), where the event-loop
 * utilization would also count the time the thread waited for a core.
 */
export function mainThreadCpuMs(): number {
  const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** How busy the whole machine was between two `cpuClock()` readings (0–1). */
export const busyShare = (from: { busy: number; total: number }, to: { busy: number; total: number }) =>
  (to.busy - from.busy) / Math.max(1, to.total - from.total);

export function report(name: string, samples: number[], extra = '') {
  const r = stats(samples);
  console.log(
    `${name.padEnd(58)} n=${String(r.n).padStart(3)}  mean ${fmt(r.mean).padStart(9)}  p50 ${fmt(r.p50).padStart(9)}  p95 ${fmt(r.p95).padStart(9)}  max ${fmt(r.max).padStart(9)}${extra ? `  ${extra}` : ''}`,
  );
}

/** One goal row: its name, the figure, the ceiling it is measured against, the ratio, the goal and met / NOT MET. */
export function goalRow(name: string, figure: string, ceiling: string, ratio: number, goal: string, met: boolean) {
  console.log(
    `${name.padEnd(58)} ${figure.padEnd(34)} ceiling ${ceiling.padEnd(34)} ratio ${ratio.toFixed(2).padStart(5)}  goal ${goal} ${met ? 'met' : 'NOT MET'}`,
  );
}

export interface HttpLoad {
  /** Completed requests a second in the measured window. */
  rate: number;
  p50: number;
  p99: number;
  /** Bytes of body per response (the last one read). */
  bytes: number;
}

/**
 * An HTTP load generator in a worker thread (its own event loop, so the server's is not also the
 * client's): `connections` loops GETting `path` with `headers` over as many keep-alive connections,
 * `warmupMs`, then `measureMs` of completions and latencies. Any status but 200 fails the run.
 */
const HTTP_LOAD_WORKER = `
const { parentPort, workerData: w } = require('node:worker_threads');
const { performance } = require('node:perf_hooks');
const { setTimeout: delay } = require('node:timers/promises');
const { Pool } = require('undici');
(async () => {
  const pool = new Pool(w.base, { connections: w.connections, pipelining: 1 });
  const latencies = [];
  let measuring = false, stop = false, bytes = 0;
  const loop = async () => {
    while (!stop) {
      const t0 = performance.now();
      const res = await pool.request({ path: w.path, method: 'GET', headers: w.headers });
      const body = Buffer.from(await res.body.arrayBuffer());
      if (res.statusCode !== 200) throw new Error('GET ' + w.path + ': ' + res.statusCode + ' ' + body.toString().slice(0, 200));
      bytes = body.length;
      if (measuring) latencies.push(performance.now() - t0);
    }
  };
  const runners = Array.from({ length: w.connections }, loop);
  await delay(w.warmupMs);
  measuring = true;
  const t0 = performance.now();
  await delay(w.measureMs);
  measuring = false;
  const elapsed = performance.now() - t0;
  stop = true;
  await Promise.all(runners);
  await pool.close();
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] || 0;
  parentPort.postMessage({ rate: (latencies.length * 1000) / elapsed, p50: at(0.5), p99: at(0.99), bytes });
})().catch((err) => { throw err; });
`;

export function httpLoad(spec: {
  base: string;
  path: string;
  headers?: Record<string, string>;
  connections: number;
  warmupMs?: number;
  measureMs?: number;
}): Promise<HttpLoad> {
  const worker = new Worker(HTTP_LOAD_WORKER, {
    eval: true,
    workerData: { warmupMs: 1_000, measureMs: 4_000, headers: {}, ...spec },
  });
  return new Promise((resolve, reject) => {
    worker.once('message', (r: HttpLoad) => resolve(r));
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`load worker exited with ${code}`)));
  });
}

/**
 * The same load from Debian's `wrk` (C, its own process): `connections` keep-alive connections on
 * one thread GETting `url` with `headers`, a second's warm-up run, then `measureMs`. For a row
 * whose ceiling has no HTTP client (the signed-in page against raw `pg`): undici costs about
 * half a millisecond of this machine's CPU a request, which would be charged to the server; wrk
 * a twentieth of it. Any response but 2xx/3xx, and any socket error or timeout, fails the run.
 */
export async function wrkLoad(spec: {
  url: string;
  headers?: Record<string, string>;
  connections: number;
  measureMs?: number;
}): Promise<Omit<HttpLoad, 'bytes'>> {
  const args = (ms: number) => [
    '--latency',
    // A slow page (the moderator's, computed in full, p99 over a second) must not time out uncounted.
    '--timeout',
    '30s',
    '-t1',
    `-c${spec.connections}`,
    `-d${Math.max(1, Math.round(ms / 1000))}s`,
    ...Object.entries(spec.headers ?? {}).flatMap(([k, v]) => ['-H', `${k}: ${v}`]),
    spec.url,
  ];
  const run = (ms: number) =>
    new Promise<string>((resolve, reject) => {
      execFile('wrk', args(ms), (err, stdout) => {
        if (err) {
          const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
          reject(missing ? new Error('wrk is not installed: apt-get install wrk (bash .ci/run installs it)') : err);
        } else resolve(stdout);
      });
    });
  await run(1_000);
  const out = await run(spec.measureMs ?? 4_000);
  const non2xx = /Non-2xx or 3xx responses:\s+(\d+)/.exec(out);
  if (non2xx) throw new Error(`wrk ${spec.url}: ${non2xx[1]} responses were not 2xx/3xx`);
  const socketErrors = /Socket errors: (.*)/.exec(out);
  if (socketErrors) throw new Error(`wrk ${spec.url}: socket errors (${socketErrors[1]})`);
  const ms = (pct: string) => {
    // wrk pads its figures ("1.26s "): trailing spaces allowed.
    const m = new RegExp(`^\\s+${pct}%\\s+([\\d.]+)(us|ms|s)\\s*$`, 'm').exec(out);
    if (!m) throw new Error(`wrk: no ${pct}% latency in its output:\n${out}`);
    return Number(m[1]) * (m[2] === 'us' ? 0.001 : m[2] === 's' ? 1000 : 1);
  };
  const rate = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? Number.NaN);
  if (!Number.isFinite(rate)) throw new Error(`wrk: no rate in its output:\n${out}`);
  return { rate, p50: ms('50'), p99: ms('99') };
}

/** A bench server in a child process (tests/bench/serve.ts): its base URL, memory, and a way to stop it. */
export interface ChildServer {
  base: string;
  pid: number;
  /** VmRSS and VmHWM (peak) of the child, in MB, from /proc/<pid>/status. */
  memory(): Promise<{ rssMb: number; peakMb: number }>;
  /** The child's own account (`process.memoryUsage()`, the public cache's bytes); app mode only. */
  usage(): Promise<{ usage: NodeJS.MemoryUsage; cacheBytes: number }>;
  stop(): Promise<void>;
}

let compiled: Promise<string> | null = null;
/**
 * tests/bench/serve.ts and the server's sources compiled to JavaScript (esbuild, which
 * vite and tsx bring; packages stay external), run by plain `node` as in production: under tsx's
 * loader the same server takes ~40 MB more RSS (its loader thread and transformed sources).
 */
function compiledServe(): Promise<string> {
  compiled ??= (async () => {
    const { build } = await import('esbuild');
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const outdir = join(root, 'node_modules/.cache/convene-bench');
    await build({
      entryPoints: [join(root, 'tests/bench/serve.ts')],
      bundle: true,
      // A module the server imports on first use (the export libraries) stays a file of its own,
      // loaded then, as tsc's output in production: bundled, its packages would load at start-up.
      splitting: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      alias: { '@convene/shared': join(root, 'shared/src/index.ts') },
      outdir,
      entryNames: '[name]',
      outExtension: { '.js': '.mjs' },
      logLevel: 'warning',
    });
    return join(outdir, 'serve.mjs');
  })();
  return compiled;
}

export async function serveChild(
  mode: 'app' | 'bare',
  env: Record<string, string> = {},
  message?: unknown,
): Promise<ChildServer> {
  const child = fork(await compiledServe(), [mode], {
    // The bare ceiling and the app run with the flags production uses (`config.nodeFlags`).
    execArgv: productionNodeFlags(),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  if (message !== undefined) child.send(message as Serializable);
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m) => resolve((m as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`bench server (${mode}) exited with ${code}`)));
  });
  return {
    base: `http://127.0.0.1:${port}`,
    pid: child.pid ?? 0,
    async memory() {
      const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
      const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
      return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
    },
    usage() {
      return new Promise((resolve) => {
        const on = (m: unknown) => {
          if ((m as { type?: string }).type !== 'memory') return;
          child.off('message', on);
          resolve(m as { usage: NodeJS.MemoryUsage; cacheBytes: number });
        };
        child.on('message', on);
        child.send({ type: 'memory' });
      });
    },
    async stop() {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.disconnect();
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** One GET whose body is kept as sent (not decoded), with the headers the bench needs. */
export async function fetchRaw(url: string, headers: Record<string, string>) {
  const res = await request(url, { headers });
  const body = Buffer.from(await res.body.arrayBuffer());
  const h = (n: string) => {
    const v = res.headers[n];
    return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
  };
  return {
    status: res.statusCode,
    body,
    encoding: h('content-encoding') || null,
    contentType: h('content-type'),
    etag: h('etag'),
    xCache: h('x-cache'),
  };
}
