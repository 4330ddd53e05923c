import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { testConfig } from '../../server/src/config.js';
import { createDb } from '../../server/src/db/client.js';
import { startEmbeddedPostgres } from '../../server/src/db/embedded.js';
import { migrateDatabase } from '../../server/src/db/migrate.js';
import { spaces } from '../../server/src/db/schema/index.js';
import { LiveClient, emit, startInstance } from '../helpers/live.js';
import { freePort } from '../setup/global.js';

// This file restarts PostgreSQL, so it runs its own cluster rather than the shared one.
const dir = await mkdtemp(join(process.cwd(), '.test-data-restart-'));
const port = await freePort();
let server = await startEmbeddedPostgres({ dataDir: dir, port });
const admin = new pg.Client({ connectionString: server.url() });
await admin.connect();
await admin.query('CREATE DATABASE convene');
await admin.end();
const url = server.url('convene');
await migrateDatabase(url);

const handle = createDb(url);
const config = testConfig();
const instance = await startInstance(handle.db, config);
afterAll(async () => {
  await instance.app.close();
  await handle.close();
  await server.stop();
  await rm(dir, { recursive: true, force: true });
});

it('recovers from a PostgreSQL restart without a restart of its own, and misses nothing', async () => {
  const [space] = await handle.db
    .insert(spaces)
    .values({ slug: 'restart', code: 'R', title: 'Restart', status: 'open' })
    .returning();
  if (!space) throw new Error('no space');
  const client = await LiveClient.connect(instance.url, { origin: config.appOrigin });
  await client.subscribe('restart');
  const before = await emit(handle.db, space.id, 'comment.published', { n: 'before' });
  await client.waitFor((m) => m.type === 'event' && m.id === before);

  await server.stop();
  server = await startEmbeddedPostgres({ dataDir: dir, port });

  // Written the moment the database is back, possibly before the hub is listening again.
  const writer = createDb(url);
  let after = 0;
  try {
    after = await emit(writer.db, space.id, 'comment.published', { n: 'after' });
  } finally {
    await writer.close();
  }
  await client.waitFor((m) => m.type === 'event' && m.id === after, 20_000, 'the event written after the restart');
  expect(client.events('restart').map((e) => e.id)).toEqual([before, after]);
  expect(client.closed).toBeNull();

  const ready = await instance.app.inject({ method: 'GET', url: '/readyz' });
  expect(ready.statusCode).toBe(200);
});
