import { z } from 'zod';
import { LONE_SURROGATE_MESSAGE, NUL_CHARACTER_MESSAGE } from '../constants.js';

/** Every error the API sends has this shape. */
export const errorResponse = z
  .object({
    error: z.object({
      /** Stable, machine-readable code, e.g. `validation_failed`, `email_taken`. */
      code: z.string(),
      /** A human-readable sentence, safe to show to the user. */
      message: z.string(),
      /** For validation errors: `{ fields: [{ field, message }] }`; otherwise code-specific. */
      details: z.unknown().optional(),
      /** The request's id (also in the `X-Request-Id` header and the server's log line), to quote to support. */
      requestId: z.string().optional(),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorResponse = z.infer<typeof errorResponse>;

export const fieldError = z.object({ field: z.string(), message: z.string() });
export type FieldError = z.infer<typeof fieldError>;

export const okResponse = z.object({ ok: z.literal(true) });

/** The largest value of PostgreSQL's `integer`, the type of every version and position column. */
export const PG_INTEGER_MAX = 2_147_483_647;

/**
 * A whole number sent to be compared with a version or position column: a larger one is a 400
 * naming the field, not a database error (`value "…" is out of range for type integer`).
 * `coerce` for a path or query-string parameter.
 */
export const pgInteger = (opts: { coerce?: boolean } = {}) =>
  (opts.coerce ? z.coerce.number() : z.number()).int().max(PG_INTEGER_MAX, 'At most 2,147,483,647');

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

/**
 * Codes Intl names that are not countries: "Unknown Region" (ZZ), groupings (EU, EZ, UN, QO) and
 * the user-assigned ranges (AA, QM–QZ, XA–XZ), except XK, which is in common use for Kosovo.
 */
const NOT_A_COUNTRY = /^(?:AA|ZZ|EU|EZ|UN|Q[M-Z]|X[A-JL-Z])$/;

/** ISO 3166-1 alpha-2 country code, upper case. */
export const countryCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, 'Use a two-letter ISO 3166-1 country code, such as "KE"')
  // Intl throws on anything but a well-formed code, which the regex above reports by itself.
  .refine(
    (c) => !/^[A-Z]{2}$/.test(c) || (regionNames.of(c) !== undefined && !NOT_A_COUNTRY.test(c)),
    'Unknown country code',
  );

/*
 * Characters that text cannot hold. PostgreSQL `text` refuses U+0000 outright, and a lone UTF-16
 * surrogate (half of an emoji, say) is not a character at all: UTF-8 cannot encode it and it
 * would be stored as U+FFFD behind the sender's back. The rule, in one place:
 * - every request string (body, query, path) that holds one is refused with 400
 *   `validation_failed` naming the field (`storableString`, and the server's catch-all check
 *   `findUnstorableText` for any string a schema does not describe this way);
 * - markdown bodies, which people paste from elsewhere (`pastedText`), instead drop U+0000 and
 *   replace each lone surrogate with U+FFFD before any other check.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Why `s` cannot be stored as text, or null when it can. */
export function unstorableText(s: string): string | null {
  if (s.includes('\u0000')) return NUL_CHARACTER_MESSAGE;
  LONE_SURROGATE.lastIndex = 0;
  if (LONE_SURROGATE.test(s)) return LONE_SURROGATE_MESSAGE;
  return null;
}

/** Pasted text made storable: U+0000 dropped, lone surrogates replaced with U+FFFD. */
export const cleanPastedText = (s: string): string => s.replaceAll('\u0000', '').replace(LONE_SURROGATE, '\uFFFD');

/**
 * The first string inside a parsed request part (a body, a query, path parameters) that cannot be
 * stored, with its dotted path ("tags.1", "" for the value itself). Walks without recursion, so no
 * nesting depth can overflow the stack.
 */
export function findUnstorableText(value: unknown): { path: string; message: string } | null {
  const stack: [unknown, string][] = [[value, '']];
  const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [v, path] = next;
    if (typeof v === 'string') {
      const message = unstorableText(v);
      if (message) return { path, message };
    } else if (Array.isArray(v)) {
      v.forEach((child, i) => stack.push([child, join(path, String(i))]));
    } else if (v !== null && typeof v === 'object' && !ArrayBuffer.isView(v)) {
      for (const [k, child] of Object.entries(v)) {
        // A key is text too; it is named with the bad character escaped ("\u0000").
        const keyProblem = unstorableText(k);
        if (keyProblem) return { path: join(path, JSON.stringify(k).slice(1, -1)), message: keyProblem };
        stack.push([child, join(path, k)]);
      }
    }
  }
  return null;
}

/** Any string a request carries: refuses U+0000 and lone surrogates, naming the field. */
export const storableString = () =>
  z.string().refine((s) => unstorableText(s) === null, {
    error: (issue) => unstorableText(String(issue.input)) ?? 'Invalid text',
  });

/** A markdown body people paste into: U+0000 dropped, lone surrogates replaced with U+FFFD. */
export const pastedText = () => z.string().overwrite(cleanPastedText);

/** Text a person types: trimmed, not blank, storable. */
export const text = (max: number) => storableString().trim().min(1, 'Required').max(max, `At most ${max} characters`);

export const previewRequest = z.strictObject({
  /** Markdown, as a contribution or a background would be written. */
  body: pastedText().max(100_000, 'At most 100,000 characters'),
});
export const previewResponse = z.object({ html: z.string() });
