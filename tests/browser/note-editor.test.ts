import { expect, it } from 'vitest';
import {
  BROWSER_WAIT_MS,
  screenshot,
  seriousViolations,
  setupBrowserTest,
  signInWithForm,
} from '../helpers/browser.js';

const { ctx, account, clientAs, openContext } = await setupBrowserTest({ demo: true });

it('a chair sees citations as author chips, previews the note with footnotes, names, compares and restores a version', async () => {
  const chair = account('chair');
  // Two published contributions of RT 1.1, highlighted, and a note citing them (through the API).
  const published = (
    await ctx.db.pool.query<{ id: string; display_name: string }>(
      `select c.id, u.display_name from comments c join users u on u.id = c.author_id
       join spaces s on s.id = c.space_id
       where s.slug = 'rt-1-1' and c.status = 'approved' and c.parent_id is null
       order by u.display_name, c.created_at`,
    )
  ).rows;
  const first = published[0];
  const second = published.find((r) => r.display_name !== first?.display_name);
  if (!first || !second) throw new Error('two authors needed');
  await ctx.db.pool.query('update comments set highlighted = true where id = any($1)', [[first.id, second.id]]);
  const api = await clientAs(chair);
  const created = (await api.post('/api/spaces/rt-1-1/notes', {})).body.note;
  const section = created.sections[0];
  const saved = await api.put(`/api/notes/${created.id}`, {
    title: created.title,
    targetWords: created.targetWords,
    version: created.version,
    sections: [
      {
        id: section.id,
        title: 'I. Background',
        bodyMd: `Trust matters [@${first.id}] and costs matter [@${second.id}]; trust again [@${first.id}].`,
        commentIds: [first.id],
      },
    ],
  });
  expect(saved.status).toBe(200);
  const v = saved.body.note.version;

  const context = await openContext();
  const page = await context.newPage();
  await signInWithForm(page, chair);
  await page.goto(`/notes/${created.id}`);
  await page.getByTestId('note-section').first().waitFor();

  // Citations as author chips, numbered as in the export; no raw marker outside the textarea.
  const chips = page.getByTestId('citation-chip');
  await expect.poll(() => chips.count()).toBe(2);
  await expect.poll(() => chips.first().innerText()).toContain(first.display_name);
  expect(await chips.nth(1).innerText()).toContain(second.display_name);
  const reads = page.getByTestId('cited-text');
  expect(await reads.locator('.cite-chip').allInnerTexts()).toEqual([
    expect.stringContaining(first.display_name),
    expect.stringContaining(second.display_name),
    expect.stringContaining(first.display_name),
  ]);
  expect(await reads.innerText()).not.toContain('[@');
  // The section's own number is kept: no "1. I. Background".
  expect(await page.getByRole('heading', { name: 'I. Background', exact: true }).count()).toBe(1);
  await page.locator('.outline-title').first().waitFor();
  expect(await page.locator('.outline-title').allInnerTexts()).toEqual(['I. Background']);
  await page.getByTestId('note-section').first().scrollIntoViewIfNeeded();
  await screenshot(page, 'note-editor-chips');

  // The whole note rendered as the export prints it: two footnotes for three citations.
  await page.getByRole('button', { name: 'Preview the note' }).click();
  const preview = page.getByTestId('note-preview');
  await preview.waitFor();
  expect(await preview.getByRole('heading', { name: 'I. Background' }).count()).toBe(1);
  await expect.poll(() => preview.locator('.footnote-item').count()).toBe(2);
  expect(await preview.locator('.footnote-item').first().innerText()).toContain(first.display_name);
  expect(await preview.locator('sup.footnote-ref').count()).toBe(3);
  expect(await preview.innerText()).not.toContain('[@');
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, 'note-editor-preview');
  await page.getByRole('button', { name: 'Close' }).click();

  // Name the current version.
  await page.getByRole('tab', { name: 'Versions' }).click();
  await page.getByRole('button', { name: `Name version ${v}` }).click();
  await page.getByLabel(`Name of version ${v}`).fill('Draft for the Bureau');
  await page.getByRole('button', { name: 'Save the name' }).click();
  await page.getByTestId('version-name').filter({ hasText: 'Draft for the Bureau' }).waitFor();
  expect(await seriousViolations(page)).toEqual([]);

  // An edit after naming: a new version, the named one unchanged.
  const body = page.getByLabel('Synthesis for section 1 (Markdown)');
  await body.fill(`Trust matters a great deal [@${first.id}].`);
  await body.blur();
  await expect
    .poll(() => page.getByTestId('save-status').first().innerText(), { timeout: BROWSER_WAIT_MS })
    .toMatch(/Saved/);
  await expect.poll(() => page.getByTestId('note-version').count()).toBe(2);
  await expect.poll(() => chips.count()).toBe(1);

  // The difference between the named version and the new one, word by word.
  await page.getByRole('button', { name: 'Show the differences' }).click();
  const diff = page.getByTestId('version-diff');
  await diff.waitFor();
  expect(await diff.locator('ins').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('great')]));
  expect((await diff.locator('del').allInnerTexts()).join(' ')).toContain('costs');
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, 'note-editor-diff');
  await page.getByRole('button', { name: 'Close' }).click();

  // Restore the named version from its viewer: a new version with the old text.
  await page.getByRole('button', { name: `View version ${v}` }).click();
  const viewer = page.getByRole('dialog', { name: `Draft for the Bureau (version ${v})` });
  expect(await viewer.innerText()).toContain('and costs matter');
  await viewer.getByRole('button', { name: `Restore version ${v}` }).click();
  await page
    .getByRole('alertdialog', { name: `Restore version ${v}?` })
    .getByRole('button', { name: `Restore version ${v}` })
    .click();
  await page.getByText(`Version ${v} restored as a new version.`).waitFor();
  await expect.poll(() => body.inputValue()).toContain('and costs matter');
  await expect.poll(() => page.getByTestId('note-version').count()).toBe(3);
  expect(await page.getByText(`Restored from version ${v}`).count()).toBe(1);
  await expect.poll(() => chips.count()).toBe(2);
  await context.close();
}, 60_000);
