import {
  type ExportContribution,
  type ExportDocument,
  type StakeholderCategory,
  exportDocument,
} from '@convene/shared';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { participationSentence } from '../../server/src/exports/participationSentence.js';
import { setupApp } from '../helpers/app.js';
import { attachPdf, queryRows, wordParagraphs } from '../helpers/exports.js';
import { type Person, insertComment, makeCast, makeSpace, makeUser, withTaxonomy } from '../helpers/factories.js';

/**
 * The report-ready parts of the exports: the participation sentence (in three languages, over
 * exactly what is exported), grouping by objective and the tag filter, and the annexes.
 */
const ctx = await setupApp();
await withTaxonomy(ctx);
const { space, questions } = await makeSpace(ctx, { code: 'RT 2.2', title: 'Labour mobility' });
const cast = await makeCast(ctx, space.id);
const [q1, q2] = questions;
if (!q1 || !q2) throw new Error('questions missing');

const rows = queryRows(ctx);

const person = (
  displayName: string,
  stakeholderCategory: StakeholderCategory,
  country: string | null,
  affiliation: string,
) => makeUser(ctx, { displayName, stakeholderCategory, country, affiliation });

// 10 participants: 3 government representatives of 2 Member States (Mexico twice), 2 of one UN
// entity ("IOM" and "iom  " are one), 3 of 2 civil society organisations ("Kituo" and "KITUO"),
// 1 of an academic institution and 1 with no affiliation in "other".
const gov1 = await person('Ana Gómez', 'member_state', 'MX', 'Secretaría de Relaciones Exteriores');
const gov2 = await person('Luis Pérez', 'member_state', 'MX', 'Secretaría del Trabajo');
const gov3 = await person('Maria Santos', 'member_state', 'PH', 'Department of Foreign Affairs');
const un1 = await person('Sarah Doyel', 'un_system', null, 'IOM');
const un2 = await person('Wim Martin', 'un_system', 'CH', 'iom');
const cso1 = await person('Amina Odhiambo', 'civil_society', 'KE', 'Kituo cha Sheria');
const cso2 = await person('Claire Dubois', 'civil_society', 'FR', 'Forum Réfugiés');
const cso3 = await person('Peter Mwangi', 'civil_society', 'KE', 'KITUO  CHA sheria');
const uni = await person('Tom Reed', 'academia', 'GB', 'University of Oxford');
const other = await person('Kim Lee', 'other', null, 'to be cleared');
// Written as older accounts may hold them: untrimmed, or with no affiliation at all.
await rows(`update users set affiliation = ' iom  ' where id = $1`, [un2.user.id]);
await rows(`update users set affiliation = '' where id = $1`, [other.user.id]);
// Only unpublished text: must count nowhere.
const youth = await person('Yara Youth', 'youth', 'BR', 'Youth Forum');

const at = (n: number) => new Date(Date.UTC(2026, 10, 3, 9, n));
let minute = 0;
async function publish(
  who: Person,
  values: { questionId?: string | null; language?: 'en' | 'fr' | 'es'; highlighted?: boolean; parentId?: string },
) {
  minute += 1;
  const row = await insertComment(ctx, {
    spaceId: space.id,
    authorId: who.user.id,
    status: 'approved',
    body: `Contribution ${minute} by ${who.user.displayName}.`,
    questionId: values.questionId === undefined ? q1.id : values.questionId,
    parentId: values.parentId ?? null,
    language: values.language ?? 'en',
    createdAt: at(minute),
  });
  if (values.highlighted) await rows('update comments set highlighted = true where id = $1', [row.id]);
  return row;
}

const tagId = async (code: string) =>
  (await rows<{ id: string }>('select id from tags where code = $1', [code]))[0]?.id;
const tagged = async (commentId: string, ...codes: string[]) => {
  for (const code of codes)
    await rows('insert into comment_tags (comment_id, tag_id) values ($1, $2)', [commentId, await tagId(code)]);
};

// 11 published contributions: English, French (3) and Spanish (2).
const a1 = await publish(gov1, { highlighted: true });
const a2 = await publish(gov1, { language: 'fr', questionId: q2.id });
const b1 = await publish(gov2, { language: 'es' });
const c1 = await publish(gov3, { language: 'es', questionId: q2.id, highlighted: true });
const d1 = await publish(un1, {});
const e1 = await publish(un2, { language: 'fr', parentId: a1.id });
const f1 = await publish(cso1, { questionId: q2.id });
const g1 = await publish(cso2, { language: 'fr' });
const h1 = await publish(cso3, { questionId: null });
const i1 = await publish(uni, { questionId: q2.id, highlighted: true });
const j1 = await publish(other, {});
await tagged(a1.id, '5', '16');
await tagged(f1.id, '16');
await tagged(e1.id, '5');
await tagged(i1.id, '23');

for (const status of ['pending', 'rejected', 'withdrawn'] as const) {
  await insertComment(ctx, {
    spaceId: space.id,
    authorId: youth.user.id,
    status,
    body: 'UNPUBLISHEDYAK',
    questionId: q1.id,
  });
}
const pending = await insertComment(ctx, {
  spaceId: space.id,
  authorId: cso1.user.id,
  status: 'pending',
  body: 'UNPUBLISHEDYAK',
  questionId: q1.id,
});

const paperMx = await attachPdf(ctx, a1.id, gov1.user.id, 'mexico-position-paper.pdf');
const paperKituo = await attachPdf(ctx, f1.id, cso1.user.id, 'kituo-submission.pdf');
await attachPdf(ctx, f1.id, cso1.user.id, 'awaiting-edit.pdf', 2);
await attachPdf(ctx, pending.id, cso1.user.id, 'pending-file.pdf');

async function download(query: string, who: Person = cast.chair) {
  const res = await ctx.app.inject({
    method: 'GET',
    url: `/api/spaces/${space.slug}/export?${query}`,
    headers: { cookie: who.client.cookieHeader },
  });
  return { status: res.statusCode, headers: res.headers, buffer: res.rawPayload, text: res.body };
}
const json = async (query: string): Promise<ExportDocument> => {
  const res = await download(`format=json&${query}`);
  expect(res.status, res.text).toBe(200);
  return exportDocument.parse(JSON.parse(res.text));
};

const flat = (list: ExportContribution[]): ExportContribution[] => list.flatMap((c) => [c, ...flat(c.replies)]);
const allOf = (doc: ExportDocument) =>
  flat([...doc.questions.flatMap((q) => q.contributions), ...(doc.objectives ?? []).flatMap((o) => o.contributions)]);

const docxParts = (buffer: Buffer) => {
  const files = unzipSync(new Uint8Array(buffer));
  return {
    doc: strFromU8(files['word/document.xml'] ?? new Uint8Array()),
    rels: strFromU8(files['word/_rels/document.xml.rels'] ?? new Uint8Array()),
  };
};

const EN =
  '11 contributions were received from 10 participants: 3 government representatives of 2 Member States, ' +
  '2 representatives of 1 UN entity, 3 representatives of 2 civil society organisations, ' +
  '1 representative of 1 academic institution and 1 other participant.';
// French: the French contributions only (lang is a filter), with a narrow no-break space before the colon.
const FR =
  '3 contributions ont été reçues de 3 participants\u202f: 1 représentant gouvernemental de 1 État membre, ' +
  '1 représentant de 1 entité des Nations Unies et 1 représentant de 1 organisation de la société civile.';
const ES = 'Se recibieron 2 contribuciones de 2 participantes: 2 representantes gubernamentales de 2 Estados miembros.';

describe('the participation sentence', () => {
  it('says who took part as a report does, in English, French and Spanish', async () => {
    expect((await json('')).participation.summary).toBe(EN);
    expect((await json('lang=fr')).participation.summary).toBe(FR);
    expect((await json('lang=es')).participation.summary).toBe(ES);
    // Highlighted only: 3 contributions, from 3 participants.
    expect((await json('scope=highlighted')).participation.summary).toBe(
      '3 contributions were highlighted for the note, from 3 participants: 2 government representatives of ' +
        '2 Member States and 1 representative of 1 academic institution.',
    );
  });

  it('uses each language’s plurals, lists and numbers', () => {
    const one = {
      contributions: 1,
      contributors: 1,
      scope: 'published' as const,
      categories: [{ category: 'member_state' as const, contributors: 1, organisations: 1, countries: 1 }],
    };
    expect(participationSentence(one, 'en')).toBe(
      '1 contribution was received from 1 participant: 1 government representative of 1 Member State.',
    );
    expect(participationSentence(one, 'fr')).toBe(
      '1 contribution a été reçue de 1 participant\u202f: 1 représentant gouvernemental de 1 État membre.',
    );
    expect(participationSentence(one, 'es')).toBe(
      'Se recibió 1 contribución de 1 participante: 1 representante gubernamental de 1 Estado miembro.',
    );
    const many = {
      contributions: 1234,
      contributors: 210,
      scope: 'published' as const,
      categories: [
        { category: 'member_state' as const, contributors: 87, organisations: 90, countries: 48 },
        { category: 'international_org' as const, contributors: 30, organisations: 13, countries: 20 },
        { category: 'civil_society' as const, contributors: 5, organisations: 0, countries: 3 },
        { category: 'private_sector' as const, contributors: 0, organisations: 0, countries: 0 },
      ],
    };
    expect(participationSentence(many, 'en')).toBe(
      '1,234 contributions were received from 210 participants: 87 government representatives of 48 Member States, ' +
        '30 representatives of 13 international organisations and 5 representatives.',
    );
    expect(participationSentence(many, 'fr')).toBe(
      '1\u202f234 contributions ont été reçues de 210 participants\u202f: 87 représentants gouvernementaux de 48 États membres, ' +
        '30 représentants de 13 organisations internationales et 5 représentants.',
    );
    expect(participationSentence(many, 'es')).toBe(
      'Se recibieron 1234 contribuciones de 210 participantes: 87 representantes gubernamentales de 48 Estados miembros, ' +
        '30 representantes de 13 organizaciones internacionales y 5 representantes.',
    );
    // Any other language (or none) is English; nothing received says so.
    expect(participationSentence(one, 'other')).toBe(participationSentence(one, 'en'));
    expect(participationSentence({ ...one, contributions: 0, contributors: 0, categories: [] }, 'fr')).toBe(
      'Aucune contribution n’a été reçue.',
    );
  });

  it('counts exactly the contributions each export holds, filtered ones included', async () => {
    for (const query of [
      '',
      'scope=highlighted',
      'lang=fr',
      'lang=es',
      `questionId=${q2.id}`,
      'questionId=none',
      'tag=16',
      'tag=none',
      'group=objective',
      'group=objective&tag=5&lang=fr',
    ]) {
      const doc = await json(query);
      // Grouped by objective a contribution may be listed twice; it is counted once.
      const list = [...new Map(allOf(doc).map((c) => [c.id, c])).values()];
      const people = new Map(list.map((c) => [c.author.displayName, c.author]));
      const of = (category: StakeholderCategory) => [...people.values()].filter((a) => a.category === category);
      const categories = (['member_state', 'un_system', 'civil_society', 'academia', 'other'] as const).map(
        (category) => ({
          category,
          contributors: of(category).length,
          organisations: new Set(
            of(category)
              .filter((a) => a.affiliation.trim())
              .map((a) => a.affiliation.trim().toLowerCase().replace(/\s+/g, ' ')),
          ).size,
          countries: new Set(of(category).flatMap((a) => (a.country ? [a.country] : []))).size,
        }),
      );
      const expected = participationSentence(
        { contributions: list.length, contributors: people.size, scope: doc.filters.scope, categories },
        doc.filters.language,
      );
      expect(doc.participation.summary, query).toBe(expected);
      expect(doc.participation.totals.contributions, query).toBe(list.length);
    }
  });

  it('opens the Word and Markdown exports, in the export’s language', async () => {
    const docx = await download('format=docx&lang=fr');
    const ps = wordParagraphs(docxParts(docx.buffer).doc);
    expect(ps[0]?.style).toBe('Title');
    expect(ps.slice(1, 3).map((p) => p.text)).toEqual(['Participation', FR]);
    expect(ps[2]?.xml).toContain('w:lang w:val="fr-FR"');

    const md = (await download('format=md')).text;
    const lines = md.split('\n').filter(Boolean);
    expect(lines.slice(0, 3)).toEqual([`# RT 2.2 — Labour mobility`, '## Participation', EN]);
  });
});

describe('grouping by objective and the tag filter', () => {
  it('lists each contribution under each of its objectives, untagged ones under "No objective", same numbers', async () => {
    const byQuestion = await json('');
    const numberOf = new Map(allOf(byQuestion).map((c) => [c.id, c.number]));
    const doc = await json('group=objective');
    expect(doc.filters.group).toBe('objective');
    expect(doc.questions).toEqual([]);
    const objectives = doc.objectives ?? [];
    expect(objectives.map((o) => [o.code, o.number])).toEqual([
      ['5', 5],
      ['16', 16],
      ['23', 23],
      [null, null],
    ]);
    const ids = (code: string | null) => objectives.find((o) => o.code === code)?.contributions.map((c) => c.id);
    expect(ids('5')).toEqual([a1.id, e1.id]);
    expect(ids('16')).toEqual([a1.id, f1.id]);
    expect(ids('23')).toEqual([i1.id]);
    expect(new Set(ids(null))).toEqual(new Set([a2.id, b1.id, c1.id, d1.id, g1.id, h1.id, j1.id]));
    expect(objectives.at(-1)?.text).toBe('No objective');
    // Listed under both, each entry says where else; numbers as in the export by question.
    const under = (code: string, id: string) =>
      objectives.find((o) => o.code === code)?.contributions.find((c) => c.id === id);
    expect(under('5', a1.id)?.alsoUnder).toEqual(['16']);
    expect(under('16', a1.id)?.alsoUnder).toEqual(['5']);
    expect(under('16', f1.id)?.alsoUnder).toEqual([]);
    for (const c of allOf(doc)) expect(c.number).toBe(numberOf.get(c.id));
    // A reply stands on its own there, saying what it answers.
    expect(under('5', e1.id)).toMatchObject({
      parentId: null,
      inReplyTo: { number: numberOf.get(a1.id) },
      replies: [],
    });
  });

  it('does so in Word, Markdown, CSV and the spreadsheet, with the file named for it', async () => {
    const docx = await download('format=docx&group=objective');
    expect(docx.headers['content-disposition']).toMatch(/filename="RT-2\.2-all-by-objective-\d{4}-\d{2}-\d{2}\.docx"/);
    const ps = wordParagraphs(docxParts(docx.buffer).doc);
    const h1 = ps.filter((p) => p.style === 'Heading1').map((p) => p.text);
    expect(h1.filter((h) => h.startsWith('Objective') || h === 'No objective')).toEqual([
      expect.stringMatching(/^Objective 5: /),
      expect.stringMatching(/^Objective 16: /),
      expect.stringMatching(/^Objective 23: /),
      'No objective',
    ]);
    expect(ps.filter((p) => p.text === 'Also under objective 16')).toHaveLength(1);
    expect(ps.filter((p) => p.text === 'Also under objective 5')).toHaveLength(1);

    const md = (await download('format=md&group=objective')).text;
    expect(md).toMatch(/\n## Objective 16: [^\n]+\n/);
    expect(md).toContain('\n## No objective\n');
    expect(md).toContain('*Also under objective 5*');

    const csv = await download('format=csv&group=objective');
    expect(csv.headers['content-disposition']).toMatch(/RT-2\.2-all-by-objective-/);
    const records: Record<string, string>[] = parseCsv(csv.text.replace(/^\uFEFF/, ''), { columns: true });
    // 11 contributions, a1 listed twice.
    expect(records).toHaveLength(12);
    expect(Object.keys(records[0] ?? {})[0]).toBe('Objective');
    expect(records.filter((r) => r.ID === a1.id).map((r) => r.Objective.split(':')[0])).toEqual([
      'Objective 5',
      'Objective 16',
    ]);

    const xlsx = await download('format=xlsx&group=objective');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.buffer as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Contributions');
    expect(sheet?.getRow(1).getCell(1).value).toBe('Objective');
    expect(sheet?.actualRowCount).toBe(13);
    // Its file is listed once on the attachments sheet, though the contribution appears twice.
    expect(wb.getWorksheet('Attachments')?.actualRowCount).toBe(3);
  });

  it('filters by tag (code or slug, or none), named in the file and its filters', async () => {
    const doc = await json('tag=16');
    expect(doc.filters.tag).toBe('16');
    expect(
      allOf(doc)
        .map((c) => c.id)
        .sort(),
    ).toEqual([a1.id, f1.id].sort());
    expect(doc.participation.totals.contributions).toBe(2);
    const bySlug = await json('tag=gcm-16');
    expect(
      allOf(bySlug)
        .map((c) => c.id)
        .sort(),
    ).toEqual([a1.id, f1.id].sort());
    const none = await json('tag=none');
    expect(allOf(none).every((c) => c.tags.length === 0)).toBe(true);
    expect(allOf(none)).toHaveLength(7);

    const res = await download('format=docx&tag=16&lang=en&group=objective');
    expect(res.headers['content-disposition']).toMatch(
      /filename="RT-2\.2-all-en-tag16-by-objective-\d{4}-\d{2}-\d{2}\.docx"/,
    );
    expect((await download('format=md&tag=none')).headers['content-disposition']).toMatch(/RT-2\.2-all-untagged-/);
    const bad = await download('format=json&tag=99');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text).error.details.fields).toEqual([{ field: 'tag', message: 'No such tag' }]);
    expect((await download('format=json&group=theme')).status).toBe(400);
  });
});

describe('annexes', () => {
  it('lists contributors by Member State and by organisation, and the position papers, in Markdown', async () => {
    const md = (await download('format=md')).text;
    const annex = (title: string) => {
      const start = md.indexOf(`## ${title}`);
      expect(start, title).toBeGreaterThan(0);
      const end = md.indexOf('\n## ', start + 4);
      return md.slice(start, end < 0 ? undefined : end);
    };
    const states = annex('Annex I. Contributors by Member State');
    expect(states).toContain(
      '| Mexico | Ana Gómez (Secretaría de Relaciones Exteriores); Luis Pérez (Secretaría del Trabajo) | 3 |',
    );
    expect(states).toContain('| Philippines | Maria Santos (Department of Foreign Affairs) | 1 |');
    const orgs = annex('Annex II. Contributors by organisation');
    // One organisation whatever its case and spacing; governments are not organisations.
    expect(orgs).toContain('| Kituo cha Sheria | Civil society | Kenya | 2 | 2 |');
    expect(orgs).toContain('| IOM | UN system | Switzerland | 2 | 2 |');
    expect(orgs).not.toContain('Secretaría');
    expect(orgs).not.toContain('Youth Forum');
    const papers = annex('Annex III. Position papers');
    const origin = ctx.config.appOrigin;
    expect(papers).toContain(`[mexico-position-paper.pdf](${origin}/api/attachments/${paperMx})`);
    expect(papers).toContain(`[kituo-submission.pdf](${origin}/api/attachments/${paperKituo})`);
    expect(papers).toMatch(/\| \[1\.1\]\([^)]*#comment-[0-9a-f-]+\) \| \[mexico-position-paper\.pdf\]/);
    // Only the files of published text.
    expect(md).not.toContain('awaiting-edit.pdf');
    expect(md).not.toContain('pending-file.pdf');
    expect(md).not.toContain('UNPUBLISHEDYAK');

    // A filtered export's annexes hold only its own contributors and files.
    // Asked in Spanish, the annexes' fixed text and the country names are Spanish.
    const es = (await download('format=md&lang=es')).text;
    expect(es).toContain('| Filipinas |');
    expect(es).not.toContain('Kituo');
    expect(es).toContain('*No hay documentos de posición adjuntos a las contribuciones exportadas.*');
  });

  it('ends the Word document with them, files linked', async () => {
    const { doc, rels } = docxParts((await download('format=docx')).buffer);
    const ps = wordParagraphs(doc);
    const h1 = ps.filter((p) => p.style === 'Heading1').map((p) => p.text);
    expect(h1.slice(-3)).toEqual([
      'Annex I. Contributors by Member State',
      'Annex II. Contributors by organisation',
      'Annex III. Position papers',
    ]);
    expect(rels).toContain(`/api/attachments/${paperMx}`);
    const annexStart = doc.indexOf('Annex III. Position papers');
    expect(doc.slice(annexStart)).toContain('mexico-position-paper.pdf');
    expect(doc.slice(doc.indexOf('Annex II.'), annexStart)).toContain('Kituo cha Sheria');
  });

  it('are sheets of the spreadsheet', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await download('format=xlsx')).buffer as unknown as ArrayBuffer);
    const values = (name: string) =>
      (wb.getWorksheet(name)?.getSheetValues() ?? []).filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(values('Member States')).toEqual([
      ['Member State', 'Code', 'Participant', 'Affiliation', 'Contributions'],
      ['Mexico', 'MX', 'Ana Gómez', 'Secretaría de Relaciones Exteriores', 2],
      ['Mexico', 'MX', 'Luis Pérez', 'Secretaría del Trabajo', 1],
      ['Philippines', 'PH', 'Maria Santos', 'Department of Foreign Affairs', 1],
    ]);
    const orgs = values('Organisations');
    expect(orgs[0]).toEqual(['Organisation', 'Category', 'Country', 'Participants', 'Contributions']);
    expect(orgs).toContainEqual(['Kituo cha Sheria', 'Civil society', 'Kenya', 2, 2]);
    expect(orgs.map((r) => r[0])).not.toContain('Secretaría del Trabajo');
    expect(orgs).toHaveLength(1 + 5);
  });
});
