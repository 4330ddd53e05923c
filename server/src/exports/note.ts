import { joinReference, NOTE_CITATION, type NoteCitation, type NoteDto } from '@convene/shared';
import { FootnoteReferenceRun, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { type Block, citationMark, markdownToDocx } from './docx-markdown.js';
import { link, listCounter, newDocument } from './docx.js';
import { formatDate } from './format.js';
import { escapeInline } from './md.js';
import { embedMarkdown } from './markdown.js';
import { type CitationTranslation, citationTranslationNote } from './translations.js';
import { EXPORT_WORDS, type ExportLanguage } from './words.js';

/** Cited contributions' translations into the note's language, by comment id (quoted in their footnotes). */
type Translations = ReadonlyMap<string, CitationTranslation>;

/** The reference a citation's footnote prints: "Author, Organisation, 22 November 2026, permalink". */
function reference(c: NoteCitation, translations: Translations | undefined, lang: ExportLanguage): string {
  if (!c.published || !c.author) return EXPORT_WORDS[lang].note.noLongerPublished;
  const ref = joinReference([c.author, c.affiliation, c.date ? formatDate(c.date, lang) : null], lang);
  // Written in another language: quoted in its translation into the note's, which the footnote names.
  const t = translations?.get(c.commentId);
  return t ? `${ref}. ${citationTranslationNote(t, lang)}` : ref;
}

const byId = (note: NoteDto) => new Map(note.citations.map((c) => [c.commentId, c]));

/** The space the note is for; no internal metadata (version, word counts) in a finished document. */
const subtitle = (note: NoteDto, lang: ExportLanguage) =>
  EXPORT_WORDS[lang].note.subtitle(note.space.code, note.space.title);

/** Placed in a section but not cited in its text: listed in the annex, so every source is named. */
function considered(note: NoteDto) {
  const cited = new Set(note.citations.map((c) => c.commentId));
  return note.sections
    .map((s) => ({
      title: s.title,
      items: s.contributions.filter((c) => c.published && !cited.has(c.id)),
    }))
    .filter((s) => s.items.length > 0);
}
const considerationLine = (c: NoteDto['sections'][number]['contributions'][number], lang: ExportLanguage) =>
  joinReference([c.author.displayName, c.author.affiliation, formatDate(c.createdAt, lang)], lang);

/**
 * The note as a Word document: a Heading 1 per section, each cited contribution one real Word
 * footnote (a second citation of it refers to the same footnote), and an annex of the
 * contributions placed but not cited.
 */
export async function noteDocx(
  note: NoteDto,
  translations?: Translations,
  lang: ExportLanguage = 'en',
): Promise<Buffer> {
  const w = EXPORT_WORDS[lang].note;
  const ctx = listCounter();
  const citations = byId(note);
  // One Word footnote per source, at its first citation. Word numbers footnotes in the order of
  // their references and gives each reference a footnote of its own (a footnote id referenced
  // twice is read by LibreOffice as two footnotes, shifting every later one), so a later citation
  // of the same source is its footnote's number, in the footnote-reference style, not a reference.
  let footnotes = 0;
  const numberOf = new Map<string, number>();
  const footnoteOf = (c: NoteCitation) => {
    const known = numberOf.get(c.commentId);
    if (known !== undefined) return new TextRun({ text: String(known), style: 'FootnoteReference' });
    footnotes += 1;
    numberOf.set(c.commentId, footnotes);
    return new FootnoteReferenceRun({
      children: [
        new Paragraph({
          style: 'FootnoteText',
          children: [new TextRun(`${reference(c, translations, lang)}, `), link(c.permalink, c.permalink)],
        }),
      ],
    });
  };
  const children: Block[] = [
    new Paragraph({ text: note.title, heading: HeadingLevel.TITLE }),
    new Paragraph({ children: [new TextRun({ text: subtitle(note, lang), italics: true })] }),
  ];
  for (const section of note.sections) {
    children.push(new Paragraph({ text: section.title, heading: HeadingLevel.HEADING_1 }));
    // Citations become markers that survive markdown parsing, then footnote references.
    const cited: NoteCitation[] = [];
    const body = section.bodyMd.replace(NOTE_CITATION, (m, id: string) => {
      const c = citations.get(id.toLowerCase());
      if (!c) return m;
      cited.push(c);
      return citationMark(cited.length - 1);
    });
    children.push(
      ...markdownToDocx(body, ctx, {
        headingBase: 2,
        onFootnote: () => {
          footnotes += 1;
        },
        citation: (i) => {
          const c = cited[i];
          return c ? footnoteOf(c) : new TextRun('[citation]');
        },
      }),
    );
  }
  const annex = considered(note);
  if (annex.length) {
    children.push(new Paragraph({ text: w.annexTitle, heading: HeadingLevel.HEADING_1 }));
    children.push(new Paragraph(w.annexIntro));
    for (const s of annex) {
      children.push(new Paragraph({ text: s.title, heading: HeadingLevel.HEADING_2 }));
      for (const c of s.items) {
        children.push(
          new Paragraph({
            bullet: { level: 0 },
            children: [new TextRun(`${considerationLine(c, lang)}, `), link(c.permalink, c.permalink)],
          }),
        );
      }
    }
  }
  return Packer.toBuffer(newDocument(note.title, children));
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
        s.items.map((c) => `- ${escapeInline(considerationLine(c, lang))}, <${c.permalink}>`).join('\n'),
      );
    }
  }
  if (note.citations.length) {
    parts.push(
      note.citations
        .map((c) => `[^cite-${c.number}]: ${escapeInline(reference(c, options.translations, lang))}, <${c.permalink}>`)
        .join('\n'),
    );
  }
  return `${parts.filter((p) => p !== '').join('\n\n')}\n`;
}
