import { joinReference, nameSeparator, NOTE_CITATION, type NoteCitation, type NoteDto } from '@convene/shared';
import { FootnoteReferenceRun, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { type Block, citationMark, markdownToDocx, textDirection } from './docx-markdown.js';
import { link, listCounter, newDocument } from './docx.js';
import { formatDate } from './format.js';
import { escapeInline } from './md.js';
import { embedMarkdown } from './markdown.js';
import { type CitationTranslation, citationTranslationNote } from './translations.js';
import { EXPORT_WORDS, type ExportLanguage, isRightToLeft } from './words.js';

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
  // Right to left where Arabic: the whole document when the reader's language is Arabic (its
  // fixed text is), and the authors' texts — title, section titles and paragraphs — each by its
  // own first letter, as the editor shows them (dir="auto"): an Arabic section right to left in
  // an English export, an English one left to right in an Arabic export.
  const documentRtl = isRightToLeft(lang);
  const rtlOf = (text: string | null) => {
    const dir = text === null ? null : textDirection(text);
    return dir === null ? documentRtl : dir === 'rtl';
  };
  const paragraphDir = (rtl: boolean) => (rtl ? { bidirectional: true } : documentRtl ? { bidirectional: false } : {});
  const run = (text: string, rtl: boolean, more: { italics?: boolean } = {}) =>
    new TextRun({ text, ...more, ...(rtl ? { rightToLeft: true, language: { bidirectional: 'ar-SA' } } : {}) });
  /** A paragraph of one plain text, right to left if it is Arabic (or, with no letter, if the document is). */
  const plain = (
    text: string,
    options: { heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel]; fixed?: boolean } = {},
  ) => {
    const rtl = options.fixed ? documentRtl : rtlOf(text);
    return new Paragraph({
      ...(options.heading ? { heading: options.heading } : {}),
      ...paragraphDir(rtl),
      children: [run(text, rtl)],
    });
  };
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
          ...paragraphDir(documentRtl),
          children: [
            run(`${reference(c, translations, lang)}${nameSeparator(lang)}`, documentRtl),
            link(c.permalink, c.permalink),
          ],
        }),
      ],
    });
  };
  const children: Block[] = [
    plain(note.title, { heading: HeadingLevel.TITLE }),
    new Paragraph({
      ...paragraphDir(documentRtl),
      children: [run(subtitle(note, lang), documentRtl, { italics: true })],
    }),
  ];
  for (const section of note.sections) {
    children.push(plain(section.title, { heading: HeadingLevel.HEADING_1 }));
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
        rightToLeft: 'auto',
        documentRightToLeft: documentRtl,
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
    children.push(plain(w.annexTitle, { heading: HeadingLevel.HEADING_1, fixed: true }));
    children.push(plain(w.annexIntro, { fixed: true }));
    for (const s of annex) {
      children.push(plain(s.title, { heading: HeadingLevel.HEADING_2 }));
      for (const c of s.items) {
        children.push(
          new Paragraph({
            bullet: { level: 0 },
            ...paragraphDir(documentRtl),
            children: [
              run(`${considerationLine(c, lang)}${nameSeparator(lang)}`, documentRtl),
              link(c.permalink, c.permalink),
            ],
          }),
        );
      }
    }
  }
  return Packer.toBuffer(newDocument(note.title, children, lang));
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
