import { afterAll, expect } from 'vitest';
import { buildApp, type ConveneApp } from '../../server/src/app.js';
import { type Config, testConfig } from '../../server/src/config.js';
import { createTestDatabase, type TestDatabase } from './db.js';

export interface TestContext {
  app: ConveneApp;
  db: TestDatabase;
  config: Config;
  /** A client that keeps its own cookies, like one browser. */
  client(): TestClient;
}

/** Builds the real app on a fresh database for this test file; torn down after the file. */
/**
 * `poolMax`: the app's pool size (default 10); a small pool makes a nested pool wait deadlock at
 * once. `connectTimeoutMs`: how long a request waits for a connection of a full pool (default 5 s).
 */
export async function setupApp(
  overrides: Partial<Config> = {},
  options: { poolMax?: number; connectTimeoutMs?: number } = {},
): Promise<TestContext> {
  const db = await createTestDatabase(options);
  const config = testConfig(overrides);
  const app = await buildApp({ db: db.db, config, logger: false });
  await app.ready();
  afterAll(async () => {
    await app.close();
    await db.drop();
  });
  return { app, db, config, client: () => new TestClient(app, config.appOrigin) };
}

/**
 * A second instance of the app on the same database that trusts `X-Forwarded-For` (so a test
 * can speak from any client address) and allows `max` sign-in attempts a minute an address;
 * closed after the file. The limit's counters are in the database, so keep its addresses apart.
 */
async function loginLimitedInstance(ctx: TestContext, max: number): Promise<TestContext> {
  const config: Config = {
    ...ctx.config,
    trustProxy: true,
    rateLimits: {
      ...ctx.config.rateLimits,
      login: { ...ctx.config.rateLimits.login, address: { max, windowMs: 60_000 } },
    },
  };
  const app = await buildApp({ db: ctx.db.db, config, logger: false });
  await app.ready();
  afterAll(() => app.close());
  return { app, db: ctx.db, config, client: () => new TestClient(app, config.appOrigin) };
}

/**
 * Posts `{ token }` to `path` (a link's route counted as a sign-in attempt) from one client
 * address of an instance allowing 3 attempts a minute: each of `working` (more than 3) is
 * answered 200, as a link that works is taken back; then 3 that do not work are answered 400,
 * and the 4th is refused (429).
 */
export async function expectWorkingLinksTakenBack(ctx: TestContext, path: string, working: string[], ip: string) {
  expect(working.length).toBeGreaterThan(3);
  const room = (await loginLimitedInstance(ctx, 3)).client();
  const from = { 'x-forwarded-for': ip };
  for (const token of working) expect((await room.post(path, { token }, from)).status).toBe(200);
  for (let i = 0; i < 3; i++) expect((await room.post(path, { token: `nope${i}` }, from)).status).toBe(400);
  const over = await room.post(path, { token: 'nope' }, from);
  expect(over.status).toBe(429);
  expect(over.body.error.code).toBe('rate_limited');
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface TestResponse<T = any> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
  raw: string;
}

export class TestClient {
  private cookies = new Map<string, string>();
  constructor(
    private readonly app: ConveneApp,
    private readonly origin: string,
  ) {}

  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request<T = any>(
    method: Method,
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ): Promise<TestResponse<T>> {
    const res = await this.app.inject({
      method,
      url,
      headers: {
        ...(method === 'GET' ? {} : { origin: this.origin }),
        ...(this.cookies.size ? { cookie: this.cookieHeader } : {}),
        ...headers,
      },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    for (const c of res.cookies as { name: string; value: string; expires?: Date; maxAge?: number }[]) {
      const expired = (c.expires && c.expires.getTime() <= Date.now()) || c.maxAge === 0 || c.value === '';
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    let body: unknown = res.body;
    if (String(res.headers['content-type'] ?? '').includes('json')) body = res.json();
    return { status: res.statusCode, body: body as T, headers: res.headers, raw: res.body };
  }

  get = <T = any>(url: string, headers?: Record<string, string>) => this.request<T>('GET', url, undefined, headers);
  post = <T = any>(url: string, body?: unknown, headers?: Record<string, string>) =>
    this.request<T>('POST', url, body, headers);
  put = <T = any>(url: string, body?: unknown) => this.request<T>('PUT', url, body);
  patch = <T = any>(url: string, body?: unknown) => this.request<T>('PATCH', url, body);
  delete = <T = any>(url: string, body?: unknown) => this.request<T>('DELETE', url, body);
}

let counter = 0;
/** A valid registration body; each call a new email. */
export function newAccount(overrides: Record<string, unknown> = {}) {
  counter += 1;
  return {
    email: `person${counter}.${Math.random().toString(36).slice(2, 8)}@example.org`,
    password: 'correct horse battery staple',
    displayName: `Person ${counter}`,
    affiliation: 'Example Organisation',
    stakeholderCategory: 'civil_society',
    country: 'KE',
    ...overrides,
  };
}
