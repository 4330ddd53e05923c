import { expect, it } from 'vitest';
import { queryRows } from '../helpers/exports.js';
import { screenshot, seriousViolations, setupBrowserTest } from '../helpers/browser.js';

const { ctx, baseURL, account, clientAs, pageFor } = await setupBrowserTest({ demo: true });
const rows = queryRows(ctx);

it('shows the highlighted contributions beside the synthesis, per question and per objective, and saves what is typed', async () => {
  // Every published contribution of RT 1.1 highlighted; one pending one too, which must not show.
  const [space] = await rows<{ id: string }>(`select id from spaces where slug = 'rt-1-1'`);
  await rows(`update comments set highlighted = true where space_id = $1 and status = 'approved'`, [space?.id]);
  const [author] = await rows<{ id: string }>(`select id from users where role <> 'admin' limit 1`);
  const [q1] = await rows<{ id: string; text: string }>(
    `select id, text from questions where space_id = $1 order by position limit 1`,
    [space?.id],
  );
  await rows(
    `insert into comments (space_id, author_id, question_id, client_id, body_md, body_html, language, status, highlighted)
     values ($1, $2, $3, gen_random_uuid(), 'PENDINGKEYMESSAGE', '<p>PENDINGKEYMESSAGE</p>', 'en', 'pending', true)`,
    [space?.id, author?.id, q1?.id],
  );
  const [{ n: inQ1 } = { n: '0' }] = await rows<{ n: string }>(
    `select count(*) as n from comments where question_id = $1 and status = 'approved' and highlighted`,
    [q1?.id],
  );
  expect(Number(inQ1)).toBeGreaterThan(1);
  // One of them not yet highlighted: the chair highlights it while the view is open.
  const [later] = await rows<{ id: string }>(
    `select id from comments where question_id = $1 and status = 'approved' order by created_at desc limit 1`,
    [q1?.id],
  );
  await rows('update comments set highlighted = false where id = $1', [later?.id]);

  const api = await clientAs(account('chair'));
  const page = await pageFor({ client: api });
  const context = page.context();
  const created = await page.request.post('/api/spaces/rt-1-1/notes', { data: {}, headers: { origin: baseURL } });
  expect(created.status()).toBe(201);
  const { note } = await created.json();
  await page.goto(`/notes/${note.id}`);
  await page.getByTestId('note-section').first().waitFor();

  await page.getByRole('button', { name: 'Key messages' }).click();
  const view = page.getByTestId('key-messages');
  await view.getByRole('heading', { name: 'Key messages', level: 2 }).waitFor();
  expect(await page.getByTestId('note-section').first().isVisible()).toBe(false);

  // Per question: the first question's sources, and its section (titled with it) beside them.
  const group = view
    .getByTestId('key-group')
    .filter({ has: page.getByRole('heading', { name: `Question 1: ${q1?.text}` }) });
  await group.waitFor();
  await expect.poll(() => group.getByTestId('key-source').count()).toBe(Number(inQ1) - 1);
  // Highlighted elsewhere meanwhile: the live event brings it here.
  expect((await api.put(`/api/comments/${later?.id}/highlight`)).status).toBe(200);
  await expect.poll(() => group.getByTestId('key-source').count()).toBe(Number(inQ1));
  expect(await group.getByRole('heading', { level: 4 }).first().innerText()).toMatch(
    new RegExp(`^${inQ1} highlighted contributions?$`),
  );
  expect(await view.innerText()).not.toContain('PENDINGKEYMESSAGE');
  const synthesis = group.getByRole('textbox', { name: /^Synthesis for 1\. .* \(Markdown\)$/ });
  await synthesis.fill('Participants agree that skills must be recognised across borders.');
  await synthesis.blur();
  await expect.poll(() => page.getByTestId('save-status').first().innerText(), { timeout: 15_000 }).toMatch(/Saved/);
  const saved = (await (await page.request.get(`/api/notes/${note.id}`)).json()).note;
  expect(saved.version).toBeGreaterThan(note.version);
  expect(saved.sections[0].bodyMd).toBe('Participants agree that skills must be recognised across borders.');
  // Cite a source beside it: the citation goes into the same section's text.
  await group
    .getByTestId('key-source')
    .first()
    .getByRole('button', { name: /^Cite the contribution of / })
    .click();
  await expect.poll(() => synthesis.inputValue()).toMatch(/borders\.\[@[0-9a-f-]{36}\]$/);
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, 'key-messages-question');

  // Per objective: the question-titled sections have no source under an objective yet, except
  // the one that now cites a contribution; a section is added for another objective.
  await view.getByRole('radio', { name: 'Objective' }).check();
  const objectives = view
    .getByTestId('key-group')
    .filter({ has: page.getByRole('heading', { name: /^Objective \d+: / }) });
  await expect.poll(() => objectives.count()).toBeGreaterThan(1);
  const free = objectives.filter({ has: page.getByRole('button', { name: /^Add a section for Objective / }) }).first();
  const heading = await free.getByRole('heading', { level: 3 }).innerText();
  const sources = await free.getByTestId('key-source').count();
  expect(sources).toBeGreaterThan(0);
  await free.getByRole('button', { name: `Add a section for ${heading}` }).click();
  const target = objectives.filter({ has: page.getByRole('heading', { name: heading, exact: true }) });
  const added = target.getByRole('textbox', { name: /^Synthesis for \d+\. .* \(Markdown\)$/ });
  await expect.poll(() => added.evaluate((el) => el === document.activeElement)).toBe(true);
  await added.fill('Diaspora investment needs clear rules.');
  await added.blur();
  await expect.poll(() => page.getByTestId('save-status').first().innerText(), { timeout: 15_000 }).toMatch(/Saved/);
  const after = (await (await page.request.get(`/api/notes/${note.id}`)).json()).note;
  const last = after.sections.at(-1);
  expect(last.title).toBe(heading);
  expect(last.bodyMd).toBe('Diaspora investment needs clear rules.');
  expect(last.commentIds.length).toBeGreaterThan(0);
  expect(await view.innerText()).not.toContain('PENDINGKEYMESSAGE');
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, 'key-messages-objective');

  // Back to the editor: the same draft, the typed text in its section.
  await page.getByRole('button', { name: 'Editor' }).click();
  await expect
    .poll(() => page.getByLabel('Synthesis for section 1 (Markdown)').inputValue())
    .toMatch(/^Participants agree that skills must be recognised across borders\./);
  await context.close();
}, 120_000);
