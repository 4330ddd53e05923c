import {
  AlignmentType,
  BorderStyle,
  ExternalHyperlink,
  FootnoteReferenceRun,
  HeadingLevel,
  LevelFormat,
  type NumberingDefinition,
  Paragraph,
  type ParagraphChild,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { type Token, footnoteNumber, isExternalLink, parseMarkdown } from './markdown.js';

/** A Word run or hyperlink that may stand inside a paragraph. */
type Inline = ParagraphChild;
export type Block = Paragraph | Table;

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;
export const heading = (level: number) => HEADINGS[Math.max(0, Math.min(5, level - 1))] ?? HeadingLevel.HEADING_6;

const INDENT_STEP = 360;
const MONO = 'Consolas';

/** Ordered lists numbered 1., 2. … at every level; each list gets its own instance, so each starts at its own start. */
const definitions = new Map<number, NumberingDefinition>();
export function orderedListDefinition(start: number): NumberingDefinition {
  const known = definitions.get(start);
  if (known) return known;
  const made: NumberingDefinition = {
    reference: `md-ordered-${start}`,
    levels: Array.from({ length: 9 }, (_, level) => ({
      level,
      format: LevelFormat.DECIMAL,
      text: `%${level + 1}.`,
      start: level === 0 ? start : 1,
      alignment: AlignmentType.START,
      style: { paragraph: { indent: { left: INDENT_STEP * (level + 2), hanging: INDENT_STEP } } },
    })),
  };
  // A handful of start values in practice; the cap keeps odd inputs from growing the cache.
  if (definitions.size < 100) definitions.set(start, made);
  return made;
}

export interface DocxMarkdownContext {
  /** A new list instance number, unique in the document (each markdown list restarts its numbering). */
  nextListInstance(): number;
}

/** Word's language tag for a contribution's language ("other": none, Word then guesses). */
export const WORD_LANGUAGES: Record<string, string | undefined> = {
  en: 'en-GB',
  fr: 'fr-FR',
  es: 'es-ES',
  ar: 'ar-SA',
  zh: 'zh-CN',
  ru: 'ru-RU',
};

/** Text width of an A4 page with the library's 1-inch margins, in twentieths of a point. */
export const TEXT_WIDTH = 9026;

/** About the width of one character of 11 pt Calibri (bold), and a cell's side margins, in twentieths of a point. */
const CHAR_WIDTH = 125;
const CELL_MARGINS = 300;

/**
 * Column widths for a table from its cells' text: each column gets a share of `total` by the
 * length of its longest cell (capped at 60 characters, at least 15), so a column of long
 * questions is wide and a column of counts narrow, instead of equal columns wrapping the long
 * text over many lines. No column is narrower than its longest word (a bold "Contributions"
 * header wrapped mid-word otherwise): the room comes from the columns above their floor.
 */
export function columnWidths(rows: string[][], total = TEXT_WIDTH): number[] {
  const count = Math.max(0, ...rows.map((r) => r.length));
  const columns = Array.from({ length: count }, (_, i) => rows.map((r) => r[i] ?? ''));
  const weights = columns.map((cells) => Math.min(60, Math.max(15, ...cells.map((c) => [...c].length))));
  const floors = columns.map((cells) =>
    Math.min(
      Math.floor(total / Math.max(1, count)),
      CELL_MARGINS + CHAR_WIDTH * Math.max(0, ...cells.flatMap((c) => c.split(/\s+/).map((w) => [...w].length))),
    ),
  );
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  let widths = weights.map((w) => (w / sum) * total);
  // Raise the columns under their floor; take it from the others in proportion to what they have above theirs.
  for (let pass = 0; pass < 3; pass++) {
    const lacking = widths.reduce((n, w, i) => n + Math.max(0, (floors[i] ?? 0) - w), 0);
    if (lacking <= 0) break;
    const spare = widths.reduce((n, w, i) => n + Math.max(0, w - (floors[i] ?? 0)), 0);
    if (spare <= 0) break;
    const take = Math.min(1, lacking / spare);
    widths = widths.map((w, i) => {
      const floor = floors[i] ?? 0;
      return w < floor ? floor : w - (w - floor) * take;
    });
  }
  return widths.map((w) => Math.floor(w));
}

export interface DocxMarkdownOptions {
  /** Word language tag (`w:lang`) of every run, so Word checks French as French. */
  language?: string | undefined;
  /**
   * Every paragraph right to left (`bidirectional`, an Arabic text) or explicitly left to right
   * (a text in another language inside a right-to-left document); unset: the document's default.
   * `'auto'`: each paragraph by its first letter, as HTML's `dir="auto"` (a note whose sections
   * may be in Arabic or not), left to right stated only when `documentRightToLeft`.
   */
  rightToLeft?: boolean | 'auto' | undefined;
  /** With `rightToLeft: 'auto'`: the document's own direction is right to left. */
  documentRightToLeft?: boolean | undefined;
  /** Left indent of every block, in twentieths of a point (replies sit further right). */
  indent?: number;
  /** Word heading level of a markdown "#" heading; deeper ones follow, capped at Heading 6. */
  headingBase?: number;
  /** Turns a citation marker (see `markCitations`) into a run, e.g. a footnote reference. */
  citation?: (index: number) => Inline;
  /** Told of each real Word footnote the markdown itself makes (`[^1]`), in document order. */
  onFootnote?: () => void;
}

/** A paragraph's direction as the options ask (nothing when they do not say). */
const direction = (options: DocxMarkdownOptions) =>
  typeof options.rightToLeft === 'boolean' ? { bidirectional: options.rightToLeft } : {};

/** Letters of the scripts written right to left. */
const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;

/**
 * A text's direction by its first letter, as `dir="auto"` decides: "rtl" for Arabic (and the
 * other right-to-left scripts), "ltr" for any other letter, null for none. Citation markers,
 * link and image addresses and HTML tags are not read.
 */
export function textDirection(text: string): 'rtl' | 'ltr' | null {
  const plain = text
    .replace(/\[@[0-9a-fA-F-]{36}\]/g, ' ')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\bhttps?:\/\/\S+/g, ' ');
  const first = /\p{L}/u.exec(plain)?.[0];
  return first === undefined ? null : RTL_LETTER.test(first) ? 'rtl' : 'ltr';
}

/** Options with `rightToLeft: 'auto'` settled for one paragraph's text. */
function settle(options: DocxMarkdownOptions, text: string): DocxMarkdownOptions {
  if (options.rightToLeft !== 'auto') return options;
  const dir = textDirection(text);
  const rightToLeft = dir === 'rtl' ? true : dir === 'ltr' && options.documentRightToLeft ? false : undefined;
  return { ...options, rightToLeft };
}

/** Citation markers survive markdown parsing as plain text: private-use characters around an index. */
export const CITATION_MARK = /\uE000(\d+)\uE001/g;
export const citationMark = (index: number) => `\uE000${index}\uE001`;

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
  code?: boolean;
}

function textRuns(text: string, style: RunStyle, link: boolean, options: DocxMarkdownOptions): Inline[] {
  const make = (t: string) =>
    new TextRun({
      text: t,
      // Only the flags that are on: an explicit "off" on every run would bloat a large document.
      ...(style.bold ? { bold: true } : {}),
      ...(style.italics ? { italics: true } : {}),
      ...(style.strike ? { strike: true } : {}),
      ...(style.code ? { font: MONO } : {}),
      ...(link ? { style: 'Hyperlink' } : {}),
      // A right-to-left run is Arabic for Word's complex-script language (w:lang w:bidi).
      ...(options.language || options.rightToLeft === true
        ? {
            language: {
              ...(options.language ? { value: options.language } : {}),
              ...(options.rightToLeft === true ? { bidirectional: 'ar-SA' } : {}),
            },
          }
        : {}),
      ...(options.rightToLeft === true ? { rightToLeft: true } : {}),
    });
  const citation = options.citation;
  if (!citation || !text.includes('\uE000')) return [make(text)];
  const out: Inline[] = [];
  let last = 0;
  for (const m of text.matchAll(CITATION_MARK)) {
    if (m.index > last) out.push(make(text.slice(last, m.index)));
    out.push(citation(Number(m[1])));
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(make(text.slice(last)));
  return out;
}

/**
 * A paragraph's runs from an inline token: bold, italics, strike-through, code, links as real
 * hyperlinks, line breaks, and footnote references as real Word footnotes.
 */
function inlineRuns(
  children: Token[] | null,
  footnotes: Map<number, Token[]>,
  ctx: DocxMarkdownContext,
  options: DocxMarkdownOptions,
  inFootnote: boolean,
): Inline[] {
  const out: Inline[] = [];
  const style: RunStyle = {};
  let link: { href: string; runs: Inline[] } | null = null;
  const push = (...runs: Inline[]) => (link ? link.runs : out).push(...runs);
  for (const c of children ?? []) {
    switch (c.type) {
      case 'text':
        push(...textRuns(c.content, style, link !== null, options));
        break;
      case 'code_inline':
        push(...textRuns(c.content, { ...style, code: true }, link !== null, options));
        break;
      case 'softbreak':
        push(new TextRun({ text: ' ' }));
        break;
      case 'hardbreak':
        push(new TextRun({ break: 1 }));
        break;
      case 'strong_open':
        style.bold = true;
        break;
      case 'strong_close':
        style.bold = false;
        break;
      case 'em_open':
        style.italics = true;
        break;
      case 'em_close':
        style.italics = false;
        break;
      case 's_open':
        style.strike = true;
        break;
      case 's_close':
        style.strike = false;
        break;
      case 'image':
        push(...textRuns(c.content, { ...style, italics: true }, link !== null, options));
        break;
      case 'link_open': {
        const href = String(c.attrGet('href') ?? '');
        if (isExternalLink(href)) link = { href, runs: [] };
        break;
      }
      case 'link_close':
        if (link) out.push(new ExternalHyperlink({ link: link.href, children: link.runs }));
        link = null;
        break;
      case 'footnote_ref': {
        const note = footnotes.get(Number(c.meta?.id ?? -1));
        // Word has no footnotes inside footnotes: a nested reference stays a bracketed number.
        if (inFootnote || !note) push(new TextRun({ text: `[${footnoteNumber(c)}]`, superScript: true }));
        else {
          // Word footnotes hold paragraphs only: a table inside a footnote is left out.
          const content = convertBlocks(note, footnotes, ctx, options, true).filter((b) => b instanceof Paragraph);
          options.onFootnote?.();
          push(new FootnoteReferenceRun({ children: content }));
        }
        break;
      }
      default:
        break;
    }
  }
  if (link) out.push(new ExternalHyperlink({ link: link.href, children: link.runs }));
  return out;
}

function convertBlocks(
  tokens: Token[],
  footnotes: Map<number, Token[]>,
  ctx: DocxMarkdownContext,
  options: DocxMarkdownOptions,
  inFootnote = false,
): Block[] {
  const base = options.indent ?? 0;
  const headingBase = options.headingBase ?? 4;
  const blocks: Block[] = [];
  const lists: { ordered: boolean; instance: number; start: number }[] = [];
  let itemFirst = false;
  let quote = 0;
  let headingLevel: number | null = null;
  let table: { rows: TableRow[]; cells: TableCell[]; header: boolean; texts: string[][]; row: string[] } | null = null;

  const indentLeft = () => base + INDENT_STEP * 2 * quote + INDENT_STEP * 2 * lists.length;
  // No indent element at all when there is none: a large document has tens of thousands of paragraphs.
  const indent = () => (indentLeft() > 0 ? { indent: { left: indentLeft() } } : {});
  const quoteBorder = () =>
    quote > 0
      ? { border: { left: { style: BorderStyle.SINGLE, size: 12, color: 'A6A6A6', space: 8 } } }
      : ({} as Record<string, never>);

  for (const t of tokens) {
    switch (t.type) {
      case 'heading_open':
        headingLevel = Number(t.tag.slice(1));
        break;
      case 'heading_close':
        headingLevel = null;
        break;
      case 'bullet_list_open':
      case 'ordered_list_open':
        lists.push({
          ordered: t.type === 'ordered_list_open',
          instance: ctx.nextListInstance(),
          start: Number(t.attrGet('start') ?? 1),
        });
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop();
        break;
      case 'list_item_open':
        itemFirst = true;
        break;
      case 'blockquote_open':
        quote += 1;
        break;
      case 'blockquote_close':
        quote -= 1;
        break;
      case 'table_open':
        table = { rows: [], cells: [], header: false, texts: [], row: [] };
        break;
      case 'thead_open':
        if (table) table.header = true;
        break;
      case 'thead_close':
        if (table) table.header = false;
        break;
      case 'tr_close':
        if (table) {
          table.rows.push(new TableRow({ children: table.cells, tableHeader: table.header }));
          table.texts.push(table.row);
          table.cells = [];
          table.row = [];
        }
        break;
      case 'table_close':
        if (table && table.rows.length) {
          blocks.push(
            new Table({
              rows: table.rows,
              width: { size: TEXT_WIDTH - indentLeft(), type: WidthType.DXA },
              columnWidths: columnWidths(table.texts, TEXT_WIDTH - indentLeft()),
              indent: { size: indentLeft(), type: WidthType.DXA },
            }),
          );
        }
        table = null;
        break;
      case 'inline': {
        // The paragraph's own direction when the options say 'auto'.
        const o = settle(options, t.content);
        const runs = inlineRuns(t.children, footnotes, ctx, o, inFootnote);
        if (table) {
          const bold = table.header;
          table.row.push(t.content);
          const lang = {
            ...(o.language ? { language: { value: o.language } } : {}),
            ...(o.rightToLeft === true ? { rightToLeft: true } : {}),
          };
          table.cells.push(
            new TableCell({
              children: [
                new Paragraph({
                  ...direction(o),
                  children: bold ? [new TextRun({ text: t.content, bold, ...lang })] : runs,
                }),
              ],
            }),
          );
          break;
        }
        if (headingLevel !== null) {
          blocks.push(
            new Paragraph({
              ...direction(o),
              children: runs,
              heading: heading(headingBase + headingLevel - 1),
              ...indent(),
            }),
          );
          break;
        }
        const list = lists.at(-1);
        if (list && itemFirst) {
          itemFirst = false;
          const level = Math.min(8, lists.length - 1);
          const left = indentLeft();
          blocks.push(
            new Paragraph({
              ...direction(o),
              children: runs,
              ...(list.ordered
                ? { numbering: { reference: orderedListDefinition(list.start), level, instance: list.instance } }
                : { bullet: { level } }),
              indent: { left, hanging: INDENT_STEP },
              ...quoteBorder(),
            }),
          );
          break;
        }
        blocks.push(
          new Paragraph({
            ...direction(o),
            children: runs,
            ...indent(),
            ...(inFootnote ? { style: 'FootnoteText' } : {}),
            ...quoteBorder(),
          }),
        );
        break;
      }
      case 'fence':
      case 'code_block':
        for (const line of t.content.replace(/\n$/, '').split('\n')) {
          blocks.push(
            new Paragraph({
              ...direction(options),
              children: [new TextRun({ text: line, font: MONO })],
              ...indent(),
              shading: { type: ShadingType.CLEAR, fill: 'F2F2F2', color: 'auto' },
              spacing: { after: 0 },
            }),
          );
        }
        break;
      case 'hr':
        blocks.push(
          new Paragraph({
            ...direction(options),
            children: [],
            ...indent(),
            border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: 'A6A6A6', space: 1 } },
          }),
        );
        break;
      default:
        break;
    }
  }
  return blocks;
}

/**
 * A markdown text as Word blocks: headings, paragraphs, bold and italics, bullet and numbered
 * lists, links, block quotes, code, tables, and footnotes as real Word footnotes. Built from
 * markdown-it's tokens, never from HTML.
 */
export function markdownToDocx(source: string, ctx: DocxMarkdownContext, options: DocxMarkdownOptions = {}): Block[] {
  const { body, footnotes } = parseMarkdown(source);
  return convertBlocks(body, footnotes, ctx, options);
}
