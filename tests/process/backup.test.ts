import { execFile as execFileCb, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chown, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/src/app.js';
import { testConfig } from '../../server/src/config.js';
import { createDb } from '../../server/src/db/client.js';
import { migrateDatabase } from '../../server/src/db/migrate.js';
import { findTools, pickTool } from '../../server/src/ops/backup.js';
import { type TestContext, TestClient } from '../helpers/app.js';
import { makeCast, makeSpace, uuid } from '../helpers/factories.js';
import { PDF, multipartBody } from '../helpers/multipart.js';
import { freePort } from '../setup/global.js';

/**
 * `npm run backup` / `npm run restore` as an operator runs them (real processes, real pg_dump and
 * pg_restore) against an external PostgreSQL (DATABASE_URL) whose client tools are installed: the
 * newest Debian PostgreSQL found under /usr/lib/postgresql with a server, pg_dump and pg_restore.
 * Seeded through the real app with an attachment; restored into a fresh database; every table's
 * row count and the attachment's SHA-256 compared.
 */
const execFile = promisify(execFileCb);
const root = fileURLToPath(new URL('../..', import.meta.url));
const asRoot = userInfo().uid === 0;

async function debianPostgres(): Promise<string> {
  const base = '/usr/lib/postgresql';
  const versions = (await readdir(base)).sort((a, b) => Number(b) - Number(a));
  for (const v of versions) {
    const bin = join(base, v, 'bin');
    const has = await Promise.all(
      ['initdb', 'pg_ctl', 'postgres', 'pg_dump', 'pg_restore'].map((t) =>
        stat(join(bin, t)).then(
          () => true,
          () => false,
        ),
      ),
    );
    if (has.every(Boolean)) return bin;
  }
  throw new Error(`No PostgreSQL server with pg_dump/pg_restore under ${base} (apt-get install postgresql)`);
}

/** Runs a PostgreSQL tool, as the postgres user when we are root (PostgreSQL refuses root). */
const pgTool = (bin: string, tool: string, args: string[]) =>
  asRoot ? execFile('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]) : execFile(join(bin, tool), args);

/** `npm run <script> -- args` as a child process; its exit code and output. */
function npmRun(script: string, args: string[], databaseUrl: string) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn('npm', ['run', '-s', script, '--', ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: 'development', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.once('exit', (code) => resolve({ code, output }));
  });
}

let bin = '';
let dir = '';
let port = 0;
const url = (database: string) => `postgres://convene@127.0.0.1:${port}/${database}`;

async function sql<T extends pg.QueryResultRow>(database: string, text: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url(database) });
  await c.connect();
  try {
    return (await c.query<T>(text)).rows;
  } finally {
    await c.end();
  }
}

/** Row count of every table outside PostgreSQL's own schemas, by qualified name. */
async function counts(database: string): Promise<Record<string, number>> {
  const tables = await sql<{ t: string }>(
    database,
    `select format('%I.%I', schemaname, tablename) as t from pg_tables
      where schemaname not in ('pg_catalog', 'information_schema') order by 1`,
  );
  const out: Record<string, number> = {};
  for (const { t } of tables)
    out[t] = Number((await sql<{ n: string }>(database, `select count(*) as n from ${t}`))[0]?.n);
  return out;
}

const attachmentSha = async (database: string) =>
  sql<{ id: string; sha: string; stored: string }>(
    database,
    `select id, encode(sha256(data), 'hex') as sha, sha256 as stored from attachments order by id`,
  );

beforeAll(async () => {
  bin = await debianPostgres();
  dir = await mkdtemp(join(tmpdir(), 'convene-backup-'));
  const data = join(dir, 'pg');
  await execFile('mkdir', ['-p', data]);
  if (asRoot) {
    const { uid, gid } = await stat('/var/lib/postgresql').catch(() => ({ uid: 101, gid: 104 }));
    await chown(data, uid, gid);
  }
  await execFile('chmod', ['755', dir]);
  port = await freePort();
  await pgTool(bin, 'initdb', ['-D', data, '-U', 'convene', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8']);
  await pgTool(bin, 'pg_ctl', [
    '-D',
    data,
    '-w',
    '-l',
    join(data, 'log'),
    '-o',
    `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=`,
    'start',
  ]);
  for (const name of ['source', 'fresh', 'busy']) await sql('postgres', `CREATE DATABASE ${name}`);
  await migrateDatabase(url('source'));

  // Content through the real app: a space, its people, a comment with a PDF attached.
  const handle = createDb(url('source'));
  const config = testConfig();
  const app = await buildApp({ db: handle.db, config, logger: false });
  await app.ready();
  try {
    const ctx = {
      app,
      config,
      db: { ...handle, name: 'source', url: url('source'), drop: async () => {} },
      client: () => new TestClient(app, config.appOrigin),
    } satisfies TestContext;
    const { space } = await makeSpace(ctx, { moderationMode: 'post' });
    const cast = await makeCast(ctx, space.id);
    const posted = await cast.author.client.post(`/api/spaces/${space.slug}/comments`, {
      body: 'A comment with a position paper, to be backed up.',
      language: 'en',
      clientId: uuid(),
    });
    expect(posted.status).toBe(201);
    const { payload, contentType } = multipartBody([
      { filename: 'Position paper.pdf', contentType: 'application/pdf', data: PDF },
    ]);
    const up = await app.inject({
      method: 'POST',
      url: `/api/comments/${posted.body.comment.id}/attachments`,
      payload,
      headers: { 'content-type': contentType, origin: config.appOrigin, cookie: cast.author.client.cookieHeader },
    });
    expect(up.statusCode).toBe(201);
  } finally {
    await app.close();
    await handle.close();
  }
}, 120_000);

afterAll(async () => {
  if (bin && dir) await pgTool(bin, 'pg_ctl', ['-D', join(dir, 'pg'), '-m', 'fast', 'stop']).catch(() => {});
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('npm run backup / npm run restore', () => {
  const file = () => join(dir, 'convene.dump');

  it('backs up to a custom-format archive and restores it into a fresh database, rows and files identical', async () => {
    const made = await npmRun('backup', ['--out', file()], url('source'));
    expect(made.output).toMatch(/Backed up .* \(pg_dump \d+/);
    expect(made.code).toBe(0);
    const header = await execFile(join(bin, 'pg_restore'), ['--list', file()]);
    expect(header.stdout).toMatch(/Format: CUSTOM/);

    const restored = await npmRun('restore', [file()], url('fresh'));
    expect(restored.output).toMatch(/Restored/);
    expect(restored.code).toBe(0);

    const before = await counts('source');
    expect(before['public.attachments']).toBe(1);
    expect(before['public.comments']).toBeGreaterThanOrEqual(1);
    expect(before['public.users']).toBeGreaterThanOrEqual(6);
    expect(await counts('fresh')).toEqual(before);

    const [original] = await attachmentSha('source');
    const sha = createHash('sha256').update(PDF).digest('hex');
    expect(original).toMatchObject({ sha, stored: sha });
    expect(await attachmentSha('fresh')).toEqual([original]);
  });

  it('keeps the restored audit trail append-only (its trigger came along)', async () => {
    const c = new pg.Client({ connectionString: url('fresh') });
    await c.connect();
    try {
      await expect(c.query('DELETE FROM moderation_events')).rejects.toThrow();
    } finally {
      await c.end();
    }
  });

  it('refuses a non-empty database without --clean, and replaces its content with it', async () => {
    await sql('busy', 'CREATE TABLE leftover (x int)');
    const refused = await npmRun('restore', [file()], url('busy'));
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/is not empty.*--clean/s);
    expect(await counts('busy')).toEqual({ 'public.leftover': 0 });

    const cleaned = await npmRun('restore', [file(), '--clean'], url('busy'));
    expect(cleaned.code).toBe(0);
    expect(await counts('busy')).toEqual(await counts('source'));
  });

  it('refuses a database with other sessions connected unless --force', async () => {
    const other = new pg.Client({ connectionString: url('busy') });
    await other.connect();
    try {
      const refused = await npmRun('restore', [file(), '--clean'], url('busy'));
      expect(refused.code).toBe(1);
      expect(refused.output).toMatch(/other session.*--force/s);
    } finally {
      await other.end();
    }
  });

  it('names the server version and the tools found when no pg_dump is recent enough', async () => {
    const tools = await findTools('pg_dump', { PATH: '', PG_BIN: bin });
    const newest = Math.max(...tools.map((t) => t.major));
    expect(pickTool('pg_dump', tools, newest).major).toBe(newest);
    expect(() => pickTool('pg_dump', tools, newest + 1)).toThrow(
      new RegExp(`PostgreSQL ${newest + 1}, and no pg_dump of version ${newest + 1} or newer was found.*PG_BIN`),
    );
  });
});
