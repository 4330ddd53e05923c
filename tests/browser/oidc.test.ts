import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BROWSER_WAIT_MS, allowConsoleErrors, seriousViolations, setupBrowserTest } from '../helpers/browser.js';
import { makeUser } from '../helpers/factories.js';
import { startOidcProvider } from '../helpers/oidcProvider.js';
import { totpCode } from '../helpers/totp.js';

/**
 * Single sign-on in the browser, through a real OpenID Connect provider (oidc-provider 9) and its
 * development login and consent pages: "Sign in with Test ID" on the sign-in page, the provider,
 * and back to the page the person came from, signed in.
 */
const op = await startOidcProvider({ redirectUris: [] });
const { ctx, baseURL, openPage } = await setupBrowserTest({ config: { oidc: op.settings('Test ID') } });
// Known once the app listens; before the browser's first request to the provider.
op.addRedirectUri(`${baseURL}/api/auth/oidc/callback`);
/** The provider's development pages ask for a web font (no network here) and a favicon it lacks: not ours. */
const providerPageNoise = new RegExp(`^console error on ${op.issuer.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/`);

/** On the provider's development pages: any password, then its consent page. */
async function atProvider(page: Page, sub: string) {
  await page.waitForURL((url) => url.origin === op.issuer);
  await page.locator('input[name="login"]').fill(sub);
  await page.locator('input[name="password"]').fill('anything');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
}

describe('single sign-on in the browser', () => {
  it('"Sign in with Test ID" goes through the provider’s pages and comes back signed in, to the page it left', async () => {
    const sub = `delegate${Math.random().toString(36).slice(2, 8)}`;
    op.setAccount(sub, { name: 'Aïcha Traoré', organisation: 'Ministère des Affaires étrangères, Mali' });
    const page = await openPage();
    allowConsoleErrors(page, providerPageNoise);
    await page.goto('/signin?next=/account');
    const button = page.getByRole('link', { name: 'Sign in with Test ID' });
    await button.waitFor({ timeout: BROWSER_WAIT_MS });
    expect(await seriousViolations(page)).toEqual([]);
    await button.click();

    // The provider's own pages (another origin).
    await atProvider(page, sub);

    await page.waitForURL((url) => url.origin === baseURL && url.pathname === '/account');
    await expect
      .poll(() => page.getByRole('heading', { name: 'Your account', level: 1 }).isVisible(), {
        timeout: BROWSER_WAIT_MS,
      })
      .toBe(true);
    await expect
      .poll(() => page.getByText(`${sub}@sso.example.org`).first().isVisible(), { timeout: BROWSER_WAIT_MS })
      .toBe(true);
    // The affiliation came from the provider's claim; the address counts as verified (no banner).
    expect(await page.getByRole('textbox', { name: 'Affiliation' }).inputValue()).toBe(
      'Ministère des Affaires étrangères, Mali',
    );
    expect(await page.getByText('Confirm your email address').count()).toBe(0);
    await page.context().close();
  });

  it('an unverified address at the provider comes back to the sign-in page with the reason', async () => {
    const sub = `unverified${Math.random().toString(36).slice(2, 8)}`;
    op.setAccount(sub, { email_verified: false });
    const page = await openPage();
    allowConsoleErrors(page, providerPageNoise);
    // Offered on the registration page too (the first sign-in creates the account).
    await page.goto('/register?next=/account');
    const onRegister = page.getByRole('link', { name: 'Sign in with Test ID' });
    await onRegister.waitFor({ timeout: BROWSER_WAIT_MS });
    expect(await onRegister.getAttribute('href')).toBe('/api/auth/oidc/start?next=%2Faccount');
    await page.goto('/signin');
    await page.getByRole('link', { name: 'Sign in with Test ID' }).click();
    await atProvider(page, sub);
    await page.waitForURL((url) => url.origin === baseURL && url.pathname === '/signin');
    const alert = page.getByRole('alert').filter({ hasText: 'Signing in with Test ID did not work' });
    await alert.waitFor({ timeout: BROWSER_WAIT_MS });
    expect(await alert.textContent()).toContain('does not confirm that your email address is verified');
    expect(await page.getByRole('link', { name: 'Sign in', exact: true }).count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });
  it('an account with two-factor on goes on from the provider to the code step, then to its page', async () => {
    const person = await makeUser(ctx);
    const key = (await person.client.post('/api/me/totp/enrol')).body.key as string;
    expect((await person.client.post('/api/me/totp/confirm', { code: totpCode(key, -1) })).status).toBe(200);
    const sub = `twofactor${Math.random().toString(36).slice(2, 8)}`;
    op.setAccount(sub, { email: person.user.email });
    const page = await openPage();
    allowConsoleErrors(page, providerPageNoise);
    await page.goto('/signin?next=/account');
    await page.getByRole('link', { name: 'Sign in with Test ID' }).click();
    await atProvider(page, sub);
    await page.waitForURL((url) => url.origin === baseURL && url.pathname === '/signin');
    await page.getByLabel('Code', { exact: true }).fill(totpCode(key, 0));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === '/account');
    await expect
      .poll(() => page.getByText(person.user.email).first().isVisible(), { timeout: BROWSER_WAIT_MS })
      .toBe(true);
    await page.context().close();
  });
});
