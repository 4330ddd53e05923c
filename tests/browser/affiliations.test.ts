import { describe, expect, it } from 'vitest';
import { makeAdmin, makeSpace, makeUser, uuid } from '../helpers/factories.js';
import { BROWSER_WAIT_MS, allowConsoleErrors, seriousViolations, setupBrowserTest } from '../helpers/browser.js';

/**
 * Through the web client: a delegate asks on the account page; an administrator verifies them
 * and designates them focal point on /admin/affiliations (keyboard-usable buttons, axe-clean);
 * the delegate's comments then carry the marks on the space page and in the moderation queue,
 * and focusing the mark tells who verified it.
 */
const { ctx, pageFor } = await setupBrowserTest();

describe('verified affiliations in the browser', () => {
  it('an administrator verifies a delegate and designates a focal point; the marks show on the page and in the queue', async () => {
    const admin = await makeAdmin(ctx);
    const delegate = await makeUser(ctx, {
      displayName: 'Amina Odhiambo',
      affiliation: 'Ministry of Foreign Affairs of Kenya',
      stakeholderCategory: 'member_state',
      country: 'KE',
    });

    // The delegate asks on the account page.
    const mine = await pageFor(delegate);
    await mine.goto('/account');
    await mine.getByLabel('Title or position').fill('Counsellor');
    await mine.getByRole('button', { name: 'Ask for verification' }).click();
    await expect
      .poll(() => mine.getByText('is waiting for the secretariat').isVisible(), { timeout: BROWSER_WAIT_MS })
      .toBe(true);

    // The administrator works the queue with the keyboard.
    const page = await pageFor(admin);
    // The menu asks the moderation queue, which answers 403 to an administrator who moderates nothing.
    allowConsoleErrors(page, /status of 403 .*\/api\/moderation\/queue/);
    // A second delegate asks too; a second administrator declines that request after the page has loaded.
    const other = await makeUser(ctx, { displayName: 'Jonas Berg', affiliation: 'Nordic Migration Forum' });
    const asked = await other.client.post('/api/me/affiliation/requests', {
      organisation: 'Nordic Migration Forum',
      stakeholderCategory: 'civil_society',
      title: 'Director',
    });
    expect(asked.status).toBe(201);
    await page.goto('/admin/affiliations');
    const verify = page.getByRole('button', { name: 'Verify Amina Odhiambo' });
    await verify.waitFor({ timeout: BROWSER_WAIT_MS });
    expect(await seriousViolations(page)).toEqual([]);
    const secondAdmin = await makeAdmin(ctx);
    const declined = await secondAdmin.client.post(
      `/api/admin/affiliations/requests/${asked.body.request.id}/decline`,
      {
        reason: 'Not a Member State delegation.',
      },
    );
    expect(declined.status).toBe(200);
    // The first administrator, on the page as it was, verifies it: the page says why not.
    allowConsoleErrors(page, /status of 409 .*\/verify/);
    await page.getByRole('button', { name: 'Verify Jonas Berg' }).click();
    const refused = page.getByRole('alert');
    await expect.poll(() => refused.textContent(), { timeout: BROWSER_WAIT_MS }).toContain('already been decided');
    // …and the refreshed queue no longer offers it.
    await expect
      .poll(() => page.getByRole('button', { name: 'Verify Jonas Berg' }).count(), { timeout: BROWSER_WAIT_MS })
      .toBe(0);
    await verify.focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByText('Amina Odhiambo is verified.').isVisible(), { timeout: BROWSER_WAIT_MS })
      .toBe(true);
    const designate = page.getByRole('button', { name: 'Designate focal point Amina Odhiambo' });
    await designate.waitFor({ timeout: BROWSER_WAIT_MS });
    await designate.click();
    await page.getByRole('button', { name: 'End designation Amina Odhiambo' }).waitFor({ timeout: BROWSER_WAIT_MS });
    expect(await seriousViolations(page)).toEqual([]);

    // The delegate's contributions: published at once in a pre_except_verified space, waiting in a pre one.
    const open = (await makeSpace(ctx, { moderationMode: 'pre_except_verified' })).space;
    const pre = (await makeSpace(ctx, { moderationMode: 'pre' })).space;
    for (const s of [open, pre]) {
      const res = await delegate.client.post(`/api/spaces/${s.slug}/comments`, {
        body: `Kenya's view in ${s.code}.`,
        language: 'en',
        clientId: uuid(),
      });
      expect(res.status).toBe(201);
    }

    await page.goto(`/spaces/${open.slug}`);
    const comment = page.locator('article.comment', { hasText: "Kenya's view" });
    await comment.waitFor({ timeout: BROWSER_WAIT_MS });
    expect(await comment.getByText('Official contribution of Kenya').isVisible()).toBe(true);
    const mark = comment.getByTestId('verified-mark');
    await mark.focus();
    const tip = comment.getByRole('tooltip');
    await expect.poll(() => tip.isVisible(), { timeout: BROWSER_WAIT_MS }).toBe(true);
    expect(await tip.textContent()).toContain(`verified by ${admin.user.displayName}`);
    // The tooltip is the mark's accessible description, not a title.
    const describedBy = await mark.getAttribute('aria-describedby');
    expect(describedBy).toBe(await tip.getAttribute('id'));
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`/spaces/${pre.slug}/moderation`);
    const item = page.locator('article', { hasText: 'Amina Odhiambo' }).first();
    await item.waitFor({ timeout: BROWSER_WAIT_MS });
    expect(await item.getByTestId('verified-mark').isVisible()).toBe(true);
    expect(await item.getByText('Official contribution of Kenya').isVisible()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);

    // The dashboard says which figures are verified.
    await page.goto(`/spaces/${open.slug}/dashboard`);
    const verifiedFigures = page.getByRole('region', { name: 'Verified figures' });
    await verifiedFigures.waitFor({ timeout: BROWSER_WAIT_MS });
    const figure = (label: string) =>
      verifiedFigures
        .locator('.total', { has: page.getByText(label, { exact: true }) })
        .locator('dd')
        .textContent();
    expect(await figure('Verified contributions')).toBe('1');
    expect(await figure('Member States (verified)')).toBe('1');
    expect(await figure('Official contributions (verified)')).toBe('1');
    expect(await seriousViolations(page)).toEqual([]);

    // Removing the verification by hand, after a confirmation: the marks go from the page.
    await page.goto('/admin/affiliations');
    const revoke = page.getByRole('button', { name: 'Remove verification Amina Odhiambo' });
    await revoke.waitFor({ timeout: BROWSER_WAIT_MS });
    await revoke.click();
    const question = page.getByRole('group', { name: /Remove the verification of Amina Odhiambo\?/ });
    await question.waitFor({ timeout: BROWSER_WAIT_MS });
    expect(await seriousViolations(page)).toEqual([]);
    await question.getByRole('button', { name: 'Remove the verification' }).click();
    await expect
      .poll(() => page.getByText('The verification of Amina Odhiambo was removed.').isVisible(), {
        timeout: BROWSER_WAIT_MS,
      })
      .toBe(true);
    await page.goto(`/spaces/${open.slug}`);
    await comment.waitFor({ timeout: BROWSER_WAIT_MS });
    expect(await comment.getByTestId('verified-mark').count()).toBe(0);
    expect(await comment.getByText('Official contribution of Kenya').count()).toBe(0);
  });
});
