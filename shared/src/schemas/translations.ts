import { z } from 'zod';
import { COMMENT_BODY_MAX, COMMENT_LANGUAGES, TRANSLATION_LANGUAGES } from '../constants.js';
import { pastedText } from './common.js';

/**
 * A translation of a published contribution into another language its space accepts, written by
 * the space's staff (`translation.write`). Readers get only the current translations of
 * published comments; staff also get outdated ones (`outdated: true`: the comment's published
 * text or language changed since) and the markdown source, to update them.
 */
export const commentTranslationSchema = z
  .object({
    language: z.enum(COMMENT_LANGUAGES),
    /** The language of the text it translates ("Translated from Spanish"). */
    sourceLanguage: z.enum(COMMENT_LANGUAGES),
    bodyHtml: z.string(),
    /** Markdown source; only sent to those who may write translations. */
    bodyMd: z.string().optional(),
    /** Who wrote (or last updated) it; null once that account is deleted. */
    translator: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    /** The comment version whose published text it translates. */
    sourceVersion: z.number().int(),
    /** The published text changed since: hidden from readers until updated (staff only see it). */
    outdated: z.boolean(),
  })
  .meta({ id: 'CommentTranslation' });
export type CommentTranslationDto = z.infer<typeof commentTranslationSchema>;

/** Markdown, sanitised like a comment's body: U+0000 dropped, lone surrogates become U+FFFD. */
export const translationRequest = z.strictObject({
  body: pastedText()
    .refine((s) => s.trim().length > 0, 'Write the translation first')
    .pipe(z.string().max(COMMENT_BODY_MAX, `At most ${COMMENT_BODY_MAX.toLocaleString('en')} characters`)),
});
export type TranslationRequest = z.input<typeof translationRequest>;

export const translationParams = z.object({ id: z.uuid(), lang: z.enum(TRANSLATION_LANGUAGES) });

export const translationResponse = z.object({ translation: commentTranslationSchema });
