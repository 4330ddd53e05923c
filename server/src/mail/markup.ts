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
