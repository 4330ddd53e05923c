import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateHOTP } from '@oslojs/otp';
import { describe, expect, it } from 'vitest';
import { ensureAdmin } from '../../server/src/commands/users.js';
import { setupApp } from '../helpers/app.js';
import {
  BROWSER_WAIT_MS,
  allowConsoleErrors,
  launchBrowser,
  newContext,
  seriousViolations,
  startWebApp,
} from '../helpers/browser.js';

// The product default: administrators must use two-factor sign-in (testConfig turns it off).
const ctx = await setupApp({
  staffAccounts: { require2fa: 'admins', totpLimit: { max: 20, windowMs: 60_000 }, lastUsedGranularityMs: 300_000 },
});
const { baseURL } = await startWebApp(ctx);
const browser = await launchBrowser();

const codeAt = (key: string, offsetSteps: number) =>
  generateHOTP(decodeBase32IgnorePadding(key), BigInt(Math.floor(Date.now() / 30_000) + offsetSteps), 6);

describe('two-factor sign-in in the browser', () => {
  it('an administrator enrols on the account page, then signs in with a code', async () => {
    const email = `totp.admin.${Math.random().toString(36).slice(2, 7)}@example.org`;
    const password = 'admin password 123';
    await ensureAdmin(ctx.db.db, email, password);

    const page = await (await newContext(browser, baseURL)).newPage();
    // Until enrolled, every other request of the administrator is refused (403).
    allowConsoleErrors(page, /403/);
    await page.goto('/signin?next=/account');
    await page.locator('#signin-email').fill(email);
    await page.locator('#signin-password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect
      .poll(() => page.getByText('Your role requires two-factor sign-in').isVisible(), { timeout: BROWSER_WAIT_MS })
      .toBe(true);
    await page.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
    const key = (await page.getByTestId('totp-key').textContent()) ?? '';
    expect(key).toMatch(/^[A-Z2-7]{32}$/);
    await page.getByLabel('Code from the app').fill(codeAt(key, 0));
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
    const other = await (await newContext(browser, baseURL)).newPage();
    // The password step answers 401 second_factor_required; /admin with no space asks the
    // moderation queue, which answers 403 to someone who moderates nothing.
    allowConsoleErrors(other, /status of 401 .*\/api\/auth\/login/, /status of 403 .*\/api\/moderation\/queue/);
    await other.goto('/signin?next=/admin');
    await other.locator('#signin-email').fill(email);
    await other.locator('#signin-password').fill(password);
    await other.getByRole('button', { name: 'Sign in' }).click();
    await other.getByLabel('Code', { exact: true }).fill(codeAt(key, 1));
    expect(await seriousViolations(other)).toEqual([]);
    await other.getByRole('button', { name: 'Sign in' }).click();
    await expect
      .poll(() => other.getByRole('heading', { name: 'Administrative log' }).isVisible(), { timeout: BROWSER_WAIT_MS })
      .toBe(true);
    await page.context().close();
    await other.context().close();
  });
});
