import { describe, expect, it } from 'vitest';
import { testConfig } from '../../server/src/config.js';
import { allowConsoleErrors, setupBrowserTest, submitRegistration } from '../helpers/browser.js';

/**
 * A person who hits the posting limit is told in words when to try again, and the text they wrote
 * stays in the composer. The limit is set low (1 comment per 10 minutes per user) for this file.
 */

const limits = testConfig().rateLimits;
const { openPage } = await setupBrowserTest({
  config: {
    rateLimits: { ...limits, comment: { ...limits.comment, user: { max: 1, windowMs: 600_000 } } },
  },
  demo: true,
});
const SPACE = '/spaces/rt-1-1';

describe('posting limit in the composer', () => {
  it('says when to try again and keeps the text of the refused comment', async () => {
    const page = await openPage();
    allowConsoleErrors(page, /status of 429/);

    await submitRegistration(page, SPACE, {
      email: `limit.${Date.now()}@example.org`,
      displayName: 'Amina Diallo',
      affiliation: 'Senegal Diaspora Network',
    });
    await page.waitForURL(`**${SPACE}`);

    const send = async (text: string) => {
      await page.getByRole('button', { name: 'Answer question 2' }).click();
      const box = page.getByRole('textbox', { name: 'Your comment' });
      await box.fill(text);
      const answer = page.waitForResponse(
        (r) => r.request().method() === 'POST' && r.url().endsWith('/api/spaces/rt-1-1/comments'),
      );
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      return { box, response: await answer };
    };

    const first = await send('Remittance costs remain far above the 3 per cent target of SDG 10.c.');
    expect(first.response.status()).toBe(201);

    const second = await send('A second thought, sent at once: matching funds for diaspora investment.');
    expect(second.response.status()).toBe(429);
    expect(second.response.headers()['retry-after']).toMatch(/^\d+$/);
    await page.getByText('You have sent a lot in a short time. Your text is kept: try again in 10 minutes.').waitFor();
    expect(await second.box.inputValue()).toBe(
      'A second thought, sent at once: matching funds for diaspora investment.',
    );
  });
});
