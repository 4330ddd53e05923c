import { joinReference, nameSeparator, NOTE_CITATION, type NoteCitation, type NoteDto } from '@convene/shared';
import { formatDate } from './format.js';
import { escapeInline } from './md.js';
import { embedMarkdown } from './markdown.js';
import { type CitationTranslation, citationTranslationNote } from './translations.js';
import { EXPORT_WORDS, type ExportLanguage } from './words.js';

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

/**
 * The note as a Word document (note-docx.ts). The Word library is loaded on the first Word
 * export, not when the server starts: most servers never write one, and it costs ~11 MB.
 */
export async function noteDocx(
  note: NoteDto,
  translations?: Translations,
  lang: ExportLanguage = 'en',
): Promise<Buffer> {
  const { noteWordFile } = await import('./note-docx.js');
  return noteWordFile(note, translations, lang);
}

/**
 * The note as Markdown: a "##" per section, citations as numbered footnotes at the end (one per
 * source). `title: false` leaves out the "#" title line (the editor's preview shows it itself).
 */
export function noteMarkdown(
  note: NoteDto,
  options: { title?: boolean; translations?: Translations; lang?: ExportLanguage } = {},
): string {
  const lang = options.lang ?? 'en';
  const w = EXPORT_WORDS[lang].note;
  const citations = byId(note);
  const parts = [
    ...(options.title === false ? [] : [`# ${escapeInline(note.title)}`]),
    `*${escapeInline(subtitle(note, lang))}*`,
  ];
  note.sections.forEach((section, i) => {
    const body = embedMarkdown(section.bodyMd, { headingShift: 2, footnotePrefix: `s${i + 1}-` }).replace(
      NOTE_CITATION,
      (m, id: string) => {
        const c = citations.get(id.toLowerCase());
        return c ? `[^cite-${c.number}]` : m;
      },
    );
    parts.push(`## ${escapeInline(section.title)}`, body);
  });
  const annex = considered(note);
  if (annex.length) {
    parts.push(`## ${w.annexTitle}`, w.annexIntro);
    for (const s of annex) {
      parts.push(
        `### ${escapeInline(s.title)}`,
        s.items
          .map((c) => `- ${escapeInline(considerationLine(c, lang))}${nameSeparator(lang)}<${c.permalink}>`)
          .join('\n'),
      );
    }
  }
  if (note.citations.length) {
    parts.push(
      note.citations
        .map(
          (c) =>
            `[^cite-${c.number}]: ${escapeInline(reference(c, options.translations, lang))}${nameSeparator(lang)}<${c.permalink}>`,
        )
        .join('\n'),
    );
  }
  return `${parts.filter((p) => p !== '').join('\n\n')}\n`;
}
