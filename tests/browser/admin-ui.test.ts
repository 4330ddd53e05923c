import { mkdir } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { grantRole, insertComment, makeAdmin, makeSpace, makeUser } from '../helpers/factories.js';
import { BROWSER_WAIT_MS, allowConsoleErrors, seriousViolations, setupBrowserTest } from '../helpers/browser.js';

/**
 * What administrators and chairs hit in the administration pages (issue 15, items 16–19): a
 * roundtable opened under a draft session, focus after "Add question", duplicating a space for
 * the next roundtable, and the participation-over-time chart.
 */
const { ctx, pageFor } = await setupBrowserTest();
const admin = await makeAdmin(ctx);

const SHOTS = '/tmp/ui-admin';
await mkdir(SHOTS, { recursive: true });

/**
 * Full-page screenshots at 1280×900 and 390×844 (and of `detail`, the part that changed, to look
 * at closely), each size checked by axe too; back to 1280 after.
 */
async function shoot(page: Page, name: string, detail?: Locator): Promise<void> {
  for (const [width, height] of [
    [390, 844],
    [1280, 900],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
    // Charts follow a new viewport when their ResizeObserver fires, some frames later: wait for the
    // page to settle at this width (bounded), then nothing may make it scroll sideways.
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth), { timeout: BROWSER_WAIT_MS })
      .toBe(width)
      .catch(() => undefined);
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        // Inside a scrolling box (a wide table), it scrolls there, not the page.
        .filter((el) => {
          for (let p = el.parentElement; p; p = p.parentElement)
            if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(p).overflowX)) return false;
          return true;
        })
        .slice(0, 5)
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
    );
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} at ${width}: ${wide}`).toBe(width);
    expect(await seriousViolations(page), `${name} at ${width}`).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
    if (detail) await detail.screenshot({ path: `${SHOTS}/${name}-${width}-detail.png` });
  }
}

const statusOf = async (id: string) =>
  (await ctx.db.pool.query<{ status: string }>('select status from spaces where id = $1', [id])).rows[0]?.status;

describe('a roundtable opened under a session still in draft (item 16)', () => {
  it('is warned about in the form, refused without the session, and opens with it when asked', async () => {
    const { space: session } = await makeSpace(ctx, {
      status: 'draft',
      code: 'RT 7',
      title: 'Session seven',
      questionCount: 0,
    });
    const { space: rt } = await makeSpace(ctx, { status: 'draft', parentId: session.id, code: 'RT 7.1' });
    const page = await pageFor(admin);
    await page.goto(`/admin/spaces/${rt.slug}`);
    const status = page.getByLabel('Status', { exact: true });
    await status.waitFor();
    await page.waitForLoadState('networkidle');
    await expect.poll(() => page.getByText(/is still a draft/).count()).toBe(0);

    await status.selectOption('open');
    const warning = page.locator('#space-session-warning');
    await warning.waitFor();
    expect(await warning.innerText()).toMatch(/The session RT 7 — Session seven is still a draft\. Until it is open/);
    await shoot(page, 'session-draft-warning', page.locator('form.space-form'));

    // Saving without opening the session: the form says why, next to the Status field.
    await page.getByRole('button', { name: 'Save changes' }).first().click();
    await expect.poll(() => status.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await status.getAttribute('aria-describedby')) ?? '';
    const error = await page.locator(`#${describedBy.split(' ').find((id) => id.endsWith('-error'))}`).innerText();
    expect(error).toMatch(/The session RT 7 \(“Session seven”\) is still a draft/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('space-status');
    expect(await statusOf(rt.id)).toBe('draft');

    // Opening the session in the same save: the session first, then the roundtable.
    const requests: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'PATCH') requests.push(new URL(r.url()).pathname);
    });
    await page.getByLabel('Also open the session RT 7 when saving').check();
    await page.getByRole('button', { name: 'Save changes' }).first().click();
    await page.getByText('Changes saved. The session RT 7 is open too.').waitFor();
    expect(requests).toEqual([`/api/spaces/${session.slug}`, `/api/spaces/${rt.slug}`]);
    expect([await statusOf(session.id), await statusOf(rt.id)]).toEqual(['open', 'open']);
    // The warning is gone, and visitors find the roundtable under its session.
    await expect.poll(() => warning.count()).toBe(0);
    const list = (await ctx.client().get('/api/spaces')).body.spaces;
    expect(list.find((s: { slug: string }) => s.slug === session.slug)?.children.map((c: any) => c.slug)).toEqual([
      rt.slug,
    ]);
    await shoot(page, 'session-opened-too', page.locator('form.space-form .form-row').last());
  });

  it('shows the server’s refusal next to Status when the session went back to draft meanwhile', async () => {
    const { space: session } = await makeSpace(ctx, { code: 'RT 8', title: 'Session eight', questionCount: 0 });
    const { space: rt } = await makeSpace(ctx, { status: 'draft', parentId: session.id });
    const page = await pageFor(admin, 'fr');
    allowConsoleErrors(page, /status of 409 \(Conflict\)/);
    await page.goto(`/admin/spaces/${rt.slug}`);
    const status = page.getByLabel('Statut', { exact: true });
    await status.waitFor();
    await page.waitForLoadState('networkidle');
    // Someone else puts the session back to draft; this page still believes it open.
    await ctx.db.pool.query("update spaces set status = 'draft' where id = $1", [session.id]);
    await status.selectOption('open');
    const saved = page.waitForResponse((r) => r.request().method() === 'PATCH');
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).first().click();
    expect((await saved).status()).toBe(409);
    await expect.poll(() => status.getAttribute('aria-invalid')).toBe('true');
    await page.getByText(/La session RT 8 \(« Session eight »\) est encore un brouillon/).waitFor();
    expect(await statusOf(rt.id)).toBe('draft');
  });
});

describe('adding a guiding question (item 17)', () => {
  it('moves focus to the new question and announces it', async () => {
    const { space } = await makeSpace(ctx, { questionCount: 1 });
    const page = await pageFor(admin);
    await page.goto(`/admin/spaces/${space.slug}`);
    const field = page.getByLabel('New guiding question');
    await field.fill('How do remittances reach rural areas?');
    const saved = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/questions'));
    // From the keyboard, as a screen-reader user would: Tab to the button, Enter.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Add question');
    await page.keyboard.press('Enter');
    expect((await saved).status()).toBe(201);
    const { rows } = await ctx.db.pool.query<{ id: string }>(
      "select id from questions where space_id = $1 and position = 2 and text = 'How do remittances reach rural areas?'",
      [space.id],
    );
    const id = rows[0]?.id;
    expect(id).toBeTruthy();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-question-id') ?? null))
      .toBe(id);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain(
      'How do remittances reach rural areas?',
    );
    const live = page.locator('.questions-editor [role="status"]');
    await expect.poll(() => live.innerText()).toBe('Question 2 added: How do remittances reach rural areas?');
    expect(await field.inputValue()).toBe('');
    // The row shows it has the focus; from it the keyboard reaches its buttons at once.
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-focus-visible'))).toBe(true);
    await shoot(page, 'question-added', page.locator('.questions-editor'));
  });
  // Focus staying in the field while the next question is typed: tests/browser/staff.test.ts.
});

describe('duplicating a space for the next roundtable (item 18)', () => {
  it('copies settings, background and questions, roles when ticked, into a draft the editor opens', async () => {
    const { space: session } = await makeSpace(ctx, { code: 'RT 4', title: 'Session four', questionCount: 0 });
    const { space: source } = await makeSpace(ctx, {
      parentId: session.id,
      code: 'RT 4.1',
      title: 'Skills and recognition',
      moderationMode: 'post',
      summary: 'How skills travel.',
      backgroundMd: 'Why **skills** matter.',
      questionCount: 3,
    });
    await makeSpace(ctx, { code: 'RT 4.3', questionCount: 0 });
    const mod = await makeUser(ctx, { displayName: 'Copied Moderator' });
    await grantRole(ctx, source.id, mod.user.id, 'moderator');
    const page = await pageFor(admin);
    allowConsoleErrors(page, /status of 409 \(Conflict\).*\/duplicate\)$/);
    await page.goto(`/admin/spaces/${source.slug}`);
    const section = page.getByRole('region', { name: 'Start the next roundtable from this one' });
    await section.waitFor();
    // The next code is suggested, and the address follows it.
    const code = section.getByLabel('Code of the new space');
    await expect.poll(() => code.inputValue()).toBe('RT 4.2');
    expect(await section.getByLabel('Address').inputValue()).toBe('rt-4-2');
    await section.getByText(/with its settings, background and 3 guiding questions/).waitFor();

    // A code already taken is refused next to its field.
    await code.fill('RT 4.3');
    await section.getByLabel('Title of the new space').fill('Diaspora investment');
    await section.getByLabel('Address').fill('rt-4-2-next');
    await section.getByRole('button', { name: 'Create the copy' }).click();
    await section.getByText('Another space already has this code. Choose another.').waitFor();
    expect(await code.getAttribute('aria-invalid')).toBe('true');
    await shoot(page, 'duplicate-form', section);

    // Once the code is changed, the error no longer stands next to it.
    await code.fill('RT 4.2');
    await expect.poll(() => code.getAttribute('aria-invalid')).toBe(null);
    await section.getByLabel(/Also appoint this space's 1 moderator or chair to the copy/).check();
    await section.getByRole('button', { name: 'Create the copy' }).click();
    await page.waitForURL('**/admin/spaces/rt-4-2-next');
    await page.getByText('Copied from RT 4.1 as a draft, with 3 guiding questions.').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Edit RT 4.2' }).waitFor();
    await page.getByRole('grid', { name: 'Guiding questions, in order' }).getByRole('row').nth(2).waitFor();

    const { rows } = await ctx.db.pool.query(
      `select id, status, parent_id, moderation_mode, summary, background_md from spaces where slug = 'rt-4-2-next'`,
    );
    expect(rows[0]).toMatchObject({
      status: 'draft',
      parent_id: session.id,
      moderation_mode: 'post',
      summary: 'How skills travel.',
      background_md: 'Why **skills** matter.',
    });
    const questions = await ctx.db.pool.query('select text from questions where space_id = $1 order by position', [
      rows[0].id,
    ]);
    expect(questions.rows.map((q) => q.text)).toEqual([
      `Question 1 of ${source.code}?`,
      `Question 2 of ${source.code}?`,
      `Question 3 of ${source.code}?`,
    ]);
    const roles = await ctx.db.pool.query('select user_id, role from space_roles where space_id = $1', [rows[0].id]);
    expect(roles.rows).toEqual([{ user_id: mod.user.id, role: 'moderator' }]);
    await page.getByRole('cell', { name: 'Copied Moderator' }).first().waitFor();
    await shoot(page, 'duplicate-done', page.locator('.admin-page > .notice').first());
  });
});

describe('participation over time (item 19)', () => {
  it('draws one bar per day, an empty slot for a quiet day, with the summary and table kept', async () => {
    const { space } = await makeSpace(ctx, { questionCount: 1 });
    const author = await makeUser(ctx);
    const today = new Date(`${new Date().toISOString().slice(0, 10)}T01:00:00Z`).getTime();
    const perDay = [2, 0, 3, 0, 1, 1];
    for (const [i, count] of perDay.entries()) {
      for (let k = 0; k < count; k++) {
        await insertComment(ctx, {
          spaceId: space.id,
          authorId: author.user.id,
          status: 'approved',
          body: `Day ${i}, contribution ${k}.`,
          createdAt: new Date(today - (perDay.length - 1 - i) * 86_400_000 + k * 60_000),
        });
      }
    }
    const page = await pageFor(admin);
    await page.goto(`/spaces/${space.slug}/dashboard`);
    const section = page.locator('section[aria-labelledby="over-time-title"]');
    await section.locator('svg rect').first().waitFor();
    // Bars, not a line: one rect per day, no canvas and no path.
    expect(await section.locator('canvas').count()).toBe(0);
    expect(await section.locator('svg path, svg polyline').count()).toBe(0);
    const bars = section.locator('svg rect');
    expect(await bars.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-count'))))).toEqual(perDay);
    const heights = await bars.evaluateAll((els) => els.map((e) => Number(e.getAttribute('height'))));
    expect(heights[2]).toBeGreaterThan(heights[0] ?? 0);
    expect(heights[1]).toBe(0);
    // An image for screen readers, with the numbers in the table and a sentence.
    expect(await section.locator('svg').getAttribute('role')).toBe('img');
    expect(await section.locator('svg').getAttribute('aria-label')).toContain('The same numbers are in the table');
    expect(await section.innerText()).toMatch(
      /7 contributions over 6 days\. The busiest day was .+, with 3 contributions\./,
    );
    expect(await section.getByRole('table').locator('tbody tr').count()).toBe(6);
    await shoot(page, 'dashboard-over-time', section);
  });
});

describe('in French and Spanish', () => {
  for (const [locale, dup, warn] of [
    ['fr', 'Préparer la table ronde suivante à partir de celle-ci', 'est encore un brouillon'],
    ['es', 'Preparar la siguiente mesa redonda a partir de esta', 'todavía es un borrador'],
  ] as const) {
    it(`the warning and the duplicate form are translated (${locale})`, async () => {
      const { space: session } = await makeSpace(ctx, { status: 'draft', questionCount: 0 });
      const { space: rt } = await makeSpace(ctx, { status: 'draft', parentId: session.id });
      const page = await pageFor(admin, locale);
      await page.goto(`/admin/spaces/${rt.slug}`);
      await page.getByRole('region', { name: dup }).waitFor();
      await page.waitForLoadState('networkidle');
      await page.locator('#space-status').selectOption('open');
      await page.locator('#space-session-warning').getByText(new RegExp(warn)).waitFor();
      const text = await page.locator('main').innerText();
      // No interface key shows through untranslated.
      expect(text).not.toMatch(/\b(duplicate|space|editor|validation)\.[a-zA-Z]+/);
      expect(text).not.toMatch(/Start the next roundtable|Also open the session|Create the copy/);
      await shoot(page, `admin-space-${locale}`, page.locator('.status-consequence'));
    });
  }
});
