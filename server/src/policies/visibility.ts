/**
 * What a viewer may see of the comments: the one definition, in both of its forms.
 *
 * - The **row form** (`maySeeComment`, `maySeePrivateParts`, `maySeeAttachment`,
 *   `mayReceiveEvent`, `isPublished`, `isCitable`) decides one comment, file or live event.
 * - The **set form** (`commentSql`, `revisionSql`, `attachmentSql`) is the same rule as SQL
 *   conditions for queries over many rows: lists, counts, search, participation figures and
 *   exports, notes, the moderation queue.
 *
 * Every read asks here, and so must every new place that shows comments (a cache, an email, a
 * notification): nothing else in the server compares a comment's status (`npm test` runs
 * `tests/checks/visibility-in-one-place.test.ts`, which fails on a status filter elsewhere).
 * How a status *changes* is the other half of the vocabulary and lives in `lifecycle.ts`.
 *
 * The rule: a comment is public once approved (`published`). Its author and the space's staff
 * (moderators, chairs, administrators) also see it while pending or rejected, and they alone see
 * its private parts: the markdown source, a rejection's reason, an edit awaiting moderation and
 * the files added with that edit. A withdrawn comment is listed nowhere in the discussion; its
 * author still reads it ("My contributions") and staff keep it for the audit trail.
 * Nothing of a space the viewer may not read (a draft) is visible at all. A comment held until its
 * author verifies their address (`verification.ts`) is its author's alone, staff included.
 */
import { createHash } from 'node:crypto';
import type { CommentLanguage, CommentStatus, EventAudience } from '@convene/shared';
import { type Placeholder, type SQL, isNull, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { attachments, commentRevisions, commentTranslations, comments } from '../db/schema/index.js';
import { type CommentScope, type SpaceScope, type Viewer, isAuthor, isStaff, signedIn } from './scope.js';

// ---- the row form -----------------------------------------------------------------------

/** The status under which a comment is public. */
const PUBLISHED: CommentStatus = 'approved';
/** What its author still sees of their own unpublished work in the discussion. */
const OWN_UNPUBLISHED: CommentStatus[] = ['pending', 'rejected'];

/** Whether the comment's text is public (published and not since taken down or withdrawn). */
export const isPublished = (c: { status: CommentStatus }): boolean => c.status === PUBLISHED;

/** Whether anyone may read the space at all: a draft is for its staff only. */
export const maySeeSpace = (v: Viewer, s: SpaceScope): boolean => s.status !== 'draft' || isStaff(v, s);

/** Whether the viewer may read this comment (its published face, or their own or staff view). */
export const maySeeComment = (v: Viewer, c: CommentScope): boolean =>
  maySeeSpace(v, c) && (c.commentStatus === PUBLISHED || isAuthor(v, c) || (isStaff(v, c) && !c.held));

/**
 * Whether the viewer sees a comment's private parts: its markdown source, a rejection's reason,
 * an edit awaiting moderation and the files added with it. The author and the space's staff.
 */
export const maySeePrivateParts = (v: Viewer, c: { authorId: string }, space: SpaceScope): boolean =>
  isAuthor(v, c) || isStaff(v, space);

/** The reason a moderator gave, while the comment stays rejected: one of its private parts. */
export const rejectionReason = (c: { status: CommentStatus; reason: string | null }): string | null =>
  c.status === 'rejected' ? c.reason : null;

interface FileRef {
  /** The comment version whose pending edit the file was added with; null for the published text. */
  awaitingRevision: number | null;
}

/** A file is as visible as its comment; one added with an edit awaiting moderation, as that edit. */
export const maySeeAttachment = (v: Viewer, c: CommentScope, file: FileRef): boolean =>
  maySeeComment(v, c) && (file.awaitingRevision === null || maySeePrivateParts(v, c, c));

/** The files of a comment the viewer may read that they may see (`maySeeAttachment` for a list). */
export const visibleFiles = <F extends FileRef>(
  files: F[],
  v: Viewer,
  c: { authorId: string },
  space: SpaceScope,
): F[] => (maySeePrivateParts(v, c, space) ? files : files.filter((f) => f.awaitingRevision === null));

/**
 * A comment's published text as a translation refers to it: its markdown, or only its md5 (the
 * list query computes `md5(body_md)` in SQL rather than fetch a text it does not send).
 */
export type TranslatedText = { language: CommentLanguage } & ({ bodyMd: string } | { bodyMd5: string });

/** What a translation records of the text it translates (md5: change detection, not security). */
export const translationSource = (c: TranslatedText) => ({
  sourceMd5: 'bodyMd5' in c ? c.bodyMd5 : createHash('md5').update(c.bodyMd, 'utf8').digest('hex'),
  sourceLanguage: c.language,
});

interface TranslationRef {
  sourceMd5: string;
  sourceLanguage: CommentLanguage;
}

/** A translation is outdated once the comment's published text or its language changed. */
export const isTranslationCurrent = (c: TranslatedText, t: TranslationRef): boolean => {
  const now = translationSource(c);
  return t.sourceMd5 === now.sourceMd5 && t.sourceLanguage === now.sourceLanguage;
};

/**
 * The translations of a comment the viewer may read that they may see: none while the comment is
 * not published (pending, rejected, taken down, withdrawn), whoever asks; of a published one the
 * current translations, and the outdated ones too for the space's staff (to update them).
 */
export const visibleTranslations = <T extends TranslationRef>(
  translations: T[],
  v: Viewer,
  c: { status: CommentStatus } & TranslatedText,
  space: SpaceScope,
): T[] => (isPublished(c) ? translations.filter((t) => isStaff(v, space) || isTranslationCurrent(c, t)) : []);

/** Whether a published comment may be placed in or cited by a background note. */
export const isCitable = (c: { status: CommentStatus; highlighted: boolean }): boolean =>
  isPublished(c) && c.highlighted;

/**
 * Whether a live event of a space reaches this viewer now: public events whoever may read the
 * space, staff events its staff, a personal event the one user it is for.
 */
export function mayReceiveEvent(
  v: Viewer,
  s: SpaceScope,
  e: { audience: EventAudience; audienceUserId: string | null },
): boolean {
  if (!maySeeSpace(v, s)) return false;
  switch (e.audience) {
    case 'public':
      return true;
    case 'staff':
      return isStaff(v, s);
    case 'user':
      return e.audienceUserId !== null && isAuthor(v, { authorId: e.audienceUserId });
  }
}

// ---- the set form -----------------------------------------------------------------------

/**
 * Where a condition's columns come from: the drizzle `comments` table (default), or the alias
 * of the comments table in a raw SQL query (`'c'` in `FROM comments c`).
 */
export type CommentsRef = { alias: string } | undefined;

const column = (ref: CommentsRef, drizzle: PgColumn, name: string): PgColumn | SQL =>
  ref ? sql.raw(`${ref.alias}.${name}`) : drizzle;

/** A status as an SQL literal (a constant of this module, never input), so partial indexes match. */
const lit = (s: CommentStatus): SQL => sql.raw(`'${s}'::comment_status`);
const listOf = (statuses: CommentStatus[]) => sql.join(statuses.map(lit), sql`, `);

/** SQL conditions on a comments row. */
export const commentSql = {
  /** Public: what guests, counts, participation figures, exports and notes may show. */
  published: (ref?: CommentsRef): SQL => sql`${column(ref, comments.status, 'status')} = ${lit(PUBLISHED)}`,
  /** The viewer's own pending and rejected comments, which the discussion shows them alone. */
  ownUnpublished: (viewerId: string | Placeholder, ref?: CommentsRef): SQL =>
    sql`(${column(ref, comments.authorId, 'author_id')} = ${viewerId}::uuid and ${column(ref, comments.status, 'status')} in (${listOf(OWN_UNPUBLISHED)}))`,
  /**
   * The discussion as one viewer sees it, as separate branches (each walks its own index and
   * stops after a page; the caller unions them): published comments, plus the signed-in
   * viewer's own unpublished ones. Staff see the rest in the moderation queue, not here.
   */
  listedFor: (viewer: Viewer): { published: SQL; own: SQL | null } => ({
    published: commentSql.published(),
    own: signedIn(viewer) ? commentSql.ownUnpublished(viewer.id) : null,
  }),
  /**
   * The moderation queue's tabs (staff only; the caller has checked `moderation.read`). A comment
   * held until its author verifies their address (`comment_holds`, see `verification.ts`) is not
   * awaiting a decision yet: no queue, count or badge shows it.
   */
  awaitingDecision: (ref?: CommentsRef): SQL =>
    sql`(${column(ref, comments.status, 'status')} = 'pending'::comment_status and not exists (select 1 from comment_holds h where h.comment_id = ${column(ref, comments.id, 'id')}))`,
  decided: (status: 'approved' | 'rejected', ref?: CommentsRef): SQL =>
    sql`${column(ref, comments.status, 'status')} = ${lit(status)}`,
  /** Everything but what its author withdrew (still there for the audit trail). */
  notWithdrawn: (ref?: CommentsRef): SQL =>
    sql`${column(ref, comments.status, 'status')} <> 'withdrawn'::comment_status`,
};

/** SQL conditions on comment revisions (edits of a published text). */
export const revisionSql = {
  /** An edit awaiting moderation: private to its author and the space's staff. */
  awaiting: (ref?: { alias: string }): SQL =>
    sql`${ref ? sql.raw(`${ref.alias}.status`) : commentRevisions.status} = 'pending'`,
};

/** SQL conditions on translations (joined to their comment). */
export const translationSql = {
  /**
   * A translation anyone may see (exports, notes): its comment is published and it translates
   * the published text as it is now, in its language. `ref` names the comments alias of a raw query.
   */
  shown: (ref?: CommentsRef): SQL =>
    sql`${commentSql.published(ref)} and ${commentTranslations.sourceMd5} = md5(${column(ref, comments.bodyMd, 'body_md')}) and ${commentTranslations.sourceLanguage} = ${column(ref, comments.language, 'language')}`,
};

/** SQL conditions on attachments. */
export const attachmentSql = {
  /** Files of the published text, not those added with an edit awaiting moderation. */
  ofPublishedText: (): SQL => isNull(attachments.awaitingRevision),
};
