import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations, setupBrowserTest } from '../helpers/browser.js';

/**
 * The interface in the six UN languages: the switcher names each language in itself and sets
 * <html lang> and dir (Arabic right to left); axe finds no serious or critical violation on the
 * index and a space page in any of them; the Arabic pages (index, space page, composer, queue,
 * dashboard, note editor) do not overflow sideways at 360 px. Screenshots of those pages in Arabic
 * at 1280 and 360 px go to SHOTS (default /tmp/langweb/shots) to be looked at.
 */
const SHOTS = process.env.LANGWEB_SHOTS ?? '/tmp/langweb/shots';
const { account, clientAs, openContext, pageFor } = await setupBrowserTest({ demo: true });

const SIX = [
  { lng: 'ar', name: 'العربية', dir: 'rtl' },
  { lng: 'zh', name: '中文', dir: 'ltr' },
  { lng: 'en', name: 'English', dir: 'ltr' },
  { lng: 'fr', name: 'Français', dir: 'ltr' },
  { lng: 'ru', name: 'Русский', dir: 'ltr' },
  { lng: 'es', name: 'Español', dir: 'ltr' },
] as const;

const htmlLangDir = (page: Page) =>
  page.evaluate(() => [document.documentElement.lang, document.documentElement.dir] as const);
const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const describeViolations = (v: Awaited<ReturnType<typeof seriousViolations>>) =>
  v.map((x) => `${x.id} (${x.impact}): ${x.help} — ${x.nodes.map((n) => n.target.join(' ')).join(', ')}`);

describe('the six interface languages', () => {
  it('the switcher lists them by their own names, sets lang and dir, and axe passes in each', async () => {
    const context = await openContext('en');
    const page = await context.newPage();
    await page.goto('/');
    await page.locator('main h1').waitFor();
    const select = page.locator('.language-switcher select');
    expect(await select.locator('option').allInnerTexts()).toEqual(SIX.map((l) => l.name));
    const problems: string[] = [];
    for (const { lng, dir } of SIX) {
      await page.goto('/');
      await page.locator('main h1').waitFor();
      await select.selectOption(lng);
      await expect.poll(() => htmlLangDir(page)).toEqual([lng, dir]);
      const title = await page.locator('main h1').innerText();
      if (lng !== 'en') expect(title, `index title in ${lng}`).not.toBe('Discussion spaces');
      problems.push(...describeViolations(await seriousViolations(page)).map((p) => `${lng} index: ${p}`));
      await page.goto('/spaces/rt-1-1');
      await page.locator('main h1').waitFor();
      // On first load too (the language is remembered on this device).
      expect(await htmlLangDir(page)).toEqual([lng, dir]);
      problems.push(...describeViolations(await seriousViolations(page)).map((p) => `${lng} space: ${p}`));
    }
    expect(problems).toEqual([]);
  }, 120_000);

  it('a space page already open follows a change of language, its comments too', async () => {
    const context = await openContext('en');
    const page = await context.newPage();
    await page.goto('/spaces/rt-1-1');
    // Every comment's "Copy link" (its words: the button's name adds the author's).
    const copy = (words: string) =>
      page.locator('article.comment button.link-button').filter({ hasText: new RegExp(`^${words} `) });
    await copy('Copy link').first().waitFor();
    expect(await page.locator('article.comment').count()).toBeGreaterThan(1);
    const first = page.locator('article.comment').first();
    const date = await first.locator('time').first().innerText();
    // (The list renders in slices: the comments are counted as the words are.)
    const inFrench = async () => {
      const [fr, en, all] = await Promise.all([
        copy('Copier le lien').count(),
        copy('Copy link').count(),
        page.locator('article.comment').count(),
      ]);
      return fr === all && en === 0;
    };
    await page.locator('.language-switcher select').selectOption('fr');
    await expect.poll(inFrench).toBe(true);
    expect(await first.locator('time').first().innerText()).not.toBe(date);
    // The punctuation between a name and an affiliation too: Chinese writes a full-width comma.
    await page.locator('.language-switcher select').selectOption('zh');
    await expect.poll(() => first.locator('.comment-affiliation').innerText()).toMatch(/^，/);
  });

  it('Arabic pages lay out right to left without sideways overflow at 360 px (screenshots at 1280 and 360)', async () => {
    await mkdir(SHOTS, { recursive: true });
    const login = (role: string) => clientAs(account(role));
    const admin = await login('admin');
    const participant = await login('participant');
    const note = (await admin.post('/api/spaces/rt-1-1/notes', {})).body.note as { id: string };
    const staffPage = await pageFor({ client: admin }, 'ar');
    const participantPage = await pageFor({ client: participant }, 'ar');

    const pages: { name: string; page: Page; open: (p: Page) => Promise<void> }[] = [
      { name: 'index', page: participantPage, open: (p) => go(p, '/', 'main h1') },
      { name: 'space', page: participantPage, open: (p) => go(p, '/spaces/rt-1-1', 'main h1') },
      {
        name: 'composer',
        page: participantPage,
        open: async (p) => {
          await go(p, '/spaces/rt-1-1', '.answer-slot button');
          // The second time (360 px) the draft kept on this device reopens the first composer.
          const area = p.locator('form.composer textarea').first();
          if ((await area.count()) === 0) await p.locator('.answer-slot button').first().click();
          await area.waitFor();
          await area.fill('Une contribution en français, isolée du texte arabe.');
          await p.locator('form.composer').first().scrollIntoViewIfNeeded();
        },
      },
      { name: 'queue', page: staffPage, open: (p) => go(p, '/spaces/rt-1-1/moderation', '.queue-item-title') },
      { name: 'dashboard', page: staffPage, open: (p) => go(p, '/spaces/rt-1-1/dashboard', 'main table') },
      {
        // The charts themselves, mirrored: bars from the right, the days from the right.
        name: 'dashboard-charts',
        page: staffPage,
        open: async (p) => {
          await p.emulateMedia({ reducedMotion: 'reduce' });
          await go(p, '/spaces/rt-1-1/dashboard', '.chart-box canvas');
          await p.locator('.chart-box').first().scrollIntoViewIfNeeded();
          const bars = p.locator('[data-chart="bars"]');
          if ((await bars.count()) > 0) {
            expect(await bars.first().evaluate((e) => getComputedStyle(e).transform)).toBe('matrix(-1, 0, 0, 1, 0, 0)');
          }
        },
      },
      { name: 'note-editor', page: staffPage, open: (p) => go(p, `/notes/${note.id}`, '[data-testid="note-section"]') },
    ];
    const overflows: string[] = [];
    for (const { name, page, open } of pages) {
      for (const width of [1280, 360]) {
        await page.setViewportSize({ width, height: 900 });
        await open(page);
        expect(await htmlLangDir(page), name).toEqual(['ar', 'rtl']);
        const over = await overflow(page);
        if (width === 360 && over > 0) overflows.push(`${name}: ${over}px wider than the screen`);
        await page.screenshot({ path: join(SHOTS, `ar-${name}-${width}.png`) });
      }
    }
    expect(overflows).toEqual([]);
  }, 120_000);
});

async function go(page: Page, path: string, ready: string): Promise<void> {
  await page.goto(path);
  await page.locator(ready).first().waitFor();
}
