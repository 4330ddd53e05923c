import { mkdir } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { setupApp } from '../helpers/app.js';
import { type Person, grantRole, insertComment, makeSpace, makeUser } from '../helpers/factories.js';
import { launchBrowser, newContext, seriousViolations, startWebApp } from '../helpers/browser.js';

const ctx = await setupApp();
const { baseURL } = await startWebApp(ctx);
const browser = await launchBrowser();

/** Screenshots of the queue to look at by eye, at a desktop's and a phone's size. */
const SHOTS = '/tmp/ui-moderator';
async function shoot(page: Page, name: string, show?: Locator) {
  await mkdir(SHOTS, { recursive: true });
  const size = page.viewportSize();
  for (const [w, h] of [
    [1280, 900],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    if (show) await show.evaluate((e) => e.scrollIntoView({ block: 'start' }));
    // Let the layout settle at the new width before the picture.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.screenshot({ path: `${SHOTS}/${name}-${w}.png`, fullPage: false });
  }
  if (size) await page.setViewportSize(size);
}

/** A browser page signed in as a person made by the factories (cookie copied from the API client). */
async function pageFor(person: Person, locale = 'en'): Promise<Page> {
  const context = await newContext(browser, baseURL, locale);
  const [name, value] = person.client.cookieHeader.split('=');
  await context.addCookies([{ name: name ?? '', value: value ?? '', url: baseURL }]);
  return context.newPage();
}

describe('the queue counts (issue 15, item 14)', () => {
  it('gives every tab its count and says that the navigation badge counts every space', async () => {
    const here = await makeSpace(ctx, { moderationMode: 'pre', code: 'RT 7.1' });
    const there = await makeSpace(ctx, { moderationMode: 'pre', code: 'RT 7.2' });
    const [mod, author] = await Promise.all([makeUser(ctx, { displayName: 'Counting Mod' }), makeUser(ctx)]);
    for (const s of [here, there]) await grantRole(ctx, s.space.id, mod.user.id, 'moderator');
    const base = { authorId: author.user.id, questionId: here.questions[0]?.id };
    await insertComment(ctx, { ...base, spaceId: here.space.id, body: 'Waiting here.' });
    await insertComment(ctx, { ...base, spaceId: here.space.id, status: 'approved', body: 'Approved one.' });
    await insertComment(ctx, { ...base, spaceId: here.space.id, status: 'approved', body: 'Approved two.' });
    await insertComment(ctx, { ...base, spaceId: here.space.id, status: 'rejected', body: 'Rejected one.' });
    for (let i = 0; i < 4; i++) {
      await insertComment(ctx, { authorId: author.user.id, spaceId: there.space.id, body: `Waiting there ${i}.` });
    }

    const page = await pageFor(mod);
    await page.goto(`/spaces/${here.space.slug}/moderation`);
    await page.locator('article[data-comment-id]').first().waitFor();
    const tab = (name: string) => page.getByRole('tab', { name: new RegExp(`^${name}`) });
    await expect.poll(() => tab('Pending').innerText()).toMatch(/Pending\s*1$/);
    expect(await tab('Reported').innerText()).toMatch(/Reported\s*0$/);
    expect(await tab('Rejected').innerText()).toMatch(/Rejected\s*1$/);
    // The approved tab had no count.
    expect(await tab('Approved').innerText()).toMatch(/Approved\s*2$/);

    // The badge beside "Moderation" reads 5 beside a queue of 1: its label says what it counts.
    const nav = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Moderation/ });
    await expect.poll(() => nav.innerText()).toMatch(/5/);
    expect(await nav.textContent()).toContain('5 awaiting moderation in all your spaces');
    expect(await nav.locator('.nav-badge').getAttribute('title')).toBe('5 awaiting moderation in all your spaces');
    // And the page says it in words, linking to the queue that shows all five.
    const all = page.getByRole('link', { name: /5 pending in all your spaces/ });
    await all.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'queue-normal');

    // The approved tab lists as many as it counts.
    await tab('Approved').click();
    await expect.poll(() => page.locator('article[data-comment-id]').count()).toBe(2);

    // In the queue of all spaces, the page counts what the badge counts.
    await all.click();
    await page.waitForURL('**/moderation');
    await expect.poll(() => tab('Pending').innerText()).toMatch(/Pending\s*5$/);
    expect(await tab('Approved').innerText()).toMatch(/Approved\s*2$/);
    expect(
      await page
        .getByRole('main')
        .getByRole('link', { name: /in all your spaces/ })
        .count(),
    ).toBe(0);
  });
});
