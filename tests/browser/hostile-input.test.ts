import { describe, expect, it } from 'vitest';
import { allowConsoleErrors, setupBrowserTest, submitRegistration } from '../helpers/browser.js';

/**
 * The server's 400 for text it cannot store reaches the person as a message next to the field,
 * not a blank page or a generic failure, and what they typed stays.
 */

const { openPage } = await setupBrowserTest({ demo: true });
const SPACE = '/spaces/rt-1-1';
const NUL = '\u0000';

describe('forms that post text', () => {
  it('registration names the field holding a NUL; the composer names the body left blank once NULs are dropped', async () => {
    const page = await openPage();
    allowConsoleErrors(page, /status of 400/);

    await submitRegistration(page, SPACE, {
      email: `nul.${Date.now()}@example.org`,
      displayName: `Grace${NUL} Ochieng`,
    });
    // The server's message sits next to the field it names.
    await page.getByText('Contains a NUL character (U+0000)').waitFor();
    expect(await page.getByLabel('Full name').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('Full name').fill('Grace Ochieng');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(`**${SPACE}`);

    // A body of NULs only passes the client's "not blank" check; the server drops them and
    // answers 400 naming body. The composer shows it under the text box and keeps the text.
    await page.getByRole('button', { name: 'Answer question 2' }).click();
    const box = page.getByRole('textbox', { name: 'Your comment' });
    await box.fill(`${NUL}${NUL}${NUL}`);
    const answer = page.waitForResponse(
      (r) => r.request().method() === 'POST' && r.url().endsWith('/api/spaces/rt-1-1/comments'),
    );
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    // The server refused it (not the client's own blank check, whose words are the same).
    const refused = await answer;
    expect(refused.status()).toBe(400);
    expect((await refused.json()).error.details.fields).toContainEqual({
      field: 'body',
      message: 'Write something before sending',
    });
    await page.getByText('Write something before sending').waitFor();
    expect(await box.getAttribute('aria-invalid')).toBe('true');
    expect(await box.inputValue()).toBe(`${NUL}${NUL}${NUL}`);
  });
});
