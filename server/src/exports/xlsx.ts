import type { Writable } from 'node:stream';
import { LANGUAGE_LABELS, STAKEHOLDER_CATEGORY_LABELS } from '@convene/shared';
import ExcelJS from 'exceljs';
import { type CuratedInput, countryName } from './curated.js';
import { columnsFor, contributionRow, flatten, people, period, scopeLine } from './format.js';
import { EXPORT_WORDS, exportLanguage, isRightToLeft } from './words.js';

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

function statisticsSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, input: CuratedInput) {
  const sheet = workbook.addWorksheet('Statistics', {
    properties: { defaultColWidth: 16 },
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
  const section = (title: string, head: string[], rows: (string | number)[][]) => {
    add([]);
    add([title], true);
    add(head, true);
    for (const r of rows) add(r);
  };
  add([`${input.space.code} — ${input.space.title}`], true);
  // The report's sentence across the four columns, wrapped, so the sheet still prints one page wide.
  const summary = sheet.addRow([input.participation.summary]);
  summary.getCell(1).alignment = { wrapText: true, vertical: 'top' };
  summary.height = 15 * Math.max(1, Math.ceil(input.participation.summary.length / 95));
  sheet.mergeCells(summary.number, 1, summary.number, 4);
  summary.commit();
  add(['Dates', period(input.space)]);
  add(['Moderators', people(input.space.moderators)]);
  add(['Chairs', people(input.space.chairs)]);
  // A real date cell (Excel sorts and reformats it), the scope beside it.
  const exported = sheet.addRow(['Exported', input.generatedAt, scopeLine(input)]);
  exported.getCell(2).numFmt = DATE_FORMAT;
  exported.commit();
  section(
    'Totals',
    ['Measure', 'Count'],
    [
      ['Contributions', t.contributions],
      ['Contributors', t.contributors],
      ['Member States', t.memberStates],
      ['Organisations', t.organisations],
      ['Countries', t.countries],
      ['Highlighted', t.highlighted],
    ],
  );
  section(
    'By stakeholder category',
    ['Category', 'Contributors', 'Contributions'],
    p.byCategory.map((r) => [STAKEHOLDER_CATEGORY_LABELS[r.category], r.contributors, r.contributions]),
  );
  section(
    'By country',
    ['Country', 'Code', 'Contributors', 'Contributions'],
    p.byCountry.map((r) => [countryName(r.country) ?? 'Not given', r.country ?? '', r.contributors, r.contributions]),
  );
  section(
    'By question',
    ['Question', 'Contributors', 'Contributions'],
    p.byQuestion.map((r) => [r.text, r.contributors, r.contributions]),
  );
  section(
    'By language',
    ['Language', 'Contributors', 'Contributions'],
    p.byLanguage.map((r) => [LANGUAGE_LABELS[r.language], r.contributors, r.contributions]),
  );
  section(
    'Over time (UTC)',
    ['Date', 'Contributions'],
    p.overTime.map((r) => [r.date, r.contributions]),
  );
  sheet.commit();
}

/** The annexes as sheets: contributors by Member State, and by organisation. */
function annexSheets(workbook: ExcelJS.stream.xlsx.WorkbookWriter, input: CuratedInput) {
  const states = tableSheet(workbook, 'Member States', [
    { key: 'country', header: 'Member State', width: 28 },
    { key: 'code', header: 'Code', width: 8 },
    { key: 'participant', header: 'Participant', width: 28 },
    { key: 'affiliation', header: 'Affiliation', width: 40 },
    { key: 'contributions', header: 'Contributions', width: 14 },
  ]);
  // One row per participant, under their country, then the country's total.
  for (const st of input.annexes.memberStates) {
    for (const p of st.participants) {
      states
        .addRow({
          country: st.countryName ?? 'Country not given',
          code: st.country ?? '',
          participant: p.displayName,
          affiliation: p.affiliation,
          contributions: p.contributions,
        })
        .commit();
    }
  }
  states.commit();

  const orgs = tableSheet(workbook, 'Organisations', [
    { key: 'name', header: 'Organisation', width: 40 },
    { key: 'category', header: 'Category', width: 28 },
    { key: 'country', header: 'Country', width: 28 },
    { key: 'participants', header: 'Participants', width: 13 },
    { key: 'contributions', header: 'Contributions', width: 14 },
  ]);
  for (const o of input.annexes.organisations) {
    orgs
      .addRow({
        name: o.name,
        category: o.categoryLabel,
        country: o.countryNames.join(', '),
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
                    ? `${c.attachments.map((f) => f.filename).join('\n')}\n(links: Attachments sheet)`
                    : '',
            })
            .commit();
        }
      }
    }
  }
  sheet.commit();

  const filesSheet = tableSheet(workbook, 'Attachments', [
    { key: 'number', header: 'No.', width: 9 },
    { key: 'contributionId', header: 'Contribution ID', width: 38 },
    { key: 'filename', header: 'File', width: 40 },
    { key: 'contentType', header: 'Type', width: 28 },
    { key: 'size', header: 'Size (bytes)', width: 12 },
  ]);
  for (const f of files) {
    const { url, ...rest } = f;
    filesSheet.addRow({ ...rest, filename: link(f.filename, url) }).commit();
  }
  filesSheet.commit();

  statisticsSheet(workbook, input);
  annexSheets(workbook, input);
  await workbook.commit();
}
