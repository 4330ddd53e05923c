import type { Writable } from 'node:stream';
import { LANGUAGE_LABELS, STAKEHOLDER_CATEGORY_LABELS } from '@convene/shared';
import ExcelJS from 'exceljs';
import { type CuratedInput, countryName } from './curated.js';
import { CONTRIBUTION_COLUMNS, contributionRow, flatten, people, period, scopeLine } from './format.js';

const bold = { bold: true } as const;

/** Column letter of a 1-based index (A … Z, AA …). */
const columnLetter = (n: number): string =>
  n <= 0 ? '' : columnLetter(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26));

function statisticsSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, input: CuratedInput) {
  const sheet = workbook.addWorksheet('Statistics', {
    properties: { defaultColWidth: 16 },
  });
  sheet.columns = [{ width: 48 }, { width: 14 }, { width: 14 }, { width: 14 }];
  const p = input.participation;
  const t = p.totals;
  const add = (values: (string | number)[], isHeader = false) => {
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
  add(['Dates', period(input.space)]);
  add(['Moderators', people(input.space.moderators)]);
  add(['Chairs', people(input.space.chairs)]);
  add(['Exported', `${input.generatedAt.toISOString()} — ${scopeLine(input)}`]);
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

/**
 * The spreadsheet: a "Contributions" sheet (one row per contribution, header frozen and
 * filterable) and a "Statistics" sheet. Written with exceljs's streaming writer, a row at a
 * time, straight into `out`.
 */
export async function xlsxExport(input: CuratedInput, out: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Convene';
  workbook.created = input.generatedAt;
  const sheet = workbook.addWorksheet('Contributions', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = CONTRIBUTION_COLUMNS.map((c) => ({
    key: c.key,
    header: c.header,
    width: c.width,
    ...(c.key === 'text' || c.key === 'attachments'
      ? { style: { alignment: { wrapText: true, vertical: 'top' } } }
      : {}),
    ...(c.key === 'date' ? { style: { numFmt: 'yyyy-mm-dd hh:mm' } } : {}),
  }));
  sheet.autoFilter = `A1:${columnLetter(CONTRIBUTION_COLUMNS.length)}1`;
  const header = sheet.getRow(1);
  header.font = bold;
  header.commit();
  for (const q of input.questions) {
    for await (const page of input.threads(q)) {
      if (out.destroyed) throw new Error('export aborted: the client went away');
      for (const root of page) {
        for (const { c } of flatten(root)) {
          const { at, ...row } = contributionRow(q, c);
          sheet.addRow({ ...row, date: at }).commit();
        }
      }
    }
  }
  sheet.commit();
  statisticsSheet(workbook, input);
  await workbook.commit();
}
