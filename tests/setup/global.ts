import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';
import PgBoss from 'pg-boss';
import type { TestProject } from 'vitest/node';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '../../server/src/db/embedded.js';
import { migrateDatabase } from '../../server/src/db/migrate.js';
import { ensureQueues } from '../../server/src/mail/jobs.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Connection string of the server's maintenance database; tests create databases there. */
    pgAdminUrl: string;
    /** The migrated template each test file's database is cloned from. */
    templateDatabase: string;
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * Starts one real PostgreSQL for the whole run (embedded, or TEST_DATABASE_URL's server),
 * and migrates a template database once.
 */
export default async function setup(project: TestProject) {
  let embedded: EmbeddedDatabase | undefined;
  let dir: string | undefined;
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    dir = await mkdtemp(join(process.cwd(), '.test-data-'));
    embedded = await startEmbeddedPostgres({ dataDir: dir, port: await freePort() });
    adminUrl = embedded.url('postgres');
  }
  const template = `convene_template_${process.pid}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${template}`);
  await client.query(`CREATE DATABASE ${template}`);
  await client.end();
  await migrateDatabase(withDatabase(adminUrl, template));
  // pg-boss's own schema and the app's queues, once, so a test file that sends mail does not build them.
  const boss = new PgBoss({ connectionString: withDatabase(adminUrl, template), supervise: false, schedule: false });
  boss.on('error', () => {});
  await boss.start();
  await ensureQueues(boss);
  await boss.stop({ graceful: false, wait: true, close: true });

  project.provide('pgAdminUrl', adminUrl);
  project.provide('templateDatabase', template);

  return async () => {
    if (embedded) await embedded.stop();
    else {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${template}`);
      await c.end();
    }
    if (dir) await rm(dir, { recursive: true, force: true });
  };
}
