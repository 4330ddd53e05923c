import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import { expect, it } from 'vitest';
import { screenshot, seriousViolations, setupBrowserTest, signInWithForm } from '../helpers/browser.js';

const { account, clientAs, openContext } = await setupBrowserTest({ demo: true });

it('a chair highlights contributions, drafts a note with two sections and three citations, and exports it', async () => {
  const chair = account('chair');
  const context = await openContext();
  const page = await context.newPage();
  await signInWithForm(page, chair);

  // Curation: mark every published contribution of RT 1.1 relevant for the note.
  await page.goto('/spaces/rt-1-1/dashboard');
  await page.getByRole('heading', { level: 1 }).waitFor();
  const off = page.getByRole('button', { name: 'Relevant for the note', pressed: false });
  // The dashboard's comment list loads after its heading: wait (up to the default wait) for a third.
  await page.getByRole('button', { name: 'Relevant for the note' }).nth(2).waitFor();
  while ((await off.count()) > 0) {
    const before = await off.count();
    await off.first().click();
    await expect.poll(() => off.count()).toBe(before - 1);
  }

  await page.goto('/spaces/rt-1-1/notes');
  await page.getByRole('button', { name: 'Create the note' }).click();
  await page.waitForURL('**/notes/*');
  await page.getByTestId('note-section').first().waitFor();
  // Keep two sections: remove the others (empty ones go without a confirmation).
  while ((await page.getByTestId('note-section').count()) > 2) {
    await page.getByRole('button', { name: 'Remove section 3', exact: true }).click();
  }
  await page.getByLabel('Synthesis for section 1 (Markdown)').fill('Participants stressed recognition of skills. ');
  await page.getByLabel('Synthesis for section 2 (Markdown)').fill('Costs of remittances remain too high. ');

  // Three citations: two in section 1, one in section 2.
  const contributions = page.getByTestId('contribution');
  await expect.poll(() => contributions.count()).toBeGreaterThanOrEqual(3);
  for (const [index, section] of [
    [0, 1],
    [1, 1],
    [2, 2],
  ] as const) {
    await contributions.nth(index).getByRole('button', { name: 'Cite in section…' }).click();
    await page.getByRole('menuitem', { name: new RegExp(`^${section}\\.`) }).click();
  }
  await expect.poll(() => page.getByTestId('save-status').first().innerText(), { timeout: 15_000 }).toMatch(/Saved/);
  expect(await page.getByTestId('note-word-count').first().innerText()).toMatch(/\/ 1,000 words/);
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, 'note-editor');

  // Another editor saves meanwhile: the chair is told at once, and nothing is overwritten.
  const noteId = new URL(page.url()).pathname.split('/').pop() ?? '';
  const other = await clientAs(account('admin'));
  const current = (await other.get(`/api/notes/${noteId}`)).body.note;
  const saved = await other.put(`/api/notes/${noteId}`, {
    title: current.title,
    targetWords: current.targetWords,
    version: current.version,
    sections: current.sections.map((sec: { id: string; title: string; bodyMd: string; commentIds: string[] }) => ({
      id: sec.id,
      title: sec.title,
      bodyMd: sec.bodyMd,
      commentIds: sec.commentIds,
    })),
  });
  expect(saved.status).toBe(200);
  await page.getByText(/saved a newer version/).waitFor();
  await page.getByRole('button', { name: /Reload/ }).click();
  await expect.poll(() => page.getByText(/saved a newer version/).count()).toBe(0);

  // Who has not been heard: every stakeholder category without a highlighted contribution.
  await page.getByRole('tab', { name: 'Not heard' }).click();
  const categories = page.getByRole('table', { name: /categor/i });
  await categories.waitFor();
  expect(await categories.getByRole('rowheader').count()).toBeGreaterThan(0);
  expect(await seriousViolations(page)).toEqual([]);

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Word (DOCX)' }).first().click();
  const file = await (await download).path();
  const zip = unzipSync(new Uint8Array(await readFile(file)));
  const footnotesXml = strFromU8(zip['word/footnotes.xml'] ?? new Uint8Array());
  // Word keeps two built-in separator footnotes (ids -1 and 0); ours are numbered from 1.
  const ours = [...footnotesXml.matchAll(/<w:footnote\b[^>]*w:id="(\d+)"/g)].filter((m) => Number(m[1]) > 0);
  expect(ours).toHaveLength(3);
  const documentXml = strFromU8(zip['word/document.xml'] ?? new Uint8Array());
  expect(documentXml).toContain('Participants stressed recognition of skills.');
  expect(documentXml).toContain('Costs of remittances remain too high.');
  await context.close();
}, 90_000); // curation, drafting, a conflict and two exports in one story
