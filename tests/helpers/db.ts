import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createDb, type DbHandle } from '../../server/src/db/client.js';

export function databaseUrl(database: string): string {
  const u = new URL(inject('pgAdminUrl'));
  u.pathname = `/${database}`;
  return u.toString();
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: inject('pgAdminUrl') });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export interface TestDatabase extends DbHandle {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A fresh database for one test file, cloned from the migrated template. */
export async function createTestDatabase(
  options: { template?: string | null; poolMax?: number; connectTimeoutMs?: number } = {},
): Promise<TestDatabase> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  const template = options.template === undefined ? inject('templateDatabase') : options.template;
  await admin(async (c) => {
    for (let attempt = 0; ; attempt++) {
      try {
        await c.query(template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`);
        return;
      } catch (err) {
        // Two files cloning the template at the same instant may collide; try again.
        if (attempt >= 20 || !/being accessed by other users/.test(String(err))) throw err;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  });
  const url = databaseUrl(name);
  const handle = createDb(url, {
    ...(options.poolMax ? { max: options.poolMax } : {}),
    ...(options.connectTimeoutMs ? { connectTimeoutMs: options.connectTimeoutMs } : {}),
  });
  return {
    ...handle,
    name,
    url,
    async drop() {
      await handle.close();
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/**
 * Counts the statements sent through an app's database pool (`pool.query`, which drizzle calls)
 * until `restore()`; `reset()` starts again from 0.
 */
export function countQueries(db: DbHandle['db']) {
  const pool = db.$client;
  const original = pool.query.bind(pool);
  let count = 0;
  // Each statement's name: a named (server-side prepared) statement's, or null.
  let names: (string | null)[] = [];
  (pool as { query: unknown }).query = (...args: Parameters<typeof original>) => {
    count += 1;
    const [config] = args as unknown[];
    names.push(typeof config === 'object' && config !== null ? ((config as { name?: string }).name ?? null) : null);
    return original(...args);
  };
  return {
    get count() {
      return count;
    },
    get names() {
      return names;
    },
    reset() {
      count = 0;
      names = [];
    },
    restore() {
      (pool as { query: unknown }).query = original;
    },
  };
}
