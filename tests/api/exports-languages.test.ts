/**
 * Exports and the participation sentence in Arabic, Chinese and Russian: the tabular formats'
 * headers and language names translated, the Arabic Word document and sheet right to left, and
 * the Arabic and Chinese Word files opened by LibreOffice (converted to PDF, read back with
 * pdftotext) with their text intact. The sentence's grammar for Russian and Arabic counts.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { type ParticipationFigures, participationSentence } from '../../server/src/exports/participationSentence.js';
import { setupApp } from '../helpers/app.js';
import { type Person, insertComment, makeCast, makeSpace, makeUser, withTaxonomy } from '../helpers/factories.js';

const run = promisify(execFile);

const ctx = await setupApp();
await withTaxonomy(ctx);
const { space, questions } = await makeSpace(ctx, { code: 'RT 1.1', title: 'Harnessing the capital' });
const cast = await makeCast(ctx, space.id);
const [q1] = questions;
if (!q1) throw new Error('questions missing');

const layla = await makeUser(ctx, {
  displayName: 'Layla Haddad',
  affiliation: 'وزارة الخارجية',
  stakeholderCategory: 'member_state',
  country: 'JO',
});
const ivan = await makeUser(ctx, {
  displayName: 'Ivan Petrov',
  affiliation: 'Сеть мигрантов',
  stakeholderCategory: 'civil_society',
  country: 'KZ',
});

const ARABIC = 'تسهم التحويلات المالية في التنمية المستدامة';
const RUSSIAN = 'Денежные переводы мигрантов способствуют развитию';
let minute = 0;
const add = (who: Person, body: string, language: string) =>
  insertComment(ctx, {
    spaceId: space.id,
    authorId: who.user.id,
    status: 'approved',
    body,
    questionId: q1.id,
    // The helper's type predates the six languages; the column takes them all.
    language: language as 'en',
    createdAt: new Date(Date.UTC(2026, 10, 2, 9, (minute += 1))),
  });
const arabic = await add(layla, ARABIC, 'ar');
const russian = await add(ivan, RUSSIAN, 'ru');
const english = await add(cast.participant, 'Remittances lower the cost of development', 'en');

async function download(query: string) {
  const res = await ctx.app.inject({
    method: 'GET',
    url: `/api/spaces/${space.slug}/export?${query}`,
    headers: { cookie: cast.chair.client.cookieHeader },
  });
  expect(res.statusCode, query).toBe(200);
  return { buffer: res.rawPayload, text: res.body };
}

const csv = async (query: string) =>
  parseCsv((await download(query)).text, { bom: true, columns: true }) as Record<string, string>[];
const xmlPart = (buffer: Buffer, name: string) => {
  const f = unzipSync(new Uint8Array(buffer))[name];
  if (!f) throw new Error(`${name} missing`);
  return strFromU8(f);
};

describe('tabular exports in the language asked', () => {
  it('CSV in Arabic (lang=ar): Arabic headers and language names, the Arabic contribution only', async () => {
    const rows = await csv('format=csv&lang=ar');
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(Object.keys(row ?? {})).toEqual(expect.arrayContaining(['الرقم', 'السؤال', 'اللغة', 'النص', 'البلد']));
    expect(row?.['المعرّف']).toBe(arabic.id);
    expect(row?.['اللغة']).toBe('العربية');
    expect(row?.['الفئة']).toBe('دولة عضو');
    expect(row?.['النص']).toBe(ARABIC);
  });

  it('CSV with Chinese translations (translation=zh): Chinese headers, every language named in Chinese', async () => {
    const rows = await csv('format=csv&translation=zh');
    expect(rows.map((r) => r.ID)).toEqual([arabic.id, russian.id, english.id]);
    expect(rows.map((r) => r['语言'])).toEqual(['阿拉伯语', '俄语', '英语']);
    expect(Object.keys(rows[0] ?? {})).toEqual(expect.arrayContaining(['编号', '作者', '译文语言', '译文']));
  });

  it('XLSX in Russian (lang=ru): the sheet and its headers in Russian; in Arabic the sheet reads right to left', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await download('format=xlsx&lang=ru')).buffer as never);
    const sheet = book.getWorksheet('Материалы');
    expect(sheet).toBeDefined();
    const header = (sheet?.getRow(1).values as unknown[]).filter(Boolean);
    expect(header).toEqual(expect.arrayContaining(['№', 'Вопрос', 'Автор', 'Язык', 'Текст']));
    expect(sheet?.getRow(2).getCell(header.indexOf('Язык') + 1).value).toBe('Русский');
    expect(sheet?.views[0]?.rightToLeft ?? false).toBe(false);

    const ar = new ExcelJS.Workbook();
    await ar.xlsx.load((await download('format=xlsx&lang=ar')).buffer as never);
    expect(ar.getWorksheet('المساهمات')?.views[0]?.rightToLeft).toBe(true);
  });

  it('English stays the default: no language asked, English headers', async () => {
    const rows = await csv('format=csv');
    expect(Object.keys(rows[0] ?? {})).toEqual(expect.arrayContaining(['No.', 'Question', 'Language', 'Text']));
    expect(rows.map((r) => r.Language)).toEqual(['Arabic', 'Russian', 'English']);
  });
});

describe('the report in Russian (Markdown) and its annexes in Arabic (Word)', () => {
  it('Markdown in Russian: labels, participation tables, categories, countries and annexes in Russian', async () => {
    const md = (await download('format=md&lang=ru')).text;
    for (const text of [
      '## Участие',
      '## Показатели участия',
      '### По категориям заинтересованных сторон',
      '| Категория | Авторы | Материалы |',
      'Гражданское общество',
      'Казахстан',
      '## Приложение I. Авторы по государствам-членам',
      '[Постоянная ссылка](',
      'Поступил 1 материал от 1 участника',
      // The date as Russian writes it, and the contribution's category and language.
      'Гражданское общество · Казахстан · Русский · 2 ноября 2026 г.',
    ])
      expect(md, text).toContain(text);
    expect(md).not.toContain('Participation figures');
  });

  it('Word in Arabic: the annexes and tables in Arabic', async () => {
    const doc = xmlPart((await download('format=docx&lang=ar')).buffer, 'word/document.xml');
    for (const text of [
      'أرقام المشاركة',
      'حسب فئة أصحاب المصلحة',
      'المرفق الأول - المساهمون حسب الدولة العضو',
      'الأردن',
      'جميع المساهمات المنشورة، باللغة العربية',
    ])
      expect(doc, text).toContain(text);
    expect(doc).not.toContain('Annex I.');
  });
});

describe('Word in Arabic and Chinese', () => {
  it('Arabic: every paragraph right to left by default, Arabic labels and sentence, fonts per script', async () => {
    const { buffer } = await download('format=docx&lang=ar');
    const styles = xmlPart(buffer, 'word/styles.xml');
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)?.[0] ?? '';
    expect(defaults).toContain('<w:bidi/>');
    expect(defaults).toMatch(/w:cs="Arial"/);
    expect(defaults).toMatch(/w:eastAsia="Microsoft YaHei"/);
    expect(defaults).toMatch(/w:val="ar-SA"/);
    const doc = xmlPart(buffer, 'word/document.xml');
    expect(doc).toContain('>المشاركة<');
    expect(doc).toContain('وردت مساهمة واحدة من مشارك واحد');
    expect(doc).toContain(ARABIC);
  });

  it('Russian: a Russian contribution in an Arabic document stays left to right', async () => {
    const doc = xmlPart((await download('format=docx&translation=ar')).buffer, 'word/document.xml');
    const paragraphOf = (text: string) =>
      [...doc.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].find(([p]) => p.includes(text))?.[0];
    expect(paragraphOf(RUSSIAN)).toContain('<w:bidi w:val="false"/>');
    expect(paragraphOf(ARABIC)).toContain('<w:bidi/>');
  });

  const soffice = ['/usr/bin/soffice', '/usr/local/bin/soffice'].find((p) => existsSync(p));
  const pdftotext = ['/usr/bin/pdftotext', '/usr/local/bin/pdftotext'].find((p) => existsSync(p));
  let dir = '';
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  if (!soffice || !pdftotext) console.log('LibreOffice round trip skipped: soffice or pdftotext is not installed');

  it.skipIf(!soffice || !pdftotext)(
    'opens in LibreOffice: the Arabic and Chinese documents come back as text from their PDFs',
    async () => {
      dir = await mkdtemp(join(tmpdir(), 'convene-langs-'));
      await writeFile(join(dir, 'ar.docx'), (await download('format=docx&lang=ar')).buffer);
      await writeFile(join(dir, 'zh.docx'), (await download('format=docx&translation=zh')).buffer);
      await run(
        soffice ?? '',
        [
          `-env:UserInstallation=file://${join(dir, 'profile')}`,
          '--headless',
          '--convert-to',
          'pdf',
          '--outdir',
          dir,
          join(dir, 'ar.docx'),
          join(dir, 'zh.docx'),
        ],
        { timeout: 120_000 },
      );
      const text = async (name: string) => {
        await run(pdftotext ?? '', ['-enc', 'UTF-8', join(dir, `${name}.pdf`), join(dir, `${name}.txt`)]);
        return (await readFile(join(dir, `${name}.txt`), 'utf8')).normalize('NFKC');
      };
      const ar = await text('ar');
      expect(ar).toContain('المشاركة');
      // Words without the lam-alef ligature, which pdftotext gives back as its two letters swapped.
      expect(ar).toContain('تسهم');
      expect(ar).toContain('المستدامة');
      expect(ar).toContain('الرابط الدائم');
      const zh = await text('zh');
      expect(zh).toContain('参与情况');
      expect(zh).toContain('永久链接');
      expect(zh).toContain('日期');
      expect(zh).toContain(RUSSIAN.split(' ')[0]);
    },
    150_000,
  );
});

describe('the participation sentence in Russian and Arabic', () => {
  const figures = (n: number): ParticipationFigures => ({
    contributions: n,
    contributors: n,
    scope: 'published',
    categories: [{ category: 'member_state', contributors: n, organisations: 0, countries: n }],
  });

  it('Russian: one, few, many (1, 2, 5, 11, 21)', () => {
    expect([1, 2, 5, 11, 21].map((n) => participationSentence(figures(n), 'ru'))).toEqual([
      'Поступил 1 материал от 1 участника: 1 представитель правительства от 1 государства-члена.',
      'Поступило 2 материала от 2 участников: 2 представителя правительств от 2 государств-членов.',
      'Поступило 5 материалов от 5 участников: 5 представителей правительств от 5 государств-членов.',
      'Поступило 11 материалов от 11 участников: 11 представителей правительств от 11 государств-членов.',
      'Поступил 21 материал от 21 участника: 21 представитель правительства от 21 государства-члена.',
    ]);
  });

  it('Arabic: zero, one, two, few, many, other (0, 1, 2, 3, 11, 100)', () => {
    expect([0, 1, 2, 3, 11, 100].map((n) => participationSentence(figures(n), 'ar'))).toEqual([
      'لم ترد أي مساهمة.',
      'وردت مساهمة واحدة من مشارك واحد: ممثل حكومي واحد عن دولة عضو واحدة.',
      'وردت مساهمتان من مشاركَين: ممثلان حكوميان عن دولتين عضوين.',
      'وردت 3 مساهمات من 3 مشاركين: 3 ممثلين حكوميين عن 3 دول أعضاء.',
      'وردت 11 مساهمة من 11 مشاركًا: 11 ممثلًا حكوميًا عن 11 دولة عضوًا.',
      'وردت 100 مساهمة من 100 مشارك: 100 ممثل حكومي عن 100 دولة عضو.',
    ]);
  });

  it('Chinese: counter words and full-width punctuation; the API serves the six languages', async () => {
    expect(participationSentence(figures(2), 'zh')).toBe('共收到来自2名参与者的2份意见：2个会员国的2名政府代表。');
    for (const lang of ['ar', 'zh', 'ru']) {
      const res = await cast.chair.client.get(`/api/spaces/${space.slug}/participation/sentence?lang=${lang}`);
      expect(res.status, lang).toBe(200);
      expect(res.body.sentence.lang).toBe(lang);
    }
    const ru = await cast.chair.client.get(`/api/spaces/${space.slug}/participation/sentence?lang=ru`);
    expect(ru.body.sentence.text).toMatch(/^Поступило 3 материала от 3 участников: /);
  });
});

describe('the spreadsheet’s other sheets and the note export in the language asked', () => {
  it('XLSX in Russian and Arabic: Statistics, Member States, Organisations and Attachments sheets translated', async () => {
    const ru = new ExcelJS.Workbook();
    // translation=ru: every contribution (lang= would keep the Russian one only), Russian fixed text.
    await ru.xlsx.load((await download('format=xlsx&translation=ru')).buffer as never);
    expect(ru.worksheets.map((s) => s.name)).toEqual([
      'Материалы',
      'Вложения',
      'Статистика',
      'Государства-члены',
      'Организации',
    ]);
    const cells = (sheet: ExcelJS.Worksheet | undefined) => {
      const out: string[] = [];
      sheet?.eachRow((r) => (r.values as unknown[]).forEach((v) => typeof v === 'string' && out.push(v)));
      return out;
    };
    const stats = cells(ru.getWorksheet('Статистика'));
    expect(stats).toEqual(expect.arrayContaining(['Итоги', 'Показатель', 'Количество', 'По языкам', 'Русский']));
    expect(stats).not.toContain('Totals');
    expect(cells(ru.getWorksheet('Вложения'))).toEqual(
      expect.arrayContaining(['№', 'Идентификатор материала', 'Файл', 'Размер (байт)']),
    );
    // Layla's ministry of Jordan, under its name in Russian; Ivan's network among the organisations.
    const states = cells(ru.getWorksheet('Государства-члены'));
    expect(states).toEqual(expect.arrayContaining(['Государство-член', 'Участник', 'Иордания', 'Layla Haddad']));
    const orgs = cells(ru.getWorksheet('Организации'));
    expect(orgs).toEqual(expect.arrayContaining(['Организация', 'Категория', 'Гражданское общество', 'Казахстан']));

    const ar = new ExcelJS.Workbook();
    await ar.xlsx.load((await download('format=xlsx&translation=ar')).buffer as never);
    expect(ar.worksheets.map((s) => s.name)).toEqual([
      'المساهمات',
      'المرفقات',
      'الإحصاءات',
      'الدول الأعضاء',
      'المنظمات',
    ]);
    const arStates = ar.getWorksheet('الدول الأعضاء');
    expect(arStates?.views[0]?.rightToLeft).toBe(true);
    expect(cells(arStates)).toEqual(expect.arrayContaining(['الدولة العضو', 'الأردن']));
    expect(cells(ar.getWorksheet('الإحصاءات'))).toEqual(expect.arrayContaining(['المجاميع', 'العدد']));
  });

  it('note export: subtitle, annex and dates in the reader’s language (Accept-Language)', async () => {
    await ctx.db.pool.query('update comments set highlighted = true where id = any($1)', [[arabic.id, russian.id]]);
    const created = await cast.chair.client.post(`/api/spaces/${space.slug}/notes`, {});
    expect(created.status).toBe(201);
    const note = created.body.note;
    const [s1, ...rest] = note.sections as { id: string; title: string }[];
    if (!s1) throw new Error('note has no section');
    const saved = await cast.chair.client.put(`/api/notes/${note.id}`, {
      title: note.title,
      targetWords: note.targetWords,
      version: note.version,
      sections: [
        { id: s1.id, title: s1.title, bodyMd: `Cited [@${russian.id}].`, commentIds: [russian.id, arabic.id] },
        ...rest.map((s) => ({ id: s.id, title: s.title, bodyMd: '', commentIds: [] })),
      ],
    });
    expect(saved.status).toBe(200);
    const exported = async (format: string, language: string) => {
      const res = await ctx.app.inject({
        method: 'GET',
        url: `/api/notes/${note.id}/export?format=${format}`,
        headers: { cookie: cast.chair.client.cookieHeader, 'accept-language': language },
      });
      expect(res.statusCode).toBe(200);
      return res;
    };
    const md = (await exported('md', 'ru')).body;
    expect(md).toContain('*Справочная записка: RT 1.1 — ');
    expect(md).toContain('## Приложение. Рассмотренные материалы');
    expect(md).toContain('Материалы, отнесённые к разделам настоящей записки, но не процитированные в её тексте.');
    // The placed-but-not-cited Arabic contribution and the cited Russian one, dated in Russian.
    expect(md).toMatch(/- Layla Haddad, وزارة الخارجية, 2 ноября 2026 г\./);
    expect(md).toMatch(/\[\^cite-1\]: Ivan Petrov, Сеть мигрантов, 2 ноября 2026 г\./);
    // The note's title is its author's text (created with an English default); the rest is fixed text.
    expect(md.split('\n').slice(1).join('\n')).not.toMatch(/Background note|Annex|November/);

    const doc = xmlPart((await exported('docx', 'ar')).rawPayload, 'word/document.xml');
    const text = [...doc.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('|');
    expect(text).toContain('مذكرة معلومات أساسية: RT 1.1 — ');
    expect(text).toContain('المرفق: المساهمات التي نُظر فيها');
    expect(text.split('|').slice(1).join('|')).not.toMatch(/Background note|Annex/);
    // No language asked: English, as before.
    expect((await exported('md', '')).body).toContain('## Annex: Contributions considered');
  });
});
