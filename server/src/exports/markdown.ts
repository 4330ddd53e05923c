import MarkdownIt from 'markdown-it';
import footnote from 'markdown-it-footnote';

type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number];
export type { Token };

/**
 * The same markdown dialect as server/src/markdown.ts (no raw HTML, linkify, footnotes, .int
 * links), parsed to tokens: exports rebuild the structure in each file format from the
 * tokens rather than from the HTML.
 */
const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false }).use(footnote);
md.linkify.tlds('int', true);

export interface ParsedMarkdown {
  /** The document's blocks, without the footnote definitions. */
  body: Token[];
  /** Footnote definitions by markdown-it-footnote's id (printed as id + 1). */
  footnotes: Map<number, Token[]>;
}

/** Parses markdown and splits the footnote definitions (appended at the end) from the body. */
export function parseMarkdown(source: string): ParsedMarkdown {
  const tokens = md.parse(source, {});
  const body: Token[] = [];
  const footnotes = new Map<number, Token[]>();
  let current: Token[] | null = null;
  let inBlock = false;
  for (const t of tokens) {
    if (t.type === 'footnote_block_open') inBlock = true;
    else if (t.type === 'footnote_block_close') inBlock = false;
    else if (t.type === 'footnote_open') {
      current = [];
      footnotes.set(Number(t.meta?.id ?? footnotes.size), current);
    } else if (t.type === 'footnote_close') current = null;
    else if (t.type === 'footnote_anchor') continue;
    else if (inBlock) current?.push(t);
    else body.push(t);
  }
  return { body, footnotes };
}

export const footnoteNumber = (t: Token): number => Number(t.meta?.id ?? 0) + 1;

/** Only links a reader can follow from a file: web and mail addresses. */
export const isExternalLink = (href: string | null | undefined): href is string =>
  typeof href === 'string' && /^(https?:|mailto:)/i.test(href);

/** The visible text of an inline token's children, links written as "text (address)". */
function inlineText(children: Token[] | null): string {
  let out = '';
  let linkHref: string | null = null;
  let linkStart = 0;
  for (const c of children ?? []) {
    switch (c.type) {
      case 'text':
      case 'code_inline':
        out += c.content;
        break;
      case 'softbreak':
        out += ' ';
        break;
      case 'hardbreak':
        out += '\n';
        break;
      case 'image':
        out += c.content;
        break;
      case 'footnote_ref':
        out += `[${footnoteNumber(c)}]`;
        break;
      case 'link_open':
        linkHref = String(c.attrGet('href') ?? '');
        linkStart = out.length;
        break;
      case 'link_close':
        if (isExternalLink(linkHref) && out.slice(linkStart) !== linkHref.replace(/^mailto:/i, '')) {
          out += ` (${linkHref})`;
        }
        linkHref = null;
        break;
      default:
        break;
    }
  }
  return out;
}

interface Line {
  text: string;
  /** Consecutive tight lines (list items, table rows, footnotes) are joined by one line break. */
  tight: boolean;
}

function blockLines(tokens: Token[], prefix = ''): Line[] {
  const lines: Line[] = [];
  const lists: { ordered: boolean; n: number }[] = [];
  let itemPrefix: string | null = null;
  let quote = 0;
  let row: string[] | null = null;
  for (const t of tokens) {
    switch (t.type) {
      case 'bullet_list_open':
        lists.push({ ordered: false, n: 0 });
        break;
      case 'ordered_list_open':
        lists.push({ ordered: true, n: Number(t.attrGet('start') ?? 1) - 1 });
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop();
        break;
      case 'list_item_open': {
        const list = lists.at(-1);
        if (list) {
          list.n += 1;
          itemPrefix = `${'  '.repeat(lists.length - 1)}${list.ordered ? `${list.n}.` : '•'} `;
        }
        break;
      }
      case 'blockquote_open':
        quote += 1;
        break;
      case 'blockquote_close':
        quote -= 1;
        break;
      case 'tr_open':
        row = [];
        break;
      case 'tr_close':
        if (row) lines.push({ text: `${prefix}${row.join(' | ')}`, tight: true });
        row = null;
        break;
      case 'inline': {
        const text = inlineText(t.children);
        if (row) {
          row.push(text);
          break;
        }
        const lead = itemPrefix ?? (lists.length ? '  '.repeat(lists.length) : '');
        lines.push({ text: `${prefix}${'> '.repeat(quote)}${lead}${text}`, tight: lists.length > 0 });
        itemPrefix = null;
        break;
      }
      case 'fence':
      case 'code_block':
        lines.push({ text: `${prefix}${t.content.replace(/\n$/, '')}`, tight: false });
        break;
      default:
        break;
    }
  }
  return lines;
}

const joinLines = (lines: Line[]) =>
  lines
    .map((l, i) => (i === 0 ? '' : l.tight && lines[i - 1]?.tight ? '\n' : '\n\n') + l.text)
    .join('')
    .trim();

/**
 * Plain text of a markdown source, for spreadsheets and search: paragraphs separated by a
 * blank line, list items marked, link addresses kept, footnotes listed at the end as "[1] …".
 * Entities are decoded (unlike HTML-based stripping, "&" stays "&").
 */
export function markdownToPlainText(source: string): string {
  const { body, footnotes } = parseMarkdown(source);
  const main = joinLines(blockLines(body));
  if (footnotes.size === 0) return main;
  const notes = [...footnotes].map(([id, tokens]) => ({
    text: `[${id + 1}] ${joinLines(blockLines(tokens)).replace(/\n+/g, ' ')}`,
    tight: true,
  }));
  return `${main}\n\n${joinLines(notes)}`;
}

/** The first `length` characters of a markdown text as one line of plain text, for context lines. */
export function excerpt(md: string, length = 200): string {
  const plain = markdownToPlainText(md).replace(/\s+/g, ' ').trim();
  return plain.length > length ? `${plain.slice(0, length - 1).trimEnd()}…` : plain;
}

/** Words in a markdown text: the one rule shared with the note editor (shared/src/words.ts). */
export { countWords } from '@convene/shared';

/**
 * Makes one contribution's markdown safe to place inside a larger markdown document: headings
 * sit `headingShift` levels lower (a "# Title" must not compete with the export's own headings),
 * footnote labels get `footnotePrefix` (every contribution has its own "[^1]"), and "<" outside
 * code is written as an entity so no reader's renderer takes the text for HTML.
 */
export function embedMarkdown(source: string, options: { headingShift: number; footnotePrefix: string }): string {
  const env: { footnotes?: { refs?: Record<string, number> } } = {};
  const tokens = md.parse(source, env);
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const replaced = new Map<number, string | null>();
  for (const t of tokens) {
    if (t.type !== 'heading_open' || t.level !== 0 || !t.map) continue;
    const level = Math.min(6, Number(t.tag.slice(1)) + options.headingShift);
    const [start, end] = t.map;
    if (t.markup.startsWith('#')) {
      replaced.set(start, (lines[start] ?? '').replace(/^(\s{0,3})#{1,6}/, `$1${'#'.repeat(level)}`));
    } else {
      // Setext ("Title\n====="): rewritten as an ATX heading, the underline dropped.
      const text = lines
        .slice(start, end - 1)
        .map((l) => l.trim())
        .join(' ');
      replaced.set(start, `${'#'.repeat(level)} ${text}`);
      for (let i = start + 1; i < end; i++) replaced.set(i, null);
    }
  }
  const labels = new Set(Object.keys(env.footnotes?.refs ?? {}).map((k) => k.slice(1)));
  let fenced: string | null = null;
  const out: string[] = [];
  lines.forEach((raw, i) => {
    const line = replaced.has(i) ? replaced.get(i) : raw;
    if (line === null || line === undefined) return;
    const fence = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fenced) {
      if (fence && fence[0] === fenced[0] && fence.length >= fenced.length) fenced = null;
      out.push(line);
      return;
    }
    if (fence) {
      fenced = fence;
      out.push(line);
      return;
    }
    out.push(
      line
        .split(/(`+[^`]*`+)/)
        .map((part, k) =>
          k % 2 === 1
            ? part
            : part
                .replace(/</g, '&lt;')
                .replace(/\[\^([^\]\s]+)\]/g, (m, label: string) =>
                  labels.has(label) ? `[^${options.footnotePrefix}${label}]` : m,
                ),
        )
        .join(''),
    );
  });
  return out.join('\n').trim();
}

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const fromSuperscript = (s: string) => Number([...s].map((ch) => SUPERSCRIPT_DIGITS.indexOf(ch)).join(''));
const toSuperscript = (n: number) => [...String(n)].map((d) => SUPERSCRIPT_DIGITS[Number(d)]).join('');

/** One line of a pasted footnote list: "[1] text", "1. text", "1) text", "^1 text" or "¹ text". */
const PASTED_NOTE = /^\s{0,3}(?:\[(\d{1,3})\]|(\d{1,3})[.)]|\^(\d{1,3})|([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}))[ \t]+(\S.*)$/;
/** A heading or rule that often stands above such a list ("Notes", "Footnotes:", "---"). */
const NOTES_HEADING =
  /^\s{0,3}(?:#{1,6}\s*)?(?:\*\*|__)?(?:notes?|footnotes?|references?|sources?|endnotes?)(?:\*\*|__)?:?\s*$|^\s{0,3}(?:-{3,}|\*{3,}|_{3,})\s*$/i;

/** The markers a body may use for note `n`, as patterns that must not be a link or a list item. */
const markerPatterns = (n: number) => ({
  bracket: new RegExp(`[ \\t]*(?<![\\]!\\\\])\\[${n}\\](?![(:\\[])`, 'g'),
  caret: new RegExp(`[ \\t]*\\^${n}(?!\\d)`, 'g'),
  superscript: new RegExp(`[ \\t]*(?<![⁰¹²³⁴⁵⁶⁷⁸⁹])${toSuperscript(n)}(?![⁰¹²³⁴⁵⁶⁷⁸⁹])`, 'g'),
});

/**
 * Footnotes pasted as text ("… as agreed [1]." with "[1] Report of 2025." at the end, also "^1"
 * or "¹" markers and a "1. …" list) become markdown footnotes, so Word shows them as real
 * footnotes. Only when unambiguous: the text at the end is a list numbered 1…n with nothing after
 * it, the text above uses one marker form for every number 1…n and for no other number, and the
 * source has no markdown footnotes or code of its own. Anything else is left as written.
 */
export function convertPastedFootnotes(source: string): string {
  if (/^\s{0,3}\[\^[^\]]+\]:/m.test(source) || /```|~~~/.test(source)) return source;
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  let end = lines.length;
  while (end > 0 && (lines[end - 1] ?? '').trim() === '') end -= 1;
  const notes: { n: number; text: string }[] = [];
  let start = end;
  for (let i = end - 1; i >= 0; i--) {
    const line = lines[i] ?? '';
    if (line.trim() === '') continue;
    const m = PASTED_NOTE.exec(line);
    if (!m) break;
    const n = m[1] ?? m[2] ?? m[3];
    notes.unshift({ n: n !== undefined ? Number(n) : fromSuperscript(m[4] ?? ''), text: m[5] ?? '' });
    start = i;
  }
  if (notes.length === 0 || notes.some((note, i) => note.n !== i + 1)) return source;
  let bodyEnd = start;
  while (bodyEnd > 0 && (lines[bodyEnd - 1] ?? '').trim() === '') bodyEnd -= 1;
  if (bodyEnd > 0 && NOTES_HEADING.test(lines[bodyEnd - 1] ?? '')) bodyEnd -= 1;
  let body = lines.slice(0, bodyEnd).join('\n');
  if (body.trim() === '') return source;
  const kinds = ['bracket', 'caret', 'superscript'] as const;
  const kind = kinds.find((k) => notes.every((note) => markerPatterns(note.n)[k].test(body)));
  if (!kind) return source;
  // No marker of that form for a number the list lacks ("[7]" with three notes is something else).
  const stray = {
    bracket: /(?<![\]!\\])\[(\d{1,3})\](?![(:[])/g,
    caret: /\^(\d{1,3})/g,
    superscript: /[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g,
  }[kind];
  for (const m of body.matchAll(stray)) {
    const n = kind === 'superscript' ? fromSuperscript(m[0]) : Number(m[1]);
    if (n < 1 || n > notes.length) return source;
  }
  for (const note of notes) body = body.replace(markerPatterns(note.n)[kind], `[^${note.n}]`);
  return `${body.trimEnd()}\n\n${notes.map((note) => `[^${note.n}]: ${note.text}`).join('\n')}\n`;
}
