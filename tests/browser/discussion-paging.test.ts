import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BROWSER_WAIT_MS, setupBrowserTest } from '../helpers/browser.js';
import { grantRole, insertComment, makeSpace, makeUser } from '../helpers/factories.js';

/**
 * A space of 2,000 published comments over 10 questions, written in bulk SQL: the page renders a
 * few pages of them, not all; "Show more", the question fold, the order, long threads, permalinks,
 * copy link and a live approval, on one app.
 *
 * Q1: 2 comments. Q2: 222, the first with 5 replies. Q3–Q9: 222 each. Q10: 220. 2,003 in all.
 */
const { ctx, baseURL, openContext } = await setupBrowserTest();
const { space, questions } = await makeSpace(ctx, { questionCount: 10, title: 'Paging roundtable' });
const SPACE = `/spaces/${space.slug}`;
const authors = await Promise.all(
  ['Ana', 'Bo', 'Chen', 'Dara', 'Eli'].map((n) => makeUser(ctx, { displayName: `${n} Writer` })),
);
const moderator = await makeUser(ctx, { displayName: 'Mia Moderator' });
await grantRole(ctx, space.id, moderator.user.id, 'moderator');

const q = (n: number) => {
  const found = questions[n - 1];
  if (!found) throw new Error(`no question ${n}`);
  return found;
};
const perQuestion = (n: number) => (n === 1 ? 2 : n === 10 ? 220 : 222);
const authorIds = sql.raw(`array[${authors.map((a) => `'${a.user.id}'::uuid`).join(',')}]`);
const base = Date.now() - 10 * 86_400_000;
for (let n = 1; n <= 10; n++) {
  // One second apart, in order: "Q<n> #<i>" is the i-th oldest of its question.
  await ctx.db.db.execute(sql`
    insert into comments (space_id, question_id, author_id, client_id, body_md, body_html, language, status, created_at, decided_at)
    select ${space.id}::uuid, ${q(n).id}::uuid, (${authorIds})[1 + i % 5], gen_random_uuid(),
      'Comment Q' || ${n}::int || ' #' || i, '<p>Comment Q' || ${n}::int || ' #' || i || '</p>', 'en', 'approved',
      to_timestamp(${base / 1000}::double precision + ${n}::int * 10000 + i), to_timestamp(${base / 1000}::double precision + ${n}::int * 10000 + i)
    from generate_series(1, ${perQuestion(n)}::int) i`);
}
// A long thread at the start of Q2: its first comment gets 5 replies, just after it.
const [q2first] = (
  await ctx.db.db.execute<{ id: string }>(
    sql`select id from comments where question_id = ${q(2).id}::uuid order by created_at limit 1`,
  )
).rows;
for (let r = 1; r <= 5; r++) {
  await ctx.db.db.execute(sql`
    insert into comments (space_id, question_id, parent_id, author_id, client_id, body_md, body_html, language, status, created_at, decided_at)
    values (${space.id}::uuid, ${q(2).id}::uuid, ${q2first?.id}::uuid, ${authors[r % 5]?.user.id}::uuid, gen_random_uuid(),
      ${`Reply ${r}`}, ${`<p>Reply ${r}</p>`}, 'en', 'approved',
      to_timestamp(${base / 1000 + 2 * 10000 + 1 + r / 10}::double precision), to_timestamp(${base / 1000 + 2 * 10000 + 1}::double precision))`);
}
const total = await ctx.db.db.execute<{ n: number }>(
  sql`select count(*)::int as n from comments where space_id = ${space.id}::uuid and status = 'approved'`,
);
const idOf = async (body: string) => {
  const rows = await ctx.db.db.execute<{ id: string }>(
    sql`select id from comments where space_id = ${space.id}::uuid and body_md = ${body}`,
  );
  const id = rows.rows[0]?.id;
  if (!id) throw new Error(`no comment ${body}`);
  return id;
};

/** Polls as long as the browser helpers wait for an element. */
const poll = <T>(fn: () => Promise<T>) => expect.poll(fn, { timeout: BROWSER_WAIT_MS });

const section = (page: Page, n: number) => page.locator('section.question', { has: page.locator(`#q-${q(n).id}`) });
const articles = (page: Page, n: number) => section(page, n).locator('article.comment');

async function openSpace(hash = '') {
  const context = await openContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  const page = await context.newPage();
  await page.goto(`${SPACE}${hash}`);
  return page;
}

describe('a discussion of 2,000 comments, a page at a time', () => {
  it('renders the first pages of the first questions only: at most 3,000 DOM nodes', async () => {
    expect(total.rows[0]?.n).toBe(2003);
    const page = await openSpace();
    // Q1 (2), Q2, Q3 and Q4 (a page of 20 each) are open; the rest start folded, with their count.
    // Each open question reads its own first page: they arrive in any order.
    await poll(() => articles(page, 4).count()).toBe(20);
    await poll(() => articles(page, 1).count()).toBe(2);
    await poll(() => articles(page, 3).count()).toBe(20);
    for (const n of [5, 6, 10]) {
      expect(await articles(page, n).count()).toBe(0);
      await section(page, n).getByText('222 comments').or(section(page, n).getByText('220 comments')).waitFor();
      expect(
        await section(page, n)
          .getByRole('button', { name: `Show the comments — Question ${n}` })
          .getAttribute('aria-expanded'),
      ).toBe('false');
    }
    const nodes = await page.evaluate(() => document.querySelectorAll('*').length);
    console.log(`discussion-paging: ${nodes} DOM nodes at first render of 2,003 comments`);
    expect(nodes).toBeLessThanOrEqual(3000);
    expect(nodes).toBeGreaterThan(500);
  });

  it('"Show more" adds the next page; a question folds and unfolds; newest first reverses the order', async () => {
    const page = await openSpace();
    await poll(() => articles(page, 3).count()).toBe(20);
    const first = articles(page, 3).first();
    await first.getByText('Comment Q3 #1', { exact: true }).waitFor();
    await section(page, 3)
      .getByRole('button', { name: /Show more comments/ })
      .click();
    await poll(() => articles(page, 3).count()).toBe(40);
    await articles(page, 3).nth(39).getByText('Comment Q3 #40', { exact: true }).waitFor();
    // Focus moved to the first of the new page.
    expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Comment Q3 #21');

    // Question 5 is folded: opening it reads its first page; folding it again hides them.
    const toggle = section(page, 5).locator('button.question-toggle');
    await toggle.click();
    await poll(() => articles(page, 5).count()).toBe(20);
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await poll(() => articles(page, 5).count()).toBe(0);

    // Newest first.
    await section(page, 3).getByLabel('Order').selectOption('newest');
    await articles(page, 3).first().getByText('Comment Q3 #222', { exact: true }).waitFor();
    await poll(() => articles(page, 3).count()).toBe(20);
    await articles(page, 3).nth(19).getByText('Comment Q3 #203', { exact: true }).waitFor();
    await section(page, 3)
      .getByRole('button', { name: /Show more comments/ })
      .click();
    await articles(page, 3).nth(20).getByText('Comment Q3 #202', { exact: true }).waitFor();
  });

  it('folds a long thread after three replies', async () => {
    const page = await openSpace();
    const thread = section(page, 2).locator('li.thread-item', {
      has: page.getByText('Comment Q2 #1', { exact: true }),
    });
    await thread.getByText('Reply 3', { exact: true }).waitFor();
    expect(await thread.getByText('Reply 4', { exact: true }).count()).toBe(0);
    await thread.getByRole('button', { name: /Show 2 more replies/ }).click();
    await thread.getByText('Reply 5', { exact: true }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Reply 4');
  });

  it('a permalink to a comment far down (a folded question, page 8) opens it, scrolled to and focused', async () => {
    const id = await idOf('Comment Q7 #150');
    const page = await openSpace(`#comment-${id}`);
    const target = page.locator(`#comment-${id}`);
    await target.waitFor();
    await poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`comment-${id}`);
    const inView = await target.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.bottom > 0 && r.top < window.innerHeight;
    });
    expect(inView).toBe(true);
    // The list starts at it, and says so; the whole list is one click away.
    await section(page, 7).getByText('Shown from the linked comment.').waitFor();
    await section(page, 7).getByRole('button', { name: 'Show the discussion from the start' }).click();
    await articles(page, 7).first().getByText('Comment Q7 #1', { exact: true }).waitFor();
  });

  it('each comment\'s date links to it, and "Copy link" puts its address on the clipboard', async () => {
    const page = await openSpace();
    const id = await idOf('Comment Q1 #2');
    const article = page.locator(`#comment-${id}`);
    expect(await article.locator('a.comment-permalink').getAttribute('href')).toBe(`#comment-${id}`);
    await article.getByRole('button', { name: /^Copy link/ }).click();
    await article.getByText('Link copied').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}${SPACE}#comment-${id}`);
    // Following the date link focuses the comment.
    await article.locator('a.comment-permalink').click();
    await poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`comment-${id}`);
  });

  it('the API: order=newest pages backwards; from= starts at a readable comment only', async () => {
    const anon = ctx.client();
    const list = `/api/spaces/${space.slug}/comments?questionId=${q(3).id}&limit=2`;
    const html = (res: { body: { comments: { bodyHtml: string }[] } }) => res.body.comments.map((c) => c.bodyHtml);
    const newest = await anon.get(`${list}&order=newest`);
    expect(newest.status).toBe(200);
    expect(html(newest)).toEqual(['<p>Comment Q3 #222</p>', '<p>Comment Q3 #221</p>']);
    const next = await anon.get(`${list}&order=newest&cursor=${newest.body.nextCursor}`);
    expect(html(next)).toEqual(['<p>Comment Q3 #220</p>', '<p>Comment Q3 #219</p>']);
    const from = await anon.get(`${list}&from=${await idOf('Comment Q3 #100')}`);
    expect(html(from)).toEqual(['<p>Comment Q3 #100</p>', '<p>Comment Q3 #101</p>']);
    // A pending comment cannot be used to learn where it sits: nothing, for anyone but its author.
    const pending = await insertComment(ctx, {
      spaceId: space.id,
      authorId: authors[1]?.user.id ?? '',
      questionId: q(3).id,
      status: 'pending',
      body: 'Not yet decided.',
    });
    const hidden = await anon.get(`/api/spaces/${space.slug}/comments?limit=5&from=${pending.id}`);
    expect(hidden.status).toBe(200);
    expect(hidden.body.comments).toEqual([]);
    const own = await authors[1]?.client.get(`/api/spaces/${space.slug}/comments?limit=1&from=${pending.id}`);
    expect(own?.body.comments[0]?.id).toBe(pending.id);
    const bad = await anon.get(`${list}&from=nope`);
    expect(bad.status).toBe(400);
  });

  it("a comment approved live appears without replacing the other comments' DOM nodes", async () => {
    const page = await openSpace();
    await poll(() => articles(page, 1).count()).toBe(2);
    await poll(() => articles(page, 3).count()).toBe(20);
    // Mark every rendered comment's node.
    const marked = await page.evaluate(() => {
      const all = [...document.querySelectorAll<HTMLElement>('article.comment')];
      for (const el of all) (el as unknown as { __mark: number }).__mark = 1;
      return all.map((el) => el.id);
    });
    const pending = await insertComment(ctx, {
      spaceId: space.id,
      authorId: authors[0]?.user.id ?? '',
      questionId: q(1).id,
      status: 'pending',
      body: 'A late comment, approved while the page is open.',
    });
    const res = await moderator.client.post(`/api/comments/${pending.id}/decision`, { action: 'approve', version: 1 });
    expect(res.status).toBe(200);
    await page.getByRole('button', { name: /1 new comment/ }).click();
    await page.locator(`#comment-${pending.id}`).getByText('A late comment, approved').waitFor();
    expect(await articles(page, 1).count()).toBe(3);
    const kept = await page.evaluate(
      (ids) =>
        ids.filter((id) => (document.getElementById(id) as unknown as { __mark?: number } | null)?.__mark === 1).length,
      marked,
    );
    expect(kept).toBe(marked.length);
  });
});
