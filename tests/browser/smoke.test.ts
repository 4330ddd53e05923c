import { expect, it } from 'vitest';
import { seriousViolations, setupBrowserTest } from '../helpers/browser.js';

const { baseURL, openContext, openPage } = await setupBrowserTest({ demo: true });

it('serves the client, which loads its data and switches language', async () => {
  const context = await openContext('en');
  const page = await context.newPage();
  await page.goto('/');
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('fr');
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('fr');
  await expect.poll(() => page.getByRole('link', { name: 'Se connecter' }).count()).toBe(1);
  expect(await seriousViolations(page)).toEqual([]);
  await context.close();
});

it('answers a missing script with 404, not the page under its name, and client routes with the page', async () => {
  const missing = await fetch(`${baseURL}/assets/index-gone1234.js`);
  expect(missing.status).toBe(404);
  expect(missing.headers.get('content-type')).toContain('application/json');
  const route = await fetch(`${baseURL}/spaces/rt-1-1`);
  expect(route.status).toBe(200);
  expect(route.headers.get('content-type')).toContain('text/html');
});

it('opens every demo space page without a console error, a 404 or a CSP violation', async () => {
  // The checks themselves run after each test (tests/helpers/browser.ts): any console error
  // (a failed resource load such as a missing favicon included), uncaught error or CSP violation
  // on these pages fails this test.
  const page = await openPage('en');
  const missing: string[] = [];
  page.on('response', (r) => {
    if (r.status() === 404) missing.push(r.url());
  });
  for (const slug of ['imrf-roundtable-3', 'roundtable-1', 'rt-1-1']) {
    await page.goto(`/spaces/${slug}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
  }
  expect(missing).toEqual([]);
});
