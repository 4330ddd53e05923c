import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  WEB_DIST,
  allowConsoleErrors,
  fillSignInForm,
  screenshot,
  seriousViolations,
  setupBrowserTest,
  submitRegistration,
} from '../helpers/browser.js';

const { ctx, account, clientAs, openContext, openPage } = await setupBrowserTest({ demo: true });
const SPACE = '/spaces/rt-1-1';

/** Signs a moderator in through the API (another instance on the same database). */
const moderatorClient = () => clientAs(account('moderator'));

async function register(page: Page, email: string) {
  await submitRegistration(page, SPACE, { email, country: 'KE' });
  await page.waitForURL(`**${SPACE}`);
}

describe('a participant answers a guiding question', () => {
  it('registers, drafts across a reload, sends, and sees moderation and publication live', async () => {
    const author = await openPage();
    const reader = await openPage();
    await register(author, `grace.${Date.now()}@example.org`);

    await author.getByRole('button', { name: 'Answer question 2' }).click();
    const box = author.getByRole('textbox', { name: 'Your comment' });
    await box.fill('Diaspora investment funds work best when remittance costs fall first.');
    await author.getByText('Draft saved on this device.').waitFor();
    // A reload in the middle of typing keeps the draft.
    await author.reload();
    await expect
      .poll(() => author.getByRole('textbox', { name: 'Your comment' }).inputValue())
      .toBe('Diaspora investment funds work best when remittance costs fall first.');
    await author
      .getByRole('textbox', { name: 'Your comment' })
      .fill('Diaspora investment funds work best when **remittance costs** fall first.\n\nSecond paragraph.');
    await author.getByRole('button', { name: 'Send', exact: true }).click();
    const mine = author.locator('article', { hasText: 'Diaspora investment funds work best' });
    await mine.getByText('Awaiting moderation').waitFor();

    // An anonymous reader has the page open before the decision: nothing shows yet.
    await reader.goto(SPACE);
    await reader.getByRole('heading', { level: 1 }).waitFor();
    expect(await reader.getByText('Diaspora investment funds work best').count()).toBe(0);

    // A moderator (another browser, here the API) approves it.
    const mod = await moderatorClient();
    const queue = await mod.get('/api/spaces/rt-1-1/moderation/queue?status=pending&limit=200');
    const item = queue.body.items.find((i: { comment: { bodyHtml: string } }) =>
      i.comment.bodyHtml.includes('Diaspora investment funds'),
    );
    expect(item).toBeDefined();
    const decided = await mod.post(`/api/comments/${item.comment.id}/decision`, {
      action: 'approve',
      version: item.comment.version,
    });
    expect(decided.status).toBe(200);

    // The author sees the status change in place, without a reload.
    await author.getByText('Your comment has been approved and is now published.').first().waitFor();
    await expect.poll(() => mine.getByText('Awaiting moderation').count()).toBe(0);
    // The reader is told, and the comment appears when asked for, without a reload.
    await reader.getByRole('button', { name: /1 new comment — show/ }).click();
    await reader.getByText('Diaspora investment funds work best').waitFor();
    expect(await reader.locator('strong', { hasText: 'remittance costs' }).count()).toBe(1);
    await screenshot(reader, 'space-after-live-approval');
  });

  it('never sends two comments for a double click', async () => {
    const page = await openPage();
    await register(page, `double.${Date.now()}@example.org`);
    await page.getByRole('button', { name: 'Answer question 3' }).click();
    await page.getByRole('textbox', { name: 'Your comment' }).fill('Sent once, whatever the clicks.');
    await page.getByRole('button', { name: 'Send', exact: true }).dblclick();
    await page.locator('article', { hasText: 'Sent once, whatever the clicks.' }).first().waitFor();
    const { rows } = await ctx.db.pool.query(
      "select count(*)::int as n from comments where body_md = 'Sent once, whatever the clicks.'",
    );
    expect(rows[0].n).toBe(1);
  });

  it('says so when signing out did not happen (the connection dropped), and signs out on the next try', async () => {
    const page = await openPage();
    // Back on the space page, it is marked seen for the new account: sign out after that.
    const seen = page.waitForResponse((r) => r.url().endsWith('/seen') && r.request().method() === 'PUT');
    await register(page, `signout.${Date.now()}@example.org`);
    expect((await seen).status()).toBe(200);
    // The browser's connection drops for the first sign-out request only.
    allowConsoleErrors(page, /ERR_CONNECTION_RESET .*\/api\/auth\/logout/);
    let drops = 1;
    await page.route('**/api/auth/logout', (route) =>
      drops-- > 0 ? route.abort('connectionreset') : route.continue(),
    );
    const signOut = page.getByRole('button', { name: 'Sign out' });
    await signOut.click();
    const alert = page.getByRole('alert').filter({ hasText: 'Still signed in' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Still signed in:');
    expect(await page.getByRole('link', { name: 'Sign in', exact: true }).count()).toBe(0);
    await signOut.click();
    await page.getByRole('link', { name: 'Sign in', exact: true }).waitFor();
    expect(await page.getByRole('alert').filter({ hasText: 'Still signed in' }).count()).toBe(0);
  });

  it('shows guests "Sign in to comment" instead of the composer', async () => {
    const page = await openPage();
    await page.goto(SPACE);
    await page.getByRole('link', { name: 'Sign in to comment' }).first().waitFor();
    expect(await page.getByRole('button', { name: /Answer question/ }).count()).toBe(0);
  });
});

/** The interface's own words, so tests find controls by the label a user reads. */
const LOCALES = fileURLToPath(new URL('../../web/src/i18n/locales', import.meta.url));
const messages = async (locale: string, ns: string) =>
  JSON.parse(await readFile(join(LOCALES, locale, `${ns}.json`), 'utf8'));

describe('pages in three languages', () => {
  const pages: { name: string; path: string }[] = [
    { name: 'index', path: '/' },
    { name: 'space', path: SPACE },
    { name: 'sign-in', path: '/signin' },
    { name: 'register', path: '/register' },
  ];

  for (const locale of ['en', 'fr', 'es'] as const) {
    it(`has no serious or critical accessibility violation, in ${locale}`, async () => {
      const context = await openContext(locale);
      const page = await context.newPage();
      for (const p of pages) {
        await page.goto(p.path);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(locale);
        expect(await seriousViolations(page), `${p.name} (${locale})`).toEqual([]);
        await screenshot(page, `${p.name}-${locale}`);
      }
      // The composer, for a signed-in participant.
      await fillSignInForm(page, account('participant'));
      await page.locator('main').getByRole('button').last().click();
      await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
      await page.goto(SPACE);
      const label = (await messages(locale, 'discussion')).question.answer.replace('{{n}}', '2');
      await page.getByRole('button', { name: label }).click();
      await page.locator('form.composer textarea').waitFor();
      expect(await seriousViolations(page), `composer (${locale})`).toEqual([]);
      await screenshot(page, `composer-${locale}`);
      await context.close();
    }, 90_000); // five pages, each checked by axe and photographed
  }
});

describe('the space page', () => {
  it('loads at most 200 KB of JavaScript (gzip)', async () => {
    const page = await openPage();
    const scripts = new Set<string>();
    page.on('response', (r) => {
      const url = new URL(r.url());
      if (url.pathname.endsWith('.js')) scripts.add(url.pathname);
    });
    await page.goto(SPACE);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    let total = 0;
    for (const path of scripts) total += gzipSync(await readFile(join(WEB_DIST, path))).length;
    console.log(`space page JavaScript: ${(total / 1024).toFixed(1)} KB gzip in ${scripts.size} files`);
    expect(total).toBeLessThanOrEqual(200 * 1024);
  });
});
