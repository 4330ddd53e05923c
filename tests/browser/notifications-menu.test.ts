import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type TestClient } from '../helpers/app.js';
import { BROWSER_WAIT_MS, screenshot, seriousViolations, setupBrowserTest } from '../helpers/browser.js';
import { grantRole, makeSpace, makeUser } from '../helpers/factories.js';
import { decide as decideAs, post } from '../helpers/mailFlow.js';

/**
 * The notifications menu in a real browser: the bell's unread badge updates live when a moderator
 * decides on the person's comment elsewhere, the menu opens and closes from the keyboard (Escape,
 * focus back on the bell), an item opened goes to the exact comment and is marked read, "Mark all
 * as read"; and the notification settings on the account page persist. Axe-checked throughout.
 */
const { ctx, pageFor } = await setupBrowserTest();

async function expectAxeClean(page: Page) {
  expect(await seriousViolations(page)).toEqual([]);
}

/** A moderator's decision on a comment of this file's app. */
const decide = (moderator: TestClient, id: string, action: 'approve' | 'reject', reason?: string) =>
  decideAs(ctx, moderator, id, action, reason);

const bell = (page: Page, name: string | RegExp) => page.getByRole('button', { name, exact: typeof name === 'string' });

describe('notifications menu', () => {
  it('shows a decision live, opens from the keyboard, marks an opened item read, and marks all read', async () => {
    const { space } = await makeSpace(ctx, { moderationMode: 'pre', code: 'RT 7.1', title: 'Remittances' });
    const moderator = await makeUser(ctx);
    await grantRole(ctx, space.id, moderator.user.id, 'moderator');
    const author = await makeUser(ctx, { displayName: 'Ama Mensah' });
    const first = await post(author, space.slug, 'Lower **transfer** costs first.');
    const second = await post(author, space.slug, 'A second thought, off topic.');

    const page = await pageFor(author);
    await page.goto('/account/contributions');
    await bell(page, 'Notifications').waitFor();
    // The socket is open (the live indicator says so) before the moderator decides elsewhere.
    await page.locator('.live-indicator.live-online').waitFor();
    await expectAxeClean(page);

    await decide(moderator.client, first.id, 'approve');
    await bell(page, 'Notifications, 1 unread notification').waitFor();
    await expect
      .poll(() => page.getByTestId('notifications-badge').textContent(), { timeout: BROWSER_WAIT_MS })
      .toContain('1');
    await expectAxeClean(page);

    // From the keyboard: Enter opens the menu, Escape closes it and focus returns to the bell.
    await bell(page, /^Notifications/).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Notifications' });
    await dialog.waitFor();
    await expect
      .poll(() => dialog.getByRole('link', { name: /Your comment was published/ }).textContent(), {
        timeout: BROWSER_WAIT_MS,
      })
      .toContain('Lower transfer costs first.');
    await expect.poll(() => dialog.textContent()).toContain('RT 7.1 — Remittances');
    await expectAxeClean(page);
    await screenshot(page, 'notifications-menu-open');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('class') ?? ''))
      .toContain('notifications-button');

    // Opening the item goes to the exact comment and marks it read: the badge goes.
    await bell(page, /^Notifications/).click();
    await dialog.getByRole('link', { name: /Your comment was published/ }).click();
    await page.waitForURL(`**/spaces/${space.slug}#comment-${first.id}`);
    await bell(page, 'Notifications').waitFor();
    expect((await author.client.get('/api/me/notifications')).body.unread).toBe(0);

    // Another decision arrives live on this page; "Mark all as read" clears it.
    await decide(moderator.client, second.id, 'reject', 'Off topic for this roundtable.');
    await bell(page, 'Notifications, 1 unread notification').click();
    const items = dialog.getByRole('listitem');
    await expect.poll(() => items.count(), { timeout: BROWSER_WAIT_MS }).toBe(2);
    await expect.poll(() => items.first().textContent()).toContain('Unread: Your comment was not published');
    await dialog.getByRole('button', { name: 'Mark all as read' }).click();
    await expect.poll(() => items.first().textContent(), { timeout: BROWSER_WAIT_MS }).not.toContain('Unread');
    await page.keyboard.press('Escape');
    await bell(page, 'Notifications').waitFor();
    expect((await author.client.get('/api/me/notifications')).body.unread).toBe(0);
  });

  it('speaks the reader’s language', async () => {
    const { space } = await makeSpace(ctx, { moderationMode: 'pre' });
    const moderator = await makeUser(ctx);
    await grantRole(ctx, space.id, moderator.user.id, 'moderator');
    const author = await makeUser(ctx, { locale: 'fr' });
    await decide(moderator.client, (await post(author, space.slug, 'Un commentaire.')).id, 'approve');
    const page = await pageFor(author, 'fr');
    await page.goto('/');
    await bell(page, 'Notifications, 1 notification non lue').click();
    await page.getByRole('dialog', { name: 'Notifications' }).getByText('Votre commentaire a été publié').waitFor();
    await page.getByRole('button', { name: 'Tout marquer comme lu' }).waitFor();
    await expectAxeClean(page);
  });

  it('saves the notification settings on the account page, and they persist', async () => {
    const person = await makeUser(ctx);
    const page = await pageFor(person);
    // Reached from the menu, which has nothing to list yet.
    await page.goto('/');
    await bell(page, 'Notifications').click();
    const menu = page.getByRole('dialog', { name: 'Notifications' });
    await menu.getByText('No notifications yet.', { exact: false }).waitFor();
    await menu.getByRole('link', { name: 'Notification settings' }).click();
    await page.waitForURL('**/account#notification-preferences');
    const section = page.getByRole('region', { name: 'Email notifications' });
    await section.waitFor();
    const replies = section.getByLabel('Replies to you');
    await replies.waitFor();
    // Each kind has its help text, read with its control.
    await expect.poll(() => replies.getAttribute('aria-describedby')).toBe('notification-frequency-replies-hint');
    await expect.poll(() => section.textContent()).toContain('A space you follow closes in 3 days');
    await expectAxeClean(page);

    await replies.selectOption('never');
    const followAnswered = section.getByRole('checkbox', { name: 'Follow what I answer' });
    expect(await followAnswered.isChecked()).toBe(true);
    await followAnswered.uncheck();
    await section.getByRole('button', { name: 'Save notification settings' }).click();
    await section.getByRole('status').getByText('Your notification settings are saved.').waitFor();
    await expectAxeClean(page);
    const saved = await person.client.get('/api/me/notification-preferences');
    expect(saved.body.preferences).toContainEqual({ kind: 'replies', frequency: 'never', isDefault: false });
    // Untouched kinds keep their defaults.
    expect(saved.body.preferences).toContainEqual(expect.objectContaining({ kind: 'decisions', isDefault: true }));
    expect(saved.body.followAnswered).toBe(false);

    await page.reload();
    await expect
      .poll(() => page.getByRole('region', { name: 'Email notifications' }).getByLabel('Replies to you').inputValue(), {
        timeout: BROWSER_WAIT_MS,
      })
      .toBe('never');
    expect(
      await page
        .getByRole('region', { name: 'Email notifications' })
        .getByRole('checkbox', { name: 'Follow what I answer' })
        .isChecked(),
    ).toBe(false);
  });
});
