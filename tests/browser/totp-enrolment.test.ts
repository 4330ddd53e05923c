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

/**
 * Issue 16, staff accounts: an administrator held to two-factor sign-in (REQUIRE_STAFF_2FA=admins)
 * who has not enrolled is sent to the enrolment panel from whatever page sign-in returned to; and
 * recovery codes can be replaced from the account page (shown once, the old ones void).
 */
const { ctx, openPage } = await setupBrowserTest({ config: adminsUseTwoFactor });

describe('two-factor enrolment and recovery codes in the browser', () => {
  it('sends an administrator who must enrol to the enrolment panel, then lets them replace their recovery codes', async () => {
    const admin = await adminAccount(ctx, 'enrol.admin');
    const page = await openPage();
    // Until enrolled, the administrator's requests other than enrolment are refused (403); the
    // wrong password below is a 400 the form shows.
    allowConsoleErrors(page, /status of 403/, /status of 400 .*recovery-codes/);
    await fillSignInForm(page, admin, '/admin');
    await page.getByRole('button', { name: 'Sign in' }).click();

    // Sign-in returned to /admin; the guard moved on to the account page's enrolment panel.
    await page.waitForURL((url) => url.pathname === '/account', { timeout: BROWSER_WAIT_MS });
    await expect
      .poll(() => page.getByText('Your role requires two-factor sign-in').isVisible(), { timeout: BROWSER_WAIT_MS })
      .toBe(true);
    // Any other page comes back here too.
    await page.goto('/admin/users');
    await page.waitForURL((url) => url.pathname === '/account', { timeout: BROWSER_WAIT_MS });

    await page.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
    const key = (await page.getByTestId('totp-key').textContent()) ?? '';
    await page.getByLabel('Code from the app').fill(totpCode(key, 0));
    await page.getByRole('button', { name: 'Turn on' }).click();
    const codes = page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
    await expect.poll(() => codes.count(), { timeout: BROWSER_WAIT_MS }).toBe(10);
    const first = await codes.allTextContents();
    await page.getByRole('button', { name: 'I have saved them' }).click();

    // New recovery codes: a wrong password is shown by its field; the right one gives a new set.
    const regen = page.locator('form', { has: page.getByRole('heading', { name: 'New recovery codes' }) });
    await regen.waitFor({ timeout: BROWSER_WAIT_MS });
    expect(await seriousViolations(page)).toEqual([]);
    await regen.getByLabel('Password').fill('not the password at all');
    await regen.getByRole('button', { name: 'Get new recovery codes' }).click();
    await expect
      .poll(() => regen.getByText('The password is not correct').isVisible(), { timeout: BROWSER_WAIT_MS })
      .toBe(true);
    await regen.getByLabel('Password').fill(admin.password);
    await regen.getByRole('button', { name: 'Get new recovery codes' }).click();
    await expect.poll(() => codes.count(), { timeout: BROWSER_WAIT_MS }).toBe(10);
    const second = await codes.allTextContents();
    expect(second.some((c) => first.includes(c))).toBe(false);
    await page.getByRole('button', { name: 'I have saved them' }).click();
    await expect
      .poll(() => page.getByText('10 recovery codes left.').isVisible(), { timeout: BROWSER_WAIT_MS })
      .toBe(true);

    // Enrolled: the administration pages stay.
    await page.goto('/admin/users');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).first().textContent(), { timeout: BROWSER_WAIT_MS })
      .not.toBe('Your account');
    expect(new URL(page.url()).pathname).toBe('/admin/users');

    // The first set no longer works; the second does.
    const api = ctx.client();
    expect((await api.post('/api/auth/login', admin)).status).toBe(401);
    expect((await api.post('/api/auth/totp', { recoveryCode: first[0] })).status).toBe(400);
    expect((await api.post('/api/auth/totp', { recoveryCode: second[0] })).status).toBe(200);
    await page.context().close();
  });
});
