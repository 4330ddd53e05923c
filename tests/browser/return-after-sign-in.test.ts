import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { setupApp } from '../helpers/app.js';
import { BROWSER_WAIT_MS, seriousViolations, serveToBrowser } from '../helpers/browser.js';
import { makeSpace, makeUser } from '../helpers/factories.js';

/**
 * Issue 15, item 1: "Create an account" and "Sign in" bring the person back to where they were,
 * and to the composer they meant to open, instead of leaving them on the index to find the space
 * again.
 */
const ctx = await setupApp();
const { space, questions } = await makeSpace(ctx, { moderationMode: 'pre' });
const { openPage } = await serveToBrowser(ctx);

const PASSWORD = 'a long enough password';
/** Screenshots to look at by eye (git-ignored test-artifacts/ unless UI_SHOTS says otherwise). */
const SHOTS =
  process.env.UI_SHOTS ?? fileURLToPath(new URL('../../test-artifacts/return-after-sign-in', import.meta.url));
await mkdir(SHOTS, { recursive: true });
const spacePath = `/spaces/${space.slug}`;

/** The section of one guiding question on the space page. */
const questionSection = (page: Page, n: number) =>
  page.locator('section.question').filter({ has: page.getByRole('heading', { name: questions[n]?.text ?? '' }) });

/** Whether focus is in the composer's text box inside the given section. */
const composerFocused = (page: Page, n: number) =>
  questionSection(page, n)
    .locator('textarea')
    .evaluate((el) => el === document.activeElement)
    .catch(() => false);

describe('after signing in or registering, the person is back where they were', () => {
  it('registering from a question’s "Create an account" opens that question’s composer, focused', async () => {
    const page = await openPage();
    await page.goto(spacePath);
    const slot = questionSection(page, 1).locator('.sign-in-to-comment');
    await slot.waitFor();
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
      await questionSection(page, 1).screenshot({ path: `${SHOTS}/guest-answer-slot-${width}.png` });
    }
    await slot.getByRole('link', { name: 'Create an account' }).click();
    await page.waitForURL('**/register?next=*');
    await page.getByLabel('Email address').fill(`back-${crypto.randomUUID().slice(0, 8)}@example.org`);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Full name').fill('Amina Haddad');
    await page.getByLabel('Affiliation').fill('Migrant Forum in Asia');
    await page.getByLabel('Stakeholder category').selectOption('migrant_diaspora_org');
    await page.getByRole('button', { name: 'Create account' }).click();

    await page.waitForURL((url) => url.pathname === spacePath);
    await questionSection(page, 1).locator('textarea').waitFor({ timeout: BROWSER_WAIT_MS });
    await expect.poll(() => composerFocused(page, 1), { timeout: BROWSER_WAIT_MS }).toBe(true);
    // Only that question's composer opened.
    expect(await questionSection(page, 0).locator('textarea').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
      await questionSection(page, 1).screenshot({ path: `${SHOTS}/returned-composer-${width}.png` });
    }
  });

  it('signing in from a question’s "Sign in to comment" opens that question’s composer', async () => {
    const person = await makeUser(ctx, { password: PASSWORD });
    const page = await openPage();
    await page.goto(spacePath);
    await questionSection(page, 2).getByRole('link', { name: 'Sign in to comment' }).click();
    await page.waitForURL('**/signin?next=*');
    await page.getByLabel('Email address').fill(person.user.email);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL((url) => url.pathname === spacePath);
    await expect.poll(() => composerFocused(page, 2), { timeout: BROWSER_WAIT_MS }).toBe(true);
  });

  it('the header’s Sign in and Create an account carry the page along', async () => {
    const person = await makeUser(ctx, { password: PASSWORD });
    const page = await openPage();
    await page.goto(`${spacePath}?q=resilience`);
    const nav = page.getByRole('navigation').first();
    expect(await nav.getByRole('link', { name: 'Create an account' }).getAttribute('href')).toBe(
      `/register?next=${encodeURIComponent(`${spacePath}?q=resilience`)}`,
    );
    await nav.getByRole('link', { name: 'Sign in' }).click();
    await page.getByLabel('Email address').fill(person.user.email);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL((url) => url.pathname === spacePath && url.search === '?q=resilience');
  });
});
