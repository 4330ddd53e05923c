import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { afterAll, afterEach } from 'vitest';
import { buildApp, type ConveneApp } from '../../server/src/app.js';
import type { Config } from '../../server/src/config.js';
import { type DemoAccount, seedDemo } from '../../server/src/seed/seed.js';
import { type TestClient, type TestContext, setupApp } from './app.js';
import { markVerified } from './factories.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** The built client the browser tests serve; `TEST_WEB_DIST` points elsewhere (a helper's own build). */
export const WEB_DIST = process.env.TEST_WEB_DIST ?? join(root, 'web/dist');
const ARTIFACTS = join(root, 'test-artifacts');
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/**
 * Every Playwright wait (locators, waitFor, waitForURL, waitForResponse, navigation) gives up after
 * this, well inside vitest's 30 s test timeout: a hang fails with Playwright's message naming what
 * it waited for, not with a bare "test timed out". Longer waits pass their own `timeout`.
 */
export const BROWSER_WAIT_MS = 15_000;

/** What went wrong in the pages of one context: console errors and warnings, uncaught errors, CSP violations. */
interface Watched {
  context: BrowserContext;
  problems: string[];
  allowed: RegExp[];
}
let watched: Watched[] = [];

/**
 * Runs after every browser test: any console error or warning (a library's, such as React Router's
 * "No HydrateFallback element", is a warning), uncaught page error or Content-Security-Policy
 * violation seen in a page of a context the test opened fails the test (unless the test declared
 * it expected with {@link allowConsoleErrors}); the test's contexts are closed.
 */
function checkPagesAfterEachTest(): void {
  afterEach(async () => {
    const done = watched;
    watched = [];
    for (const w of done) {
      // A round trip to each page delivers the console messages it sent before.
      for (const page of w.context.pages()) await page.evaluate(() => 0).catch(() => undefined);
      await w.context.close().catch(() => undefined);
    }
    const problems = done.flatMap((w) => w.problems.filter((p) => !w.allowed.some((re) => re.test(p))));
    if (problems.length) {
      throw new Error(
        `The browser reported ${problems.length} problem(s):\n${problems.map((p) => `- ${p}`).join('\n')}`,
      );
    }
  });
}

/** Declares console errors this test expects (a 409 the page handles, say), by their text. */
export function allowConsoleErrors(page: Page, ...patterns: RegExp[]): void {
  const w = watched.find((x) => x.context === page.context());
  if (!w) throw new Error('allowConsoleErrors: this page was not opened with newContext()');
  w.allowed.push(...patterns);
}

/** Debian's Chromium, never a downloaded browser. Flags keep it off the (closed) network. */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  afterAll(() => browser.close());
  checkPagesAfterEachTest();
  return browser;
}

/** The real app, listening, serving the built web client; its origin is the app origin. */
export async function startWebApp(ctx: TestContext): Promise<{ app: ConveneApp; baseURL: string }> {
  servedContext = ctx;
  // Bind first to learn the port, so APP_ORIGIN (checked on every write) matches the page's origin.
  const probe = await buildApp({ db: ctx.db.db, config: { ...ctx.config, webDist: WEB_DIST }, logger: false });
  await probe.listen({ host: '127.0.0.1', port: 0 });
  const address = probe.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await probe.close();
  const baseURL = `http://127.0.0.1:${port}`;
  const app = await buildApp({
    db: ctx.db.db,
    config: { ...ctx.config, webDist: WEB_DIST, appOrigin: baseURL, live: { ...ctx.config.live, heartbeatMs: 5_000 } },
    logger: false,
  });
  await app.listen({ host: '127.0.0.1', port });
  afterAll(() => app.close());
  return { app, baseURL };
}

/**
 * A fresh browser context on the app. The app's CSP is enforced (no `bypassCSP`), and every page
 * of the context is watched: `securitypolicyviolation` events (collected in the page by an init
 * script, which runs before the app's scripts), console errors and uncaught errors are recorded and
 * fail the test after it ends (see checkPagesAfterEachTest).
 */
export async function newContext(browser: Browser, baseURL: string, locale = 'en'): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    locale,
    viewport: { width: 1280, height: 900 },
  });
  context.setDefaultTimeout(BROWSER_WAIT_MS);
  context.setDefaultNavigationTimeout(BROWSER_WAIT_MS);
  const w: Watched = { context, problems: [], allowed: [] };
  watched.push(w);
  await context.exposeBinding('__conveneCspViolation', ({ page }, v: string) => {
    w.problems.push(`CSP violation on ${page.url()}: ${v}`);
  });
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => {
      const text = `${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber} ${e.sample}`;
      seen.push(text);
      void (window as unknown as { __conveneCspViolation(v: string): Promise<void> }).__conveneCspViolation(text);
    });
  });
  context.on('page', (page) => {
    page.on('console', (msg) => {
      const type = msg.type();
      if (type !== 'error' && type !== 'warning') return;
      const where = msg.location().url;
      w.problems.push(`console ${type} on ${page.url()}: ${msg.text()}${where ? ` (${where})` : ''}`);
    });
    page.on('pageerror', (err) => w.problems.push(`uncaught error on ${page.url()}: ${err.stack ?? err.message}`));
  });
  // The interface language is remembered per device; start each context in its own.
  await context.addInitScript((lng) => {
    // A new page's first document (about:blank) has no storage of its own.
    if (location.protocol !== 'http:' && location.protocol !== 'https:') return;
    if (!localStorage.getItem('convene.lang')) localStorage.setItem('convene.lang', lng);
  }, locale);
  return context;
}

/** Hands a person's API session to a browser context: their API client's cookies, for the app's origin. */
export async function addSessionCookies(
  context: BrowserContext,
  baseURL: string,
  person: { client: { cookieHeader: string } },
): Promise<void> {
  await context.addCookies(
    person.client.cookieHeader
      .split('; ')
      .filter(Boolean)
      .map((pair) => {
        const i = pair.indexOf('=');
        return { name: pair.slice(0, i), value: pair.slice(i + 1), url: baseURL };
      }),
  );
}

/** A page signed in as a person made by the factories: their API client's cookies in a new context. */
export async function signedInPage(
  browser: Browser,
  baseURL: string,
  person: { client: { cookieHeader: string } },
  locale = 'en',
): Promise<Page> {
  const context = await newContext(browser, baseURL, locale);
  await addSessionCookies(context, baseURL, person);
  return context.newPage();
}

/** An email address and password to sign in with (a demo account, say). */
export interface Credentials {
  email: string;
  password: string;
}

/** Opens the sign-in form (from the page `next`, when given) and fills it in; the caller sends it. */
export async function fillSignInForm(page: Page, { email, password }: Credentials, next?: string): Promise<void> {
  await page.goto(next === undefined ? '/signin' : `/signin?next=${encodeURIComponent(next)}`);
  await page.locator('#signin-email').fill(email);
  await page.locator('#signin-password').fill(password);
}

/** Signs in through the sign-in form (sent with Enter in the password field) and waits to leave /signin. */
export async function signInWithForm(page: Page, who: Credentials): Promise<void> {
  await fillSignInForm(page, who);
  await page.locator('#signin-password').press('Enter');
  await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
}

/** A browser test file's app, served to its browser, and the ways into it its tests share. */
export interface BrowserTest {
  ctx: TestContext;
  /** The served app's origin, which the pages open. */
  baseURL: string;
  browser: Browser;
  /** The first demo account of this role (set up with `demo: true`); fails when there is none. */
  account(role: string): DemoAccount;
  /** An API client signed in through `POST /api/auth/login`; fails unless that answers 200. */
  clientAs(who: Credentials): Promise<TestClient>;
  /** A new browser context on the app, watched (see {@link newContext}). */
  openContext(locale?: string): Promise<BrowserContext>;
  /** A page of a new context, signed in as no one. */
  openPage(locale?: string): Promise<Page>;
  /** A page of a new context signed in as a person made by the factories (see {@link signedInPage}). */
  pageFor(person: { client: { cookieHeader: string } }, locale?: string): Promise<Page>;
}

export interface BrowserTestOptions {
  /** The app's configuration (`setupApp`'s overrides). */
  config?: Partial<Config>;
  /** Loads the demo content (`seedDemo`) before the app is served; its accounts are `account(role)`. */
  demo?: boolean;
  /** Configuration of the served app only (its mail worker, say), not of `ctx.app`. */
  served?: Partial<Config>;
}

/**
 * The set-up of a browser test file: the app on a fresh database (`setupApp`), the demo content
 * if asked, the app served (`startWebApp`) and the browser launched (`launchBrowser`); all of it
 * closed after the file, and every page checked after each test.
 */
export async function setupBrowserTest({
  config,
  demo = false,
  served,
}: BrowserTestOptions = {}): Promise<BrowserTest> {
  const ctx = await setupApp(config);
  const accounts = demo ? ((await seedDemo(ctx.db.db)) ?? []) : [];
  return serveToBrowser(ctx, { served, accounts });
}

/**
 * `setupBrowserTest` for a file that makes its test context itself (and writes its data before
 * the app is served): serves `ctx`'s app and launches the browser. `accounts`: the demo's, if loaded.
 */
export async function serveToBrowser(
  ctx: TestContext,
  { served, accounts = [] }: { served?: Partial<Config>; accounts?: DemoAccount[] } = {},
): Promise<BrowserTest> {
  const { baseURL } = await startWebApp(served ? { ...ctx, config: { ...ctx.config, ...served } } : ctx);
  const browser = await launchBrowser();
  return {
    ctx,
    baseURL,
    browser,
    account(role) {
      const found = accounts.find((a) => a.role === role);
      if (!found) throw new Error(`no demo ${role}`);
      return found;
    },
    async clientAs({ email, password }) {
      const client = ctx.client();
      const res = await client.post('/api/auth/login', { email, password });
      if (res.status !== 200) throw new Error(`login of ${email} failed: ${res.status} ${res.raw}`);
      return client;
    },
    openContext: (locale) => newContext(browser, baseURL, locale),
    openPage: async (locale) => (await newContext(browser, baseURL, locale)).newPage(),
    pageFor: (person, locale) => signedInPage(browser, baseURL, person, locale),
  };
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

let axeText: Promise<string> | undefined;
const axeSource = () => (axeText ??= readFile(AXE, 'utf8'));

/** Serious and critical accessibility violations on the page, as axe-core reports them. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern (a script tag
  // would be refused: the tests run with the app's CSP enforced).
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(await axeSource());
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run();
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Saves a full-page screenshot under test-artifacts/ (git-ignored) to look at by eye. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** The test file's app (set by `startWebApp`): `submitRegistration` verifies addresses through it. */
let servedContext: TestContext | undefined;

export interface Registrant {
  email: string;
  /**
   * Default true: the address is marked verified before the page sees the registration's answer (as
   * if the person had followed the emailed link), so their comments go to the moderation queue.
   */
  verified?: boolean;
  displayName?: string;
  affiliation?: string;
  country?: string;
}

/**
 * Fills the registration form opened from `next` (the page it returns to) and sends it; the
 * caller waits for what should follow (the page `next`, or a message next to a field).
 */
export async function submitRegistration(page: Page, next: string, person: Registrant): Promise<void> {
  await page.goto(`/register?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Email address').fill(person.email);
  await page.getByLabel('Password', { exact: true }).fill('a long enough password');
  await page.getByLabel('Full name').fill(person.displayName ?? 'Grace Ochieng');
  await page.getByLabel('Affiliation').fill(person.affiliation ?? 'Kenya Diaspora Alliance');
  await page.getByLabel('Stakeholder category').selectOption('migrant_diaspora_org');
  if (person.country) await page.getByLabel('Country').selectOption(person.country);
  const ctx = servedContext;
  if (person.verified === false || !ctx) {
    await page.getByRole('button', { name: 'Create account' }).click();
    return;
  }
  // The answer is held until the address is verified, so the page never sees the account unverified.
  const pattern = '**/api/auth/register';
  await page.route(pattern, async (route) => {
    const response = await route.fetch();
    if (response.status() === 201) {
      const body = (await response.json()) as { user: { id: string } };
      await markVerified(ctx, body.user.id);
    }
    await route.fulfill({ response });
  });
  const answered = page.waitForResponse(pattern);
  await page.getByRole('button', { name: 'Create account' }).click();
  await answered;
  await page.unroute(pattern);
}
