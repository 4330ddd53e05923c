import { describe, expect, it } from 'vitest';
import {
  BROWSER_WAIT_MS,
  allowConsoleErrors,
  fillSignInForm,
  seriousViolations,
  setupBrowserTest,
} from '../helpers/browser.js';
import { adminAccount } from '../helpers/factories.js';
import { adminsUseTwoFactor, totpCode } from '../helpers/totp.js';

// The product default: administrators must use two-factor sign-in (testConfig turns it off).
const { ctx, openPage } = await setupBrowserTest({ config: adminsUseTwoFactor });

describe('two-factor sign-in in the browser', () => {
  it('an administrator enrols on the account page, then signs in with a code', async () => {
    const admin = await adminAccount(ctx, 'totp.admin');

    const page = await openPage();
    // Until enrolled, every other request of the administrator is refused (403).
    allowConsoleErrors(page, /403/);
    await fillSignInForm(page, admin, '/account');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect
      .poll(() => page.getByText('Your role requires two-factor sign-in').isVisible(), { timeout: BROWSER_WAIT_MS })
      .toBe(true);
    await page.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
    const key = (await page.getByTestId('totp-key').textContent()) ?? '';
    expect(key).toMatch(/^[A-Z2-7]{32}$/);
    await page.getByLabel('Code from the app').fill(totpCode(key, 0));
    await page.getByRole('button', { name: 'Turn on' }).click();
    const codes = page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
    await expect.poll(() => codes.count(), { timeout: BROWSER_WAIT_MS }).toBe(10);
    await page.getByRole('button', { name: 'I have saved them' }).click();
    await expect
      .poll(() => page.getByText('Two-factor sign-in is on.').isVisible(), { timeout: BROWSER_WAIT_MS })
      .toBe(true);
    expect(await page.getByRole('heading', { name: 'Active sessions' }).isVisible()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);

    // Another browser: the password, then the code (the next step's, since this one was used).
    const other = await openPage();
    // The password step answers 401 second_factor_required; /admin with no space asks the
    // moderation queue, which answers 403 to someone who moderates nothing.
    allowConsoleErrors(other, /status of 401 .*\/api\/auth\/login/, /status of 403 .*\/api\/moderation\/queue/);
    await fillSignInForm(other, admin, '/admin');
    await other.getByRole('button', { name: 'Sign in' }).click();
    await other.getByLabel('Code', { exact: true }).fill(totpCode(key, 1));
    expect(await seriousViolations(other)).toEqual([]);
    await other.getByRole('button', { name: 'Sign in' }).click();
    await expect
      .poll(() => other.getByRole('heading', { name: 'Administrative log' }).isVisible(), { timeout: BROWSER_WAIT_MS })
      .toBe(true);
    await page.context().close();
    await other.context().close();
  });
});
