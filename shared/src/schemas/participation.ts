import { z } from 'zod';
import { COMMENT_LANGUAGES, STAKEHOLDER_CATEGORIES, PARTICIPATION_SENTENCE_LANGUAGES } from '../constants.js';

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
    /**
     * The verified figures: the same counts over authors whose affiliation is verified
     * (policies/affiliation.ts). Member States here come from focal points and verified
     * government (member_state) users only.
     */
    verified: z.object({
      totals: z.object({
        ...tally,
        memberStates: z.number().int(),
        /** Contributions of designated focal points ("Official contribution of …"). */
        officialContributions: z.number().int(),
        /** Distinct Member States with an official contribution. */
        officialMemberStates: z.number().int(),
      }),
      byCategory: z.array(z.object({ category: z.enum(STAKEHOLDER_CATEGORIES), ...tally })),
      /** Countries with at least one verified contribution. */
      byCountry: z.array(z.object({ country: z.string().nullable(), ...tally })),
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

/**
 * `GET /api/spaces/:slug/participation/sentence`: the participation paragraph as the exports
 * print it. `lang` is the sentence's language; `scope` and `language` select the contributions
 * counted, as the export's `scope` and `lang` do (an export with `lang=fr` counts the French
 * contributions and speaks French: ask with `lang=fr&language=fr` for its paragraph).
 */
export const participationSentenceQuery = z.strictObject({
  lang: z.enum(PARTICIPATION_SENTENCE_LANGUAGES).default('en'),
  scope: z.enum(['published', 'highlighted']).default('published'),
  /** Only contributions written in this language. */
  language: z.enum(COMMENT_LANGUAGES).optional(),
});
export const participationSentenceResponse = z.object({
  sentence: z
    .object({
      /** "39 contributions were received from 19 participants: 8 government representatives of 6 Member States, …" */
      text: z.string(),
      lang: z.enum(PARTICIPATION_SENTENCE_LANGUAGES),
      scope: z.enum(['published', 'highlighted']),
      contributions: z.number().int(),
      contributors: z.number().int(),
    })
    .meta({ id: 'ParticipationSentence' }),
});
export type ParticipationSentence = z.infer<typeof participationSentenceResponse>['sentence'];

/** `GET /api/spaces/:slug/export/origin`: where the links in exports will point (staff of the space). */
export const exportOriginResponse = z.object({
  origin: z
    .object({
      /** `APP_ORIGIN`: every permalink and file link in an export starts with it. */
      origin: z.string(),
      /** True when it names this machine (localhost, 127.x, ::1): links will not work for others. */
      loopback: z.boolean(),
    })
    .meta({ id: 'ExportOrigin' }),
});
export type ExportOrigin = z.infer<typeof exportOriginResponse>['origin'];

/** `GET /api/notes/:id/key-messages`: the highlighted contributions by question or by objective. */
export const keyMessagesQuery = z.strictObject({ group: z.enum(['question', 'objective']).default('question') });

export const keyMessageSource = z.object({
  id: z.uuid(),
  questionId: z.uuid().nullable(),
  parentId: z.uuid().nullable(),
  author: z.object({
    displayName: z.string(),
    affiliation: z.string(),
    stakeholderCategory: z.enum(STAKEHOLDER_CATEGORIES),
    country: z.string().nullable(),
  }),
  language: z.enum(COMMENT_LANGUAGES),
  createdAt: z.iso.datetime(),
  /** The published text, as sanitised HTML. */
  bodyHtml: z.string(),
  /** The codes of its objectives (tags). */
  tags: z.array(z.string()),
  permalink: z.url(),
});
export type KeyMessageSource = z.infer<typeof keyMessageSource>;

export const keyMessagesResponse = z.object({
  keyMessages: z
    .object({
      group: z.enum(['question', 'objective']),
      /**
       * By question: every guiding question in order, then the space as a whole (id null) when it
       * has highlighted contributions. By objective: the objectives the highlighted contributions
       * carry, in the Compact's order (a contribution under each of its tags), then "No objective"
       * (id null). Only published, highlighted contributions, oldest first.
       */
      groups: z.array(
        z.object({
          /** The question's or the tag's id; null for the space as a whole / no objective. */
          id: z.uuid().nullable(),
          /** The question's position, or the objective's number; null for the rest. */
          number: z.number().int().nullable(),
          /** The tag's code (objectives only). */
          code: z.string().nullable(),
          /** The question's text, or the objective's label in English, French and Spanish. */
          text: z.string(),
          labels: z.object({ en: z.string(), fr: z.string(), es: z.string() }).nullable(),
          contributions: z.array(keyMessageSource),
        }),
      ),
    })
    .meta({ id: 'KeyMessages' }),
});
export type KeyMessages = z.infer<typeof keyMessagesResponse>['keyMessages'];
