/**
 * The exports as a rapporteur opens them: CSV through LibreOffice Calc (the row count it sees),
 * Word's XML (paragraph spacing, languages, column widths, footnotes, replies, numbering) and the
 * spreadsheet read back with exceljs (hyperlinks, numbers, dates, print set-up, vocabulary).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { exportDocument } from '@convene/shared';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupApp } from '../helpers/app.js';
import { type Person, insertComment, makeCast, makeSpace, makeUser, withTaxonomy } from '../helpers/factories.js';

const run = promisify(execFile);

const ctx = await setupApp();
await withTaxonomy(ctx);
const { space, questions } = await makeSpace(ctx, { code: 'IMRF RT 3', title: 'IMRF Roundtable 3 Consultation' });
const cast = await makeCast(ctx, space.id);
// A guiding question as long as real ones are.
await ctx.db.pool.query('update questions set text = $1 where id = $2', [
  'How can States, local authorities and stakeholders strengthen the contribution of migrants and diasporas to sustainable development, including through remittances, skills and investment?',
  questions[0]?.id,
]);
const [q1, q2] = questions;
if (q1)
  q1.text =
    (await ctx.db.pool.query<{ text: string }>('select text from questions where id = $1', [q1.id])).rows[0]?.text ??
    '';
if (!q1 || !q2) throw new Error('questions missing');

const fatou = await makeUser(ctx, {
  displayName: 'Fatou Diallo',
  affiliation: 'Ministère des Affaires étrangères',
  stakeholderCategory: 'member_state',
  country: 'SN',
});
const ana = await makeUser(ctx, {
  displayName: 'Ana Ruiz',
  affiliation: 'Red de Migrantes',
  stakeholderCategory: 'civil_society',
  country: 'CO',
});

let minute = 0;
async function add(
  who: Person,
  body: string,
  values: {
    questionId?: string | null;
    parentId?: string;
    language?: 'en' | 'fr' | 'es';
    status?: 'approved' | 'withdrawn' | 'pending';
  } = {},
) {
  minute += 1;
  return insertComment(ctx, {
    spaceId: space.id,
    authorId: who.user.id,
    status: values.status ?? 'approved',
    body,
    questionId: values.questionId === undefined ? q1?.id : values.questionId,
    parentId: values.parentId ?? null,
    language: values.language ?? 'en',
    createdAt: new Date(Date.UTC(2026, 10, 2, 9, minute)),
  });
}

// Paragraphs separated by bare LF, and no comma or quote anywhere: the record csv-stringify left unquoted.
const PARAGRAPHS = 'First paragraph of the text\n\nSecond paragraph\nwith a line break\n\nThird paragraph';
/** The plain text the tabular formats print (markdown's soft line break is a space). */
const PLAIN = 'First paragraph of the text\n\nSecond paragraph with a line break\n\nThird paragraph';
const english = await add(ana, PARAGRAPHS);
const french = await add(fatou, 'Les migrants contribuent au développement\n\nDeuxième paragraphe en français', {
  language: 'fr',
});
const withdrawn = await add(ana, 'WITHDRAWNPARENT text', { status: 'withdrawn' });
const orphan = await add(fatou, 'A reply to a comment that was later withdrawn.', { parentId: withdrawn.id });
await add(
  ana,
  [
    'The 2018 compact was adopted in Marrakech [1] and reviewed in 2022 [2].',
    '',
    'Both texts are public.',
    '',
    '[1] A/RES/73/195, 19 December 2018.',
    '[2] A/RES/76/266, 7 June 2022.',
  ].join('\n'),
);
const frenchReply = await add(fatou, 'Réponse en français', { parentId: english.id, language: 'fr' });
const spanish = await add(ana, 'Una contribución\nen español', { questionId: q2.id, language: 'es' });
// An affiliation with spaces at both ends (typed by hand into a database, say): still quoted.
const edgy = await makeUser(ctx, { affiliation: ' Edge spaces ', stakeholderCategory: 'academia' });
await ctx.db.pool.query(`update users set affiliation = ' Edge spaces ' where id = $1`, [edgy.user.id]);
await add(edgy, 'A plain text', { questionId: q2.id });
const [file] = (
  await ctx.db.pool.query<{ id: string }>(
    `insert into attachments (comment_id, uploader_id, filename, content_type, size, sha256, data)
     values ($1, $2, 'position-paper.pdf', 'application/pdf', 4, 'x', '\\x25504446') returning id`,
    [english.id, ana.user.id],
  )
).rows;

async function download(query: string) {
  const res = await ctx.app.inject({
    method: 'GET',
    url: `/api/spaces/${space.slug}/export?${query}`,
    headers: { cookie: cast.chair.client.cookieHeader },
  });
  expect(res.statusCode, query).toBe(200);
  return { buffer: res.rawPayload, headers: res.headers, text: res.body };
}

const xmlPart = (buffer: Buffer, name: string) => {
  const f = unzipSync(new Uint8Array(buffer))[name];
  if (!f) throw new Error(`${name} missing`);
  return strFromU8(f);
};

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
const paragraphs = (xml: string) =>
  [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1] ?? null,
    text: decode([...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')),
    xml: p,
  }));

const publishedCount = 7;

describe('CSV as LibreOffice Calc opens it', () => {
  const soffice = (process.env.PATH ?? '')
    .split(':')
    .map((d) => join(d, 'soffice'))
    .find((p) => existsSync(p));
  let dir = '';
  const sheets = new Map<string, ExcelJS.Worksheet>();
  const csvs = { all: 'format=csv', french: 'format=csv&lang=fr', q2: `format=csv&questionId=${q2.id}` };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'convene-lo-'));
    for (const [name, query] of Object.entries(csvs)) {
      await writeFile(join(dir, `${name}.csv`), (await download(query)).buffer);
    }
    if (!soffice) return;
    await mkdir(join(dir, 'out'));
    // One LibreOffice start for every file, a private profile so parallel runs don't share one;
    // the CSV filter fixed: comma, double quote, UTF-8 (76), from line 1.
    await run(
      soffice,
      [
        `-env:UserInstallation=file://${join(dir, 'profile')}`,
        '--headless',
        '--infilter=CSV:44,34,76,1',
        '--convert-to',
        'xlsx',
        '--outdir',
        join(dir, 'out'),
        ...Object.keys(csvs).map((name) => join(dir, `${name}.csv`)),
      ],
      { timeout: 120_000 },
    );
    for (const name of Object.keys(csvs)) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(dir, 'out', `${name}.xlsx`));
      const sheet = wb.worksheets[0];
      if (sheet) sheets.set(name, sheet);
    }
  }, 180_000);
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('quotes every field with a line break, comma, quote or edge space, and parses strictly', async () => {
    const text = await readFile(join(dir, 'all.csv'), 'utf8');
    expect(text).toContain(`"${PLAIN}"`);
    expect(text).toContain('" Edge spaces "');
    const records: Record<string, string>[] = parseCsv(text, {
      bom: true,
      columns: true,
      relax_quotes: false,
      relax_column_count: false,
      record_delimiter: '\r\n',
      trim: false,
    });
    expect(records).toHaveLength(publishedCount);
    expect(records.find((r) => r.ID === english.id)?.Text).toBe(PLAIN);
    expect(records.find((r) => r.ID === spanish.id)?.Text).toBe('Una contribución en español');
  });

  it.skipIf(!soffice)('opens in LibreOffice Calc with one row per contribution', () => {
    const expected = { all: publishedCount, french: 2, q2: 2 };
    for (const [name, count] of Object.entries(expected)) {
      const sheet = sheets.get(name);
      expect(sheet, name).toBeDefined();
      // The header, then one row per contribution: a text cut at a line break would add rows.
      expect(sheet?.actualRowCount, name).toBe(count + 1);
    }
    const all = sheets.get('all');
    const header = (all?.getRow(1).values as unknown[]).slice(1);
    const textCol = header.indexOf('Text') + 1;
    const idCol = header.indexOf('ID') + 1;
    const texts = new Map<string, unknown>();
    all?.eachRow((row) => texts.set(String(row.getCell(idCol).value), row.getCell(textCol).value));
    expect(texts.get(english.id)).toBe(PLAIN);
  });
  if (!soffice)
    console.log('LibreOffice row-count test skipped: soffice is not installed (apt-get install libreoffice-calc)');
});

describe('Word export', () => {
  it('spaces paragraphs, and tags each contribution with its language', async () => {
    const { buffer } = await download('format=docx');
    const styles = xmlPart(buffer, 'word/styles.xml');
    // Space after every paragraph by default (docDefaults), so a contribution's paragraphs stand apart.
    expect(styles).toMatch(/<w:pPrDefault>[\s\S]*?<w:spacing [^>]*w:after="160"/);
    expect(styles).toMatch(/<w:rPrDefault>[\s\S]*?<w:lang w:val="en-GB"/);
    const ps = paragraphs(xmlPart(buffer, 'word/document.xml'));
    const fr = ps.find((p) => p.text === 'Les migrants contribuent au développement');
    expect(fr?.xml).toContain('<w:lang w:val="fr-FR"/>');
    expect(ps.find((p) => p.text === 'Deuxième paragraphe en français')?.xml).toContain('<w:lang w:val="fr-FR"/>');
    expect(ps.find((p) => p.text === 'Una contribución en español')?.xml).toContain('<w:lang w:val="es-ES"/>');
    expect(ps.find((p) => p.text === 'First paragraph of the text')?.xml).toContain('<w:lang w:val="en-GB"/>');
  });

  it('gives a statistics table a wide text column and narrow count columns', async () => {
    const doc = xmlPart((await download('format=docx')).buffer, 'word/document.xml');
    const tables = [...doc.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
    const byQuestion = tables.find((t) => t.includes(q1.text));
    const grid = [...(byQuestion ?? '').matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(grid).toHaveLength(3);
    const [text = 0, contributors = 0, contributions = 0] = grid;
    expect(text).toBeGreaterThan(2 * contributors);
    expect(text).toBeGreaterThan(2 * contributions);
    expect(text + contributors + contributions).toBeLessThanOrEqual(9026);
  });

  it('turns footnotes pasted as text into Word footnotes', async () => {
    const { buffer } = await download('format=docx');
    const doc = xmlPart(buffer, 'word/document.xml');
    const notes = paragraphs(xmlPart(buffer, 'word/footnotes.xml')).map((p) => p.text);
    const ps = paragraphs(doc);
    const body = ps.find((p) => p.text.startsWith('The 2018 compact was adopted'));
    expect(body?.text).toBe('The 2018 compact was adopted in Marrakech and reviewed in 2022.');
    expect(body?.xml.match(/<w:footnoteReference w:id="\d+"\/>/g)).toHaveLength(2);
    expect(notes.some((t) => t.includes('A/RES/73/195, 19 December 2018.'))).toBe(true);
    expect(notes.some((t) => t.includes('A/RES/76/266, 7 June 2022.'))).toBe(true);
    expect(ps.some((p) => p.text.startsWith('[1] A/RES'))).toBe(false);
  });

  it('says a reply is one when its parent is not published', async () => {
    const { buffer, text: md } = await download('format=docx').then(async (d) => ({
      ...d,
      text: (await download('format=md')).text,
    }));
    const ps = paragraphs(xmlPart(buffer, 'word/document.xml'));
    const at = ps.findIndex((p) => p.text.includes('A reply to a comment that was later withdrawn.'));
    const before = ps.slice(Math.max(0, at - 4), at).map((p) => p.text);
    expect(before).toContain('In reply to a contribution that is not published');
    expect(md).toContain('*In reply to a contribution that is not published*');
    const json = exportDocument.parse(JSON.parse((await download('format=json')).text));
    const o = json.questions[0]?.contributions.find((c) => c.id === orphan.id);
    expect(o?.inReplyTo).toEqual({ number: null, published: false });
    expect(JSON.stringify(json)).not.toContain('WITHDRAWNPARENT');
  });

  it('numbers contributions the same in a filtered export as in the full one', async () => {
    const full = exportDocument.parse(JSON.parse((await download('format=json')).text));
    const numbers = new Map<string, string>();
    const walk = (list: (typeof full.questions)[number]['contributions']) => {
      for (const c of list) {
        numbers.set(c.id, c.number);
        walk(c.replies);
      }
    };
    for (const q of full.questions) walk(q.contributions);
    expect(numbers.get(english.id)).toBe('1.1');
    expect(numbers.get(french.id)).toBe('1.2');
    expect(numbers.get(frenchReply.id)).toBe('1.1.1');
    const fr = exportDocument.parse(JSON.parse((await download('format=json&lang=fr')).text));
    const q1fr = fr.questions[0]?.contributions ?? [];
    // In reading order, each with the number it has in the full export.
    expect(q1fr.map((c) => [c.id, c.number])).toEqual([
      [french.id, '1.2'],
      [frenchReply.id, '1.1.1'],
    ]);
    // The reply's parent is published but not French: it says which one.
    expect(q1fr.find((c) => c.id === frenchReply.id)?.inReplyTo).toEqual({ number: '1.1', published: true });
    const doc = paragraphs(xmlPart((await download('format=docx&lang=fr')).buffer, 'word/document.xml'));
    expect(doc.find((p) => p.style === 'Heading2' && p.text.startsWith('1.2  '))?.text).toContain('Fatou Diallo');
    // Asked in French, the note is in French (the export's fixed text follows lang=).
    expect(doc.some((p) => p.text === 'En réponse à la contribution 1.1 (absente de cet export)')).toBe(true);
    expect(doc.some((p) => p.text.startsWith('1.1  '))).toBe(false);
  });
});

describe('Spreadsheet export', () => {
  it('links, numbers, dates, print set-up and the JSON vocabulary', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await download('format=xlsx')).buffer as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Contributions');
    if (!sheet) throw new Error('no sheet');
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    const col = (name: string) => header.indexOf(name) + 1;
    let row: ExcelJS.Row | undefined;
    sheet.eachRow((r) => {
      if (r.getCell(col('ID')).value === english.id) row = r;
    });
    if (!row) throw new Error('row missing');
    const permalink = row.getCell(col('Permalink'));
    expect(permalink.hyperlink).toBe(`${ctx.config.appOrigin}/spaces/${space.slug}#comment-${english.id}`);
    const attachment = row.getCell(col('Attachments'));
    expect(attachment.hyperlink).toBe(`${ctx.config.appOrigin}/api/attachments/${file?.id}`);
    expect(attachment.text).toBe('position-paper.pdf');
    expect(row.getCell(col('Question no.')).value).toBe(1);
    expect(row.getCell(col('Status')).value).toBe('approved');
    const json = exportDocument.parse(JSON.parse((await download('format=json')).text));
    expect(json.questions[0]?.contributions[0]?.status).toBe('approved');

    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const workbookXml = xmlPart((await download('format=xlsx')).buffer, 'xl/workbook.xml');
    expect(workbookXml).toMatch(
      /<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;Contributions&apos;!\$1:\$1</,
    );

    const files = wb.getWorksheet('Attachments');
    expect(files?.getRow(2).getCell(3).hyperlink).toBe(`${ctx.config.appOrigin}/api/attachments/${file?.id}`);

    const stats = wb.getWorksheet('Statistics');
    let exported: ExcelJS.Cell | undefined;
    stats?.eachRow((r) => {
      if (r.getCell(1).value === 'Exported') exported = r.getCell(2);
    });
    expect(exported?.value).toBeInstanceOf(Date);
    expect(exported?.numFmt).toBe('yyyy-mm-dd hh:mm');
  });
});

describe('File names', () => {
  it('say the scope, question and language, so two downloads never share a name', async () => {
    const name = async (query: string) => {
      const header = String((await download(query)).headers['content-disposition']);
      expect(header).toMatch(/^attachment; filename="[^"]+"; filename\*=UTF-8''[^"\s;]+$/);
      return /filename="([^"]+)"/.exec(header)?.[1] ?? '';
    };
    const date = '\\d{4}-\\d{2}-\\d{2}';
    const names = await Promise.all([
      name('format=docx'),
      name('format=docx&scope=highlighted'),
      name('format=docx&lang=fr'),
      name(`format=docx&questionId=${q2.id}`),
      name('format=docx&questionId=none'),
      name(`format=csv&scope=highlighted&lang=es&questionId=${q2.id}`),
    ]);
    expect(names[0]).toMatch(new RegExp(`^IMRF-RT-3-all-${date}\\.docx$`));
    expect(names[1]).toMatch(new RegExp(`^IMRF-RT-3-highlighted-${date}\\.docx$`));
    expect(names[2]).toMatch(new RegExp(`^IMRF-RT-3-all-fr-${date}\\.docx$`));
    expect(names[3]).toMatch(new RegExp(`^IMRF-RT-3-all-q2-${date}\\.docx$`));
    expect(names[4]).toMatch(new RegExp(`^IMRF-RT-3-all-general-${date}\\.docx$`));
    expect(names[5]).toMatch(new RegExp(`^IMRF-RT-3-highlighted-q2-es-${date}\\.csv$`));
    expect(new Set(names).size).toBe(names.length);
  });
});
