import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BROWSER_WAIT_MS, allowConsoleErrors, seriousViolations, setupBrowserTest } from '../helpers/browser.js';
import { type Person, makeSpace, makeUser } from '../helpers/factories.js';
import { PDF, multipartBody } from '../helpers/multipart.js';

const { ctx, account, clientAs, openPage, pageFor } = await setupBrowserTest({ demo: true });
const SLUG = 'rt-1-1';
const SPACE = `/spaces/${SLUG}`;
/** Where the screenshots go, to look at by eye (git-ignored test-artifacts/ unless told otherwise). */
const SHOTS = process.env.UI_SHOTS ?? fileURLToPath(new URL('../../test-artifacts/participant-ui', import.meta.url));
await mkdir(SHOTS, { recursive: true });

/** A demo moderator of rt-1-1, signed in through the API. */
const moderator = await clientAs(account('moderator'));

const spaceDetail = (await ctx.client().get(`/api/spaces/${SLUG}`)).body.space as {
  questions: { id: string; position: number; text: string }[];
};
const question = (n: number) => {
  const q = spaceDetail.questions.find((x) => x.position === n);
  if (!q) throw new Error(`question ${n} missing`);
  return q;
};

/** A comment by `person` on question `n` of rt-1-1, sent through the API. */
async function post(person: Person, n: number, body: string, extra: Record<string, unknown> = {}) {
  const res = await person.client.post(`/api/spaces/${SLUG}/comments`, {
    questionId: question(n).id,
    body,
    language: 'en',
    clientId: crypto.randomUUID(),
    ...extra,
  });
  expect(res.status, res.raw).toBe(201);
  return res.body.comment as { id: string; version: number };
}

async function attach(person: Person, commentId: string, filename: string, data: Buffer) {
  const up = multipartBody([{ filename, contentType: 'application/pdf', data }]);
  const res = await ctx.app.inject({
    method: 'POST',
    url: `/api/comments/${commentId}/attachments`,
    headers: { cookie: person.client.cookieHeader, origin: ctx.config.appOrigin, 'content-type': up.contentType },
    payload: up.payload,
  });
  expect(res.statusCode, res.body).toBe(201);
}

async function decide(id: string, action: 'approve' | 'reject', reason?: string) {
  const current = await moderator.get(`/api/spaces/${SLUG}/moderation/queue?status=pending&limit=200`);
  const item = current.body.items.find((i: { comment: { id: string } }) => i.comment.id === id);
  expect(item, `comment ${id} in the queue`).toBeDefined();
  const res = await moderator.post(`/api/comments/${id}/decision`, {
    action,
    version: item.comment.version,
    ...(reason ? { reason } : {}),
  });
  expect(res.status, res.raw).toBe(200);
}

/** A browser context signed in as `person` (the API session's cookie, handed to the browser). */
async function signedIn(person: Person, locale = 'en', viewport = { width: 1280, height: 900 }): Promise<Page> {
  const page = await pageFor(person, locale);
  await page.setViewportSize(viewport);
  return page;
}

/** A screenshot of the viewport (scrolled to `at`, when given) to look at by eye. */
async function shot(page: Page, name: string, at?: Locator) {
  if (at) await at.first().evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

/** The same screenshot on a desktop (the current 1280 width), then on a phone (390): `<name>-1280`, `<name>-390`. */
async function shotDesktopAndPhone(page: Page, name: string, at: Locator) {
  await shot(page, `${name}-1280`, at);
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, `${name}-390`, at);
}

const delegate = await makeUser(ctx, {
  displayName: 'Amara Delegate',
  affiliation: 'Permanent Mission of Ghana',
  stakeholderCategory: 'member_state',
  country: 'GH',
});

// The delegate's own comments, in each state the page shows differently.
const rejected = await post(delegate, 1, 'A comment that a moderator declines.');
await decide(rejected.id, 'reject', 'Please identify your organisation.');
const withFile = await post(delegate, 2, 'A comment with a file and an objective.', { tags: ['18'] });
await attach(delegate, withFile.id, 'note.pdf', PDF);
await attach(delegate, withFile.id, 'annex.pdf', Buffer.concat([PDF, Buffer.alloc(2_500, 0x20)]));
await decide(withFile.id, 'approve');
const edited = await delegate.client.patch(`/api/comments/${withFile.id}`, {
  body: 'A comment with a file and an objective, edited.',
  version: 2,
});
expect(edited.status, edited.raw).toBe(200);

/**
 * For each row (its locale first): the delegate's space page in that locale, the part `find` picks
 * waited for, then `check` on it; the page closed after.
 */
async function inEachLocale<Row extends readonly [string, ...string[]]>(
  rows: readonly Row[],
  find: (page: Page) => Locator,
  check: (page: Page, found: Locator, row: Row) => Promise<void>,
) {
  for (const row of rows) {
    const page = await signedIn(delegate, row[0]);
    await page.goto(SPACE);
    const found = find(page);
    await found.waitFor();
    await check(page, found, row);
    await page.context().close();
  }
}

describe('a delegate reads their own comments on the space page', () => {
  it('names the objectives a comment is tagged with, the full wording as its tooltip', async () => {
    await inEachLocale(
      [
        ['en', 'Skills and qualifications', 'Invest in skills development'],
        ['fr', 'Compétences et qualifications', 'Investir dans le perfectionnement des compétences'],
        ['es', 'Aptitudes y cualificaciones', 'Invertir en el desarrollo de aptitudes'],
      ] as const,
      (page) => page.locator('article', { hasText: 'A comment with a file' }).locator('.comment-tags a'),
      async (page, tag, [locale, name, full]) => {
        expect((await tag.innerText()).replace(/\s+/g, ' ')).toBe(`18 ${name}`);
        expect(await tag.getAttribute('title')).toContain(full);
        // The accessible name holds what is on screen.
        expect(await tag.getAttribute('aria-label')).toContain(name);
        if (locale === 'en') {
          await shotDesktopAndPhone(page, 'tags', tag);
          // It filters the discussion by that objective.
          await tag.click();
          await expect.poll(() => new URL(page.url()).searchParams.get('tag')).toBe('gcm-18');
          await page.getByText('Showing: Objective 18: Skills and qualifications').waitFor();
        }
      },
    );
  });

  it('gives attachment sizes in the interface language, with units and plurals', async () => {
    // note.pdf is 77 bytes, annex.pdf 2,577 bytes.
    await inEachLocale(
      [
        ['en', '(77 bytes)', '(2.5 kB)'],
        ['fr', '(77 octets)', '(2,5 ko)'],
        ['es', '(77 bytes)', '(2,5 kB)'],
      ] as const,
      (page) => page.locator('article', { hasText: 'A comment with a file' }).locator('.comment-attachments'),
      async (page, files, [locale, small, large]) => {
        const text = (await files.innerText()).replace(/[\u00a0\u202f]/g, ' ');
        expect(text).toContain(`note.pdf ${small}`);
        expect(text).toContain(`annex.pdf ${large}`);
        expect(text).not.toMatch(/\d byte\)/);
        if (locale === 'en') {
          await shotDesktopAndPhone(page, 'attachments', files);
        }
      },
    );
  });

  it('says a rejected comment will not be published (not "until a moderator approves it")', async () => {
    await inEachLocale(
      [
        ['en', 'a moderator decided not to publish it', 'until a moderator approves it'],
        ['fr', 'un modérateur a décidé de ne pas le publier', 'jusqu’à ce qu’un modérateur l’approuve'],
        ['es', 'un moderador decidió no publicarlo', 'hasta que un moderador lo apruebe'],
      ] as const,
      (page) => page.locator('article', { hasText: 'A comment that a moderator declines.' }),
      async (page, article, [locale, notPublished, stale]) => {
        const text = await article.innerText();
        expect(text).toContain(notPublished);
        expect(text).toContain('Please identify your organisation.');
        expect(text).not.toContain(stale);
        if (locale === 'en') {
          expect(text).toContain('You can edit it to send it for moderation again.');
          expect(await seriousViolations(page)).toEqual([]);
          await shotDesktopAndPhone(page, 'rejected', article);
        }
      },
    );
  });
});

describe('a space whose questions have no answers yet', () => {
  it('says "No comments yet" once per question, on one line with the way to answer', async () => {
    const { space } = await makeSpace(ctx, { questionCount: 12 });
    for (const who of ['guest', 'delegate'] as const) {
      const page = who === 'guest' ? await openPage() : await signedIn(delegate);
      await page.goto(`/spaces/${space.slug}`);
      const sections = page.locator('section.question');
      await expect.poll(() => sections.count()).toBe(12);
      await expect.poll(() => page.getByText('No comments yet').count()).toBe(12);
      await page.waitForLoadState('networkidle');
      const text = await page.locator('.discussion').innerText();
      expect(text).not.toContain('0 comments');
      expect(text.match(/No comments yet/g)).toHaveLength(12);
      // Compact: the heading and one line (question 7's text is one line at this width).
      const box = await sections.nth(6).boundingBox();
      expect(box?.height).toBeLessThan(160);
      const lead = page.locator('.question-lead').nth(6);
      const [said, answer] = [lead.locator('.question-meta'), lead.locator('.answer-slot, .sign-in-to-comment')];
      const middle = async (l: Locator) => {
        const b = await l.boundingBox();
        return b ? b.y + b.height / 2 : Number.NaN;
      };
      expect(Math.abs((await middle(said)) - (await middle(answer)))).toBeLessThan(8);
      expect(await seriousViolations(page)).toEqual([]);
      await shotDesktopAndPhone(page, `empty-questions-${who}`, sections.nth(4));
      await page.context().close();
    }
  });
});

describe('the country of a Member State delegate', () => {
  it('is required on the registration form for the category Member State, with a message at the field', async () => {
    for (const [locale, category, country, create, message] of [
      [
        'en',
        'Stakeholder category',
        'Country',
        'Create account',
        'Choose the country of the Member State you represent',
      ],
      [
        'fr',
        'Catégorie de partie prenante',
        'Pays',
        'Créer le compte',
        'Choisissez le pays de l’État membre que vous représentez',
      ],
      [
        'es',
        'Categoría de parte interesada',
        'País',
        'Crear la cuenta',
        'Elija el país del Estado Miembro que representa',
      ],
    ] as const) {
      const page = await openPage(locale);
      const email = `delegate.${locale}.${Date.now()}@example.org`;
      await page.goto(`/register?next=${encodeURIComponent(SPACE)}`);
      await page.locator('#register-email').fill(email);
      await page.locator('#register-password').fill('a long enough password');
      await page.locator('#register-display-name').fill('Kwame Mensah');
      await page.locator('#register-affiliation').fill('Permanent Mission of Ghana');
      const countryField = page.locator('#register-country');
      // Optional until the category is Member State.
      expect(await page.locator('label[for="register-country"]').innerText()).toMatch(/\(/);
      await page.getByLabel(category).selectOption('member_state');
      expect(await page.locator('label[for="register-country"]').innerText()).not.toMatch(/\(/);
      expect(await countryField.getAttribute('aria-required')).toBe('true');
      await page.getByRole('button', { name: create }).click();
      await expect.poll(() => countryField.getAttribute('aria-invalid')).toBe('true');
      const field = page.locator('.field', { has: countryField });
      expect(await field.innerText()).toContain(message);
      expect(await seriousViolations(page)).toEqual([]);
      if (locale === 'en') {
        await shotDesktopAndPhone(page, 'register-country', field);
      }
      const { rowCount } = await ctx.db.pool.query('select 1 from users where email = $1', [email]);
      expect(rowCount).toBe(0);
      await page.getByLabel(country, { exact: true }).selectOption('GH');
      await page.getByRole('button', { name: create }).click();
      await page.waitForURL(`**${SPACE}`);
      const { rows } = await ctx.db.pool.query('select country from users where email = $1', [email]);
      expect(rows[0]?.country).toBe('GH');
      await page.context().close();
    }
  });

  it('is required on the account page when the category becomes Member State', async () => {
    const ngo = await makeUser(ctx, { stakeholderCategory: 'civil_society', country: null });
    const page = await signedIn(ngo);
    await page.goto('/account');
    await page.getByLabel('Stakeholder category').selectOption('member_state');
    await page.locator('main form').getByRole('button', { name: 'Save changes' }).click();
    const countryField = page.locator('#account-country');
    await expect.poll(() => countryField.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.field', { has: countryField }).innerText()).toContain(
      'Choose the country of the Member State you represent',
    );
    const { rows } = await ctx.db.pool.query('select stakeholder_category from users where id = $1', [ngo.user.id]);
    expect(rows[0]?.stakeholder_category).toBe('civil_society');
    await page.context().close();
  });
});

describe('my contributions', () => {
  it('names the question, links to the comment itself and updates live, with no Refresh button', async () => {
    const waiting = await post(delegate, 3, 'A comment that waits for a moderator.');
    const page = await signedIn(delegate);
    await page.goto('/account/contributions');
    const item = (text: string) => page.locator('li.contribution', { hasText: text });
    await item('waits for a moderator').waitFor();
    expect(await page.getByRole('button', { name: /Refresh/ }).count()).toBe(0);

    // Each names the guiding question it answers.
    for (const [text, n] of [
      ['waits for a moderator', 3],
      ['a moderator declines', 1],
      ['with a file', 2],
    ] as const) {
      await expect
        .poll(() => item(text).locator('.contribution-question').innerText())
        .toBe(`On question ${n}: ${question(n).text}`);
    }
    await shot(page, 'mine-1280');

    // A moderator's decision shows without a reload.
    expect(await item('waits for a moderator').locator('.badge').first().innerText()).toBe('Awaiting moderation');
    await decide(waiting.id, 'approve');
    await expect.poll(() => item('waits for a moderator').locator('.badge').first().innerText()).toBe('Published');
    expect(await seriousViolations(page)).toEqual([]);

    // The link leads to the comment, which gets the focus on the space page.
    const link = item('a moderator declines').getByRole('link');
    expect(await link.getAttribute('href')).toBe(`${SPACE}#comment-${rejected.id}`);
    await link.click();
    await page.waitForURL(`**${SPACE}#comment-${rejected.id}`);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`comment-${rejected.id}`);
    const box = await page.locator(`#comment-${rejected.id}`).boundingBox();
    expect(box && box.y >= 0 && box.y < 900).toBe(true);
    await shot(page, 'mine-link-target-1280');

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/account/contributions');
    await item('waits for a moderator').locator('.contribution-question').waitFor();
    await shot(page, 'mine-390');
    await page.context().close();
  });
});

describe('the layout', () => {
  it('uses the width of a wide screen: the guiding questions stay beside the discussion', async () => {
    for (const width of [1280, 1680]) {
      const page = await signedIn(delegate, 'en', { width, height: 900 });
      await page.goto(SPACE);
      const toc = page.getByRole('navigation', { name: 'Guiding questions' });
      await toc.waitFor();
      // Read on: question 3's discussion fills the screen.
      const q4 = page.locator('section.question').nth(2);
      await q4.locator('article').first().waitFor();
      await q4.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await expect.poll(async () => (await toc.boundingBox())?.y ?? -1).toBeGreaterThanOrEqual(0);
      const [side, comment] = [await toc.boundingBox(), await q4.locator('article').first().boundingBox()];
      if (!side || !comment) throw new Error('no boxes');
      expect(side.y + side.height).toBeLessThanOrEqual(900);
      expect(side.x).toBeGreaterThanOrEqual(comment.x + comment.width);
      // Reading column and side column together span most of the screen.
      expect(side.x + side.width - comment.x).toBeGreaterThan(0.85 * width);
      expect(comment.width).toBeGreaterThan(0.55 * width);
      await shot(page, `layout-${width}`);
      await page.evaluate(() => window.scrollTo(0, 0));
      await shot(page, `layout-top-${width}`);
      await page.context().close();
    }
  });

  it('folds the navigation behind a Menu button on a phone: one header row', async () => {
    const page = await signedIn(delegate, 'en', { width: 390, height: 844 });
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    const header = await page.locator('.site-header').boundingBox();
    expect(header?.height).toBeLessThanOrEqual(72);
    const menu = page.getByRole('button', { name: 'Menu' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    const mine = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My contributions' });
    expect(await mine.isVisible()).toBe(false);
    await shot(page, 'menu-closed-390');
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await mine.waitFor();
    expect(await page.getByRole('combobox', { name: 'Language' }).isVisible()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'menu-open-390');
    // Escape closes it and gives the focus back to the button.
    await page.keyboard.press('Escape');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await menu.evaluate((el) => el === document.activeElement)).toBe(true);
    // Following a link closes it.
    await menu.click();
    await mine.click();
    await page.waitForURL('**/account/contributions');
    // The URL changes before React renders the new location: wait for the menu to follow.
    await expect.poll(() => menu.getAttribute('aria-expanded'), { timeout: BROWSER_WAIT_MS }).toBe('false');
    expect(await mine.isVisible()).toBe(false);
    await page.context().close();
  });

  it('never scrolls sideways at 360 px', async () => {
    const twelve = await makeSpace(ctx, { questionCount: 12 });
    const page = await signedIn(delegate, 'en', { width: 360, height: 800 });
    const guest = await openPage();
    await guest.setViewportSize({ width: 360, height: 800 });
    const pages: [Page, string, string, string][] = [
      [page, 'index', '/', 'h1'],
      // The delegate's own comments carry the longest badges ("Edit awaiting moderation").
      [page, 'space', SPACE, 'article .badge.warn'],
      [page, 'twelve', `/spaces/${twelve.space.slug}`, '.question-lead.is-empty'],
      [page, 'mine', '/account/contributions', 'li.contribution .status-badges'],
      [guest, 'sign-in', '/signin', 'h1'],
      [guest, 'space-guest', SPACE, 'article'],
    ];
    for (const [p, name, path, ready] of pages) {
      await p.goto(path);
      await p.locator(ready).first().waitFor();
      await p.waitForLoadState('networkidle');
      const { scrollWidth, clientWidth } = await p.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      }));
      expect(scrollWidth, `${name}: scroll width ${scrollWidth} at ${clientWidth}`).toBeLessThanOrEqual(clientWidth);
      await shot(p, `overflow-${name}-360`, name === 'space' ? p.locator(ready) : undefined);
    }
    // And with the menu open.
    await page.getByRole('button', { name: 'Menu' }).click();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.context().close();
    await guest.context().close();
  });
});

describe('reporting a comment (issue 15, item 2)', () => {
  const REPORTS = process.env.UI_REPORT_SHOTS ?? '/tmp/ui-reports';

  it('names what it reports, asks for a category and a note, confirms, and says "Reported" after a reload', async () => {
    await mkdir(REPORTS, { recursive: true });
    const reporter = await makeUser(ctx, { displayName: 'Rui Reporter', stakeholderCategory: 'civil_society' });
    const page = await signedIn(reporter);
    await page.goto(SPACE);
    const article = page.locator('article', { hasText: 'A comment with a file and an objective' });
    await article.waitFor();
    // The button says whose comment it reports (it used to read "Report to Amara Delegate").
    const button = article.getByRole('button', { name: "Report Amara Delegate's comment", exact: true });
    await button.waitFor();
    expect(await article.getByRole('button', { name: /Report to/ }).count()).toBe(0);
    await button.click();

    const dialog = page.getByRole('dialog', { name: 'Report the comment by Amara Delegate' });
    await dialog.waitFor();
    const radios = dialog
      .getByRole('radiogroup', { name: 'What is wrong?' })
      .or(dialog.getByRole('group', { name: 'What is wrong?' }));
    await radios.waitFor();
    for (const label of [
      'Spam or advertising',
      'Abusive or offensive',
      'Off topic',
      'Personal data',
      'Something else',
    ]) {
      await dialog.getByRole('radio', { name: new RegExp(`^${label}`) }).waitFor();
    }
    // Nothing chosen: said at the field. "Something else" needs a note.
    await dialog.getByRole('button', { name: 'Send the report' }).click();
    await dialog.getByText('Choose one of the reasons.', { exact: true }).waitFor();
    await dialog.getByRole('radio', { name: /^Something else/ }).check();
    await dialog.getByRole('button', { name: 'Send the report' }).click();
    await dialog.getByText('Say briefly what is wrong (at least 3 characters).').waitFor();
    expect(await dialog.getByRole('textbox', { name: /Note for the moderators/ }).getAttribute('aria-invalid')).toBe(
      'true',
    );

    await dialog.getByRole('radio', { name: /^Personal data/ }).check();
    // The note is optional for this category: the complaint about it goes.
    expect(await dialog.getByText('Say briefly what is wrong (at least 3 characters).').count()).toBe(0);
    await dialog.getByRole('textbox', { name: /Note for the moderators/ }).fill('It gives a private phone number.');
    expect(await seriousViolations(page)).toEqual([]);
    for (const [w, h] of [
      [1280, 900],
      [390, 844],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.screenshot({ path: `${REPORTS}/report-dialog-${w}.png` });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    await dialog.getByRole('button', { name: 'Send the report' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // Confirmed on screen and to screen readers; the button now says it was reported, and holds focus.
    await article.getByText('Thank you. The moderators will review this comment.').waitFor();
    const reported = article.getByRole('button', { name: "Reported: you reported Amara Delegate's comment" });
    await reported.waitFor();
    expect(await reported.getAttribute('aria-disabled')).toBe('true');
    expect(await reported.innerText()).toContain('Reported');
    await expect.poll(() => reported.evaluate((e) => e === document.activeElement)).toBe(true);
    await expect
      .poll(() => page.locator('[role="status"], [aria-live]').allInnerTexts())
      .toContainEqual(expect.stringContaining('Thank you. The moderators will review this comment.'));
    expect(await article.getByRole('button', { name: "Report Amara Delegate's comment", exact: true }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    for (const [w, h] of [
      [1280, 900],
      [390, 844],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await reported.evaluate((e) => e.scrollIntoView({ block: 'center' }));
      await page.screenshot({ path: `${REPORTS}/reported-${w}.png` });
    }

    const { rows } = await ctx.db.pool.query(
      'select category, reason from reports where reporter_id = $1 and comment_id = $2',
      [reporter.user.id, withFile.id],
    );
    expect(rows).toEqual([{ category: 'personal_data', reason: 'It gives a private phone number.' }]);

    // After a reload the server says so: still "Reported", no Report button.
    await page.reload();
    await article.waitFor();
    await article.getByRole('button', { name: "Reported: you reported Amara Delegate's comment" }).waitFor();
    expect(await article.getByRole('button', { name: "Report Amara Delegate's comment", exact: true }).count()).toBe(0);

    // A live update brings the public copy of the comment (the chair highlights it): still "Reported".
    const chairClient = await clientAs(account('chair'));
    expect((await chairClient.put(`/api/comments/${withFile.id}/highlight`)).status).toBe(200);
    await article.getByText('Highlighted by the chair').waitFor();
    await article.getByRole('button', { name: "Reported: you reported Amara Delegate's comment" }).waitFor();
    expect((await chairClient.delete(`/api/comments/${withFile.id}/highlight`)).status).toBe(200);
    await page.context().close();
  });

  it('names the comment in French and Spanish too', async () => {
    const reporter = await makeUser(ctx, { displayName: 'Lou Lecteur' });
    for (const [locale, name] of [
      ['fr', 'Signaler le commentaire de Amara Delegate'],
      ['es', 'Denunciar el comentario de Amara Delegate'],
    ] as const) {
      const page = await signedIn(reporter, locale);
      await page.goto(SPACE);
      const article = page.locator('article', { hasText: 'A comment with a file and an objective' });
      await article.getByRole('button', { name, exact: true }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('radio', { name: locale === 'fr' ? /^Hors sujet/ : /^Fuera de tema/ }).waitFor();
      await page.context().close();
    }
  });
});

describe('a space that stops taking comments while someone writes', () => {
  it('keeps the open composer and its text, says why, with the date, in the interface language', async () => {
    const admin = await clientAs(account('admin'));
    const rows = [
      [
        'en',
        'Answer question 1',
        'Send',
        'It closed for comments on',
        'This space does not accept comments',
        'Comments are now closed in this space. Your text stays here',
      ],
      [
        'fr',
        'Répondre à la question 1',
        'Envoyer',
        'Il a fermé aux commentaires le',
        'Cet espace n’accepte pas',
        'Les commentaires sont maintenant clos dans cet espace. Votre texte reste ici',
      ],
    ] as const;
    for (const [locale, answer, send, closedOn, notOpen, keptNotice] of rows) {
      const { space } = await makeSpace(ctx);
      const writer = await makeUser(ctx);
      const page = await pageFor(writer, locale);
      allowConsoleErrors(page, /status of 409/);
      await page.goto(`/spaces/${space.slug}`);
      await page.getByRole('button', { name: answer }).click();
      const box = page.locator('textarea').first();
      const text = `Remittance corridors need cheaper digital channels (${locale}).`;
      await box.fill(text);
      // The deadline passes while the text is being written: the secretariat moves it to a minute ago.
      const closedAt = new Date(Date.now() - 60_000);
      const moved = await admin.patch(`/api/spaces/${space.slug}`, { closesAt: closedAt.toISOString() });
      expect(moved.status).toBe(200);
      // The page learns it live; the open composer stays, with its text, and says comments are closed.
      await page.getByRole('status').filter({ hasText: keptNotice }).waitFor({ timeout: BROWSER_WAIT_MS });
      expect(await box.inputValue()).toBe(text);
      const refused = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/comments'));
      await page.getByRole('button', { name: send, exact: true }).click();
      expect((await refused).status()).toBe(409);
      const alert = page.getByRole('alert').filter({ hasText: notOpen });
      await alert.waitFor({ timeout: BROWSER_WAIT_MS });
      const said = await alert.innerText();
      const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(closedAt);
      expect(said).toContain(`${closedOn} ${date}.`);
      expect(said).not.toContain('This space closed for comments on 2');
      expect(await box.inputValue()).toBe(text);
      await page.context().close();
    }
  });
});
