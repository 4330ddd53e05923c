import { describe, expect, it } from 'vitest';
import { makeAdmin, makeUser } from '../helpers/factories.js';
import { BROWSER_WAIT_MS, screenshot, seriousViolations, setupBrowserTest } from '../helpers/browser.js';
import { DEMO_SPACES } from '../../server/src/seed/content.js';

/**
 * Multilingual spaces in the browser, on the demo content: a visitor reads RT 1.1 in French, then
 * in Arabic (title and questions translated, the background in its English original with a note
 * saying so); an administrator fills a missing translation side by side; the composer selects
 * the language of what is typed, not the interface's, and keeps a language chosen by hand.
 */
const { ctx, openPage, pageFor } = await setupBrowserTest({ demo: true });

const SPACE = '/spaces/rt-1-1';
const rt11 = DEMO_SPACES.flatMap((s) => [s, ...s.children]).find((s) => s.slug === 'rt-1-1');
if (!rt11?.translations?.fr?.title || !rt11.translations.ar?.title) throw new Error('RT 1.1 demo translations missing');
const FR_TITLE = rt11.translations.fr.title;
const AR_TITLE = rt11.translations.ar.title;
const question = (n: number, lang: 'fr' | 'ar') => rt11.questions[n - 1]?.translations?.[lang] ?? '';

describe('reading a space in the interface language', () => {
  it('a visitor switches to French, then to Arabic with the fallback note for the background', async () => {
    const page = await openPage('en');
    await page.goto(SPACE);
    const h1 = page.getByRole('heading', { level: 1 });
    await h1.getByText(rt11.title).waitFor();
    await expect.poll(() => page.locator('.space-title').getAttribute('lang')).toBe('en');
    // English page, English space: no note.
    expect(await page.locator('.original-note').count()).toBe(0);

    await page.locator('.language-switcher select').selectOption('fr');
    await h1.getByText(FR_TITLE).waitFor({ timeout: BROWSER_WAIT_MS });
    expect(await page.locator('.space-title').getAttribute('lang')).toBe('fr');
    const firstQuestion = page.locator('.question-text').first();
    expect(await firstQuestion.textContent()).toBe(question(1, 'fr'));
    expect(await firstQuestion.getAttribute('lang')).toBe('fr');
    expect(await firstQuestion.getAttribute('dir')).toBe('auto');
    // French is translated throughout: the background too, with no note.
    expect(await page.locator('.space-background .prose').getAttribute('lang')).toBe('fr');
    expect(await page.locator('.space-background .original-note').count()).toBe(0);

    await page.locator('.language-switcher select').selectOption('ar');
    await h1.getByText(AR_TITLE).waitFor({ timeout: BROWSER_WAIT_MS });
    expect(await page.locator('.space-title').getAttribute('lang')).toBe('ar');
    expect(await page.locator('.question-text').nth(1).textContent()).toBe(question(2, 'ar'));
    // The background has no Arabic: the English original, marked as such and saying so.
    const background = page.locator('.space-background');
    expect(await background.locator('.prose').getAttribute('lang')).toBe('en');
    expect(await background.locator('.original-note').getAttribute('data-original-lang')).toBe('en');
    expect(await background.locator('.original-note').textContent()).toMatch(/\S/);
    // No question falls back, so no question carries a note.
    expect(await page.locator('.question .original-note').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'space-languages-ar');
  });
});

describe('editing translations side by side', () => {
  it('an administrator with a French interface fills a missing Arabic summary; an Arabic reader gets it', async () => {
    const admin = await makeAdmin(ctx);
    // French interface: the page reads the space in French, the forms still edit the English original.
    const page = await pageFor(admin, 'fr');
    await page.goto('/admin/spaces/rt-1-1');
    const editor = page.locator('section.translations-editor');
    await editor.getByLabel('Traduire en').selectOption('ar');
    const summary = editor.locator('#tr-ar-summary');
    // The original beside it, and the mark while it is missing.
    await editor.getByText(rt11.summary).waitFor();
    await expect.poll(() => editor.locator('#tr-ar-summary-missing').textContent()).toBe('Traduction manquante');
    expect(await editor.locator('#tr-ar-title').inputValue()).toBe(AR_TITLE);
    expect(await editor.locator('#tr-ar-title-missing').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'space-languages-editor');

    const arabic = 'كيف يمكن الاعتراف بمهارات المهاجرين ومدخراتهم وشبكاتهم وتسخيرها للتنمية؟';
    await summary.fill(arabic);
    expect(await editor.locator('#tr-ar-summary-missing').count()).toBe(0);
    await editor.getByRole('button', { name: 'Enregistrer les traductions' }).click();
    await editor.getByText('Traductions enregistrées.').waitFor({ timeout: BROWSER_WAIT_MS });
    await expect
      .poll(
        async () =>
          (await ctx.db.pool.query("select translations->'ar'->>'summary' as s from spaces where slug = 'rt-1-1'"))
            .rows[0]?.s,
      )
      .toBe(arabic);
    // The settings and questions forms show the English original, not the page's French.
    expect(await page.locator('#space-summary').inputValue()).toBe(rt11.summary);
    expect(await page.locator('#space-title').inputValue()).toBe(rt11.title);
    await page
      .locator('.questions-editor')
      .getByText(rt11.questions[0]?.text ?? '-')
      .waitFor();

    const reader = await openPage('ar');
    await reader.goto(SPACE);
    const lead = reader.locator('.space-header .lead');
    await lead.getByText(arabic).waitFor();
    expect(await lead.getAttribute('lang')).toBe('ar');
  });
});

describe('the composer’s language', () => {
  it('selects English for a French-interface user typing English, and keeps a language chosen by hand', async () => {
    const user = await makeUser(ctx, { displayName: 'Lena Langue' });
    const page = await pageFor(user, 'fr');
    await page.goto(SPACE);
    await page.getByRole('button', { name: 'Répondre à la question 1', exact: true }).click();
    const form = page.locator('form.composer');
    const language = form.locator('select').first();
    await form.locator('textarea').waitFor();
    // Nothing typed yet: the interface language.
    expect(await language.inputValue()).toBe('fr');
    await form
      .locator('textarea')
      .fill('Recognition of foreign qualifications remains the main obstacle for nurses and engineers.');
    await expect.poll(() => language.inputValue(), { timeout: BROWSER_WAIT_MS }).toBe('en');
    const row = form.locator('[data-detected-language]');
    expect(await row.getAttribute('data-detected-language')).toBe('en');
    const hint = await language.getAttribute('aria-describedby');
    expect(hint && (await page.locator(`[id="${hint}"]`).textContent())).toMatch(/\S/);

    // Chosen by hand: the guess never overrides it, whatever is typed next.
    await language.selectOption('es');
    await form
      .locator('textarea')
      .fill('La reconnaissance des diplômes étrangers reste le principal obstacle pour les infirmières.');
    await form.locator('[data-detected-language="fr"]').waitFor({ timeout: BROWSER_WAIT_MS });
    expect(await language.inputValue()).toBe('es');
    expect(await language.getAttribute('aria-describedby')).toBeNull();
  });
});
