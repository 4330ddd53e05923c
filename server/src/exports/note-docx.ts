import { type NoteCitation, type NoteDto, NOTE_CITATION, nameSeparator } from '@convene/shared';
import { FootnoteReferenceRun, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { type Block, citationMark, markdownToDocx, textDirection } from './docx-markdown.js';
import { link, listCounter, newDocument } from './docx.js';
import { type Translations, byId, considerationLine, considered, reference, subtitle } from './note-parts.js';
import { EXPORT_WORDS, type ExportLanguage, isRightToLeft } from './words.js';

/**
 * The note as a Word document: a Heading 1 per section, each cited contribution one real Word
 * footnote (a second citation of it refers to the same footnote), and an annex of the
 * contributions placed but not cited.
 */
export async function noteWordFile(
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
