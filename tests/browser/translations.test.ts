import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { grantRole, insertComment, makeSpace, makeUser } from '../helpers/factories.js';
import { BROWSER_WAIT_MS, screenshot, seriousViolations, setupBrowserTest } from '../helpers/browser.js';

/** A moderator adds a translation from the discussion; a reader switches to it and back. */
const { ctx, openPage, pageFor } = await setupBrowserTest();

const ORIGINAL = 'Las remesas deberían costar menos del tres por ciento.';
const TRANSLATION = 'Remittances should cost less than three per cent.';
/** Its markdown, which the staff's form must give back as written (not the rendered text). */
const TRANSLATION_MD = 'Remittances should cost **less** than three per cent.';

/** A space whose staff member (`role`, named `name`) faces one published Spanish contribution by Alma Autora. */
async function spanishContribution(role: 'moderator' | 'chair', name: string, code?: string) {
  const { space, questions } = await makeSpace(ctx, { moderationMode: 'pre', ...(code ? { code } : {}) });
  const [staff, author] = await Promise.all([
    makeUser(ctx, { displayName: name }),
    makeUser(ctx, { displayName: 'Alma Autora' }),
  ]);
  await grantRole(ctx, space.id, staff.user.id, role);
  const comment = await insertComment(ctx, {
    spaceId: space.id,
    authorId: author.user.id,
    questionId: questions[0]?.id,
    status: 'approved',
    language: 'es',
    body: ORIGINAL,
  });
  return { space, staff, comment };
}

describe('translations in the discussion', () => {
  it('a moderator translates a contribution; a reader switches to the translation and back', async () => {
    const { space, staff: mod, comment: c } = await spanishContribution('moderator', 'Trans Moderator');

    const page = await pageFor(mod);
    await page.goto(`/spaces/${space.slug}`);
    const article = page.locator(`#comment-${c.id}`);
    await article.getByText(ORIGINAL).waitFor();
    await article.getByRole('button', { name: 'Translate Alma Autora’s contribution' }).click();
    const into = article.getByLabel('Translate into');
    // Focus goes to the first field; English first (the contribution's own Spanish is not offered).
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('SELECT');
    expect(await into.locator('option').allTextContents()).toEqual(['English', 'French']);
    await article.getByLabel('Translation (markdown)').fill(TRANSLATION_MD);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'translation-editor');
    await article.getByRole('button', { name: 'Save translation' }).click();
    await article.getByText('Translation available:').waitFor({ timeout: BROWSER_WAIT_MS });
    await expect
      .poll(
        async () =>
          (
            await ctx.db.pool.query('select body_md, translator_id from comment_translations where comment_id = $1', [
              c.id,
            ])
          ).rows,
      )
      .toEqual([{ body_md: TRANSLATION_MD, translator_id: mod.user.id }]);
    // Focus returns to the Translate button.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`translate-${c.id}`);

    // A reader in French: "Traduction disponible : English", then the label and "Afficher l'original".
    const readerPage = await openPage('fr');
    await readerPage.goto(`/spaces/${space.slug}`);
    const seen = readerPage.locator(`#comment-${c.id}`);
    await seen.getByText(ORIGINAL).waitFor();
    await seen.getByText('Traduction disponible :').waitFor();
    expect(await seen.getByRole('button', { name: 'Translate' }).count()).toBe(0);
    expect(await seen.getByRole('button', { name: 'Traduire' }).count()).toBe(0);
    await seen.getByRole('button', { name: 'English' }).click();
    await seen.getByText(TRANSLATION).waitFor();
    expect(await seen.getByText(ORIGINAL).count()).toBe(0);
    expect(await seen.locator('.comment-body').getAttribute('lang')).toBe('en');
    await seen.getByText(/^Original en espagnol, traduit par Trans Moderator le /).waitFor();
    await expect.poll(() => readerPage.evaluate(() => document.activeElement?.textContent)).toBe('Afficher l’original');
    expect(await seriousViolations(readerPage)).toEqual([]);
    await screenshot(readerPage, 'translation-shown');

    await seen.getByRole('button', { name: 'Afficher l’original' }).click();
    await seen.getByText(ORIGINAL).waitFor();
    expect(await seen.getByText(TRANSLATION).count()).toBe(0);
    expect(await seen.locator('.comment-body').getAttribute('lang')).toBe('es');
    await expect.poll(() => readerPage.evaluate(() => document.activeElement?.textContent)).toBe('English');

    // The moderator deletes it: the reader's page loses the offer live.
    await article.getByRole('button', { name: 'Translate Alma Autora’s contribution' }).click();
    // By now the moderator's page has had the live public copy (no markdown): the form refetches it.
    await expect.poll(() => article.getByLabel('Translation (markdown)').inputValue()).toBe(TRANSLATION_MD);
    await article.getByRole('button', { name: 'Delete translation' }).click();
    await expect.poll(() => seen.getByText('Traduction disponible :').count(), { timeout: BROWSER_WAIT_MS }).toBe(0);
    await readerPage.context().close();
    await page.context().close();
  });

  it('the export dialog offers the contributions in a chosen language, the original kept', async () => {
    const { space, staff: chair, comment: c } = await spanishContribution('chair', 'Chloé Chair', 'RT 7');
    expect(
      (await chair.client.put(`/api/comments/${c.id}/translations/fr`, { body: 'TRADUCTION-DIALOGUE.' })).status,
    ).toBe(201);
    const page = await pageFor(chair);
    await page.goto(`/spaces/${space.slug}/dashboard`);
    const dialog = page.getByTestId('space-exports');
    await dialog.getByLabel('Translations', { exact: true }).selectOption('fr');
    expect(await seriousViolations(page)).toEqual([]);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('link', { name: /^Markdown/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^RT-7-all-translated-fr-\d{4}-\d{2}-\d{2}\.md$/);
    const text = await readFile((await download.path()) ?? '', 'utf8');
    expect(text).toMatch(
      // A French translation makes a French export: its fixed text is French too.
      /\*Traduit de l’original \(espagnol\) par Chloé Chair, le [^*]+\*\n\nTRADUCTION-DIALOGUE\.\n\n\*Original \(espagnol\)\*/,
    );
    await page.context().close();
  });
});
