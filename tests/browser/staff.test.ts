import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { contestedComment, grantRole, insertComment, makeSpace, makeUser } from '../helpers/factories.js';
import {
  allowConsoleErrors,
  screenshot,
  seriousViolations,
  setupBrowserTest,
  signInWithForm,
} from '../helpers/browser.js';

const { ctx, account, openPage, pageFor } = await setupBrowserTest({ demo: true });

/** Presses Tab until the focused element's accessible text matches, as a keyboard user would. */
async function tabTo(page: Page, name: RegExp, max = 15) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const label = await page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | null;
      const labelled = el?.labels?.[0]?.textContent ?? '';
      return `${el?.getAttribute('aria-label') ?? ''} ${labelled} ${el?.textContent ?? ''}`.trim();
    });
    if (name.test(label)) return;
  }
  throw new Error(`could not reach ${name} with Tab`);
}

const statuses = async (spaceId: string) =>
  (
    await ctx.db.pool.query<{ body_md: string; status: string; reason: string | null }>(
      'select body_md, status, reason from comments where space_id = $1 order by created_at',
      [spaceId],
    )
  ).rows;

describe('moderators', () => {
  it('work a queue of ten with the keyboard alone while a reader receives the approvals live', async () => {
    const { space, questions } = await makeSpace(ctx, { moderationMode: 'pre' });
    const [mod, author] = await Promise.all([makeUser(ctx, { displayName: 'Keyboard Mod' }), makeUser(ctx)]);
    await grantRole(ctx, space.id, mod.user.id, 'moderator');
    for (let i = 1; i <= 10; i++) {
      await insertComment(ctx, {
        spaceId: space.id,
        authorId: author.user.id,
        questionId: questions[0]?.id,
        body: `Contribution number ${i} on skills recognition.`,
        createdAt: new Date(Date.now() - (20 - i) * 60_000),
      });
    }
    const reader = await openPage();
    await reader.goto(`/spaces/${space.slug}`);
    await reader.getByRole('heading', { level: 1 }).waitFor();

    const page = await pageFor(mod);
    await page.goto(`/spaces/${space.slug}/moderation`);
    await page.locator('article[data-comment-id]').nth(9).waitFor();
    await expect.poll(() => page.locator('article[data-comment-id]').count()).toBe(10);
    // The navigation says how many wait, too.
    const nav = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Moderation/ });
    await expect.poll(() => nav.innerText()).toMatch(/10/);

    // Approve the first three (j moves, a approves), then undo the third (u).
    await page.keyboard.press('j');
    await page.keyboard.press('a');
    await page.keyboard.press('j');
    await page.keyboard.press('a');
    await page.keyboard.press('j');
    await page.keyboard.press('a');
    await page.keyboard.press('u');
    // Reject the next one with a reason: r, Space chooses the focused reason, then a message.
    await page.keyboard.press('j');
    await page.keyboard.press('r');
    await page.keyboard.press('Space');
    await tabTo(page, /Message to the author/);
    await page.keyboard.type('Please say which country this practice comes from.');
    await tabTo(page, /^Reject$/);
    await page.keyboard.press('Enter');

    // Decisions are sent once their undo window closes.
    await expect
      .poll(async () => (await statuses(space.id)).filter((c) => c.status !== 'pending').length, { timeout: 20_000 })
      .toBe(3);
    const rows = await statuses(space.id);
    expect(rows.filter((c) => c.status === 'approved')).toHaveLength(2);
    const rejected = rows.filter((c) => c.status === 'rejected');
    expect(rejected).toHaveLength(1);
    expect(rejected[0]?.reason).toContain('Please say which country');
    expect(await page.locator('article[data-comment-id]').count()).toBe(7);
    await expect.poll(() => nav.textContent(), { timeout: 10_000 }).toContain('7 awaiting moderation');

    // The reader was told about the two approvals without reloading.
    await reader.getByRole('button', { name: /2 new comments — show/ }).click();
    for (const c of rows.filter((r) => r.status === 'approved')) await reader.getByText(c.body_md).waitFor();
    expect(await reader.getByText(rejected[0]?.body_md ?? 'x').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'moderation-queue');
  }, 60_000); // waits out three undo windows

  it('when two decide the same item, the second is told who won', async () => {
    const {
      space,
      moderators: [first, second],
      comment,
    } = await contestedComment(ctx, {
      moderators: ['Fast Moderator', 'Slow Moderator'],
      body: 'Contested contribution.',
    });
    const page = await pageFor(second);
    // The slow moderator's page does not hear live events: it must learn from the 409.
    await page.routeWebSocket('**/api/live', (ws) => ws.close());
    // The losing decision is answered 409, which the browser logs; the page explains it.
    allowConsoleErrors(page, /status of 409 \(Conflict\).*\/decision\)$/);
    await page.goto(`/spaces/${space.slug}/moderation`);
    const item = page.locator(`article[data-comment-id="${comment.id}"]`);
    await item.waitFor();
    const won = await first.client.post(`/api/comments/${comment.id}/decision`, {
      action: 'approve',
      version: comment.version,
    });
    expect(won.status).toBe(200);
    await item.getByRole('button', { name: 'Approve', exact: true }).click();
    await page
      .getByText(/Already approved by Fast Moderator/)
      .first()
      .waitFor({ timeout: 20_000 });
    await expect.poll(() => item.count()).toBe(0);
    const { rows } = await ctx.db.pool.query(
      "select count(*)::int as n from moderation_events where comment_id = $1 and action = 'approve'",
      [comment.id],
    );
    expect(rows[0].n).toBe(1);
  });
});

describe('administrators', () => {
  it('create a space with three questions, appoint a moderator and open it', async () => {
    const admin = account('admin');
    const page = await openPage();
    await signInWithForm(page, admin);
    await page.goto('/admin/spaces/new');
    await page.getByLabel('Code').fill('RT 9.9');
    await page.getByLabel('Title').fill('Browser-made roundtable');
    await page.getByLabel('Address').fill('rt-9-9');
    await page.getByLabel('Background', { exact: true }).fill('Why this roundtable exists.\n\nA second paragraph.');
    await page.getByRole('button', { name: 'Create space' }).click();
    await page.waitForURL('**/admin/spaces/rt-9-9');
    // The editor reloads the new space before its question form is ready.
    await page.waitForLoadState('networkidle');
    await page.getByLabel('New guiding question').waitFor();
    const field = page.getByLabel('New guiding question');
    const list = page.getByRole('grid', { name: 'Guiding questions' });
    for (const [i, text] of ['First question?', 'Second question?', 'Third question?'].entries()) {
      await field.fill(text);
      // Wait for the save itself (its answer), then for the field the success clears.
      const saved = page.waitForResponse(
        (r) => r.request().method() === 'POST' && r.url().endsWith('/api/spaces/rt-9-9/questions'),
      );
      await page.getByRole('button', { name: 'Add question' }).click();
      expect((await saved).status()).toBe(201);
      await expect.poll(() => field.inputValue()).toBe('');
      await expect.poll(() => list.getByRole('row').count()).toBe(i + 1);
    }
    const moderator = account('moderator');
    await page.getByLabel('Email', { exact: true }).fill(moderator.email);
    await page.getByLabel('Role').selectOption('moderator');
    await page.getByRole('button', { name: 'Appoint' }).click();
    await page.getByText(`${moderator.email} is now Moderator.`).waitFor();
    await page.getByLabel('Status').selectOption('open');
    await page.getByRole('button', { name: 'Save changes' }).first().click();
    await expect
      .poll(async () => (await ctx.db.pool.query("select status from spaces where slug = 'rt-9-9'")).rows[0]?.status)
      .toBe('open');
    const questions = await ctx.db.pool.query(
      "select position, text from questions where space_id = (select id from spaces where slug = 'rt-9-9') order by position",
    );
    expect(questions.rows.map((q) => q.text)).toEqual(['First question?', 'Second question?', 'Third question?']);
    const roles = await ctx.db.pool.query(
      `select u.email from space_roles r join users u on u.id = r.user_id
       where r.space_id = (select id from spaces where slug = 'rt-9-9') and r.role = 'moderator'`,
    );
    expect(roles.rows.map((r) => r.email)).toEqual([moderator.email]);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'admin-space-editor');
    await page.goto('/admin');
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });
});

describe('the add-question form', () => {
  it('keeps text typed while the previous question was being saved', async () => {
    const { space } = await makeSpace(ctx, { questionCount: 0 });
    const admin = account('admin');
    const page = await openPage();
    await signInWithForm(page, admin);
    // Hold the first save until the next question has been typed.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(`**/api/spaces/${space.slug}/questions`, async (route) => {
      if (route.request().method() === 'POST') await held;
      await route.continue();
    });
    await page.goto(`/admin/spaces/${space.slug}`);
    const field = page.getByLabel('New guiding question');
    await field.fill('First question?');
    const saved = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/questions'));
    await page.getByRole('button', { name: 'Add question' }).click();
    await page.getByRole('button', { name: 'Saving…' }).waitFor();
    await field.fill('Second question, typed meanwhile?');
    release();
    expect((await saved).status()).toBe(201);
    await page.getByRole('grid', { name: 'Guiding questions' }).getByText('First question?').waitFor();
    await page.getByRole('button', { name: 'Add question' }).waitFor();
    expect(await field.inputValue()).toBe('Second question, typed meanwhile?');
    // The addition is announced, and focus stays in the field being typed in (issue 15, item 17).
    await page.locator('.questions-editor [role="status"]').getByText('Question 1 added: First question?').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('new-question');
  });
});

describe('chairs', () => {
  it('highlight two comments and the dashboard counts match the data', async () => {
    const chair = account('chair');
    const page = await openPage();
    await signInWithForm(page, chair);
    const before = (
      await ctx.db.pool.query(
        "select count(*)::int as n from comments c join spaces s on s.id = c.space_id where s.slug = 'rt-1-1' and c.highlighted and c.status = 'approved'",
      )
    ).rows[0].n as number;
    await page.goto('/spaces/rt-1-1/dashboard');
    await page.getByRole('heading', { level: 1 }).waitFor();
    const toggles = page.getByRole('button', { name: 'Relevant for the note', pressed: false });
    // The dashboard's comment list loads after its heading.
    await toggles.nth(1).waitFor();
    await toggles.first().click();
    await expect
      .poll(() => page.getByRole('button', { name: 'Relevant for the note', pressed: true }).count())
      .toBe(before + 1);
    await page.getByRole('button', { name: 'Relevant for the note', pressed: false }).first().click();
    await expect
      .poll(
        async () =>
          (
            await ctx.db.pool.query(
              "select count(*)::int as n from comments c join spaces s on s.id = c.space_id where s.slug = 'rt-1-1' and c.highlighted",
            )
          ).rows[0].n,
      )
      .toBe(before + 2);

    // The category table shows what the database holds.
    const counts = await ctx.db.pool.query(
      `select u.stakeholder_category as category, count(*)::int as n
       from comments c join users u on u.id = c.author_id join spaces s on s.id = c.space_id
       where s.slug = 'rt-1-1' and c.status = 'approved' group by 1`,
    );
    await page.reload();
    const table = page.getByRole('table', { name: /By stakeholder category/ });
    await table.waitFor();
    const text = await table.innerText();
    for (const row of counts.rows) expect(text).toContain(String(row.n));
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'dashboard');
  });
});

describe('staff pages in three languages', () => {
  for (const locale of ['en', 'fr', 'es'] as const) {
    it(`have no serious or critical accessibility violation, in ${locale}`, async () => {
      const admin = account('admin');
      const page = await openPage(locale);
      await signInWithForm(page, admin);
      for (const [name, path] of [
        ['queue', '/moderation'],
        ['log', '/spaces/rt-1-1/moderation/log'],
        ['dashboard', '/spaces/rt-1-1/dashboard'],
        ['admin', '/admin'],
        ['admin-space', '/admin/spaces/rt-1-1'],
        ['users', '/admin/users'],
      ] as const) {
        await page.goto(path);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        await page.waitForLoadState('networkidle');
        await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(locale);
        expect(await seriousViolations(page), `${name} (${locale})`).toEqual([]);
        await screenshot(page, `staff-${name}-${locale}`);
      }
    }, 60_000); // six pages, each checked by axe
  }
});
