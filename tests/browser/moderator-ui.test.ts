import { mkdir } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { contestedComment, grantRole, insertComment, makeSpace, makeUser } from '../helpers/factories.js';
import { addSessionCookies, allowConsoleErrors, seriousViolations, setupBrowserTest } from '../helpers/browser.js';

const { ctx, baseURL, pageFor } = await setupBrowserTest();

/** Screenshots of the queue to look at by eye, at a desktop's and a phone's size. */
const SHOTS = '/tmp/ui-moderator';
async function shoot(page: Page, name: string, show?: Locator) {
  await mkdir(SHOTS, { recursive: true });
  const size = page.viewportSize();
  for (const [w, h] of [
    [1280, 900],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    if (show) await show.evaluate((e) => e.scrollIntoView({ block: 'start' }));
    // Let the layout settle at the new width before the picture.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.screenshot({ path: `${SHOTS}/${name}-${w}.png`, fullPage: false });
  }
  if (size) await page.setViewportSize(size);
}

const longBody = (i: number) =>
  `Contribution ${i}: ${'Skills recognition for returning migrants needs common standards across the region. '.repeat(8)}`;

describe('the queue counts (issue 15, item 14)', () => {
  it('gives every tab its count and says that the navigation badge counts every space', async () => {
    const here = await makeSpace(ctx, { moderationMode: 'pre', code: 'RT 7.1' });
    const there = await makeSpace(ctx, { moderationMode: 'pre', code: 'RT 7.2' });
    const [mod, author] = await Promise.all([makeUser(ctx, { displayName: 'Counting Mod' }), makeUser(ctx)]);
    for (const s of [here, there]) await grantRole(ctx, s.space.id, mod.user.id, 'moderator');
    const base = { authorId: author.user.id, questionId: here.questions[0]?.id };
    await insertComment(ctx, { ...base, spaceId: here.space.id, body: 'Waiting here.' });
    await insertComment(ctx, { ...base, spaceId: here.space.id, status: 'approved', body: 'Approved one.' });
    await insertComment(ctx, { ...base, spaceId: here.space.id, status: 'approved', body: 'Approved two.' });
    await insertComment(ctx, { ...base, spaceId: here.space.id, status: 'rejected', body: 'Rejected one.' });
    for (let i = 0; i < 4; i++) {
      await insertComment(ctx, { authorId: author.user.id, spaceId: there.space.id, body: `Waiting there ${i}.` });
    }

    const page = await pageFor(mod);
    await page.goto(`/spaces/${here.space.slug}/moderation`);
    await page.locator('article[data-comment-id]').first().waitFor();
    const tab = (name: string) => page.getByRole('tab', { name: new RegExp(`^${name}`) });
    await expect.poll(() => tab('Pending').innerText()).toMatch(/Pending\s*1$/);
    expect(await tab('Reported').innerText()).toMatch(/Reported\s*0$/);
    expect(await tab('Rejected').innerText()).toMatch(/Rejected\s*1$/);
    // The approved tab had no count.
    expect(await tab('Approved').innerText()).toMatch(/Approved\s*2$/);

    // The badge beside "Moderation" reads 5 beside a queue of 1: its label says what it counts.
    const nav = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Moderation/ });
    await expect.poll(() => nav.innerText()).toMatch(/5/);
    expect(await nav.textContent()).toContain('5 awaiting moderation in all your spaces');
    expect(await nav.locator('.nav-badge').getAttribute('title')).toBe('5 awaiting moderation in all your spaces');
    // And the page says it in words, linking to the queue that shows all five.
    const all = page.getByRole('link', { name: /5 pending in all your spaces/ });
    await all.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'queue-normal');

    // The approved tab lists as many as it counts.
    await tab('Approved').click();
    await expect.poll(() => page.locator('article[data-comment-id]').count()).toBe(2);

    // In the queue of all spaces, the page counts what the badge counts.
    await all.click();
    await page.waitForURL('**/moderation');
    await expect.poll(() => tab('Pending').innerText()).toMatch(/Pending\s*5$/);
    expect(await tab('Approved').innerText()).toMatch(/Approved\s*2$/);
    expect(
      await page
        .getByRole('main')
        .getByRole('link', { name: /in all your spaces/ })
        .count(),
    ).toBe(0);
  });
});

describe('the compact view (issue 15, item 13)', () => {
  it('shows one line per item, opens the focused one, keeps j/k/a/u working and is remembered per moderator', async () => {
    const { space, questions } = await makeSpace(ctx, { moderationMode: 'pre' });
    const [mod, other, author] = await Promise.all([
      makeUser(ctx, { displayName: 'Compact Mod' }),
      makeUser(ctx, { displayName: 'Full View Mod' }),
      makeUser(ctx, { displayName: 'Amara Diallo' }),
    ]);
    for (const m of [mod, other]) await grantRole(ctx, space.id, m.user.id, 'moderator');
    for (let i = 1; i <= 6; i++) {
      await insertComment(ctx, {
        spaceId: space.id,
        authorId: author.user.id,
        questionId: questions[0]?.id,
        body: longBody(i),
        createdAt: new Date(Date.now() - (20 - i) * 60_000),
      });
    }
    const page = await pageFor(mod);
    await page.goto(`/spaces/${space.slug}/moderation`);
    const items = page.locator('article[data-comment-id]');
    await expect.poll(() => items.count()).toBe(6);
    const heights = () => items.evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().height)));
    // Full cards, each tall with its long text.
    for (const h of await heights()) expect(h).toBeGreaterThan(200);

    const toggle = page.getByRole('button', { name: 'Compact view' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    // One line each: every item fits in a row, and its words are there to scan.
    await expect.poll(() => page.locator('article[data-collapsed]').count()).toBe(6);
    for (const h of await heights()) expect(h).toBeLessThan(60);
    await page.getByText(/^Contribution 3: Skills recognition/).waitFor();
    expect(await page.getByRole('button', { name: 'Approve', exact: true }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'queue-compact');

    // j opens the first item (focused, full card with its buttons); j again moves on and closes it.
    await page.keyboard.press('j');
    const first = items.nth(0);
    const second = items.nth(1);
    await expect.poll(() => first.getAttribute('data-collapsed')).toBeNull();
    expect(await first.evaluate((e) => e === document.activeElement)).toBe(true);
    await first.getByRole('button', { name: 'Approve', exact: true }).waitFor();
    expect((await heights())[0]).toBeGreaterThan(200);
    await page.keyboard.press('j');
    await expect.poll(() => second.getAttribute('data-collapsed')).toBeNull();
    await expect.poll(() => first.getAttribute('data-collapsed')).toBe('');
    expect(await second.evaluate((e) => e === document.activeElement)).toBe(true);
    await page.keyboard.press('k');
    await expect.poll(() => first.getAttribute('data-collapsed')).toBeNull();
    await page.keyboard.press('j');
    await shoot(page, 'queue-compact-open', second);

    // a approves the focused (second) item, u brings it back, x selects it.
    const secondId = await second.getAttribute('data-comment-id');
    await page.keyboard.press('a');
    await expect.poll(() => items.count()).toBe(5);
    await page.locator('.toast', { hasText: 'Approved: comment by Amara Diallo.' }).waitFor();
    await page.keyboard.press('u');
    await expect.poll(() => items.count()).toBe(6);
    const back = page.locator(`article[data-comment-id="${secondId}"]`);
    await expect.poll(() => back.evaluate((e) => e === document.activeElement)).toBe(true);
    await page.keyboard.press('x');
    await page.getByText('1 item selected').waitFor();
    expect(await back.getByRole('checkbox').isChecked()).toBe(true);
    // Tab reaches each line too (the rows are in the tab order in this view).
    await page.keyboard.press('x');

    // Remembered: a reload keeps the compact view for this moderator...
    await page.reload();
    await expect.poll(() => page.locator('article[data-collapsed]').count()).toBe(6);
    expect(await page.getByRole('button', { name: 'Compact view' }).getAttribute('aria-pressed')).toBe('true');
    // ...but another moderator signing in on the same browser has their own choice.
    await page.context().clearCookies();
    await addSessionCookies(page.context(), baseURL, other);
    await page.reload();
    await expect.poll(() => items.count()).toBe(6);
    expect(await page.getByRole('button', { name: 'Compact view' }).getAttribute('aria-pressed')).toBe('false');
    expect(await page.locator('article[data-collapsed]').count()).toBe(0);
    // And in the full view the keys still work.
    await page.keyboard.press('j');
    await expect.poll(() => items.nth(0).evaluate((e) => e === document.activeElement)).toBe(true);
    await page.keyboard.press('j');
    await expect.poll(() => items.nth(1).evaluate((e) => e === document.activeElement)).toBe(true);
  });
});

describe('a decision made while another moderator writes (issue 15, item 12)', () => {
  it('keeps the writer’s card and text, says who decided and when, and lets them report it', async () => {
    const {
      space,
      questions,
      moderators: [fast, writer],
      author,
      comment: contested,
    } = await contestedComment(ctx, {
      moderators: ['Mod A', 'Mod B'],
      author: { displayName: 'Jonas Berg' },
      body: 'Contested contribution about remittance fees.',
      createdAt: new Date(Date.now() - 10 * 60_000),
    });
    await insertComment(ctx, {
      spaceId: space.id,
      authorId: author.user.id,
      questionId: questions[0]?.id,
      body: 'Another contribution, still waiting.',
    });

    // Two moderators, two browsers, the same queue.
    const a = await pageFor(fast);
    const b = await pageFor(writer);
    for (const p of [a, b]) {
      await p.goto(`/spaces/${space.slug}/moderation`);
      await p.locator('article[data-comment-id]').nth(1).waitFor();
    }
    // B starts a rejection: r opens the reasons, Space picks one, then B writes a message.
    const typed = 'This repeats the remittance point made in the previous contribution.';
    await b.keyboard.press('j');
    await b.keyboard.press('r');
    await b.keyboard.press('Space');
    const message = b.locator(`#item-${contested.id}-reject-message`);
    await message.fill(typed);
    await message.focus();

    // Meanwhile A approves it (sent once A's undo window closes).
    await a
      .locator(`article[data-comment-id="${contested.id}"]`)
      .getByRole('button', { name: 'Approve', exact: true })
      .click();
    await expect
      .poll(
        async () =>
          (await ctx.db.pool.query('select status from comments where id = $1', [contested.id])).rows[0]?.status,
        { timeout: 15_000 },
      )
      .toBe('approved');

    // B's card stays, with B's words, and says what happened, when (Intl time), by whom.
    const kept = b.locator(`article[data-interrupted][data-comment-id="${contested.id}"]`);
    await kept.waitFor();
    const notice = await kept.locator('.interrupted-notice').innerText();
    expect(notice).toMatch(/^Approved by Mod A at \d{1,2}:\d{2}\s?[AP]M while you were writing\./);
    const decidedAt = (await ctx.db.pool.query('select decided_at from comments where id = $1', [contested.id])).rows[0]
      .decided_at as Date;
    // The live event arrives a moment after the decision: its minute, or the next one.
    const expected = await b.evaluate(
      (ms) => [0, 5_000].map((d) => new Intl.DateTimeFormat('en', { timeStyle: 'short' }).format(new Date(ms + d))),
      decidedAt.getTime(),
    );
    expect(expected.some((time) => notice.includes(` at ${time} `))).toBe(true);
    expect(await kept.getByLabel('Your text (not sent)').inputValue()).toBe(typed);
    // B was typing: the caret is still in B's text, so the next keys do not go astray.
    await expect.poll(() => b.evaluate(() => document.activeElement?.id)).toBe(`kept-${contested.id}-text`);
    await b.keyboard.type(' See above.');
    expect(await kept.getByLabel('Your text (not sent)').inputValue()).toBe(`${typed} See above.`);
    expect(await kept.getByText('Reason you chose: Off-topic').count()).toBe(1);
    // No "already approved" toast on top of the card, and the other item is untouched.
    expect(await b.locator('.toast').count()).toBe(0);
    expect(await b.locator('article[data-comment-id]').count()).toBe(2);
    expect(await seriousViolations(b)).toEqual([]);
    await shoot(b, 'queue-decided-while-writing', kept);

    // B acts on what is left: reports the published comment with the text written.
    await kept.getByRole('button', { name: 'Report it with your text' }).click();
    await kept.getByText('Reported: it is now in the Reported tab, with your text.').waitFor();
    const reports = await ctx.db.pool.query('select reporter_id, reason from reports where comment_id = $1', [
      contested.id,
    ]);
    expect(reports.rows).toEqual([{ reporter_id: writer.user.id, reason: `${typed} See above.` }]);
    await expect.poll(() => b.getByRole('tab', { name: /^Reported/ }).innerText()).toMatch(/1$/);
    await kept.getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => kept.count()).toBe(0);
    expect(await b.locator('article[data-comment-id]').count()).toBe(1);
    // A's page only saw its own decision.
    expect(await a.locator('article[data-interrupted]').count()).toBe(0);
  }, 40_000); // waits out A's undo window

  it('learns it from a refused decision too, in French, and can take the comment down with the reason', async () => {
    const {
      space,
      moderators: [fast, writer],
      comment: contested,
    } = await contestedComment(ctx, { moderators: ['Mod A', 'Mod B'], body: 'Texte contesté.', language: 'fr' });
    const b = await pageFor(writer, 'fr');
    // B hears no live events: only the 409 answer to B's rejection tells who decided.
    await b.routeWebSocket('**/api/live', (ws) => ws.close());
    allowConsoleErrors(b, /status of 409 \(Conflict\).*\/decision\)$/);
    await b.goto(`/spaces/${space.slug}/moderation`);
    const card = b.locator(`article[data-comment-id="${contested.id}"]`);
    await card.waitFor();
    await b.keyboard.press('j');
    await b.keyboard.press('r');
    await b.keyboard.press('Space');
    const typed = 'Merci de préciser le pays concerné.';
    await b.locator(`#item-${contested.id}-reject-message`).fill(typed);
    expect(
      (
        await fast.client.post(`/api/comments/${contested.id}/decision`, {
          action: 'approve',
          version: contested.version,
        })
      ).status,
    ).toBe(200);
    await card.getByRole('button', { name: 'Rejeter', exact: true }).click();

    const kept = b.locator(`article[data-interrupted][data-comment-id="${contested.id}"]`);
    await kept.waitFor({ timeout: 15_000 });
    const notice = await kept.locator('.interrupted-notice').innerText();
    expect(notice).toMatch(/^Approuvé par Mod A à \d{2}:\d{2} pendant que vous écriviez\./);
    expect(await kept.getByLabel('Votre texte (non envoyé)').inputValue()).toBe(typed);
    expect(await b.locator('.toast').count()).toBe(0);
    expect(await seriousViolations(b)).toEqual([]);

    // B takes it down with the reason written (held for the undo window, then sent); an undo
    // brings the card back with the text, as any held decision.
    await kept.getByRole('button', { name: 'Le retirer avec votre motif' }).click();
    await expect.poll(() => kept.count()).toBe(0);
    await b.locator('.toast').getByRole('button', { name: 'Annuler' }).click();
    await kept.waitFor();
    expect(await kept.getByLabel('Votre texte (non envoyé)').inputValue()).toBe(typed);
    await kept.getByRole('button', { name: 'Le retirer avec votre motif' }).click();
    await expect
      .poll(
        async () =>
          (await ctx.db.pool.query('select status, reason from comments where id = $1', [contested.id])).rows[0],
        { timeout: 15_000 },
      )
      .toEqual({ status: 'rejected', reason: `Hors sujet. ${typed}` });
    // Once sent, the card has done its work.
    await expect.poll(() => kept.count()).toBe(0);
  }, 40_000);
});

describe('reports and staff-only notes in the queue (issue 15, items 2 and 15)', () => {
  it('shows each report’s category and note, takes notes on the comment and its author, and lists them in the log', async () => {
    const { space, questions } = await makeSpace(ctx, { moderationMode: 'pre' });
    const [mod, author, reporter] = await Promise.all([
      makeUser(ctx, { displayName: 'Noting Mod' }),
      makeUser(ctx, { displayName: 'Sam Speaker' }),
      makeUser(ctx, { displayName: 'Rita Reporter' }),
    ]);
    await grantRole(ctx, space.id, mod.user.id, 'moderator');
    const comment = await insertComment(ctx, {
      spaceId: space.id,
      authorId: author.user.id,
      questionId: questions[0]?.id,
      status: 'approved',
      body: 'Call me on +41 22 000 00 00 for the details.',
    });
    const report = await reporter.client.post(`/api/comments/${comment.id}/reports`, {
      category: 'personal_data',
      note: 'A private phone number.',
    });
    expect(report.status).toBe(201);

    const page = await pageFor(mod);
    await page.goto(`/spaces/${space.slug}/moderation?tab=reported`);
    const card = page.locator(`article[data-comment-id="${comment.id}"]`);
    await card.waitFor();
    const reports = card.getByRole('region', { name: '1 report' });
    await reports.getByText('Personal data', { exact: true }).waitFor();
    await reports.getByText('A private phone number.').waitFor();

    // A note on the comment.
    await card.getByRole('button', { name: 'Add a note on this comment' }).click();
    const commentNote = card.getByRole('textbox', { name: 'Add a note on this comment' });
    await commentNote.fill('Asked the author to remove the number.');
    await card.getByRole('button', { name: 'Save the note' }).click();
    await card.getByText('Asked the author to remove the number.').waitFor();
    // A note on the author, in this space.
    await card.getByRole('button', { name: 'Add a note on Sam Speaker' }).click();
    await card.getByRole('textbox', { name: 'Add a note on Sam Speaker' }).fill('Speaks for a diaspora network.');
    await card.getByRole('button', { name: 'Save the note' }).click();
    await card.getByText('Speaks for a diaspora network.').waitFor();
    const notes = card.getByRole('region', { name: 'Staff notes' });
    expect(await notes.innerText()).toContain('Noting Mod');
    expect(await notes.innerText()).toContain('Staff only');
    expect(await seriousViolations(page)).toEqual([]);
    await mkdir('/tmp/ui-reports', { recursive: true });
    for (const [w, h] of [
      [1280, 900],
      [390, 844],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await reports.evaluate((e) => e.scrollIntoView({ block: 'start' }));
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      await page.screenshot({ path: `/tmp/ui-reports/queue-notes-${w}.png` });
    }
    await page.setViewportSize({ width: 1280, height: 900 });

    // The moderation log lists them, with who wrote them.
    await page.goto(`/spaces/${space.slug}/moderation/log`);
    const logNotes = page.getByRole('region', { name: /Staff notes/ });
    await logNotes.getByText('Asked the author to remove the number.').waitFor();
    await logNotes.getByText('Speaks for a diaspora network.').waitFor();
    await logNotes.getByText('On Sam Speaker').waitFor();
    // The report's category in words, not its code.
    const reportRow = page.getByRole('row', { name: /Reported/ });
    expect(await reportRow.innerText()).toContain('Personal data A private phone number.');
    expect(await reportRow.innerText()).not.toContain('personal_data');
    expect(await seriousViolations(page)).toEqual([]);
    await logNotes.evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: '/tmp/ui-reports/log-notes-1280.png' });

    // The discussion, as the reporter sees it: nothing of the notes.
    const other = await pageFor(reporter);
    await other.goto(`/spaces/${space.slug}`);
    await other.getByText('Call me on').waitFor();
    const text = await other.locator('body').innerText();
    expect(text).not.toContain('Asked the author');
    expect(text).not.toContain('diaspora network');
    await other.context().close();
    await page.context().close();
  });
});
