import { expect, it } from 'vitest';
import { screenshot, seriousViolations, setupBrowserTest, signInWithForm } from '../helpers/browser.js';

const { baseURL, account, openContext } = await setupBrowserTest({ demo: true });

/** Signs the demo chair in, in a browser of `locale`, and opens a new note's "not heard" tab. */
async function openGaps(locale: 'en' | 'fr', tab: RegExp) {
  const chair = account('chair');
  const context = await openContext(locale);
  const page = await context.newPage();
  await signInWithForm(page, chair);
  const created = await page.request.post('/api/spaces/imrf-roundtable-3/notes', {
    data: {},
    headers: { origin: baseURL },
  });
  expect(created.status()).toBe(201);
  const { note } = await created.json();
  await page.goto(`/notes/${note.id}`);
  await page.getByRole('tab', { name: tab }).click();
  return { context, page };
}

it('shows the UN regional groups, which Member States took part, and the unheard contributions', async () => {
  const { context, page } = await openGaps('en', /^Not heard$/);
  const regions = page.getByRole('table', { name: 'UN regional groups' });
  await regions.waitFor();
  expect(await regions.getByRole('rowheader').count()).toBe(5);
  const latin = regions.getByRole('row', { name: /Latin American and Caribbean States/ });
  // The demo's Mexican delegation took part: 1 of the group's 33.
  await expect.poll(() => latin.innerText()).toMatch(/Mexico/);
  expect(await latin.innerText()).toMatch(/1 of 33/);
  expect(await regions.getByRole('row', { name: /Eastern European States/ }).innerText()).toMatch(/0 of 23/);
  await page.getByText('Member States not heard (23)').click();
  await page
    .getByText(/Ukraine/)
    .first()
    .waitFor();
  await page.getByRole('heading', { name: 'Not highlighted, from under-heard groups' }).waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, 'gaps-panel');
  await context.close();
}, 60_000);

it('says it in French', async () => {
  const { context, page } = await openGaps('fr', /Non entendus/);
  const regions = page.getByRole('table', { name: 'Groupes régionaux des Nations Unies' });
  await regions.waitFor();
  const latin = regions.getByRole('row', { name: /États d’Amérique latine et des Caraïbes/ });
  await expect.poll(() => latin.innerText()).toMatch(/Mexique/);
  expect(await latin.innerText()).toMatch(/1 sur 33/);
  expect(await seriousViolations(page)).toEqual([]);
  await context.close();
}, 60_000);
