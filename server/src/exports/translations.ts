import { type CommentLanguage, inQuotes, LANGUAGE_LABELS, type Locale } from '@convene/shared';
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { commentTranslations, comments, users } from '../db/schema/index.js';
import { translationSql } from '../policies/visibility.js';
import { formatDate } from './format.js';
import { excerpt } from './markdown.js';
import { EXPORT_WORDS, type ExportLanguage, languageName } from './words.js';

/** The language notes are written in (a note has no language of its own yet). */
export const NOTE_LANGUAGE: Locale = 'en';

/** A cited contribution's translation into the note's language, as its footnote quotes it. */
export interface CitationTranslation {
  sourceLanguage: CommentLanguage;
  translator: string | null;
  translatedAt: Date;
  /** The start of the translation, one line of plain text. */
  quote: string;
}

/**
 * The translations into `language` of these contributions that anyone may see: the comment is
 * published and the translation is of its text as it is now (`translationSql.shown`). Exports and
 * notes read translations only through here.
 */
export async function shownTranslations(db: DbOrTx, commentIds: string[], language: Locale) {
  if (commentIds.length === 0) return [];
  return db
    .select({
      commentId: commentTranslations.commentId,
      language: commentTranslations.language,
      sourceLanguage: commentTranslations.sourceLanguage,
      bodyMd: commentTranslations.bodyMd,
      translator: users.displayName,
      translatedAt: commentTranslations.updatedAt,
    })
    .from(commentTranslations)
    .innerJoin(comments, eq(comments.id, commentTranslations.commentId))
    .leftJoin(users, eq(users.id, commentTranslations.translatorId))
    .where(
      and(
        inArray(commentTranslations.commentId, commentIds),
        eq(commentTranslations.language, language),
        translationSql.shown(),
      ),
    );
}

/** The cited contributions' translations into the note's language, where one is shown. */
export async function loadCitationTranslations(
  db: DbOrTx,
  commentIds: string[],
  language: Locale = NOTE_LANGUAGE,
): Promise<Map<string, CitationTranslation>> {
  const rows = await shownTranslations(db, commentIds, language);
  return new Map(
    rows.map((r) => [
      r.commentId,
      {
        sourceLanguage: r.sourceLanguage,
        translator: r.translator,
        translatedAt: r.translatedAt,
        quote: excerpt(r.bodyMd, 240),
      },
    ]),
  );
}

/** “…quote…” (Translated from French by Tom Translator, 2 December 2026): a footnote's addition, in `lang`. */
export const citationTranslationNote = (t: CitationTranslation, lang: ExportLanguage = 'en') =>
  lang === 'en'
    ? `${inQuotes(t.quote, lang)} (Translated from ${LANGUAGE_LABELS[t.sourceLanguage]}${t.translator ? ` by ${t.translator}` : ''}, ${formatDate(t.translatedAt)})`
    : `${inQuotes(t.quote, lang)} (${EXPORT_WORDS[lang].scope.translated(languageName(t.sourceLanguage, lang), t.translator, formatDate(t.translatedAt, lang))})`;
