/**
 * MJML markup built with a tagged template that escapes every interpolated value: a user's name
 * or text can never become markup. Only fragments built by `mjml` itself (or `trusted`, for
 * constants) are inserted as they are.
 */
const TRUSTED = Symbol('trusted markup');

export interface Markup {
  readonly [TRUSTED]: string;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const isMarkup = (v: unknown): v is Markup => typeof v === 'object' && v !== null && TRUSTED in v;

type Value = string | number | Markup | readonly Markup[] | null | undefined | false;

function piece(v: Value): string {
  if (v === null || v === undefined || v === false) return '';
  if (Array.isArray(v)) return v.map((m: Markup) => m[TRUSTED]).join('');
  if (isMarkup(v)) return v[TRUSTED];
  return escapeHtml(String(v));
}

/** `mjml\`<mj-text>${name}</mj-text>\``: the name is escaped, nested `mjml` fragments are not. */
export function mjml(strings: TemplateStringsArray, ...values: Value[]): Markup {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += piece(v) + (strings[i + 1] ?? '');
  });
  return { [TRUSTED]: out };
}

/** A constant written in the code (never user input) inserted as markup. */
export const trusted = (markup: string): Markup => ({ [TRUSTED]: markup });

export const markupText = (m: Markup): string => m[TRUSTED];

/** An http(s) link for an href; anything else (javascript:, data:) becomes '#'. */
export function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.toString() : '#';
  } catch {
    return '#';
  }
}

/** A header value on one line: CR, LF and other control characters become spaces. */
export const oneLine = (value: string): string =>
  // eslint-disable-next-line no-control-regex
  value.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * The plain text of a comment's sanitised HTML (for an email's quote): paragraphs and line
 * breaks kept, list items marked, every tag dropped, entities decoded; cut at `max` characters.
 */
export function htmlText(html: string, max = 1200): string {
  const text = html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<li[^>]*>/gi, '- ')
    .replace(/<\/li>/gi, '\n')
    .replace(/<\/(p|div|h[1-6]|blockquote|pre|tr|ul|ol|table)>/gi, '\n\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, e: string) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[e.toLowerCase()] ?? whole;
    })
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return text.length > max ? `${text.slice(0, max).trimEnd()}…` : text;
}
