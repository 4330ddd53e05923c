import { z } from 'zod';
import { COMMENT_LANGUAGES, STAKEHOLDER_CATEGORIES } from '../constants.js';

/** Who took part in a space, counted over published contributions only. */
export const participationQuery = z.strictObject({
  /** `highlighted`: only contributions a chair marked relevant for the note. */
  scope: z.enum(['published', 'highlighted']).default('published'),
});

const tally = { contributions: z.number().int(), contributors: z.number().int() };

export const participationSchema = z
  .object({
    space: z.object({ slug: z.string(), code: z.string(), title: z.string() }),
    scope: z.enum(['published', 'highlighted']),
    totals: z.object({
      ...tally,
      /** Distinct countries of contributors in the member_state category. */
      memberStates: z.number().int(),
      /** Distinct affiliations (case-insensitive). */
      organisations: z.number().int(),
      countries: z.number().int(),
      highlighted: z.number().int(),
    }),
    byCategory: z.array(z.object({ category: z.enum(STAKEHOLDER_CATEGORIES), ...tally })),
    byCountry: z.array(z.object({ country: z.string().nullable(), ...tally })),
    byQuestion: z.array(
      z.object({ questionId: z.uuid().nullable(), position: z.number().int().nullable(), text: z.string(), ...tally }),
    ),
    byLanguage: z.array(z.object({ language: z.enum(COMMENT_LANGUAGES), ...tally })),
    /** Contributions per day (UTC), by publication date. */
    overTime: z.array(z.object({ date: z.string(), contributions: z.number().int() })),
  })
  .meta({ id: 'Participation' });
export type Participation = z.infer<typeof participationSchema>;
export const participationResponse = z.object({ participation: participationSchema });
