import { z } from 'zod';
import { LOCALES } from '../constants.js';
import { pgInteger } from './common.js';

/**
 * A space's outcome: the final background note, published by a chair as a public section of the
 * space. It is a frozen copy of one saved version of the note (rendered and sanitised when
 * published); editing the note afterwards changes nothing public until it is published again.
 */

export const publishOutcomeRequest = z.strictObject({
  /** The saved version of the note to publish (the one the chair reviewed). */
  version: pgInteger().min(1),
  /** The language the note is written in, set as the page's `lang`. */
  language: z.enum(LOCALES).default('en'),
});
export type PublishOutcomeRequest = z.input<typeof publishOutcomeRequest>;

/**
 * One footnote: a cited contribution, linked to its permalink. Who wrote it is given only while it
 * is published; once withdrawn or taken down the footnote keeps its number and link, nothing else.
 */
export const outcomeFootnote = z.object({
  number: z.number().int(),
  commentId: z.uuid(),
  permalink: z.url(),
  published: z.boolean(),
  author: z.string().nullable(),
  affiliation: z.string().nullable(),
  date: z.iso.datetime().nullable(),
});
export type OutcomeFootnote = z.infer<typeof outcomeFootnote>;

export const outcomeSchema = z
  .object({
    noteId: z.uuid(),
    title: z.string(),
    language: z.enum(LOCALES),
    /** The note version published. */
    version: z.number().int(),
    publishedAt: z.iso.datetime(),
    publishedBy: z.object({ displayName: z.string() }).nullable(),
    /** Each section's title and its sanitised HTML; citations are footnote references (`#fn-outcome-N`). */
    sections: z.array(z.object({ title: z.string(), html: z.string() })),
    footnotes: z.array(outcomeFootnote),
  })
  .meta({ id: 'Outcome' });
export type OutcomeDto = z.infer<typeof outcomeSchema>;

export const outcomeResponse = z.object({
  /** Null until a chair publishes one. */
  outcome: outcomeSchema.nullable(),
  abilities: z.object({ publish: z.boolean() }),
});
export type OutcomeResponse = z.infer<typeof outcomeResponse>;

/** Live: `outcome.published` (a new or republished outcome) and `outcome.unpublished` carry this. */
export const outcomeEventData = z.object({
  noteId: z.uuid(),
  version: z.number().int().nullable(),
  publishedAt: z.iso.datetime().nullable(),
});
