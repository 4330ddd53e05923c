import { type SQL, sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { bytea, createdAt, id, ts, tsvector } from './columns.js';
import { commentLanguage, commentStatus, moderationAction, reportCategory, revisionStatus } from './enums.js';
import { questions, spaces } from './spaces.js';
import { users } from './users.js';

/** Characters of a comment's text fed to its search vector (the API accepts 20,000). */
export const SEARCH_MAX_CHARS = 20_000;
/** Longest run without a space fed to the search vector's parser before a space is put in. */
export const SEARCH_MAX_TOKEN = 32;

/**
 * A comment (an answer to a guiding question, or a reply). The row always holds the
 * text the public may see once approved; an edit of an approved comment in a
 * pre-moderated space waits in comment_revisions until it is approved.
 */
export const comments = pgTable(
  'comments',
  {
    id: id(),
    spaceId: uuid('space_id')
      .notNull()
      .references(() => spaces.id, { onDelete: 'cascade' }),
    questionId: uuid('question_id').references(() => questions.id, { onDelete: 'set null' }),
    parentId: uuid('parent_id').references((): AnyPgColumn => comments.id, { onDelete: 'restrict' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    /** Idempotency key chosen by the client: one comment per (author, clientId). */
    clientId: uuid('client_id').notNull(),
    bodyMd: text('body_md').notNull(),
    bodyHtml: text('body_html').notNull(),
    language: commentLanguage('language').notNull(),
    status: commentStatus('status').notNull(),
    /** Bumped on every change; clients send it back for optimistic concurrency. */
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    editedAt: ts('edited_at'),
    decidedAt: ts('decided_at'),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    reason: text('reason'),
    highlighted: boolean('highlighted').notNull().default(false),
    highlightedBy: uuid('highlighted_by').references(() => users.id, { onDelete: 'set null' }),
    highlightedAt: ts('highlighted_at'),
    /**
     * Full-text vector, built by the SQL function `comment_search_vector` (migration 0021): the
     * text in its own language's configuration (arabic, english, french, russian, spanish;
     * 'simple' for Chinese and other), plus the overlapping two-character pieces of every run of
     * Han or kana characters, so Chinese is found by any part of two characters or more through
     * the same GIN index. Its cost is bounded for any input: PostgreSQL's text parser is quadratic
     * on some long runs without spaces (20 KB of `a_a_…` took seconds), so at most the first
     * SEARCH_MAX_CHARS characters are indexed and a space is put after every SEARCH_MAX_TOKEN
     * characters of a run without one. Words that long are not words.
     */
    search: tsvector('search')
      .notNull()
      .generatedAlwaysAs((): SQL => sql`comment_search_vector(${comments.language}, ${comments.bodyMd})`),
  },
  (t) => [
    uniqueIndex('comments_author_client_key').on(t.authorId, t.clientId),
    index('comments_space_status_created_idx').on(t.spaceId, t.status, t.createdAt, t.id),
    index('comments_question_status_created_idx').on(t.questionId, t.status, t.createdAt, t.id),
    index('comments_parent_idx').on(t.parentId),
    index('comments_author_created_idx').on(t.authorId, t.createdAt),
    index('comments_space_highlighted_idx')
      .on(t.spaceId, t.createdAt)
      .where(sql`${t.highlighted}`),
    // fastupdate off: a search never walks a pending list of recent entries (up to 4 MB, tens of
    // milliseconds for a word found nowhere); each insert updates the index at once instead.
    index('comments_search_idx').using('gin', t.search).with({ fastupdate: 'off' }),
    // "New since your last visit": published comments of a space by publication time.
    index('comments_space_published_idx')
      .on(t.spaceId, sql`coalesce(${t.decidedAt}, ${t.createdAt})`)
      .where(sql`${t.status} = 'approved'`),
  ],
);
export type Comment = typeof comments.$inferSelect;
export type NewComment = typeof comments.$inferInsert;

/** Every version of a comment's text, kept: the published one is never lost. */
export const commentRevisions = pgTable(
  'comment_revisions',
  {
    id: id(),
    commentId: uuid('comment_id')
      .notNull()
      .references(() => comments.id, { onDelete: 'cascade' }),
    /** The comment version this revision produced. */
    version: integer('version').notNull(),
    bodyMd: text('body_md').notNull(),
    bodyHtml: text('body_html').notNull(),
    language: commentLanguage('language').notNull(),
    status: revisionStatus('status').notNull(),
    createdAt: createdAt(),
    decidedAt: ts('decided_at'),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    reason: text('reason'),
  },
  (t) => [
    uniqueIndex('comment_revisions_comment_version_key').on(t.commentId, t.version),
    index('comment_revisions_pending_idx')
      .on(t.createdAt)
      .where(sql`${t.status} = 'pending'`),
  ],
);
export type CommentRevision = typeof commentRevisions.$inferSelect;

/** The taxonomy used to label comments (e.g. the 23 objectives of the Global Compact). */
export const tags = pgTable(
  'tags',
  {
    id: id(),
    taxonomy: text('taxonomy').notNull(),
    slug: text('slug').notNull(),
    code: text('code').notNull(),
    position: integer('position').notNull().default(0),
    labelEn: text('label_en').notNull(),
    labelFr: text('label_fr').notNull(),
    labelEs: text('label_es').notNull(),
  },
  (t) => [uniqueIndex('tags_slug_key').on(t.slug), index('tags_taxonomy_position_idx').on(t.taxonomy, t.position)],
);
export type Tag = typeof tags.$inferSelect;

export const commentTags = pgTable(
  'comment_tags',
  {
    commentId: uuid('comment_id')
      .notNull()
      .references(() => comments.id, { onDelete: 'cascade' }),
    tagId: uuid('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.commentId, t.tagId] }), index('comment_tags_tag_idx').on(t.tagId, t.commentId)],
);

/** Files attached to comments; the bytes live in PostgreSQL so one backup holds everything. */
export const attachments = pgTable(
  'attachments',
  {
    id: id(),
    commentId: uuid('comment_id')
      .notNull()
      .references(() => comments.id, { onDelete: 'cascade' }),
    uploaderId: uuid('uploader_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    filename: text('filename').notNull(),
    /** Detected from the content, never taken from the client. */
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    data: bytea('data').notNull(),
    /**
     * Set when the file was added with an edit of a published comment that still awaits
     * moderation (the revision's version): such a file is as unpublished as the edit itself,
     * and becomes public only when that edit is approved.
     */
    awaitingRevision: integer('awaiting_revision'),
    createdAt: createdAt(),
  },
  (t) => [index('attachments_comment_idx').on(t.commentId)],
);
export type Attachment = typeof attachments.$inferSelect;

export const reports = pgTable(
  'reports',
  {
    id: id(),
    commentId: uuid('comment_id')
      .notNull()
      .references(() => comments.id, { onDelete: 'cascade' }),
    reporterId: uuid('reporter_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Rows from before categories existed are `other`, their reason kept as the note. */
    category: reportCategory('category').notNull().default('other'),
    /** The reporter's words (the column of the first API's `reason`); required for `other`. */
    note: text('reason'),
    createdAt: createdAt(),
    resolvedAt: ts('resolved_at'),
    resolvedBy: uuid('resolved_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    uniqueIndex('reports_comment_reporter_key').on(t.commentId, t.reporterId),
    index('reports_open_idx')
      .on(t.commentId)
      .where(sql`${t.resolvedAt} IS NULL`),
  ],
);
export type Report = typeof reports.$inferSelect;

/** Append-only audit trail of every moderation-relevant act (a trigger refuses UPDATE/DELETE). */
export const moderationEvents = pgTable(
  'moderation_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    spaceId: uuid('space_id')
      .notNull()
      .references(() => spaces.id, { onDelete: 'cascade' }),
    commentId: uuid('comment_id').references(() => comments.id, { onDelete: 'set null' }),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    action: moderationAction('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    reason: text('reason'),
    data: jsonb('data').$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [
    index('moderation_events_space_idx').on(t.spaceId, t.id),
    index('moderation_events_comment_idx').on(t.commentId, t.id),
  ],
);
export type ModerationEvent = typeof moderationEvents.$inferSelect;
