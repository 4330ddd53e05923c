import { stringify } from 'csv-stringify/sync';
import type { CuratedInput } from './curated.js';
import { columnsFor, contributionRow, flatten } from './format.js';
import { exportLanguage } from './words.js';

/**
 * A spreadsheet would run a cell beginning with "=", "+", "-", "@" (or a tab or carriage return)
 * as a formula: such cells get a leading apostrophe (OWASP's advice against CSV injection).
 */
const neutralise = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

/**
 * Fields quoted whatever csv-stringify would decide: any carriage return or line feed (its own
 * test only looks for the record delimiter, CRLF, so a text with bare LF paragraphs was written
 * unquoted and spreadsheets cut the record there), comma, double quote, or space at either end.
 */
const QUOTED = /[\r\n,"]|^\s|\s$/;
const optionsFor = (input: CuratedInput) => {
  const columns = columnsFor(input.grouping, input.filters.translation, exportLanguage(input.filters)).map((c) => ({
    key: c.key,
    header: c.header,
  }));
  return { columns, record_delimiter: 'windows', quoted_match: QUOTED } as const;
};

/**
 * RFC 4180 CSV (comma, double quotes doubled, CRLF between records, every field holding a line
 * break, comma, quote or edge space quoted),
 * UTF-8 with a byte order mark so spreadsheets read accents correctly. One row per
 * contribution, replies after their parent (grouped by objective: one row per objective and
 * contribution, the objective first); written a page at a time.
 */
export async function* csvExport(input: CuratedInput): AsyncGenerator<string> {
  const options = optionsFor(input);
  const lang = exportLanguage(input.filters);
  yield stringify([], { ...options, bom: true, header: true });
  for (const section of input.sections) {
    for await (const page of input.threads(section)) {
      const records = [];
      for (const root of page) {
        for (const { c } of flatten(root)) {
          const row = contributionRow(input.questionOf(c.questionId), c, section, lang);
          records.push(Object.fromEntries(options.columns.map(({ key }) => [key, neutralise(row[key])])));
        }
      }
      yield stringify(records, options);
    }
  }
}
