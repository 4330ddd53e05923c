import { sql } from 'drizzle-orm';
import { check, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, ts } from './columns.js';
import { comments } from './comments.js';
import { commentLanguage } from './enums.js';
import { users } from './users.js';

/**
 * A translation of a comment's published text into another language of its space, written by
 * the space's staff. It records what it translates: the source text's MD5 and language (and the
 * comment version of that moment). When the comment's published text or language changes, the
 * translation is outdated: hidden from readers until staff update it (`policies/visibility.ts`).
 * Nothing of a translation is shown while its comment is not published.
 */
export const commentTranslations = pgTable(
  'comment_translations',
  {
    id: id(),
    commentId: uuid('comment_id')
      .notNull()
      .references(() => comments.id, { onDelete: 'cascade' }),
    /** The language of the translation. */
    language: commentLanguage('language').notNull(),
    bodyMd: text('body_md').notNull(),
    /** Sanitised HTML rendered from body_md on write, as a comment's. */
    bodyHtml: text('body_html').notNull(),
    /** The comment version whose published text was translated. */
    sourceVersion: integer('source_version').notNull(),
    /** md5 of that published text (change detection, not security): differs once the text changed. */
    sourceMd5: text('source_md5').notNull(),
    /** The language of that text ("Translated from Spanish"). */
    sourceLanguage: commentLanguage('source_language').notNull(),
    translatorId: uuid('translator_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('comment_translations_comment_language_key').on(t.commentId, t.language),
    check('comment_translations_other_language', sql`${t.language} <> ${t.sourceLanguage}`),
  ],
);
export type CommentTranslation = typeof commentTranslations.$inferSelect;
