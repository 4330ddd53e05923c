import { z } from 'zod';

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
    }),
  })
  .meta({ id: 'Error' });
export type ErrorResponse = z.infer<typeof errorResponse>;

export const fieldError = z.object({ field: z.string(), message: z.string() });
export type FieldError = z.infer<typeof fieldError>;

export const okResponse = z.object({ ok: z.literal(true) });

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

/** ISO 3166-1 alpha-2 country code, upper case. */
export const countryCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, 'Use a two-letter ISO 3166-1 country code, such as "KE"')
  .refine((c) => regionNames.of(c) !== undefined, 'Unknown country code');

/** Text a person types: trimmed, not blank. */
export const text = (max: number) => z.string().trim().min(1, 'Required').max(max, `At most ${max} characters`);

export const previewRequest = z.strictObject({
  /** Markdown, as a contribution or a background would be written. */
  body: z.string().max(100_000, 'At most 100,000 characters'),
});
export const previewResponse = z.object({ html: z.string() });
