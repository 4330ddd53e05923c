import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  BROWSER_WAIT_MS,
  allowConsoleErrors,
  seriousViolations,
  setupBrowserTest,
  submitRegistration,
} from '../helpers/browser.js';
import { makeAdmin, makeSpace, makeUser } from '../helpers/factories.js';
import { mailConfig, waitUntil } from '../helpers/smtp.js';

/**
 * Address verification in a real browser: register (unverified), the banner, a comment shown as
 * waiting for verification, the link read from the development mailbox, the banner gone and the
 * comment awaiting moderation. Then an administrator's invitation, accepted through its page.
 * Axe-checked at each step.
 */
// Only the served app runs the mail worker, so links carry its origin.
const { ctx, baseURL, openPage, pageFor } = await setupBrowserTest({ served: { mail: mailConfig({ worker: true }) } });
const { space } = await makeSpace(ctx, { moderationMode: 'pre' });
const SPACE = `/spaces/${space.slug}`;

async function expectAxeClean(page: Page) {
  expect(await seriousViolations(page)).toEqual([]);
}

/** The link of the newest delivered email of this kind to this address (development mailbox). */
const linkIn = (to: string, kind: string, path: string) =>
  waitUntil(
    async () => {
      const { rows } = await ctx.db.pool.query<{ text: string }>(
        `select text from mail_messages where lower(to_address) = lower($1) and kind = $2 and status = 'sent'
         order by created_at desc limit 1`,
        [to, kind],
      );
      return new RegExp(`(http://\\S+/${path}#token=[a-z0-9]+)`).exec(rows[0]?.text ?? '')?.[1];
    },
    15_000,
    `the ${kind} email to ${to}`,
  );

describe('address verification', () => {
  it('registers, sees the banner and the held comment, follows the emailed link, and the banner is gone', async () => {
    const email = `verify.${Date.now()}@example.org`;
    const page = await openPage();
    await submitRegistration(page, SPACE, { email, country: 'KE', verified: false });
    await page.waitForURL(`**${SPACE}`);
    const banner = page.getByRole('region', { name: 'Confirm your email address' });
    await banner.getByText(`we sent a link to ${email}`).waitFor();
    await expectAxeClean(page);

    await page.getByRole('button', { name: 'Answer question 1' }).click();
    await page.getByRole('textbox', { name: 'Your comment' }).fill('Held until my address is confirmed.');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const mine = page.locator('article', { hasText: 'Held until my address is confirmed.' });
    await mine.getByText('Waiting for you to verify your address').waitFor();
    await expectAxeClean(page);

    // "Send the link again" answers in the banner.
    await banner.getByRole('button', { name: 'Send the link again' }).click();
    await banner.getByRole('status').getByText(`A new link is on its way to ${email}.`).waitFor();

    // "My contributions" says the same.
    await page.goto('/account/contributions');
    await page.getByText('Waiting for you to verify your address').first().waitFor();
    await expectAxeClean(page);

    const link = await linkIn(email, 'email_verification', 'verify-email');
    expect(link.startsWith(`${baseURL}/verify-email#token=`)).toBe(true);
    await page.goto(link);
    await page.getByText(`Thank you: your email address ${email} is confirmed.`).waitFor();
    await waitUntil(() => !page.url().includes('#token='), 5_000, 'the token to leave the URL');
    await expectAxeClean(page);
    await expect.poll(() => banner.count(), { timeout: BROWSER_WAIT_MS }).toBe(0);

    await page.goto(SPACE);
    await mine.getByText('Awaiting moderation').waitFor();
    expect(await banner.count()).toBe(0);

    // The same link again is refused in words.
    allowConsoleErrors(page, /status of 400/);
    await page.goto(link);
    await page.getByRole('alert').getByText('This link has already been used.').waitFor();
  });

  it('an invited moderator registers through the invitation page and holds the role', async () => {
    const admin = await makeAdmin(ctx);
    const email = `invited.${Date.now()}@example.org`;
    // Through the served app, so the link carries its origin.
    const res = await fetch(`${baseURL}/api/spaces/${space.slug}/invitations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: baseURL, cookie: admin.client.cookieHeader },
      body: JSON.stringify({ email, role: 'moderator' }),
    });
    expect(res.status).toBe(201);
    const link = await linkIn(email, 'invitation', 'invitation');

    const page = await openPage();
    await page.goto(link);
    await page.getByText(`You are invited to moderate ${space.code} — ${space.title}.`).waitFor();
    await expectAxeClean(page);
    const field = page.getByLabel('Email address');
    expect(await field.inputValue()).toBe(email);
    expect(await field.getAttribute('readonly')).not.toBeNull();
    await page.getByLabel('Password', { exact: true }).fill('a long enough password');
    await page.getByLabel('Full name').fill('Imani Moderator');
    await page.getByLabel('Affiliation').fill('UN Network on Migration');
    await page.getByLabel('Stakeholder category').selectOption('un_system');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(`**${SPACE}`);
    // Verified by the invitation: no banner; a moderator: the queue is in the menu.
    await page
      .getByRole('link', { name: /Moderation/ })
      .first()
      .waitFor();
    expect(await page.getByRole('region', { name: 'Confirm your email address' }).count()).toBe(0);
  });

  it('an administrator invites from the roles editor, sees the invitation waiting, resends and revokes it', async () => {
    const admin = await makeAdmin(ctx);
    const page = await pageFor(admin);
    await page.goto(`/admin/spaces/${space.slug}`);
    const email = `newchair.${Date.now()}@example.org`;
    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByLabel('Role').selectOption('chair');
    await page.getByRole('button', { name: 'Appoint' }).click();
    await page
      .getByText(`${email} has no account yet: an invitation (Chair) was emailed, valid for 14 days.`)
      .waitFor();
    const row = page.getByRole('row', { name: new RegExp(email.replace(/\./g, '\\.')) });
    await row.getByRole('cell', { name: 'Pending' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(await row.getByRole('button', { name: /^Resend/ }).textContent()).toBe(`Resend: the invitation of ${email}`);
    await row.getByRole('button', { name: /^Resend/ }).click();
    await page.getByText(`The invitation of ${email} was sent again, valid for 14 more days.`).waitFor();
    await row.getByRole('button', { name: /^Revoke/ }).click();
    await page.getByText(`The invitation of ${email} was withdrawn.`).waitFor();
    await expect.poll(() => row.count(), { timeout: BROWSER_WAIT_MS }).toBe(0);
    const { rows } = await ctx.db.pool.query('select revoked_at from invitations where email = $1', [email]);
    expect(rows[0]?.revoked_at).not.toBeNull();
  });

  it('changes the email address from the account page once the new address confirms it', async () => {
    const person = await makeUser(ctx);
    const page = await pageFor(person);
    await page.goto('/account');
    const newEmail = `changed.${Date.now()}@example.org`;
    await page.getByLabel('New email address').fill(person.user.email);
    await page.getByRole('button', { name: 'Send the confirmation link' }).click();
    await page.getByText('This is already your address').first().waitFor();
    await page.getByLabel('New email address').fill(newEmail);
    await page.getByRole('button', { name: 'Send the confirmation link' }).click();
    await page
      .getByRole('status')
      .getByText(`A link is on its way to ${newEmail}. Until you follow it, your account keeps ${person.user.email}.`)
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.reload();
    await page.getByText(`Waiting for confirmation from ${newEmail}`).waitFor();

    await page.goto(await linkIn(newEmail, 'email_change', 'verify-email'));
    await page.getByText(`Thank you: your account now uses ${newEmail}.`).waitFor();
    await page.goto('/account');
    await page.getByText(newEmail, { exact: true }).first().waitFor();
    const { rows } = await ctx.db.pool.query(
      "select 1 from mail_messages where lower(to_address) = lower($1) and kind = 'email_changed'",
      [person.user.email],
    );
    expect(rows).toHaveLength(1);
  });
});
