import { NOTE_CITATION, type NoteCitation, type NoteDto } from '@convene/shared';
import { FootnoteReferenceRun, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { type Block, citationMark, markdownToDocx } from './docx-markdown.js';
import { link, listCounter, newDocument } from './docx.js';
import { formatDate } from './format.js';
import { escapeInline } from './md.js';
import { embedMarkdown } from './markdown.js';

/** The reference a citation's footnote prints: "Author, Organisation, 22 November 2026, permalink". */
function reference(c: NoteCitation): string {
  if (!c.published || !c.author) return 'Contribution no longer published';
  return [c.author, c.affiliation, c.date ? formatDate(c.date) : null].filter(Boolean).join(', ');
}

const byId = (note: NoteDto) => new Map(note.citations.map((c) => [c.commentId, c]));

const subtitle = (note: NoteDto) =>
  `Background note for ${note.space.code} — ${note.space.title}. Version ${note.version}, ${formatDate(note.updatedAt)}. ` +
  `${note.words.total} words (target ${note.words.target}).`;

/** The note as a Word document: a Heading 1 per section, each citation a real Word footnote. */
export async function noteDocx(note: NoteDto): Promise<Buffer> {
  const ctx = listCounter();
  const citations = byId(note);
  const children: Block[] = [
    new Paragraph({ text: note.title, heading: HeadingLevel.TITLE }),
    new Paragraph({ children: [new TextRun({ text: subtitle(note), italics: true })] }),
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
        citation: (i) => {
          const c = cited[i];
          const runs = c
            ? [new TextRun(`${reference(c)}, `), link(c.permalink, c.permalink)]
            : [new TextRun('Citation')];
          return new FootnoteReferenceRun({ children: [new Paragraph({ style: 'FootnoteText', children: runs })] });
        },
      }),
    );
  }
  return Packer.toBuffer(newDocument(note.title, children));
}

/** The note as Markdown: a "##" per section, citations as numbered footnotes at the end. */
export function noteMarkdown(note: NoteDto): string {
  const citations = byId(note);
  const parts = [`# ${escapeInline(note.title)}`, `*${escapeInline(subtitle(note))}*`];
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
  if (note.citations.length) {
    parts.push(
      note.citations.map((c) => `[^cite-${c.number}]: ${escapeInline(reference(c))}, <${c.permalink}>`).join('\n'),
    );
  }
  return `${parts.filter((p) => p !== '').join('\n\n')}\n`;
}
