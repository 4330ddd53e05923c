import { joinReference, type NoteCitation, type NoteDto } from '@convene/shared';
import { formatDate } from './format.js';
import { type CitationTranslation, citationTranslationNote } from './translations.js';
import { EXPORT_WORDS, type ExportLanguage } from './words.js';

/** What the note's Markdown (note.ts) and Word file (note-docx.ts) both print. */

/** Cited contributions' translations into the note's language, by comment id (quoted in their footnotes). */
export type Translations = ReadonlyMap<string, CitationTranslation>;

/** The reference a citation's footnote prints: "Author, Organisation, 22 November 2026, permalink". */
export function reference(c: NoteCitation, translations: Translations | undefined, lang: ExportLanguage): string {
  if (!c.published || !c.author) return EXPORT_WORDS[lang].note.noLongerPublished;
  const ref = joinReference([c.author, c.affiliation, c.date ? formatDate(c.date, lang) : null], lang);
  // Written in another language: quoted in its translation into the note's, which the footnote names.
  const t = translations?.get(c.commentId);
  return t ? `${ref}. ${citationTranslationNote(t, lang)}` : ref;
}

export const byId = (note: NoteDto) => new Map(note.citations.map((c) => [c.commentId, c]));

/** The space the note is for; no internal metadata (version, word counts) in a finished document. */
export const subtitle = (note: NoteDto, lang: ExportLanguage) =>
  EXPORT_WORDS[lang].note.subtitle(note.space.code, note.space.title);

/** Placed in a section but not cited in its text: listed in the annex, so every source is named. */
export function considered(note: NoteDto) {
  const cited = new Set(note.citations.map((c) => c.commentId));
  return note.sections
    .map((s) => ({
      title: s.title,
      items: s.contributions.filter((c) => c.published && !cited.has(c.id)),
    }))
    .filter((s) => s.items.length > 0);
}
export const considerationLine = (c: NoteDto['sections'][number]['contributions'][number], lang: ExportLanguage) =>
  joinReference([c.author.displayName, c.author.affiliation, formatDate(c.createdAt, lang)], lang);
