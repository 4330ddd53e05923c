import pg from 'pg';
import type { Config } from '../config.js';
import { startEmbeddedPostgres } from './embedded.js';

export interface OpenedDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

const EMBEDDED_DATABASE = 'convene';

/** DATABASE_URL's server, or the embedded PostgreSQL (started, with its database created). */
export async function openDatabase(config: Config, log: (line: string) => void): Promise<OpenedDatabase> {
  if (config.databaseUrl) {
    return { url: config.databaseUrl, embedded: false, stop: async () => {} };
  }
  log(`starting embedded PostgreSQL (data in ${config.dataDir}, port ${config.embeddedPgPort})`);
  const server = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPgPort }).catch(
    (err: unknown) => {
      throw new Error(
        `The embedded PostgreSQL did not start${err ? `: ${String(err instanceof Error ? err.message : err)}` : ''}. ` +
          `Is port ${config.embeddedPgPort} taken (set EMBEDDED_PG_PORT), or another instance using ${config.dataDir}?`,
      );
    },
  );
  const client = new pg.Client({ connectionString: server.url('postgres') });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [EMBEDDED_DATABASE]);
    if (!rowCount) await client.query(`CREATE DATABASE ${EMBEDDED_DATABASE}`);
  } finally {
    await client.end();
  }
  return { url: server.url(EMBEDDED_DATABASE), embedded: true, stop: () => server.stop() };
}
