import { describe, expect, it } from 'vitest';
import { makeAdmin } from '../helpers/factories.js';
import { BROWSER_WAIT_MS, allowConsoleErrors, seriousViolations, setupBrowserTest } from '../helpers/browser.js';

/**
 * A failed request shows its reference (the `X-Request-Id` the server logged) under the error
 * message, so a user can quote it to the secretariat; in the interface language.
 */
const { ctx, pageFor } = await setupBrowserTest();
const admin = await makeAdmin(ctx);

describe('the reference of a failed request', () => {
  it.each([
    ['en', 'Reference:'],
    ['fr', 'Référence :'],
    ['es', 'Referencia:'],
  ])('is shown under the error message (%s), equal to the response header', async (locale, label) => {
    const page = await pageFor(admin, locale);
    // The 404 under test; the admin menu's queue badge may be refused (403) for a space-less admin.
    allowConsoleErrors(page, /status of 404/, /status of 403 .*moderation\/queue/);
    const failed = page.waitForResponse((r) => r.url().includes('/api/') && r.status() === 404, {
      timeout: BROWSER_WAIT_MS,
    });
    await page.goto('/admin/spaces/no-such-space-anywhere');
    const requestId = await (await failed).headerValue('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const alert = page.getByRole('alert').filter({ hasText: requestId ?? 'missing' });
    await expect.poll(() => alert.textContent(), { timeout: BROWSER_WAIT_MS }).toContain(`${label} ${requestId}`);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
