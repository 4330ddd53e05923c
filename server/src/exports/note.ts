import { nameSeparator, NOTE_CITATION, type NoteDto } from '@convene/shared';
import { escapeInline } from './md.js';
import { embedMarkdown } from './markdown.js';
import { type Translations, byId, considerationLine, considered, reference, subtitle } from './note-parts.js';
import { EXPORT_WORDS, type ExportLanguage } from './words.js';

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
