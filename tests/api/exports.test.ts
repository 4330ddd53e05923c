import { type ExportContribution, exportDocument } from '@convene/shared';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import MarkdownIt from 'markdown-it';
import footnote from 'markdown-it-footnote';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../server/src/markdown.js';
import { setupApp } from '../helpers/app.js';
import { attachPdf, queryRows, wordParagraphs } from '../helpers/exports.js';
import {
  type Person,
  grantRole,
  insertComment,
  makeCast,
  makeSpace,
  makeUser,
  withTaxonomy,
} from '../helpers/factories.js';

const ctx = await setupApp();
await withTaxonomy(ctx);
const { space, questions } = await makeSpace(ctx, { code: 'RT 1.1', title: 'Harnessing the capital of migrants' });
const cast = await makeCast(ctx, space.id);
const [q1, q2, q3] = questions;
if (!q1 || !q2 || !q3) throw new Error('questions missing');

const rows = queryRows(ctx);

const jose = await makeUser(ctx, {
  displayName: 'José Álvarez',
  affiliation: 'Secretaría de Relaciones Exteriores',
  stakeholderCategory: 'member_state',
  country: 'MX',
});
const amina = await makeUser(ctx, {
  displayName: 'Amina "Mimi" Odhiambo, PhD',
  affiliation: 'Kituo cha Sheria',
  stakeholderCategory: 'civil_society',
  country: 'KE',
});

const RICH = [
  '# Remittances',
  '',
  'Migrants bring **élan** and *energy*; they asked “quoted” questions: ¿Qué? See [the report](https://example.org/report).[^1]',
  '',
  '- first bullet',
  '- second bullet',
  '',
  '1. step one',
  '2. step two',
  '',
  '> A quoted passage.',
  '',
  'He said "yes, gladly", then',
  'left.',
  '',
  '[^1]: A footnote with élan and “curly quotes”.',
].join('\n');

/** Words that appear only in unpublished text: none may reach any export. */
const SECRETS = [
  'PENDINGZEBRA',
  'REJECTEDWALRUS',
  'WITHDRAWNOCELOT',
  'PENDINGREPLYYAK',
  'REVISIONNARWHAL',
  'secret-pending-file',
  'revision-only-file',
];

async function publish(
  who: Person,
  body: string,
  values: {
    questionId?: string | null;
    parentId?: string;
    language?: 'en' | 'fr' | 'es';
    highlighted?: boolean;
    at: number;
  },
) {
  const row = await insertComment(ctx, {
    spaceId: space.id,
    authorId: who.user.id,
    status: 'approved',
    body,
    questionId: values.questionId ?? null,
    parentId: values.parentId ?? null,
    language: values.language ?? 'en',
    createdAt: new Date(Date.UTC(2026, 10, 1, 9, values.at)),
  });
  if (values.highlighted) await rows('update comments set highlighted = true where id = $1', [row.id]);
  return row;
}

// Question 1: a rich contribution with a thread of two replies, and a French one.
const rich = await publish(jose, RICH, { questionId: q1.id, highlighted: true, at: 1 });
const reply = await publish(amina, 'A reply to José.', { questionId: q1.id, parentId: rich.id, at: 2 });
const replyToReply = await publish(jose, 'A reply to the reply.', {
  questionId: q1.id,
  parentId: reply.id,
  highlighted: true,
  at: 3,
});
const french = await publish(amina, 'Une contribution en français.', { questionId: q1.id, language: 'fr', at: 4 });
// Question 2: one in Spanish; an edited one whose edit waits for moderation.
const spanish = await publish(jose, 'Una contribución en español.', {
  questionId: q2.id,
  language: 'es',
  highlighted: true,
  at: 5,
});
const edited = await publish(amina, 'The published wording.', { questionId: q2.id, at: 6 });
await rows(
  `insert into comment_revisions (comment_id, version, body_md, body_html, language, status)
   values ($1, 2, $2, $3, 'en', 'pending')`,
  [edited.id, 'REVISIONNARWHAL edit', renderMarkdown('REVISIONNARWHAL edit')],
);
await rows('update comments set version = 2 where id = $1', [edited.id]);
// The space as a whole.
const general = await publish(amina, 'A comment on the space as a whole.', { questionId: null, at: 7 });

const paperId = await attachPdf(ctx, rich.id, jose.user.id, 'position-paper.pdf');
// Added with the edit still awaiting moderation (as the upload route marks it).
await attachPdf(ctx, edited.id, amina.user.id, 'revision-only-file.pdf', 2);
const tag = (await rows<{ id: string }>(`select id from tags where code = '16'`))[0];
await rows('insert into comment_tags (comment_id, tag_id) values ($1, $2)', [rich.id, tag?.id]);

for (const [status, word] of [
  ['pending', 'PENDINGZEBRA'],
  ['rejected', 'REJECTEDWALRUS'],
  ['withdrawn', 'WITHDRAWNOCELOT'],
] as const) {
  const c = await insertComment(ctx, {
    spaceId: space.id,
    authorId: amina.user.id,
    status,
    body: `${word} text`,
    questionId: q1.id,
  });
  if (status === 'pending') await attachPdf(ctx, c.id, amina.user.id, 'secret-pending-file.pdf');
}
await insertComment(ctx, {
  spaceId: space.id,
  authorId: amina.user.id,
  status: 'pending',
  body: 'PENDINGREPLYYAK',
  questionId: q1.id,
  parentId: rich.id,
});

const publishedIds = async (spaceId = space.id) =>
  (await rows<{ id: string }>(`select id from comments where space_id = $1 and status = 'approved'`, [spaceId]))
    .map((r) => r.id)
    .sort();

interface Download {
  status: number;
  headers: Record<string, unknown>;
  buffer: Buffer;
  text: string;
}

async function download(who: Person | null, query: string, slug = space.slug): Promise<Download> {
  const res = await ctx.app.inject({
    method: 'GET',
    url: `/api/spaces/${slug}/export?${query}`,
    headers: who ? { cookie: who.client.cookieHeader } : {},
  });
  return { status: res.statusCode, headers: res.headers, buffer: res.rawPayload, text: res.body };
}

const assertNoSecrets = (text: string) => {
  for (const s of SECRETS) expect(text, `unpublished "${s}" leaked`).not.toContain(s);
};

/** The annexes every Word export ends with. */
const ANNEXES = [
  'Annex I. Contributors by Member State',
  'Annex II. Contributors by organisation',
  'Annex III. Position papers',
];

const countAll = (list: ExportContribution[]): number => list.reduce((n, c) => n + 1 + countAll(c.replies), 0);
const idsOf = (list: ExportContribution[]): string[] => list.flatMap((c) => [c.id, ...idsOf(c.replies)]);

describe('GET /api/spaces/:slug/export', () => {
  it('writes a Word document with real headings, lists, links and footnotes', async () => {
    const res = await download(cast.chair, 'format=docx');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="RT-1\.1-all-\d{4}-\d{2}-\d{2}\.docx"; filename\*=UTF-8''RT-1\.1-all-\d{4}-\d{2}-\d{2}\.docx$/,
    );
    const files = unzipSync(new Uint8Array(res.buffer));
    const part = (name: string) => {
      const f = files[name];
      if (!f) throw new Error(`${name} missing`);
      return strFromU8(f);
    };
    const doc = part('word/document.xml');
    const notes = part('word/footnotes.xml');
    const rels = part('word/_rels/document.xml.rels');
    const ps = wordParagraphs(doc);

    const h1 = ps.filter((p) => p.style === 'Heading1').map((p) => p.text);
    expect(h1).toEqual([
      'Participation',
      'Participation figures',
      `1. ${q1.text}`,
      `2. ${q2.text}`,
      `3. ${q3.text}`,
      'The space as a whole',
      ...ANNEXES,
    ]);
    // A question nobody answered says so.
    expect(ps[ps.findIndex((p) => p.text === `3. ${q3.text}`) + 1]?.text).toBe('No published contributions.');
    // The thread: root Heading 2, reply Heading 3, reply to the reply Heading 4, numbered.
    const heading = (n: string) => ps.find((p) => p.text.startsWith(`${n}  `));
    expect(heading('1.1')?.style).toBe('Heading2');
    expect(heading('1.1')?.text).toBe('1.1  José Álvarez, Secretaría de Relaciones Exteriores');
    expect(heading('1.1.1')?.style).toBe('Heading3');
    expect(heading('1.1.1.1')?.style).toBe('Heading4');
    expect(heading('1.2')?.text).toContain('Amina "Mimi" Odhiambo, PhD');
    expect(heading('G.1')).toBeDefined();

    // The body keeps its structure: a heading, bold, lists, a quote, a link, accents and quotes.
    const text = ps.map((p) => p.text).join('\n');
    expect(text).toContain('Migrants bring élan and energy; they asked “quoted” questions: ¿Qué? See the report.');
    expect(ps.find((p) => p.text === 'Remittances')?.style).toBe('Heading4');
    const bold = ps.find((p) => p.text.startsWith('Migrants bring'))?.xml ?? '';
    expect(bold).toMatch(/<w:b\/>[\s\S]*?<w:t[^>]*>élan<\/w:t>/);
    expect(bold).toMatch(/<w:i\/>[\s\S]*?<w:t[^>]*>energy<\/w:t>/);
    const bullets = ps.filter((p) => p.text.endsWith('bullet'));
    expect(bullets).toHaveLength(2);
    for (const b of bullets) expect(b.xml).toContain('<w:numPr>');
    const steps = ps.filter((p) => p.text.startsWith('step '));
    expect(steps).toHaveLength(2);
    expect(steps[0]?.xml).toContain('<w:numPr>');
    expect(ps.find((p) => p.text === 'A quoted passage.')?.xml).toContain('<w:pBdr>');
    expect(rels).toContain('Target="https://example.org/report"');
    // Word keeps a link's fragment as the hyperlink's anchor, beside the relationship's target.
    expect(rels).toContain(`Target="${ctx.config.appOrigin}/spaces/${space.slug}"`);
    expect(doc).toContain(`w:anchor="comment-${rich.id}"`);
    expect(rels).toContain(`Target="${ctx.config.appOrigin}/api/attachments/${paperId}"`);
    expect(text).toContain('position-paper.pdf');
    expect(text).toContain('16 ');
    expect(text).toContain('He said "yes, gladly", then left.');

    // The markdown footnote is a real Word footnote, referenced from the text.
    const refs = [...doc.matchAll(/<w:footnoteReference w:id="(\d+)"\/>/g)].map((m) => m[1]);
    expect(refs).toHaveLength(1);
    const noteTexts = wordParagraphs(notes).map((p) => p.text);
    expect(noteTexts.some((t) => t.includes('A footnote with élan and “curly quotes”.'))).toBe(true);
    expect(notes).toContain(`w:id="${refs[0]}"`);

    // Header and statistics.
    expect(text).toContain('RT 1.1 — Harnessing the capital of migrants');
    expect(text).toContain('Mo Moderator');
    expect(text).toContain('Cha Chair');
    expect(doc).toContain('<w:tbl>');
    expect(text).toContain(
      '7 contributions were received from 2 participants: 1 government representative of 1 Member State and 1 representative of 1 civil society organisation.',
    );

    for (const name of Object.keys(files)) assertNoSecrets(strFromU8(files[name] ?? new Uint8Array()));
  });

  it('writes a spreadsheet with a contributions sheet and a statistics sheet', async () => {
    const res = await download(cast.moderator, 'format=xlsx');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toMatch(/filename="RT-1\.1-all-\d{4}-\d{2}-\d{2}\.xlsx"/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.buffer as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Contributions',
      'Attachments',
      'Statistics',
      'Member States',
      'Organisations',
    ]);
    const sheet = wb.getWorksheet('Contributions');
    if (!sheet) throw new Error('no sheet');
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
      'No.',
      'Question no.',
      'Question',
      'ID',
      'Parent ID',
      'Author',
      'Affiliation',
      'Category',
      'Country',
      'Verified',
      'Official contribution',
      'Language',
      'Date (UTC)',
      'Status',
      'Highlighted',
      'Tags',
      'Attachments',
      'Permalink',
      'Text',
    ]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    const records: Record<string, unknown>[] = [];
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const values = (row.values as unknown[]).slice(1);
      records.push(Object.fromEntries(header.map((h, i) => [h, values[i]])));
    });
    expect(records.map((r) => r.ID).sort()).toEqual(await publishedIds());
    expect(new Set(records.map((r) => r.Status))).toEqual(new Set(['approved']));
    const first = records.find((r) => r.ID === rich.id);
    expect(first).toMatchObject({
      'No.': '1.1',
      'Question no.': 1,
      Author: 'José Álvarez',
      Category: 'Member State',
      Country: 'Mexico',
      Language: 'English',
      Highlighted: 'yes',
    });
    expect(first?.['Date (UTC)']).toBeInstanceOf(Date);
    expect(String(first?.Text)).toContain('élan');
    expect(String(first?.Text)).toContain('[1] A footnote with élan');
    expect(records.find((r) => r.ID === reply.id)?.['Parent ID']).toBe(rich.id);

    const stats = wb.getWorksheet('Statistics');
    if (!stats) throw new Error('no statistics sheet');
    const statRows: unknown[][] = [];
    stats.eachRow((row) => statRows.push((row.values as unknown[]).slice(1)));
    expect(statRows).toContainEqual(['Contributions', 7]);
    expect(statRows).toContainEqual(['Member States', 1]);
    expect(statRows).toContainEqual(['Member State', 1, 3]);
    expect(statRows).toContainEqual(['Kenya', 'KE', 1, 4]);
    expect(statRows).toContainEqual([q1.text, 2, 4]);
    expect(statRows).toContainEqual(['Spanish', 1, 1]);

    const files = unzipSync(new Uint8Array(res.buffer));
    for (const name of Object.keys(files)) assertNoSecrets(strFromU8(files[name] ?? new Uint8Array()));
  });

  it('writes RFC 4180 CSV in UTF-8 with a byte order mark', async () => {
    const res = await download(cast.admin, 'format=csv');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect([...res.buffer.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = res.buffer.toString('utf8');
    // Quotes doubled inside a quoted field; records end with CRLF.
    expect(text).toContain('"Amina ""Mimi"" Odhiambo, PhD"');
    expect(text).toContain('\r\n');
    const records: Record<string, string>[] = parseCsv(res.buffer, { bom: true, columns: true });
    expect(records.map((r) => r.ID).sort()).toEqual(await publishedIds());
    expect(new Set(records.map((r) => r.Status))).toEqual(new Set(['approved']));
    const first = records.find((r) => r.ID === rich.id);
    expect(first?.Author).toBe('José Álvarez');
    // Line breaks inside a field survive the round trip.
    expect(first?.Text).toContain('• first bullet\n• second bullet');
    expect(first?.Text).toContain('He said "yes, gladly", then left.');
    expect(first?.Text).toContain('“quoted”');
    expect(first?.Attachments).toBe(`position-paper.pdf <${ctx.config.appOrigin}/api/attachments/${paperId}>`);
    expect(records.find((r) => r.ID === replyToReply.id)?.['No.']).toBe('1.1.1.1');
    assertNoSecrets(text);
  });

  it('writes the versioned JSON document, replies nested under their parent', async () => {
    const res = await download(cast.chair, 'format=json');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const doc = exportDocument.parse(JSON.parse(res.text));
    expect(doc.format).toBe('convene.export');
    expect(doc.version).toBe(1);
    expect(doc.space).toMatchObject({ slug: space.slug, code: 'RT 1.1' });
    expect(doc.space.moderators).toEqual([{ displayName: 'Mo Moderator', affiliation: 'Example Organisation' }]);
    expect(doc.questions.map((q) => [q.id, q.number])).toEqual([
      [q1.id, 1],
      [q2.id, 2],
      [q3.id, 3],
      [null, null],
    ]);
    const all = doc.questions.flatMap((q) => q.contributions);
    expect(countAll(all)).toBe((await publishedIds()).length);
    expect(idsOf(all).sort()).toEqual(await publishedIds());
    expect(doc.participation.totals.contributions).toBe(countAll(all));
    const [root] = doc.questions[0]?.contributions ?? [];
    expect(root).toMatchObject({ id: rich.id, number: '1.1', parentId: null, highlighted: true });
    expect(root?.replies.map((r) => [r.id, r.number, r.parentId])).toEqual([[reply.id, '1.1.1', rich.id]]);
    expect(root?.replies[0]?.replies.map((r) => r.number)).toEqual(['1.1.1.1']);
    expect(root?.tags).toEqual([expect.objectContaining({ code: '16' })]);
    expect(root?.attachments.map((a) => a.filename)).toEqual(['position-paper.pdf']);
    expect(root?.author).toMatchObject({ countryName: 'Mexico', categoryLabel: 'Member State' });
    const e = doc.questions[1]?.contributions.find((c) => c.id === edited.id);
    expect(e?.bodyMd).toBe('The published wording.');
    expect(e?.attachments).toEqual([]);
    assertNoSecrets(res.text);
  });

  it('writes Markdown with a heading per question and the footnotes kept', async () => {
    const res = await download(cast.chair, 'format=md');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/markdown; charset=utf-8');
    const md = res.text;
    expect(md).toContain(`## 1. ${q1.text}`);
    expect(md).toContain(`## 2. ${q2.text}`);
    expect(md).toContain('### 1.1 José Álvarez, Secretaría de Relaciones Exteriores');
    expect(md).toContain('#### 1.1.1 Amina "Mimi" Odhiambo, PhD, Kituo cha Sheria');
    // The contribution's own "# Remittances" sits below its attribution heading.
    expect(md).toMatch(/^#### Remittances$/m);
    const html = new MarkdownIt().use(footnote).render(md);
    expect(html).toContain('class="footnotes"');
    expect(html).toContain('A footnote with élan and “curly quotes”.');
    expect(html).toContain('¿Qué?');
    expect(html).toContain(`href="${ctx.config.appOrigin}/spaces/${space.slug}#comment-${rich.id}"`);
    assertNoSecrets(md);
  });

  it('keeps only highlighted contributions with scope=highlighted', async () => {
    const res = await download(cast.chair, 'format=json&scope=highlighted');
    const doc = exportDocument.parse(JSON.parse(res.text));
    const all = doc.questions.flatMap((q) => q.contributions);
    expect(idsOf(all).sort()).toEqual([rich.id, replyToReply.id, spanish.id].sort());
    // Its parent is not highlighted: the reply to the reply starts a thread of its own, keeping its number.
    const q1Threads = doc.questions[0]?.contributions ?? [];
    expect(q1Threads.map((c) => [c.id, c.number, c.parentId])).toEqual([
      [rich.id, '1.1', null],
      [replyToReply.id, '1.1.1.1', null],
    ]);
    expect(doc.participation.totals.contributions).toBe(3);
    expect(doc.filters.scope).toBe('highlighted');

    const csv: Record<string, string>[] = parseCsv(
      (await download(cast.chair, 'format=csv&scope=highlighted')).buffer,
      {
        bom: true,
        columns: true,
      },
    );
    expect(csv.map((r) => r.ID).sort()).toEqual([rich.id, replyToReply.id, spanish.id].sort());
  });

  it('filters by question and by language', async () => {
    const byQuestion = exportDocument.parse(
      JSON.parse((await download(cast.chair, `format=json&questionId=${q2.id}`)).text),
    );
    expect(byQuestion.questions.map((q) => q.id)).toEqual([q2.id]);
    expect(idsOf(byQuestion.questions[0]?.contributions ?? []).sort()).toEqual([spanish.id, edited.id].sort());
    expect(byQuestion.participation.totals.contributions).toBe(2);

    const none = exportDocument.parse(JSON.parse((await download(cast.chair, 'format=json&questionId=none')).text));
    expect(none.questions.map((q) => q.id)).toEqual([null]);
    expect(idsOf(none.questions[0]?.contributions ?? [])).toEqual([general.id]);

    const fr = exportDocument.parse(JSON.parse((await download(cast.chair, 'format=json&lang=fr')).text));
    expect(idsOf(fr.questions.flatMap((q) => q.contributions))).toEqual([french.id]);

    const docx = await download(cast.chair, `format=docx&questionId=${q2.id}`);
    const h1 = wordParagraphs(
      strFromU8(unzipSync(new Uint8Array(docx.buffer))['word/document.xml'] ?? new Uint8Array()),
    )
      .filter((p) => p.style === 'Heading1')
      .map((p) => p.text);
    expect(h1).toEqual(['Participation', 'Participation figures', `2. ${q2.text}`, ...ANNEXES]);

    const other = await makeSpace(ctx);
    const bad = await download(cast.chair, `format=json&questionId=${other.questions[0]?.id}`);
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text).error.details.fields).toEqual([
      { field: 'questionId', message: 'No such question in this space' },
    ]);
    expect((await download(cast.chair, 'format=pdf')).status).toBe(400);
  });

  it('is for the staff of the space only', async () => {
    expect((await download(null, 'format=csv')).status).toBe(401);
    expect((await download(cast.participant, 'format=csv')).status).toBe(403);
    expect((await download(cast.author, 'format=json')).status).toBe(403);
    expect((await download(cast.otherModerator, 'format=docx')).status).toBe(403);
    const { space: draft } = await makeSpace(ctx, { status: 'draft' });
    expect((await download(cast.otherModerator, 'format=csv', draft.slug)).status).toBe(404);
    for (const who of [cast.moderator, cast.chair, cast.admin]) {
      expect((await download(who, 'format=md')).status).toBe(200);
    }
    // A session's chair is staff of its roundtables.
    const { space: session } = await makeSpace(ctx, { questionCount: 0 });
    const { space: roundtable } = await makeSpace(ctx, { parentId: session.id });
    const sessionChair = await makeUser(ctx);
    await grantRole(ctx, session.id, sessionChair.user.id, 'chair');
    expect((await download(sessionChair, 'format=csv', roundtable.slug)).status).toBe(200);
  });

  it('pages through a large space without losing or repeating a contribution', async () => {
    const { space: big, questions: bigQuestions } = await makeSpace(ctx, { questionCount: 1 });
    const at = new Date(Date.UTC(2026, 10, 3, 8)).toISOString();
    // More roots than one page, all written in the same millisecond: only the id breaks ties.
    await rows(
      `insert into comments (space_id, question_id, author_id, client_id, body_md, body_html, language, status, created_at)
       select $1, $2, $3, gen_random_uuid(), 'Bulk ' || g, '<p>Bulk ' || g || '</p>', 'en', 'approved', $4
       from generate_series(1, 1203) g`,
      [big.id, bigQuestions[0]?.id, amina.user.id, at],
    );
    const [last] = await rows<{ id: string }>(
      'select id from comments where space_id = $1 order by created_at desc, id desc limit 1',
      [big.id],
    );
    const replyRow = await insertComment(ctx, {
      spaceId: big.id,
      authorId: jose.user.id,
      status: 'approved',
      questionId: bigQuestions[0]?.id,
      parentId: last?.id ?? null,
      body: 'Reply to the very last one.',
    });
    const doc = exportDocument.parse(JSON.parse((await download(cast.admin, 'format=json', big.slug)).text));
    const threads = doc.questions[0]?.contributions ?? [];
    expect(threads).toHaveLength(1203);
    expect(idsOf(threads).sort()).toEqual(await publishedIds(big.id));
    expect(threads.map((c) => c.number)).toEqual(Array.from({ length: 1203 }, (_, i) => `1.${i + 1}`));
    expect(threads.at(-1)?.replies.map((r) => [r.id, r.number])).toEqual([[replyRow.id, '1.1203.1']]);
    const csv: Record<string, string>[] = parseCsv((await download(cast.admin, 'format=csv', big.slug)).buffer, {
      bom: true,
      columns: true,
    });
    expect(new Set(csv.map((r) => r.ID)).size).toBe(1204);
  });

  it('exports an empty space and documents the routes', async () => {
    const { space: empty } = await makeSpace(ctx, { questionCount: 1 });
    for (const format of ['docx', 'xlsx', 'csv', 'json', 'md']) {
      const res = await download(cast.admin, `format=${format}`, empty.slug);
      expect(res.status, format).toBe(200);
    }
    const json = exportDocument.parse(JSON.parse((await download(cast.admin, 'format=json', empty.slug)).text));
    expect(json.questions).toHaveLength(1);
    expect(json.questions[0]?.contributions).toEqual([]);
    const openapi = (await cast.anonymous.get('/api/openapi.json')).body;
    expect(openapi.paths['/api/spaces/{slug}/export']).toBeDefined();
    expect(openapi.paths['/api/spaces/{slug}/participation']).toBeDefined();
  });
});
