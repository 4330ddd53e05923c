import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { type Server, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The real server as `npm start` runs it (from source, through tsx, in one node process), on its
 * own embedded PostgreSQL in a temporary data directory: killed with SIGKILL, started again,
 * stopped with SIGINT; and failing start-ups that must exit non-zero.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const ADMIN = { email: 'bootstrap-admin@example.org', password: 'a bootstrap password' };

interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const children: ChildProcess[] = [];
const dirs: string[] = [];

function startServer(env: Record<string, string>): Running {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--conditions=convene-source', join(root, 'server/src/server.ts')],
    {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn', HOST: '127.0.0.1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.push(child);
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => out, exited };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Polls until `check` returns a value, or fails after `ms` naming what it waited for. */
async function until<T>(what: string, ms: number, check: () => Promise<T | undefined>, running?: Running) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    if (running && running.child.exitCode !== null) {
      throw new Error(`${what}: the server exited (${running.child.exitCode}):\n${running.output()}`);
    }
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms\n${running?.output() ?? ''}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const ready = (base: string, running: Running) =>
  until(
    `${base}/readyz answers 200`,
    120_000,
    async () => ((await fetch(`${base}/readyz`)).status === 200 ? true : undefined),
    running,
  );

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const postmasterPid = async (dataDir: string) =>
  Number.parseInt((await readFile(join(dataDir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0] ?? '', 10);

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  // A postgres left behind by a failed assertion is stopped, then its folder removed.
  for (const dir of dirs) {
    const pid = await postmasterPid(dir).catch(() => NaN);
    if (Number.isInteger(pid) && alive(pid)) process.kill(pid, 'SIGQUIT');
    await rm(dir, { recursive: true, force: true });
  }
});

describe('the server on its embedded PostgreSQL', () => {
  it('loads the demo and the bootstrap admin, survives SIGKILL with data intact, and stops cleanly on SIGINT', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'convene-restart-'));
    dirs.push(dataDir);
    const port = await freePort();
    const env = {
      DATA_DIR: dataDir,
      PORT: String(port),
      EMBEDDED_PG_PORT: String(await freePort()),
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
    };
    const base = `http://127.0.0.1:${port}`;

    const first = startServer(env);
    await ready(base, first);

    // ADMIN_EMAIL on an empty database: the administrator AND the demo content are there.
    const spaces = (await (await fetch(`${base}/api/spaces`)).json()) as unknown;
    expect(JSON.stringify(spaces)).toContain('rt-1-1');
    expect(existsSync(join(dataDir, 'demo-accounts.txt'))).toBe(true);
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    expect(login.status).toBe(200);
    expect(((await login.json()) as { user: { role: string } }).user.role).toBe('admin');
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

    const body = `Written before the crash ${randomUUID()}.`;
    const posted = await fetch(`${base}/api/spaces/rt-1-1/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ body, language: 'en', clientId: randomUUID() }),
    });
    expect(posted.status, await posted.clone().text()).toBe(201);

    // kill -9: the node process dies, its PostgreSQL is left running.
    const orphan = await postmasterPid(dataDir);
    expect(alive(orphan)).toBe(true);
    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    expect(alive(orphan), 'the embedded PostgreSQL outlives a SIGKILL of the server').toBe(true);

    // The next start on the same data directory stops the orphan and comes up.
    const second = startServer(env);
    await ready(base, second);
    expect(alive(orphan)).toBe(false);
    const pid = await postmasterPid(dataDir);
    expect(pid).not.toBe(orphan);
    expect(alive(pid)).toBe(true);

    // ADMIN_EMAIL resets that account at every start and ends its sessions: sign in again.
    const again = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    expect(again.status).toBe(200);
    const cookie2 = (again.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const mine = await fetch(`${base}/api/me/comments`, { headers: { cookie: cookie2 } });
    expect(mine.status).toBe(200);
    expect(JSON.stringify(await mine.json())).toContain(body);

    // Ctrl-C: exit 0, and its PostgreSQL is gone.
    second.child.kill('SIGINT');
    expect(await second.exited).toEqual({ code: 0, signal: null });
    expect(alive(pid)).toBe(false);
    expect(existsSync(join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
  }, 300_000);
});

describe('a failed start-up exits non-zero', () => {
  it('when DATABASE_URL points at a closed port', async () => {
    const closed = await freePort();
    const run = startServer({
      DATABASE_URL: `postgres://convene:convene@127.0.0.1:${closed}/convene`,
      PORT: String(await freePort()),
    });
    const { code } = await run.exited;
    expect(code, run.output()).not.toBe(0);
    expect(code).not.toBeNull();
    expect(run.output()).toContain('failed to start');
  }, 60_000);

  it('when the embedded PostgreSQL port is taken', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'convene-taken-'));
    dirs.push(dataDir);
    const pgPort = await freePort();
    const squatter: Server = createServer();
    await new Promise<void>((resolve) => squatter.listen(pgPort, '127.0.0.1', resolve));
    try {
      const run = startServer({ DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort), PORT: String(await freePort()) });
      const { code } = await run.exited;
      expect(code, run.output()).not.toBe(0);
      expect(code).not.toBeNull();
      expect(run.output()).toContain('The embedded PostgreSQL did not start');
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
  }, 120_000);
});
