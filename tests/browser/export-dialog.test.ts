import { expect, it } from 'vitest';
import { BROWSER_WAIT_MS, screenshot, seriousViolations, setupBrowserTest } from '../helpers/browser.js';

const { baseURL, account, clientAs, pageFor } = await setupBrowserTest({ demo: true });

it('the dashboard shows where export links point, exports by objective, and copies the participation paragraph', async () => {
  const api = await clientAs(account('chair'));
  const page = await pageFor({ client: api });
  const context = page.context();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });

  await page.goto('/spaces/rt-1-1/dashboard');
  const dialog = page.getByTestId('space-exports');
  // The origin the permalinks will use, with the warning: this one is the loopback address.
  const origin = dialog.getByTestId('export-origin');
  await expect.poll(() => origin.innerText()).toContain(baseURL);
  expect(await origin.innerText()).toMatch(/Warning: this address is this machine only/);

  // Group by objective: the file is named for it.
  await dialog.getByRole('radio', { name: 'Objective of the Global Compact' }).check();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('link', { name: /^Word \(DOCX\)/ }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^RT-1\.1-all-by-objective-\d{4}-\d{2}-\d{2}\.docx$/);
  // One objective, in French: both in the name.
  await dialog.getByLabel('Objective', { exact: true }).selectOption('18');
  await dialog.getByLabel('Language', { exact: true }).selectOption('fr');
  const [second] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('link', { name: /^Markdown/ }).click(),
  ]);
  expect(second.suggestedFilename()).toMatch(/^RT-1\.1-all-fr-tag18-by-objective-\d{4}-\d{2}-\d{2}\.md$/);

  // The participation paragraph: the exports' own, copied with one button.
  const en = (await api.get('/api/spaces/rt-1-1/participation/sentence?lang=en')).body.sentence.text as string;
  expect(en).toMatch(/contributions? (was|were) received from/);
  const paragraph = page.getByTestId('participation-sentence-text');
  await expect.poll(() => paragraph.innerText()).toBe(en);
  await page.getByRole('button', { name: 'Copy', exact: true }).click();
  const status = page.getByTestId('participation-sentence-status');
  await expect.poll(() => status.innerText(), { timeout: BROWSER_WAIT_MS }).toBe('Copied');
  expect(await status.getAttribute('role')).toBe('status');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(en);

  // In French: the same counts, the report's French phrasing; copying again says so again.
  const fr = (await api.get('/api/spaces/rt-1-1/participation/sentence?lang=fr')).body.sentence.text as string;
  await page.getByLabel('Written in').selectOption('fr');
  await expect.poll(() => paragraph.innerText()).toBe(fr);
  expect(await paragraph.getAttribute('lang')).toBe('fr');
  expect(await status.innerText()).toBe('');
  await page.getByRole('button', { name: 'Copy', exact: true }).click();
  await expect.poll(() => status.innerText()).toBe('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(fr);

  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, 'export-dialog');
  await context.close();
}, 90_000);
