import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { productionNodeFlags } from '../helpers/nodeFlags.js';

/**
 * The cluster test's parts: app processes (the real server, `server/src/server.ts` through tsx, as
 * `npm run dev` runs it minus the watcher), Debian's nginx with the repository's config, and HTTP
 * and WebSocket clients that behave like the web client (cookies, Origin, reconnect with the last
 * event id).
 */
export const root = fileURLToPath(new URL('../..', import.meta.url));
export const DEPLOY_NGINX = join(root, 'deploy/nginx');

/** Polls `check` until it returns a value (not undefined/false), or fails at the deadline naming `what`. */
export async function until<T>(
  what: string,
  ms: number,
  check: () => Promise<T | undefined | false> | T | undefined | false,
  detail: () => string = () => '',
): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) {
      throw new Error(`${what}: not within ${ms} ms${last ? ` (last error: ${String(last)})` : ''}\n${detail()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export class AppProcess {
  child: ChildProcess | null = null;
  output = '';
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> = Promise.resolve({
    code: null,
    signal: null,
  });

  constructor(
    readonly id: string,
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {}

  get base(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  start(): void {
    // The built server (`npm run test:cluster` builds it first), as the Dockerfile runs it; from
    // source through tsx with CLUSTER_FROM_SOURCE=1 (slower to start).
    const args =
      process.env.CLUSTER_FROM_SOURCE === '1'
        ? ['--import', 'tsx', '--conditions=convene-source', join(root, 'server/src/server.ts')]
        : [...productionNodeFlags(), join(root, 'server/dist/server.js')];
    const child = spawn(process.execPath, args, {
      cwd: root,
      env: { ...process.env, ...this.env, PORT: String(this.port), INSTANCE_ID: this.id },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const keep = (d: Buffer) => {
      this.output = (this.output + d.toString()).slice(-20_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  async ready(ms = 60_000): Promise<void> {
    let exited = false;
    void this.exited.then(() => (exited = true));
    await until(
      `${this.id} /readyz answers 200`,
      ms,
      async () => {
        if (exited) return 'exited';
        return (await fetch(`${this.base}/readyz`)).status === 200;
      },
      () => this.output,
    );
    if (exited) throw new Error(`${this.id} exited before it was ready:\n${this.output}`);
  }

  /** SIGTERM, and the exit it leads to. */
  async stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (!this.running) return this.exited;
    this.child?.kill('SIGTERM');
    return this.exited;
  }

  kill(): void {
    if (this.running) this.child?.kill('SIGKILL');
  }
}

/** Debian's nginx on `port` with deploy/nginx/cluster-test.conf.template, everything in `prefix`. */
export class Nginx {
  child: ChildProcess | null = null;
  output = '';

  constructor(
    readonly prefix: string,
    readonly port: number,
    private readonly upstreams: number[],
  ) {}

  async start(): Promise<void> {
    const template = await readFile(join(DEPLOY_NGINX, 'cluster-test.conf.template'), 'utf8');
    for (const dir of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi', 'logs']) {
      await mkdir(join(this.prefix, dir), { recursive: true });
    }
    const isRoot = process.getuid?.() === 0;
    const conf = template
      .replaceAll('{{USER}}', isRoot ? 'user root;' : '')
      .replaceAll('{{PREFIX}}', this.prefix)
      .replaceAll('{{DEPLOY}}', DEPLOY_NGINX)
      .replaceAll('{{PORT}}', String(this.port))
      .replaceAll(
        '{{SERVERS}}',
        this.upstreams.map((p) => `        server 127.0.0.1:${p} max_fails=1 fail_timeout=5s;`).join('\n'),
      );
    const file = join(this.prefix, 'nginx.conf');
    await writeFile(file, conf);
    await nginxTest(this.prefix, file);
    const child = spawn('nginx', ['-p', this.prefix, '-c', file, '-g', 'daemon off;'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stderr?.on('data', (d: Buffer) => (this.output += d.toString()));
    await until(
      'nginx answers',
      10_000,
      async () => (await fetch(`http://127.0.0.1:${this.port}/healthz`)).status > 0,
      () => this.output,
    );
  }

  async accessLog(): Promise<string> {
    return readFile(join(this.prefix, 'access.log'), 'utf8');
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGQUIT');
    await exited;
  }
}

/** Runs `nginx -t` on a config file; resolves with nginx's output, or fails with it. */
export async function nginxTest(prefix: string, file: string): Promise<string> {
  const test = spawn('nginx', ['-t', '-p', prefix, '-c', file], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  test.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  test.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((resolve) => test.once('close', resolve));
  if (code !== 0) throw new Error(`nginx -t refused ${file} (exit ${code}):\n${out}`);
  return out;
}

/** One browser: cookies, and the Origin header the CSRF check wants on writes. */
export class HttpClient {
  private cookies = new Map<string, string>();
  constructor(
    readonly base: string,
    readonly origin: string,
  ) {}

  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request(method: string, path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = {};
    if (method !== 'GET') headers.origin = this.origin;
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.cookies.size) headers.cookie = this.cookieHeader;
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair = ''] = c.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '' || /max-age=0/i.test(c)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  get = (path: string) => this.request('GET', path);
  post = (path: string, body?: unknown) => this.request('POST', path, body);
}

interface ServerEvent {
  type: string;
  id?: number;
  space?: string;
  count?: number;
  lastEventId?: number;
  data?: { comment?: { id?: string } };
}

/**
 * A viewer as the web client is one (web/src/lib/live.ts): one socket through nginx, subscribed to
 * one space; on every close it reconnects after 500 ms × 2^attempt (±25 %) and subscribes again
 * with the id of the last event it got (from `ready`, then from each event).
 */
export class Viewer {
  socket: WebSocket | null = null;
  /** Event id → when it arrived (ms since epoch). */
  readonly received = new Map<number, number>();
  duplicates = 0;
  readonly duplicateDetails: string[] = [];
  resets = 0;
  errors: string[] = [];
  /** Close codes seen (1001 expected on a rolling restart). */
  readonly closes: number[] = [];
  /** The instance (X-Instance of the upgrade) of every connection, in order. */
  readonly instances: string[] = [];
  presence = -1;
  lastEventId: number | null = null;
  private attempt = 0;
  private stopped = false;
  private timer: NodeJS.Timeout | null = null;
  private readyWaiters: (() => void)[] = [];
  readyCount = 0;
  /** Upgrades answered with an HTTP status instead of 101 (retried). */
  readonly refused: number[] = [];
  /** When the current connection attempt started (null: connected). */
  connectingSince: number | null = null;

  constructor(
    readonly url: string,
    readonly origin: string,
    readonly space: string,
  ) {}

  start(): Promise<void> {
    const first = new Promise<void>((resolve) => this.readyWaiters.push(resolve));
    this.connect();
    return first;
  }

  private connect(): void {
    if (this.stopped) return;
    const ws = new WebSocket(this.url, { origin: this.origin });
    this.socket = ws;
    this.connectingSince = Date.now();
    let readySeen = false;
    let since: number | null = null;
    ws.on('upgrade', (res) => {
      const instance = res.headers['x-instance'];
      this.instances.push(typeof instance === 'string' ? instance : '?');
    });
    ws.on('open', () => {
      this.attempt = 0;
      this.connectingSince = null;
      since = this.lastEventId;
      ws.send(
        JSON.stringify(
          this.lastEventId === null
            ? { type: 'subscribe', space: this.space }
            : { type: 'subscribe', space: this.space, since: this.lastEventId },
        ),
      );
    });
    ws.on('message', (raw: Buffer) => {
      const now = Date.now();
      const msg = JSON.parse(raw.toString()) as ServerEvent;
      if (msg.type === 'event' && typeof msg.id === 'number') {
        if (this.received.has(msg.id)) {
          this.duplicates += 1;
          this.duplicateDetails.push(
            `event ${msg.id} again on connection ${this.instances.length} (${this.instances.at(-1)}), ${readySeen ? 'after' : 'before'} its ready (since ${since}), first ${now - (this.received.get(msg.id) ?? now)} ms earlier`,
          );
        } else this.received.set(msg.id, now);
        // The last event received, not the highest id: events come in commit order (server/src/live/order.ts).
        this.lastEventId = msg.id;
      } else if (msg.type === 'ready') {
        readySeen = true;
        this.lastEventId = msg.lastEventId ?? this.lastEventId;
        this.readyCount += 1;
        for (const w of this.readyWaiters.splice(0)) w();
      } else if (msg.type === 'presence') {
        this.presence = msg.count ?? -1;
      } else if (msg.type === 'reset') {
        this.resets += 1;
      } else if (msg.type === 'error') {
        this.errors.push(raw.toString());
      }
    });
    ws.on('unexpected-response', (req, res) => {
      // No instance could take it (all restarting, or the database down): tried again like a close.
      this.refused.push(res.statusCode ?? 0);
      req.destroy(new Error(`upgrade refused: ${res.statusCode}`));
    });
    ws.on('error', (err) => {
      // A refused connection (every instance down) is retried like any close; anything else is noted.
      if (!/ECONNREFUSED|socket hang up|upgrade refused/.test(err.message)) this.errors.push(err.message);
    });
    ws.on('close', (code) => {
      if (this.socket !== ws) return;
      this.socket = null;
      // A socket that was open; an attempt that never opened is retried without counting here.
      if (this.connectingSince === null) this.closes.push(code);
      if (this.stopped) return;
      const delay = Math.min(30_000, 500 * 2 ** this.attempt) * (0.75 + Math.random() * 0.5);
      this.attempt += 1;
      this.timer = setTimeout(() => this.connect(), delay);
    });
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.socket?.close(1000);
  }
}

interface Ack {
  commentId: string;
  clientId: string;
  body: string;
  attempts: number;
}

/**
 * A writer: one signed-in participant posting comments one after another, each with its own
 * clientId; a failed attempt (network error, 502, 503, 504) is sent again with the same clientId
 * until it is acknowledged (201, or 200: the first comment of that clientId).
 */
export class Writer {
  readonly acks: Ack[] = [];
  /** Attempts that did not get an answer from the app (retried): status or error text → count. */
  readonly retried = new Map<string, number>();
  readonly failures: string[] = [];
  private running = false;
  private loop: Promise<void> = Promise.resolve();
  private n = 0;

  constructor(
    readonly name: string,
    readonly client: HttpClient,
    readonly space: string,
  ) {}

  start(): void {
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        await this.postOne();
        // Pacing: about ten comments a second per writer, a busy discussion rather than a flood.
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
  }

  /** Stops after the comment being sent is acknowledged. */
  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  private async postOne(): Promise<void> {
    this.n += 1;
    const clientId = crypto.randomUUID();
    const body = `${this.name} comment ${this.n} ${clientId.slice(0, 8)}`;
    for (let attempt = 1; ; attempt++) {
      let outcome: string;
      try {
        const res = await this.client.post(`/api/spaces/${this.space}/comments`, { body, language: 'en', clientId });
        if (res.status === 201 || res.status === 200) {
          const { comment } = (await res.json()) as { comment: { id: string } };
          this.acks.push({ commentId: comment.id, clientId, body, attempts: attempt });
          return;
        }
        const text = await res.text();
        if (![502, 503, 504].includes(res.status)) {
          this.failures.push(`${res.status} ${text}`);
          return;
        }
        // The app's 503 while closing, its database_unavailable, or nginx's own "unavailable".
        const code = /"code":"([a-z_]+)"/.exec(text)?.[1] ?? 'no code';
        outcome = `${res.status} ${code}`;
      } catch (err) {
        outcome = err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err);
      }
      this.retried.set(outcome, (this.retried.get(outcome) ?? 0) + 1);
      if (attempt >= 50) {
        this.failures.push(`gave up after ${attempt} attempts (${outcome})`);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(2_000, 100 * attempt)));
    }
  }
}

/** The p-th percentile (0–100) of `values`, nearest rank. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}
