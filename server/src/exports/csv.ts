import { stringify } from 'csv-stringify/sync';
import type { CuratedInput } from './curated.js';
import { CONTRIBUTION_COLUMNS, contributionRow, flatten } from './format.js';

/**
 * A spreadsheet would run a cell beginning with "=", "+", "-", "@" (or a tab or carriage return)
 * as a formula: such cells get a leading apostrophe (OWASP's advice against CSV injection).
 */
const neutralise = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

const columns = CONTRIBUTION_COLUMNS.map((c) => ({ key: c.key, header: c.header }));

/**
 * RFC 4180 CSV (comma, double quotes doubled, CRLF between records, quoted line breaks),
 * UTF-8 with a byte order mark so spreadsheets read accents correctly. One row per
 * contribution, replies after their parent; written a page at a time.
 */
export async function* csvExport(input: CuratedInput): AsyncGenerator<string> {
  yield stringify([], { bom: true, header: true, columns, record_delimiter: 'windows' });
  for (const q of input.questions) {
    for await (const page of input.threads(q)) {
      const records = [];
      for (const root of page) {
        for (const { c } of flatten(root)) {
          const row = contributionRow(q, c);
          records.push(Object.fromEntries(columns.map(({ key }) => [key, neutralise(row[key])])));
        }
      }
      yield stringify(records, { columns, record_delimiter: 'windows' });
    }
  }
}
