import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { allowConsoleErrors, seriousViolations, setupBrowserTest } from '../helpers/browser.js';
import { makeAdmin, makeSpace, makeUser } from '../helpers/factories.js';
import { mailConfig, waitUntil } from '../helpers/smtp.js';

/**
 * "Forgot password?" in a real browser: the sign-in link, the request, the email (read from the
 * development mailbox, as `npm start` would show it), the link, a weak then a good password, the
 * used link refused, and the administrators' mailbox page. Axe-checked at every step.
 */
// Only the served app runs the mail worker, so links carry its origin.
const { ctx, baseURL, openPage } = await setupBrowserTest({ served: { mail: mailConfig({ worker: true }) } });
const NEW_PASSWORD = 'a fresh and long password';

async function expectAxeClean(page: Page) {
  expect(await seriousViolations(page)).toEqual([]);
}

const mailboxText = (to: string) =>
  waitUntil(
    async () => {
      const { rows } = await ctx.db.pool.query<{ text: string }>(
        `select text from mail_messages where to_address = $1 and status = 'sent' order by created_at desc limit 1`,
        [to],
      );
      return rows[0]?.text;
    },
    15_000,
    `the email to ${to}`,
  );

describe('forgot password', () => {
  it('goes from the sign-in page to a new password through the emailed link', async () => {
    const person = await makeUser(ctx, { displayName: 'Grace Ochieng' });
    const email = person.user.email;
    const page = await openPage();

    await page.goto('/signin');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.waitForURL('**/forgot-password');
    await page.getByRole('heading', { level: 1, name: 'Forgot your password' }).waitFor();
    await expectAxeClean(page);
    await page.getByLabel('Email address').fill(email);
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await page.getByRole('status').getByText(`If an account uses ${email}`).waitFor();
    await expectAxeClean(page);

    const text = await mailboxText(email);
    const link = /(http:\/\/\S+\/reset-password#token=[a-z0-9]+)/.exec(text)?.[1];
    expect(link?.startsWith(`${baseURL}/reset-password#token=`)).toBe(true);

    await page.goto(link ?? '');
    await page.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
    // The token leaves the address bar once read.
    await waitUntil(() => !page.url().includes('#token='), 5_000, 'the token to leave the URL');
    await expectAxeClean(page);
    await page.getByLabel('New password', { exact: true }).fill('short');
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await page.getByText('The password is too short: use at least 12 characters').first().waitFor();
    await expectAxeClean(page);
    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await page.getByRole('heading', { name: 'Your password is changed' }).waitFor();
    await expectAxeClean(page);

    // The session the person had elsewhere is gone; the new password works.
    expect((await person.client.get('/api/auth/me')).body.user).toBeNull();
    await page.getByRole('link', { name: 'Sign in' }).last().click();
    await page.waitForURL('**/signin');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/signin'));

    // The same link again: refused, in words, with the way to a new one.
    const again = await openPage();
    allowConsoleErrors(again, /status of 400/);
    await again.goto(link ?? '');
    await again.getByLabel('New password', { exact: true }).fill('another long password 1');
    await again.getByRole('button', { name: 'Save the new password' }).click();
    await again.getByRole('alert').getByText('This link has already been used').waitFor();
    await again.getByRole('link', { name: 'Ask for a link' }).waitFor();
    await expectAxeClean(again);
  });

  it('speaks the visitor’s language (French)', async () => {
    const page = await openPage('fr');
    await page.goto('/signin');
    await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mot de passe oublié' }).waitFor();
    await page.goto('/reset-password');
    await page.getByText('Cette page s’ouvre depuis le lien d’un message de réinitialisation.').waitFor();
    await expectAxeClean(page);
  });

  it('shows administrators every email in the development mailbox, its HTML sandboxed', async () => {
    const person = await makeUser(ctx, { locale: 'es', displayName: '<b>Bold</b> Name' });
    await ctx.client().post('/api/auth/password/forgot', { email: person.user.email });
    await mailboxText(person.user.email);
    // A space exists, as on any deployment (the staff menu's pending count needs one to look at).
    await makeSpace(ctx);
    const admin = await makeAdmin(ctx);
    const page = await openPage();
    await page.goto('/signin');
    await page.getByLabel('Email address').fill(admin.user.email);
    await page.getByLabel('Password', { exact: true }).fill('admin password 123');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
    await page.goto('/admin/mailbox');
    await page.getByRole('heading', { level: 1, name: 'Mailbox (development)' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: person.user.email });
    await row.getByRole('button', { name: 'Restablezca su contraseña de Convene' }).click();
    const frame = page.locator('iframe.mail-html');
    await frame.waitFor();
    expect(await frame.getAttribute('sandbox')).toBe('allow-popups allow-popups-to-escape-sandbox');
    await page.frameLocator('iframe.mail-html').getByText('Hola, <b>Bold</b> Name:').waitFor();
    await page.locator('pre.mail-text').getByText('Elegir una nueva contraseña').waitFor();
    await expectAxeClean(page);
  });
});
