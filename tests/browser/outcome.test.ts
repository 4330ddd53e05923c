import { expect, it } from 'vitest';
import { setupApp } from '../helpers/app.js';
import { BROWSER_WAIT_MS, screenshot, seriousViolations, serveToBrowser, signInWithForm } from '../helpers/browser.js';
import { insertComment, makeCast, makeSpace, makeUser } from '../helpers/factories.js';

const ctx = await setupApp({ noteVersionPauseMs: 0 });
const { space, questions } = await makeSpace(ctx, { code: 'RT 4.2', title: 'Skills and diaspora', questionCount: 1 });
const cast = await makeCast(ctx, space.id);
const delegate = await makeUser(ctx, {
  displayName: 'Ana Delegada',
  affiliation: 'Misión de Chile',
  stakeholderCategory: 'member_state',
});
const cited = await insertComment(ctx, {
  spaceId: space.id,
  authorId: delegate.user.id,
  status: 'approved',
  body: 'Les obligations de la diaspora fonctionnent quand on leur fait confiance.',
  questionId: questions[0]?.id ?? null,
});
await ctx.db.pool.query('update comments set highlighted = true where id = $1', [cited.id]);

// The chair's note, drafted through the API (the editor has its own browser tests).
const created = await cast.chair.client.post(`/api/spaces/${space.slug}/notes`, { title: 'Synthèse de la RT 4.2' });
expect(created.status).toBe(201);
const draft = created.body.note;
const saved = await cast.chair.client.put(`/api/notes/${draft.id}`, {
  title: draft.title,
  targetWords: draft.targetWords,
  version: draft.version,
  sections: draft.sections.map((s: { id: string; title: string }) => ({
    id: s.id,
    title: s.title,
    bodyMd: `La confiance est la **condition** des investissements de la diaspora [@${cited.id}].`,
    commentIds: [cited.id],
  })),
});
expect(saved.status).toBe(200);

const { openContext } = await serveToBrowser(ctx);

it('a chair publishes the note as the outcome; a guest page open on the space shows it live', async () => {
  // A guest reads the space first: no outcome, nothing of the note.
  const guestContext = await openContext();
  const guest = await guestContext.newPage();
  await guest.goto(`/spaces/${space.slug}`);
  await guest.getByRole('heading', { level: 1, name: /Skills and diaspora/ }).waitFor();
  const outcomeHeading = guest.getByRole('heading', { level: 2, name: 'Outcome' });
  expect(await outcomeHeading.count()).toBe(0);
  expect(await guest.locator('main').innerText()).not.toContain('La confiance est la');

  // The chair opens the note and publishes it, confirming in the dialog.
  const chairContext = await openContext();
  const chair = await chairContext.newPage();
  await signInWithForm(chair, { email: cast.chair.user.email, password: 'correct horse battery staple' });
  await chair.goto(`/notes/${draft.id}`);
  await chair.getByText("Not published: only the space's staff can read this note.").waitFor();
  await chair.getByRole('button', { name: 'Publish as outcome' }).click();
  const dialog = chair.getByRole('alertdialog', { name: 'Publish this note as the outcome?' });
  await dialog.waitFor();
  await dialog.getByLabel('Language of the note').selectOption('fr');
  expect(await seriousViolations(chair)).toEqual([]);
  await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
  await chair.getByText(/Published as the space's outcome: version \d+, on/).waitFor();
  expect(await chair.getByRole('button', { name: 'Unpublish' }).count()).toBe(1);

  // The guest's page, never reloaded, now shows the outcome near the top, in the note's language.
  await outcomeHeading.waitFor({ timeout: BROWSER_WAIT_MS });
  const section = guest.locator('section.space-outcome');
  await expect.poll(() => section.innerText()).toContain('La confiance est la condition');
  expect(await section.locator('article').getAttribute('lang')).toBe('fr');
  expect(await section.innerText()).toMatch(/Published on .+ by Cha Chair \(version \d+ of the note\)/);
  // The citation is a footnote reference; the footnote names the author and links to the contribution.
  await section.getByRole('link', { name: '1', exact: true }).click();
  expect(new URL(guest.url()).hash).toBe('#fn-outcome-1');
  const footnote = section.locator('#fn-outcome-1');
  expect(await footnote.innerText()).toMatch(/Ana Delegada, Misión de Chile/);
  expect(await footnote.getByRole('link', { name: 'See the contribution' }).getAttribute('href')).toBe(
    `/spaces/${space.slug}#comment-${cited.id}`,
  );
  // The outcome is not a quotation of the contribution.
  expect(await section.innerText()).not.toContain('fonctionnent quand on leur fait confiance');
  expect(await seriousViolations(guest)).toEqual([]);
  await screenshot(guest, 'outcome-space-page');

  // Printed from its button, the page is the outcome alone (what window.print sets up, then prints).
  await guest.evaluate(() => document.body.classList.add('printing-outcome'));
  await guest.emulateMedia({ media: 'print' });
  const visibility = (selector: string) =>
    guest
      .locator(selector)
      .first()
      .evaluate((el) => getComputedStyle(el).visibility);
  expect(await visibility('.space-header')).toBe('hidden');
  expect(await visibility('.discussion')).toBe('hidden');
  expect(await visibility('.outcome-document')).toBe('visible');
  expect(await guest.locator('.outcome-print').isVisible()).toBe(false);
  await screenshot(guest, 'outcome-print');
  await guest.emulateMedia({ media: 'screen' });
  await guest.evaluate(() => document.body.classList.remove('printing-outcome'));

  // The chair unpublishes: the guest's page drops it, again without a reload.
  await chair.getByRole('button', { name: 'Unpublish' }).click();
  await chair
    .getByRole('alertdialog', { name: 'Unpublish the outcome?' })
    .getByRole('button', { name: 'Unpublish' })
    .click();
  await chair.getByText("Not published: only the space's staff can read this note.").waitFor();
  await expect.poll(() => outcomeHeading.count(), { timeout: BROWSER_WAIT_MS }).toBe(0);
  await guestContext.close();
  await chairContext.close();
}, 60_000);
