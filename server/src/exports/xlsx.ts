import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { type CuratedInput, countryName } from './curated.js';
import { columnsFor, contributionRow, flatten, people, period, scopeLine } from './format.js';
import { EXPORT_WORDS, type ExportLanguage, exportLanguage, isRightToLeft, languageName, regionName } from './words.js';

const bold = { bold: true } as const;
const DATE_FORMAT = 'yyyy-mm-dd hh:mm';
/** Printing a wide sheet: landscape A4, every column on one page width, header row on every page. */
const PRINT_SETUP = {
  orientation: 'landscape',
  paperSize: 9,
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  printTitlesRow: '1:1',
} as const;
const link = (text: string, hyperlink: string) => ({ text, hyperlink });

/** Column letter of a 1-based index (A … Z, AA …). */
const columnLetter = (n: number): string =>
  n <= 0 ? '' : columnLetter(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26));

/** A table sheet: header row frozen, bold and written, set up to print. */
function tableSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  columns: Partial<ExcelJS.Column>[],
  rightToLeft = false,
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, {
    // An Arabic sheet reads from the right (column A on the right), as Excel lays out RTL sheets.
    views: [{ state: 'frozen', ySplit: 1, ...(rightToLeft ? { rightToLeft } : {}) }],
    pageSetup: PRINT_SETUP,
  });
  sheet.columns = columns;
  const header = sheet.getRow(1);
  header.font = bold;
  header.commit();
  return sheet;
}

function statisticsSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, input: CuratedInput, lang: ExportLanguage) {
  const { label, report: r, sheets: w, categories } = EXPORT_WORDS[lang];
  const sheet = workbook.addWorksheet(w.statistics, {
    properties: { defaultColWidth: 16 },
    ...(isRightToLeft(lang) ? { views: [{ rightToLeft: true }] } : {}),
    pageSetup: { orientation: 'portrait', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = [{ width: 48 }, { width: 17 }, { width: 14 }, { width: 14 }];
  const p = input.participation;
  const t = p.totals;
  const add = (values: (string | number | Date)[], isHeader = false) => {
    const row = sheet.addRow(values);
    if (isHeader) row.font = bold;
    row.commit();
  };
  // A sentence across the four columns, wrapped, so the sheet still prints one page wide.
  const paragraph = (text: string) => {
    const row = sheet.addRow([text]);
    row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    row.height = 15 * Math.max(1, Math.ceil(text.length / 95));
    sheet.mergeCells(row.number, 1, row.number, 4);
    row.commit();
  };
  /** A titled table, after a blank row; `note` (a sentence under the title) says what it counts. */
  const section = (title: string, head: string[], rows: (string | number)[][], note?: string) => {
    add([]);
    add([title], true);
    if (note) paragraph(note);
    add(head, true);
    for (const r of rows) add(r);
  };
  add([`${input.space.code} — ${input.space.title}`], true);
  paragraph(input.participation.summary);
  add([label.dates, period(input.space, lang)]);
  add([label.moderators, people(input.space.moderators)]);
  add([label.chairs, people(input.space.chairs)]);
  // A real date cell (Excel sorts and reformats it), the scope beside it.
  const exported = sheet.addRow([label.exported, input.generatedAt, scopeLine(input)]);
  exported.getCell(2).numFmt = DATE_FORMAT;
  exported.commit();
  section(
    w.totals,
    [w.measure, w.count],
    [
      [r.contributions, t.contributions],
      [r.contributors, t.contributors],
      [w.memberStates, t.memberStates],
      [w.organisations, t.organisations],
      [w.countries, t.countries],
      [w.highlighted, t.highlighted],
    ],
  );
  // Which figures are verified: the same counts over verified authors only, Member States from
  // focal points and verified government users (queries/participation.ts).
  const v = p.verified;
  const vw = w.verified;
  section(
    vw.title,
    [w.measure, w.count],
    [
      [vw.contributions, v.totals.contributions],
      [vw.contributors, v.totals.contributors],
      [vw.memberStates, v.totals.memberStates],
      [vw.officialContributions, v.totals.officialContributions],
      [vw.officialMemberStates, v.totals.officialMemberStates],
    ],
    vw.note,
  );
  section(
    r.byCategory,
    [r.category, r.contributors, r.contributions],
    p.byCategory.map((x) => [categories[x.category], x.contributors, x.contributions]),
  );
  section(
    vw.byCategory,
    [r.category, vw.contributors, vw.contributions],
    v.byCategory.map((x) => [categories[x.category], x.contributors, x.contributions]),
  );
  section(
    r.byCountry,
    [r.country, w.code, r.contributors, r.contributions],
    p.byCountry.map((x) => [
      regionName(x.country, countryName(x.country), lang) ?? r.notGiven,
      x.country ?? '',
      x.contributors,
      x.contributions,
    ]),
  );
  section(
    w.byQuestion,
    [r.question, r.contributors, r.contributions],
    p.byQuestion.map((x) => [x.text, x.contributors, x.contributions]),
  );
  section(
    r.byLanguage,
    [r.language, r.contributors, r.contributions],
    p.byLanguage.map((x) => [languageName(x.language, lang), x.contributors, x.contributions]),
  );
  section(
    w.overTime,
    [w.date, r.contributions],
    p.overTime.map((x) => [x.date, x.contributions]),
  );
  sheet.commit();
}

/** The annexes as sheets: contributors by Member State, and by organisation. */
function annexSheets(workbook: ExcelJS.stream.xlsx.WorkbookWriter, input: CuratedInput, lang: ExportLanguage) {
  const { report: r, sheets: w, columns, categories } = EXPORT_WORDS[lang];
  const rtl = isRightToLeft(lang);
  const states = tableSheet(
    workbook,
    w.memberStates,
    [
      { key: 'country', header: r.memberState, width: 28 },
      { key: 'code', header: w.code, width: 8 },
      { key: 'participant', header: w.participant, width: 28 },
      { key: 'affiliation', header: columns.affiliation, width: 40 },
      { key: 'contributions', header: r.contributions, width: 14 },
    ],
    rtl,
  );
  // One row per participant, under their country, then the country's total.
  for (const st of input.annexes.memberStates) {
    for (const p of st.participants) {
      states
        .addRow({
          country: regionName(st.country, st.countryName, lang) ?? r.countryNotGiven,
          code: st.country ?? '',
          participant: p.displayName,
          affiliation: p.affiliation,
          contributions: p.contributions,
        })
        .commit();
    }
  }
  states.commit();

  const orgs = tableSheet(
    workbook,
    w.organisations,
    [
      { key: 'name', header: r.organisation, width: 40 },
      { key: 'category', header: r.category, width: 28 },
      { key: 'country', header: r.country, width: 28 },
      { key: 'participants', header: r.participants, width: 13 },
      { key: 'contributions', header: r.contributions, width: 14 },
    ],
    rtl,
  );
  const countries = new Intl.ListFormat(lang === 'en' ? 'en-GB' : lang, { type: 'unit', style: 'narrow' });
  for (const o of input.annexes.organisations) {
    orgs
      .addRow({
        name: o.name,
        category: lang === 'en' ? o.categoryLabel : categories[o.category],
        country:
          lang === 'en'
            ? o.countryNames.join(', ')
            : countries.format(o.countries.map((c, i) => regionName(c, o.countryNames[i] ?? c, lang) ?? c)),
        participants: o.participants,
        contributions: o.contributions,
      })
      .commit();
  }
  orgs.commit();
}

/**
 * The spreadsheet: a "Contributions" sheet (one row per contribution, header frozen and
 * filterable, permalinks and files as hyperlinks; grouped by objective, one row per objective
 * and contribution), an "Attachments" sheet (the position papers: one row per file, each a
 * hyperlink), a "Statistics" sheet, and the annexes "Member States" and "Organisations", all
 * set up to print. Written with exceljs's
 * streaming writer, a row at a time, straight into `out`.
 */
export async function xlsxExport(input: CuratedInput, out: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Convene';
  workbook.created = input.generatedAt;
  const lang = exportLanguage(input.filters);
  const columns = columnsFor(input.grouping, input.filters.translation, lang);
  const sheet = tableSheet(
    workbook,
    EXPORT_WORDS[lang].sheet.contributions,
    columns.map((c) => ({
      key: c.key,
      header: c.header,
      width: c.width,
      ...(c.key === 'text' || c.key === 'translation' || c.key === 'attachments'
        ? { style: { alignment: { wrapText: true, vertical: 'top' } } }
        : {}),
      ...(c.key === 'date' ? { style: { numFmt: DATE_FORMAT } } : {}),
      ...(c.key === 'permalink' ? { style: { font: { color: { argb: 'FF0563C1' }, underline: true } } } : {}),
    })),
    isRightToLeft(lang),
  );
  // Written when the sheet is committed, so after the header row is fine.
  sheet.autoFilter = `A1:${columnLetter(columns.length)}1`;
  // File metadata only (a few per contribution), for the "Attachments" sheet written next.
  const files: {
    number: string;
    contributionId: string;
    filename: string;
    contentType: string;
    size: number;
    url: string;
  }[] = [];
  const seenFiles = new Set<string>();
  for (const section of input.sections) {
    for await (const page of input.threads(section)) {
      if (out.destroyed) throw new Error('export aborted: the client went away');
      for (const root of page) {
        for (const { c } of flatten(root)) {
          const question = input.questionOf(c.questionId);
          const { at, ...row } = contributionRow(question, c, section, lang);
          // Grouped by objective a contribution may appear twice; its files are listed once.
          for (const f of c.attachments.filter((x) => !seenFiles.has(x.id) && seenFiles.add(x.id)))
            files.push({
              number: c.number,
              contributionId: c.id,
              filename: f.filename,
              contentType: f.contentType,
              size: f.size,
              url: f.url,
            });
          const [only] = c.attachments;
          sheet
            .addRow({
              ...row,
              questionNumber: question.number,
              date: at,
              permalink: link(c.permalink, c.permalink),
              attachments:
                c.attachments.length === 1 && only
                  ? link(only.filename, only.url)
                  : c.attachments.length > 1
                    ? `${c.attachments.map((f) => f.filename).join('\n')}\n${EXPORT_WORDS[lang].sheets.linksElsewhere}`
                    : '',
            })
            .commit();
        }
      }
    }
  }
  sheet.commit();

  const fw = EXPORT_WORDS[lang];
  const filesSheet = tableSheet(
    workbook,
    fw.sheets.attachments,
    [
      { key: 'number', header: fw.report.number, width: 9 },
      { key: 'contributionId', header: fw.sheets.contributionId, width: 38 },
      { key: 'filename', header: fw.sheets.file, width: 40 },
      { key: 'contentType', header: fw.sheets.type, width: 28 },
      { key: 'size', header: fw.sheets.size, width: 12 },
    ],
    isRightToLeft(lang),
  );
  for (const f of files) {
    const { url, ...rest } = f;
    filesSheet.addRow({ ...rest, filename: link(f.filename, url) }).commit();
  }
  filesSheet.commit();

  statisticsSheet(workbook, input, lang);
  annexSheets(workbook, input, lang);
  await workbook.commit();
}
