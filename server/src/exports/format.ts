import { type ExportContribution, type ExportTranslation, LANGUAGE_LABELS } from '@convene/shared';
import type { CuratedInput, CuratedQuestion, CuratedSection } from './curated.js';
import { EXPORT_WORDS, type ExportLanguage, exportLanguage, languageName } from './words.js';

/** "22 November 2026": dates as a reader of a report expects them, in UTC. */
const longDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
/** In another export language, as that language writes a date ("2 ديسمبر 2026", "2026年12月2日", "2 декабря 2026 г."). */
export const formatDate = (iso: string | Date, lang: ExportLanguage = 'en') =>
  (lang === 'en'
    ? longDate
    : new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
  ).format(typeof iso === 'string' ? new Date(iso) : iso);

/** "2026-11-22T14:03:05Z": the machine-readable form, for tabular files. */
export const isoSeconds = (iso: string | Date) =>
  (typeof iso === 'string' ? new Date(iso) : iso).toISOString().replace(/\.\d{3}Z$/, 'Z');

export const languageLabel = (l: ExportContribution['language']) => LANGUAGE_LABELS[l];

/** "Translated from Spanish by Tom Translator, 2 December 2026": the label above a translation. */
export const translationLabel = (t: ExportTranslation, lang: ExportLanguage = 'en') =>
  EXPORT_WORDS[lang].scope.translated(
    languageName(t.sourceLanguage, lang),
    t.translator,
    formatDate(t.translatedAt, lang),
  );

/** "Original (Spanish)": the label above the original that follows a translation. */
export const originalLabel = (c: ExportContribution, lang: ExportLanguage = 'en') =>
  EXPORT_WORDS[lang].scope.original(languageName(c.language, lang));

/** A contribution and its replies, depth first: the reading order of the threads. */
export function* flatten(c: ExportContribution, depth = 0): Generator<{ c: ExportContribution; depth: number }> {
  yield { c, depth };
  for (const r of c.replies) yield* flatten(r, depth + 1);
}

/** "1 November 2026 – 22 November 2026", or whichever end is known. */
export function period(space: CuratedInput['space'], lang: ExportLanguage = 'en'): string {
  const from = space.opensAt ? formatDate(space.opensAt, lang) : null;
  const to = space.closesAt ? formatDate(space.closesAt, lang) : null;
  const w = EXPORT_WORDS[lang].period;
  if (from && to) return `${from} – ${to}`;
  if (from) return w.from(from);
  if (to) return w.until(to);
  return w.none;
}

export const people = (list: { displayName: string; affiliation: string }[]) =>
  list.length
    ? list.map((p) => (p.affiliation ? `${p.displayName} (${p.affiliation})` : p.displayName)).join(', ')
    : '—';

/** What was exported, in words: "all published contributions", "highlighted contributions in French". */
export function scopeLine(input: CuratedInput): string {
  const f = input.filters;
  const lang = exportLanguage(f);
  const w = EXPORT_WORDS[lang].scope;
  const parts = [f.scope === 'highlighted' ? w.highlighted : w.published];
  if (f.questionId) {
    const q = input.questions.find((x) => (f.questionId === 'none' ? x.id === null : x.id === f.questionId));
    parts.push(q?.number ? w.question(q.number) : w.general);
  }
  if (f.language) parts.push(w.inLanguage(languageName(f.language, lang)));
  if (f.tag === 'none') parts.push(w.noObjective);
  else if (f.tag) parts.push(w.onObjective(f.tag));
  if (f.group === 'objective') parts.push(w.byObjective);
  if (f.translation) parts.push(w.withTranslations(languageName(f.translation, lang)));
  return parts.join(lang === 'zh' ? '，' : lang === 'ar' ? '، ' : ', ');
}

/**
 * Said of a reply exported without its parent: the parent is not published (withdrawn, pending,
 * rejected), or it is published but outside this export's filters.
 */
export function replyNote(
  c: ExportContribution,
  grouping: CuratedInput['grouping'] = 'question',
  lang: ExportLanguage = 'en',
): string | null {
  if (!c.inReplyTo || c.parentId) return null;
  const w = EXPORT_WORDS[lang].reply;
  if (!c.inReplyTo.published || !c.inReplyTo.number) return w.unpublished;
  // Under an objective every contribution stands on its own: its parent may be listed elsewhere.
  return grouping === 'objective' ? w.to(c.inReplyTo.number) : w.outside(c.inReplyTo.number);
}

/** Under an objective: "Also under objectives 5 and 16", for a contribution with several. */
export function alsoUnderNote(c: ExportContribution, lang: ExportLanguage = 'en'): string | null {
  const other = c.alsoUnder ?? [];
  return other.length === 0 ? null : EXPORT_WORDS[lang].alsoUnder(other);
}

export const questionHeading = (q: CuratedQuestion) => (q.number ? `${q.number}. ${q.text}` : q.text);

/** "2. What …?" for a question, "Objective 16: Empower migrants …" for an objective. */
export const sectionHeading = (s: CuratedSection, lang: ExportLanguage = 'en') =>
  s.kind === 'objective'
    ? s.id === null
      ? EXPORT_WORDS[lang].objective.none
      : EXPORT_WORDS[lang].objective.heading(s.code ?? String(s.number ?? ''), s.text)
    : s.number
      ? `${s.number}. ${s.text}`
      : s.text;

/**
 * An author's marks in the export's language: [the verified mark with who and when, or '';
 * "Official contribution of <Member State>", or ''].
 */
export function authorMarks(
  a: Pick<ExportContribution['author'], 'verified' | 'officialForName'>,
  lang: ExportLanguage = 'en',
): [string, string] {
  const w = EXPORT_WORDS[lang].marks;
  return [
    a.verified ? w.verified(a.verified.by, isoSeconds(a.verified.at)) : '',
    a.officialForName ? w.official(a.officialForName) : '',
  ];
}

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
  { key: 'verified', header: 'Verified', width: 28 },
  { key: 'official', header: 'Official contribution', width: 30 },
  { key: 'language', header: 'Language', width: 10 },
  { key: 'date', header: 'Date (UTC)', width: 20 },
  { key: 'status', header: 'Status', width: 11 },
  { key: 'highlighted', header: 'Highlighted', width: 11 },
  { key: 'tags', header: 'Tags', width: 30 },
  { key: 'attachments', header: 'Attachments', width: 40 },
  { key: 'permalink', header: 'Permalink', width: 50 },
  { key: 'text', header: 'Text', width: 100 },
] as const;
export type ColumnKey =
  | (typeof CONTRIBUTION_COLUMNS)[number]['key']
  | 'objective'
  | 'translationLanguage'
  | 'translation'
  | 'translatedBy'
  | 'translatedAt';

/** The objective column, first, when an export is grouped by objective. */
export const OBJECTIVE_COLUMN = { key: 'objective', header: 'Objective', width: 40 } as const;

/** With `translation=<lang>`: the translation's columns, after the original's text. */
export const TRANSLATION_COLUMNS = [
  { key: 'translationLanguage', header: 'Translation language', width: 12 },
  { key: 'translation', header: 'Translation', width: 100 },
  { key: 'translatedBy', header: 'Translated by', width: 24 },
  { key: 'translatedAt', header: 'Translated (UTC)', width: 20 },
] as const;

/**
 * The tabular formats' columns for a grouping (by objective, the objective comes first), and
 * with a translation asked for, its columns last.
 */
export const columnsFor = (
  grouping: CuratedInput['grouping'],
  translation?: string | null,
  lang: ExportLanguage = 'en',
): { key: ColumnKey; header: string; width: number }[] =>
  [
    ...(grouping === 'objective' ? [OBJECTIVE_COLUMN] : []),
    ...CONTRIBUTION_COLUMNS,
    ...(translation ? TRANSLATION_COLUMNS : []),
  ].map((c) => ({ key: c.key, header: EXPORT_WORDS[lang].columns[c.key], width: c.width }));

/**
 * One contribution as a row of the tabular formats: `q` its question; `section` the objective
 * it is listed under, when the export is grouped by objective.
 */
export function contributionRow(
  q: { number: number | null; text: string },
  c: ExportContribution,
  section?: CuratedSection,
  lang: ExportLanguage = 'en',
): Record<ColumnKey, string> & { at: Date } {
  return {
    objective: section?.kind === 'objective' ? sectionHeading(section, lang) : '',
    number: c.number,
    questionNumber: q.number === null ? '' : String(q.number),
    question: q.text,
    id: c.id,
    parentId: c.parentId ?? '',
    author: c.author.displayName,
    affiliation: c.author.affiliation,
    category: lang === 'en' ? c.author.categoryLabel : EXPORT_WORDS[lang].categories[c.author.category],
    country: c.author.countryName ?? '',
    verified: authorMarks(c.author, lang)[0],
    official: authorMarks(c.author, lang)[1],
    language: languageName(c.language, lang),
    date: isoSeconds(c.createdAt),
    at: new Date(c.createdAt),
    // The JSON's word for it (`status: "approved"`): one vocabulary in every format.
    status: c.status,
    highlighted: c.highlighted ? 'yes' : 'no',
    tags: c.tags.map((t) => `${t.code} ${t.label}`).join('; '),
    attachments: c.attachments.map((a) => `${a.filename} <${a.url}>`).join('\n'),
    permalink: c.permalink,
    text: c.text,
    translationLanguage: c.translation ? languageName(c.translation.language, lang) : '',
    translation: c.translation?.text ?? '',
    translatedBy: c.translation?.translator ?? '',
    translatedAt: c.translation ? isoSeconds(c.translation.translatedAt) : '',
  };
}
