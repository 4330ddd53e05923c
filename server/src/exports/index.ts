import { type Writable, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ExportFormat, Locale } from '@convene/shared';
import type { Database } from '../db/client.js';
import type { Space } from '../db/schema/index.js';
import type { ContributionFilter } from '../queries/participation.js';
import { csvExport } from './csv.js';
import { type CuratedInput, loadCuratedInput } from './curated.js';
import { jsonExport } from './json.js';
import { markdownExport } from './md.js';

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
};

/** The formats that print a contribution's plain text; Word and Markdown render its markdown. */
const PLAIN_TEXT_FORMATS = new Set<ExportFormat>(['csv', 'xlsx', 'json']);

/** Writes one format into `out` and ends it. */
type Writer = (input: CuratedInput, out: Writable) => Promise<void>;

const fromGenerator =
  (gen: (input: CuratedInput) => AsyncGenerator<string>): Writer =>
  (input, out) =>
    // pipeline stops the generator (and with it the database cursor) if the client goes away.
    pipeline(Readable.from(gen(input)), out);

/**
 * Each format's writer. Word's and the spreadsheet's modules (and the libraries they need) are
 * loaded on their first export, not when the server starts: exceljs (~27 MB resident) and docx
 * (~11 MB) serve only these downloads.
 */
const WRITERS: Record<ExportFormat, () => Promise<Writer>> = {
  csv: () => Promise.resolve(fromGenerator(csvExport)),
  json: () => Promise.resolve(fromGenerator(jsonExport)),
  md: () => Promise.resolve(fromGenerator(markdownExport)),
  xlsx: async () => (await import('./xlsx.js')).xlsxExport,
  docx: async () => (await import('./docx.js')).docxExport,
};

/** Letters, digits, dots and hyphens only: safe on every file system. */
const safePart = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9.-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');

/** What an export holds, for its file name: two different downloads never share a name. */
export interface ExportNameParts {
  scope?: 'published' | 'highlighted';
  /** The guiding question's number, or "none" for the space as a whole. */
  question?: number | 'none' | undefined;
  language?: string | undefined;
  /** The tag filter's code ("16"), or "none" for untagged contributions. */
  tag?: string | undefined;
  group?: 'question' | 'objective' | undefined;
  /** The language contributions are translated into ("translated-fr"). */
  translation?: string | undefined;
  /** Anything else that tells the file apart, e.g. "note-v3". */
  suffix?: string | undefined;
}

/**
 * "RT-1.1-highlighted-q2-fr-tag16-by-objective-2026-11-22.docx": the space's code made safe for
 * every file system, what the export holds (scope, question, language, tag — "untagged" for
 * `tag=none` —, grouping; the full published set is "all"), and the UTC date of the export.
 */
export function exportFilename(code: string, format: string, at: Date, parts: ExportNameParts = {}): string {
  const name = [
    safePart(code) || 'export',
    parts.scope === 'highlighted' ? 'highlighted' : parts.scope === 'published' ? 'all' : null,
    parts.question === 'none' ? 'general' : parts.question !== undefined ? `q${parts.question}` : null,
    parts.language ? safePart(parts.language) : null,
    parts.tag === 'none' ? 'untagged' : parts.tag ? `tag${safePart(parts.tag)}` : null,
    parts.group === 'objective' ? 'by-objective' : null,
    parts.translation ? `translated-${safePart(parts.translation)}` : null,
    parts.suffix ? safePart(parts.suffix) : null,
    at.toISOString().slice(0, 10),
  ].filter((p): p is string => Boolean(p));
  return `${name.join('-')}.${format}`;
}

export interface ExportRun {
  space: Space;
  format: ExportFormat;
  filter: ContributionFilter;
  appOrigin: string;
  now?: Date;
  grouping?: 'question' | 'objective';
  /** The code of the tag filtered on (for the file's filters), or "none". */
  tagCode?: string | undefined;
  /** Each contribution in this language where a translation exists, the original kept. */
  translation?: Locale | undefined;
  /** The language of the space's title and questions, where translated. */
  textLanguage?: Locale | undefined;
}

/**
 * Produces the export into `out`. Everything is read in one read-only REPEATABLE READ
 * transaction, so the participation counts and the contributions come from the same
 * snapshot even while moderators keep deciding. Errors destroy `out` (the client sees a cut
 * download rather than a complete-looking partial file).
 */
export async function runExport(db: Database, run: ExportRun, out: Writable): Promise<void> {
  try {
    // Loaded before the transaction opens, so a first export does not hold it while its library loads.
    const write = await WRITERS[run.format]();
    await db.transaction(
      async (tx) => {
        const input = await loadCuratedInput(tx, run.space, {
          filter: run.filter,
          appOrigin: run.appOrigin,
          withText: PLAIN_TEXT_FORMATS.has(run.format),
          grouping: run.grouping ?? 'question',
          tagCode: run.tagCode,
          translation: run.translation,
          textLanguage: run.textLanguage,
          ...(run.now ? { now: run.now } : {}),
        });
        await write(input, out);
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
  } catch (err) {
    out.destroy(err instanceof Error ? err : new Error(String(err)));
    throw err;
  }
}
