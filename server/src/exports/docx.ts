import type { Writable } from 'node:stream';
import { type ExportContribution, nameAndAffiliation } from '@convene/shared';
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  LineRuleType,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphStylePropertiesOptions,
} from 'docx';
import type { CuratedInput } from './curated.js';
import {
  type Block,
  type DocxMarkdownContext,
  TEXT_WIDTH,
  WORD_LANGUAGES,
  columnWidths,
  heading,
  markdownToDocx,
} from './docx-markdown.js';
import { StreamedDocx } from './docx-stream.js';
import {
  alsoUnderNote,
  authorMarks,
  formatDate,
  originalLabel,
  people,
  period,
  replyNote,
  scopeLine,
  sectionHeading,
  translationLabel,
} from './format.js';
import { sentenceLanguage } from './participationSentence.js';
import {
  EXPORT_WORDS,
  type ExportLanguage,
  WORD_FONT,
  exportLanguage,
  isRightToLeft,
  languageName,
  regionName,
} from './words.js';
import { convertPastedFootnotes } from './markdown.js';
import { type ReportTable, memberStatesAnnex, organisationsAnnex, participationTables } from './reportTables.js';

/** Replies sit this much further right per level (twentieths of a point: 0.4 inch). */
const REPLY_INDENT = 567;

export const link = (text: string, href: string) =>
  new ExternalHyperlink({ link: href, children: [new TextRun({ text, style: 'Hyperlink' })] });

const cell = (text: string | number, width: number, bold = false) =>
  new TableCell({
    width: { size: width, type: WidthType.DXA },
    children: [
      new Paragraph({
        spacing: { after: 0 },
        // Counts line up on the right, as in a printed table.
        ...(typeof text === 'number' ? { alignment: AlignmentType.RIGHT } : {}),
        children: [new TextRun({ text: String(text), ...(bold ? { bold } : {}) })],
      }),
    ],
  });

/** A statistics table: a bold header row, then the rows; columns as wide as their text needs. */
export function statsTable({ head, rows }: ReportTable): Table {
  const widths = columnWidths([head, ...rows.map((r) => r.map(String))]);
  const w = (i: number) => widths[i] ?? 0;
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, children: head.map((h, i) => cell(h, w(i), true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((c, i) => cell(c, w(i))) })),
    ],
  });
}

const label = (name: string, value: string) =>
  new Paragraph({ children: [new TextRun({ text: `${name}: `, bold: true }), new TextRun(value)] });

function participationBlocks(input: CuratedInput): Block[] {
  return [
    new Paragraph({
      text: EXPORT_WORDS[exportLanguage(input.filters)].report.figures,
      heading: HeadingLevel.HEADING_1,
    }),
    ...participationTables(input).flatMap((t) => [
      new Paragraph({ text: t.title, heading: HeadingLevel.HEADING_2 }),
      statsTable(t),
    ]),
  ];
}

/** A cell's text (which sizes its column) and, for a link, what it shows. */
interface AnnexCell {
  text: string;
  children?: ParagraphChild[];
}

/** A statistics-like table whose cells may be links (the position papers). */
function linkTable(head: string[], rows: AnnexCell[][]): Table {
  const widths = columnWidths([head, ...rows.map((r) => r.map((c) => c.text))]);
  const w = (i: number) => widths[i] ?? 0;
  const cellOf = (c: AnnexCell, i: number) =>
    c.children
      ? new TableCell({
          width: { size: w(i), type: WidthType.DXA },
          children: [new Paragraph({ spacing: { after: 0 }, children: c.children })],
        })
      : cell(c.text, w(i));
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, children: head.map((h, i) => cell(h, w(i), true)) }),
      ...rows.map((r) => new TableRow({ children: r.map(cellOf) })),
    ],
  });
}

/** Annexes: contributors by Member State and by organisation, and the position papers with their links. */
function annexBlocks(input: CuratedInput): Block[] {
  const a = input.annexes;
  const w = EXPORT_WORDS[exportLanguage(input.filters)].report;
  const none = (text: string) => new Paragraph({ children: [new TextRun({ text, italics: true })] });
  // The annexes start on a page of their own and then follow one another.
  const h1 = (text: string, pageBreakBefore = false) =>
    new Paragraph({ text, heading: HeadingLevel.HEADING_1, ...(pageBreakBefore ? { pageBreakBefore } : {}) });
  return [
    h1(w.annex1, true),
    a.memberStates.length ? statsTable(memberStatesAnnex(input)) : none(w.noGovernment),
    h1(w.annex2),
    a.organisations.length ? statsTable(organisationsAnnex(input)) : none(w.noOrganisation),
    h1(w.annex3),
    a.positionPapers.length
      ? linkTable(
          [w.number, w.positionPaper, w.submittedBy],
          a.positionPapers.map((f) => [
            { text: f.number, children: [link(f.number, f.permalink)] },
            { text: f.filename, children: [link(f.filename, f.url)] },
            { text: nameAndAffiliation(f.author, f.affiliation, exportLanguage(input.filters)) },
          ]),
        )
      : none(w.noPaper),
  ];
}

function contributionBlocks(
  c: ExportContribution,
  depth: number,
  ctx: DocxMarkdownContext,
  grouping: CuratedInput['grouping'],
  lang: ExportLanguage = 'en',
): Block[] {
  const w = EXPORT_WORDS[lang].label;
  // A text keeps its own direction: Arabic right to left, the others left to right in an Arabic document.
  const textDirection = (language: string) =>
    isRightToLeft(language as ExportLanguage) ? true : isRightToLeft(lang) ? false : undefined;
  const indent = REPLY_INDENT * depth;
  const at = indent ? { indent: { left: indent } } : {};
  const a = c.author;
  const small = (text: string) => new TextRun({ text, size: 18, color: '595959' });
  const meta: ParagraphChild[] = [
    small(
      [
        lang === 'en' ? a.categoryLabel : EXPORT_WORDS[lang].categories[a.category],
        regionName(a.country, a.countryName, lang),
        languageName(c.language, lang),
        formatDate(c.createdAt, lang),
      ]
        .filter(Boolean)
        .join(' · '),
    ),
    small(' · '),
    link(w.permalink, c.permalink),
  ];
  const blocks: Block[] = [
    new Paragraph({
      heading: heading(2 + depth),
      ...at,
      keepNext: true,
      children: [new TextRun(`${c.number}  ${nameAndAffiliation(a.displayName, a.affiliation, lang)}`)],
    }),
    new Paragraph({ ...at, children: meta, keepNext: true }),
  ];
  // The verified and focal-point marks, bold, under the name.
  const marks = authorMarks(a, lang).filter(Boolean);
  if (marks.length) {
    blocks.push(
      new Paragraph({
        ...at,
        keepNext: true,
        children: [new TextRun({ text: marks.map((m) => `✓ ${m}`).join(' · '), bold: true, size: 18 })],
      }),
    );
  }
  const replyLine = replyNote(c, grouping, lang);
  if (replyLine) {
    blocks.push(new Paragraph({ ...at, keepNext: true, children: [new TextRun({ text: replyLine, italics: true })] }));
  }
  const also = alsoUnderNote(c, lang);
  if (also) {
    blocks.push(new Paragraph({ ...at, keepNext: true, children: [new TextRun({ text: also, italics: true })] }));
  }
  if (c.tags.length) {
    blocks.push(
      new Paragraph({
        ...at,
        children: [small(`${w.tags}: ${c.tags.map((t) => `${t.code} ${t.label}`).join('; ')}`)],
      }),
    );
  }
  if (c.attachments.length) {
    const files: ParagraphChild[] = [small(`${w.attachments}: `)];
    c.attachments.forEach((f, i) => {
      if (i > 0) files.push(small(', '));
      files.push(link(f.filename, f.url));
    });
    blocks.push(new Paragraph({ ...at, children: files }));
  }
  const label = (text: string) =>
    new Paragraph({ ...at, keepNext: true, children: [new TextRun({ text, italics: true })] });
  const t = c.translation;
  if (t) {
    // The translation asked for, labelled as one and tagged with its own language, then the original.
    blocks.push(label(translationLabel(t, lang)));
    blocks.push(
      ...markdownToDocx(convertPastedFootnotes(t.bodyMd), ctx, {
        indent,
        headingBase: 4,
        language: WORD_LANGUAGES[t.language],
        rightToLeft: textDirection(t.language),
      }),
    );
    blocks.push(label(originalLabel(c, lang)));
  }
  blocks.push(
    ...markdownToDocx(convertPastedFootnotes(c.bodyMd), ctx, {
      indent,
      headingBase: 4,
      language: WORD_LANGUAGES[c.language],
      rightToLeft: textDirection(c.language),
    }),
  );
  for (const r of c.replies) blocks.push(...contributionBlocks(r, depth + 1, ctx, grouping, lang));
  return blocks;
}

/** Word's own list numbering and a calm default font, shared by every Word export. */
export function newDocument(title: string, children: Block[], lang: ExportLanguage = 'en'): Document {
  const rtl = isRightToLeft(lang);
  // Right to left for the whole document in Arabic: every paragraph's default (the docx types
  // leave `bidirectional` out of the defaults, which Word and the library both take).
  const paragraph = {
    spacing: { after: 160, line: 264, lineRule: LineRuleType.AUTO },
    ...(rtl ? { bidirectional: true } : {}),
  } as IParagraphStylePropertiesOptions;
  return new Document({
    title,
    creator: 'Convene',
    styles: {
      default: {
        // Space after every paragraph (8 pt, as Word's own Normal style), so a contribution's
        // paragraphs stand apart; British English unless a run says otherwise.
        document: {
          // Calibri for Latin and Cyrillic, Arial for Arabic, Microsoft YaHei for Chinese (Word
          // picks by script; LibreOffice falls back to the Noto fonts where these are absent).
          run: {
            font: WORD_FONT,
            size: 22,
            language: { value: WORD_LANGUAGES[lang] ?? 'en-GB', ...(rtl ? { bidirectional: 'ar-SA' } : {}) },
          },
          paragraph,
        },
      },
    },
    features: { updateFields: false },
    sections: [{ children }],
  });
}

/**
 * A source's items with the next one already asked for while this one is used: the export's next
 * page of contributions is read from the database while this page is turned into Word, rather
 * than after it (the formatting keeps one core busy, the query waits on the database).
 */
export async function* readAhead<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  const it = source[Symbol.asyncIterator]();
  let next = it.next();
  let finished = false;
  try {
    for (;;) {
      const item = await next;
      if (item.done) {
        finished = true;
        return;
      }
      next = it.next();
      yield item.value;
    }
  } finally {
    if (!finished) {
      // Stopped early: the page being read finishes (its query holds the transaction's connection), then the source stops.
      await next.catch(() => undefined);
      await it.return?.(undefined);
    }
  }
}

export function listCounter(): DocxMarkdownContext {
  let n = 0;
  return { nextListInstance: () => ++n };
}

/**
 * The Word document: the space's header, participation tables, then a Heading 1 per guiding
 * question with each contribution (Heading 2; replies Heading 3 and indented) in real Word
 * formatting, its footnotes as Word footnotes, then the annexes. Written into `out` as it is
 * read: the body one contribution at a time (see docx-stream.ts), so memory stays bounded
 * however many contributions the space has.
 */
export async function docxExport(input: CuratedInput, out: Writable): Promise<void> {
  const s = input.space;
  const ctx = listCounter();
  const lang = exportLanguage(input.filters);
  const w = EXPORT_WORDS[lang].label;
  const title = `${s.code} — ${s.title}`;
  const doc = new StreamedDocx(newDocument(title, [], lang), newDocument(title, [], lang));
  const front: Block[] = [
    new Paragraph({ text: title, heading: HeadingLevel.TITLE }),
    ...(s.parent ? [label(w.session, `${s.parent.code} — ${s.parent.title}`)] : []),
    // The report's own sentence first, in the export's language, tagged so Word checks it as such.
    new Paragraph({ text: w.participation, heading: HeadingLevel.HEADING_1 }),
    new Paragraph({
      children: [
        new TextRun({
          text: input.participation.summary,
          language: { value: WORD_LANGUAGES[sentenceLanguage(lang)] ?? 'en-GB' },
        }),
      ],
    }),
    label(w.dates, period(s, lang)),
    label(w.moderators, people(s.moderators)),
    label(w.chairs, people(s.chairs)),
    label(w.exported, `${formatDate(input.generatedAt, lang)}, ${scopeLine(input)}`),
    new Paragraph({ children: [new TextRun({ text: `${w.page}: `, bold: true }), link(s.url, s.url)] }),
    ...participationBlocks(input),
  ];
  const xml = (blocks: Block[]) => blocks.map((b) => doc.xml(b)).join('');
  // Every section's pages in order, each with its section (an empty page for a section without
  // any), read one page ahead: the next page, the next section's first one too, comes from the
  // database while this one is written.
  async function* pages(): AsyncGenerator<{ section: number; page: ExportContribution[] }> {
    for (const [section, q] of input.sections.entries()) {
      let read = 0;
      for await (const page of input.threads(q)) {
        read += 1;
        yield { section, page };
      }
      if (read === 0) yield { section, page: [] };
    }
  }
  const none = () => doc.xml(new Paragraph({ children: [new TextRun({ text: w.noContributions, italics: true })] }));
  async function* body(): AsyncGenerator<string> {
    yield xml(front);
    let current = -1;
    let any = false;
    for await (const { section, page } of readAhead(pages())) {
      if (section !== current) {
        if (current >= 0 && !any) yield none();
        const q = input.sections[section];
        if (q) yield doc.xml(new Paragraph({ text: sectionHeading(q, lang), heading: HeadingLevel.HEADING_1 }));
        current = section;
        any = false;
      }
      if (out.destroyed) throw new Error('export aborted: the client went away');
      for (const root of page) {
        any = true;
        yield xml(contributionBlocks(root, 0, ctx, input.grouping, lang));
      }
    }
    if (current >= 0 && !any) yield none();
    yield xml(annexBlocks(input));
  }
  await doc.write(out, input.generatedAt, body());
}
