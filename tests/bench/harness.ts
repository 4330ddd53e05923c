import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { createDb, type DbHandle } from '../../server/src/db/client.js';
import { startEmbeddedPostgres } from '../../server/src/db/embedded.js';
import { migrateDatabase } from '../../server/src/db/migrate.js';
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

export function report(name: string, samples: number[], extra = '') {
  const r = stats(samples);
  console.log(
    `${name.padEnd(58)} n=${String(r.n).padStart(3)}  mean ${fmt(r.mean).padStart(9)}  p50 ${fmt(r.p50).padStart(9)}  p95 ${fmt(r.p95).padStart(9)}  max ${fmt(r.max).padStart(9)}${extra ? `  ${extra}` : ''}`,
  );
}
