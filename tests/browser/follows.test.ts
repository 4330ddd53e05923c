import { describe, expect, it } from 'vitest';
import { BROWSER_WAIT_MS, seriousViolations, setupBrowserTest } from '../helpers/browser.js';
import { makeSpace, makeUser } from '../helpers/factories.js';

/** The Follow buttons on a space page and on each guiding question (toggle buttons, EN/FR). */
const { ctx, openPage, pageFor } = await setupBrowserTest();

describe('follow buttons', () => {
  it('follow the space and a question: pressed, kept after a reload, undone; axe-clean; none for guests', async () => {
    const { space, questions } = await makeSpace(ctx, { moderationMode: 'post' });
    const person = await makeUser(ctx);
    const page = await pageFor(person);
    await page.goto(`/spaces/${space.slug}`);
    const followSpace = page.getByRole('button', { name: 'Follow this space' });
    const followQ2 = page.getByRole('button', { name: 'Follow question 2' });
    await expect.poll(() => followSpace.getAttribute('aria-pressed'), { timeout: BROWSER_WAIT_MS }).toBe('false');
    await followSpace.click();
    await followQ2.click();
    await expect.poll(() => followSpace.getAttribute('aria-pressed'), { timeout: BROWSER_WAIT_MS }).toBe('true');
    await expect.poll(() => followQ2.getAttribute('aria-pressed'), { timeout: BROWSER_WAIT_MS }).toBe('true');
    expect(await seriousViolations(page)).toEqual([]);

    await page.reload();
    await expect.poll(() => followSpace.getAttribute('aria-pressed'), { timeout: BROWSER_WAIT_MS }).toBe('true');
    expect(await page.getByRole('button', { name: 'Follow question 1' }).getAttribute('aria-pressed')).toBe('false');
    const me = await person.client.get(`/api/spaces/${space.slug}`);
    expect(me.body.space.following).toBe(true);
    expect(me.body.space.questions.find((q: { id: string }) => q.id === questions[1]?.id).following).toBe(true);

    await followSpace.click();
    await expect.poll(() => followSpace.getAttribute('aria-pressed'), { timeout: BROWSER_WAIT_MS }).toBe('false');
    await expect
      .poll(async () => (await person.client.get(`/api/spaces/${space.slug}`)).body.space.following, {
        timeout: BROWSER_WAIT_MS,
      })
      .toBe(false);

    const guest = await openPage();
    await guest.goto(`/spaces/${space.slug}`);
    await guest.getByRole('heading', { level: 1 }).waitFor();
    await guest
      .getByRole('heading', { name: /Question 1/ })
      .first()
      .waitFor();
    expect(await guest.getByRole('button', { name: /Follow/ }).count()).toBe(0);

    const fr = await pageFor(person, 'fr');
    await fr.goto(`/spaces/${space.slug}`);
    await expect
      .poll(() => fr.getByRole('button', { name: 'Suivre la question 2' }).getAttribute('aria-pressed'), {
        timeout: BROWSER_WAIT_MS,
      })
      .toBe('true');
    expect(await seriousViolations(fr)).toEqual([]);
  });
});
