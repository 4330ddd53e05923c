import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { afterAll } from 'vitest';
import { buildApp, type ConveneApp } from '../../server/src/app.js';
import type { TestContext } from './app.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const WEB_DIST = join(root, 'web/dist');
const ARTIFACTS = join(root, 'test-artifacts');
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

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
  return browser;
}

/** The real app, listening, serving the built web client; its origin is the app origin. */
export async function startWebApp(ctx: TestContext): Promise<{ app: ConveneApp; baseURL: string }> {
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

export async function newContext(browser: Browser, baseURL: string, locale = 'en'): Promise<BrowserContext> {
  // bypassCSP only lets the test inject axe-core; the app's own CSP stays in force otherwise.
  const context = await browser.newContext({
    baseURL,
    locale,
    viewport: { width: 1280, height: 900 },
    bypassCSP: true,
  });
  // The interface language is remembered per device; start each context in its own.
  await context.addInitScript((lng) => {
    if (!localStorage.getItem('convene.lang')) localStorage.setItem('convene.lang', lng);
  }, locale);
  return context;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Serious and critical accessibility violations on the page, as axe-core reports them. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE });
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
