import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { createDb, type DbHandle } from '../../server/src/db/client.js';
import { startEmbeddedPostgres } from '../../server/src/db/embedded.js';
import { migrateDatabase } from '../../server/src/db/migrate.js';
import { freePort } from '../setup/global.js';

/**
 * `npm run fuzz` runs outside vitest: a throw-away embedded PostgreSQL of its own (or the server in
 * FUZZ_DATABASE_URL), one migrated database, dropped at the end.
 */
export async function fuzzDatabase(): Promise<DbHandle & { stop(): Promise<void> }> {
  const external = process.env.FUZZ_DATABASE_URL;
  const dir = external ? null : await mkdtemp(join(process.cwd(), '.test-data-fuzz-'));
  const server = dir ? await startEmbeddedPostgres({ dataDir: dir, port: await freePort() }) : null;
  const adminUrl = external ?? server?.url() ?? '';
  const name = `fuzz_${process.pid}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`DROP DATABASE IF EXISTS ${name}`);
  await admin(`CREATE DATABASE ${name}`);
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  await migrateDatabase(u.toString());
  const handle = createDb(u.toString());
  return {
    ...handle,
    async stop() {
      await handle.close();
      if (external) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await server?.stop();
      if (dir) await rm(dir, { recursive: true, force: true });
    },
  };
}
