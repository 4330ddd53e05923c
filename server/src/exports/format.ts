import { type ExportContribution, LANGUAGE_LABELS } from '@convene/shared';
import type { CuratedInput, CuratedQuestion } from './curated.js';

/** "22 November 2026": dates as a reader of a report expects them, in UTC. */
const longDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
export const formatDate = (iso: string | Date) => longDate.format(typeof iso === 'string' ? new Date(iso) : iso);

/** "2026-11-22T14:03:05Z": the machine-readable form, for tabular files. */
export const isoSeconds = (iso: string | Date) =>
  (typeof iso === 'string' ? new Date(iso) : iso).toISOString().replace(/\.\d{3}Z$/, 'Z');

export const languageLabel = (l: ExportContribution['language']) => LANGUAGE_LABELS[l];

/** A contribution and its replies, depth first: the reading order of the threads. */
export function* flatten(c: ExportContribution, depth = 0): Generator<{ c: ExportContribution; depth: number }> {
  yield { c, depth };
  for (const r of c.replies) yield* flatten(r, depth + 1);
}

/** "1 November 2026 – 22 November 2026", or whichever end is known. */
export function period(space: CuratedInput['space']): string {
  const from = space.opensAt ? formatDate(space.opensAt) : null;
  const to = space.closesAt ? formatDate(space.closesAt) : null;
  if (from && to) return `${from} – ${to}`;
  if (from) return `from ${from}`;
  if (to) return `until ${to}`;
  return 'no dates set';
}

export const people = (list: { displayName: string; affiliation: string }[]) =>
  list.length
    ? list.map((p) => (p.affiliation ? `${p.displayName} (${p.affiliation})` : p.displayName)).join(', ')
    : '—';

/** What was exported, in words: "all published contributions", "highlighted contributions in French". */
export function scopeLine(input: CuratedInput): string {
  const f = input.filters;
  const parts = [f.scope === 'highlighted' ? 'contributions highlighted for the note' : 'all published contributions'];
  if (f.questionId) {
    const q = input.questions.find((x) => (f.questionId === 'none' ? x.id === null : x.id === f.questionId));
    parts.push(q?.number ? `question ${q.number}` : 'the space as a whole');
  }
  if (f.language) parts.push(`in ${LANGUAGE_LABELS[f.language]}`);
  return parts.join(', ');
}

/**
 * Said of a reply exported without its parent: the parent is not published (withdrawn, pending,
 * rejected), or it is published but outside this export's filters.
 */
export function replyNote(c: ExportContribution): string | null {
  if (!c.inReplyTo || c.parentId) return null;
  return c.inReplyTo.published && c.inReplyTo.number
    ? `In reply to ${c.inReplyTo.number} (not in this export)`
    : 'In reply to a contribution that is not published';
}

export const questionHeading = (q: CuratedQuestion) => (q.number ? `${q.number}. ${q.text}` : q.text);

/** The columns of the tabular formats (XLSX contributions sheet and CSV), in order. */
export const CONTRIBUTION_COLUMNS = [
  { key: 'number', header: 'No.', width: 9 },
  { key: 'questionNumber', header: 'Question no.', width: 11 },
  { key: 'question', header: 'Question', width: 40 },
  { key: 'id', header: 'ID', width: 38 },
  { key: 'parentId', header: 'Parent ID', width: 38 },
  { key: 'author', header: 'Author', width: 24 },
  { key: 'affiliation', header: 'Affiliation', width: 28 },
  { key: 'category', header: 'Category', width: 22 },
  { key: 'country', header: 'Country', width: 18 },
  { key: 'language', header: 'Language', width: 10 },
  { key: 'date', header: 'Date (UTC)', width: 20 },
  { key: 'status', header: 'Status', width: 11 },
  { key: 'highlighted', header: 'Highlighted', width: 11 },
  { key: 'tags', header: 'Tags', width: 30 },
  { key: 'attachments', header: 'Attachments', width: 40 },
  { key: 'permalink', header: 'Permalink', width: 50 },
  { key: 'text', header: 'Text', width: 100 },
] as const;
export type ColumnKey = (typeof CONTRIBUTION_COLUMNS)[number]['key'];

/** One contribution as a row of the tabular formats. */
export function contributionRow(q: CuratedQuestion, c: ExportContribution): Record<ColumnKey, string> & { at: Date } {
  return {
    number: c.number,
    questionNumber: q.number === null ? '' : String(q.number),
    question: q.text,
    id: c.id,
    parentId: c.parentId ?? '',
    author: c.author.displayName,
    affiliation: c.author.affiliation,
    category: c.author.categoryLabel,
    country: c.author.countryName ?? '',
    language: languageLabel(c.language),
    date: isoSeconds(c.createdAt),
    at: new Date(c.createdAt),
    // The JSON's word for it (`status: "approved"`): one vocabulary in every format.
    status: c.status,
    highlighted: c.highlighted ? 'yes' : 'no',
    tags: c.tags.map((t) => `${t.code} ${t.label}`).join('; '),
    attachments: c.attachments.map((a) => `${a.filename} <${a.url}>`).join('\n'),
    permalink: c.permalink,
    text: c.text,
  };
}
