import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { BROWSER_WAIT_MS, allowConsoleErrors, seriousViolations, setupBrowserTest } from '../helpers/browser.js';
import { makeUser } from '../helpers/factories.js';

/**
 * The account page's "Your data" in a real browser: the JSON download holds the person's
 * profile; a wrong password is refused in words on the field; the right one deletes the account
 * and signs out. Axe-checked; in French the section speaks French.
 */
const { ctx, pageFor } = await setupBrowserTest();

describe('Your data on the account page', () => {
  it('downloads the JSON and deletes the account after the password', async () => {
    const person = await makeUser(ctx, { displayName: 'Dana Datasubject' });
    const page = await pageFor(person);
    // The wrong password's 400 is the browser's console line for a refused request, not a fault.
    allowConsoleErrors(page, /status of 400 .*\/api\/me\/deletion/);
    await page.goto('/account');
    await page.getByRole('heading', { level: 2, name: 'Your data' }).waitFor({ timeout: BROWSER_WAIT_MS });
    expect(await seriousViolations(page)).toEqual([]);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download your data (JSON)' }).click(),
    ]);
    const path = await download.path();
    const data = JSON.parse(await readFile(path, 'utf8'));
    expect(data.profile).toMatchObject({ email: person.user.email, displayName: 'Dana Datasubject' });

    const password = page.getByLabel('Your password, to confirm');
    await password.fill('not the password');
    await page.getByRole('button', { name: 'Delete my account' }).click();
    await page.getByText('The password is not correct.').waitFor({ timeout: BROWSER_WAIT_MS });
    expect(await seriousViolations(page)).toEqual([]);
    expect((await person.client.get('/api/auth/me')).body.user).not.toBeNull();

    // Once the account is gone, what the page still fetches for the signed-in person answers 401.
    allowConsoleErrors(page, /status of 401/);
    await password.fill('correct horse battery staple');
    await page.getByRole('button', { name: 'Delete my account' }).click();
    await expect
      .poll(async () => (await person.client.get('/api/auth/me')).body.user, { timeout: BROWSER_WAIT_MS })
      .toBeNull();
    await expect
      .poll(() => page.getByRole('heading', { level: 2, name: 'Your data' }).count(), { timeout: BROWSER_WAIT_MS })
      .toBe(0);
  });

  it('speaks French', async () => {
    const person = await makeUser(ctx);
    const page = await pageFor(person, 'fr');
    await page.goto('/account');
    await page.getByRole('heading', { level: 2, name: 'Vos données' }).waitFor({ timeout: BROWSER_WAIT_MS });
    await page.getByRole('link', { name: 'Télécharger vos données (JSON)' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
