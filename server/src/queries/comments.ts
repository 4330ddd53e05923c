import type { CommentDto, TagDto } from '@convene/shared';
import { and, eq, getTableColumns, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import {
  type Comment,
  type CommentRevision,
  attachments,
  commentHolds,
  commentRevisions,
  commentTags,
  commentTranslations,
  comments,
  reports,
  tags,
  users,
} from '../db/schema/index.js';
import { notFound } from '../errors.js';
import { type CommentScope, type SpaceScope, type Viewer, can } from '../policies/index.js';
import { hasEditAwaiting } from '../policies/lifecycle.js';
import { maySeePrivateParts, revisionSql, visibleFiles } from '../policies/visibility.js';
import { commentScope, presentComment, presentPerson } from '../presenters/comment.js';
import { loadSpaceById } from './spaces.js';

export const attachmentUrl = (id: string) => `/api/attachments/${id}`;

/** A comment row without its search vector (~1 KB, never sent): what list queries select. */
export type ListedComment = Omit<Comment, 'search'>;
/** The columns of `ListedComment`, for `db.select(listedColumns)`. */
export const { search: _search, ...listedColumns } = getTableColumns(comments);

export const presentTag = (t: typeof tags.$inferSelect): TagDto => ({
  id: t.id,
  code: t.code,
  slug: t.slug,
  labelEn: t.labelEn,
  labelFr: t.labelFr,
  labelEs: t.labelEs,
});

/**
 * Turns comment rows into API comments for one viewer, loading authors, tags, attachments,
 * the replied-to author and pending revisions in a fixed number of queries (no N+1).
 * `scopeFor` gives the viewer's scope in each comment's space.
 */
export async function hydrateComments(
  db: DbOrTx,
  rows: ListedComment[],
  viewer: Viewer,
  scopeFor: (spaceId: string) => SpaceScope,
): Promise<CommentDto[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const parentIds = [...new Set(rows.map((r) => r.parentId).filter((p): p is string => p !== null))];
  const authorIds = [...new Set(rows.map((r) => r.authorId))];

  // One after another: inside a transaction these share a single connection.
  const authorRows = await db.select().from(users).where(inArray(users.id, authorIds));
  const tagRows = await db
    .select({ commentId: commentTags.commentId, tag: tags })
    .from(commentTags)
    .innerJoin(tags, eq(tags.id, commentTags.tagId))
    .where(inArray(commentTags.commentId, ids))
    .orderBy(tags.position);
  const fileRows = await db
    .select({
      id: attachments.id,
      commentId: attachments.commentId,
      filename: attachments.filename,
      size: attachments.size,
      contentType: attachments.contentType,
      awaitingRevision: attachments.awaitingRevision,
    })
    .from(attachments)
    .where(inArray(attachments.commentId, ids))
    .orderBy(attachments.createdAt);
  const parentRows = parentIds.length
    ? await db
        .select({
          id: comments.id,
          spaceId: comments.spaceId,
          status: comments.status,
          authorId: comments.authorId,
          authorName: users.displayName,
        })
        .from(comments)
        .innerJoin(users, eq(users.id, comments.authorId))
        .where(inArray(comments.id, parentIds))
    : [];
  const revisionRows = await db
    .select()
    .from(commentRevisions)
    .where(and(inArray(commentRevisions.commentId, ids), revisionSql.awaiting()));

  // Which of these the viewer has reported: their Report button then says "Reported".
  const reportedRows = viewer
    ? await db
        .select({ commentId: reports.commentId })
        .from(reports)
        .where(and(inArray(reports.commentId, ids), eq(reports.reporterId, viewer.id)))
    : [];
  const reported = new Set(reportedRows.map((r) => r.commentId));
  // Every translation of these; the presenter keeps what the viewer may see (visibleTranslations).
  const translationRows = await db
    .select({ translation: commentTranslations, translatorName: users.displayName })
    .from(commentTranslations)
    .leftJoin(users, eq(users.id, commentTranslations.translatorId))
    .where(inArray(commentTranslations.commentId, ids))
    .orderBy(commentTranslations.language);

  const authors = new Map(authorRows.map((u) => [u.id, presentPerson(u)]));
  const parents = new Map(parentRows.map((p) => [p.id, p]));
  const revisions = new Map<string, CommentRevision>();
  for (const r of revisionRows) {
    // A pending revision only counts for an approved comment (an edit of a published text).
    const c = rows.find((x) => x.id === r.commentId);
    if (c && hasEditAwaiting(c, true)) revisions.set(r.commentId, r);
  }
  const group = <T extends { commentId: string }>(list: T[]) => {
    const m = new Map<string, T[]>();
    for (const item of list) m.set(item.commentId, [...(m.get(item.commentId) ?? []), item]);
    return m;
  };
  const tagsBy = group(tagRows);
  const translationsBy = group(translationRows.map((r) => ({ ...r.translation, translatorName: r.translatorName })));
  const filesBy = group(fileRows);

  return rows.map((c) => {
    const scope = scopeFor(c.spaceId);
    const author = authors.get(c.authorId);
    if (!author) throw new Error(`author ${c.authorId} missing`);
    const parent = c.parentId ? parents.get(c.parentId) : undefined;
    // "In reply to" names the parent's author only when the viewer may see the parent itself.
    const parentVisible =
      parent !== undefined && can(viewer, 'comment.read', commentScope(scopeFor(parent.spaceId), parent));
    const pending = revisions.get(c.id) ?? null;
    const privileged = maySeePrivateParts(viewer, c, scope);
    return presentComment(
      c,
      {
        author,
        tags: (tagsBy.get(c.id) ?? []).map((t) => presentTag(t.tag)),
        attachments: visibleFiles(filesBy.get(c.id) ?? [], viewer, c, scope).map((f) => ({
          id: f.id,
          filename: f.filename,
          size: f.size,
          contentType: f.contentType,
          url: attachmentUrl(f.id),
        })),
        inReplyTo: parent && parentVisible ? { id: parent.id, authorName: parent.authorName } : null,
        pendingRevision: privileged ? pending : null,
        reportedByMe: reported.has(c.id),
        translations: translationsBy.get(c.id) ?? [],
      },
      viewer,
      scope,
    );
  });
}

export interface LoadedComment {
  comment: Comment;
  space: Awaited<ReturnType<typeof loadSpaceById>>['space'];
  spaceScope: SpaceScope;
  scope: CommentScope;
}

/**
 * Loads one comment with the viewer's scope on it. A comment the viewer may not read is a
 * 404, so its existence is not revealed. Pass `forUpdate` inside a transaction to lock the row.
 */
export async function loadComment(
  db: DbOrTx,
  id: string,
  viewer: Viewer,
  options: { forUpdate?: boolean } = {},
): Promise<LoadedComment> {
  const base = db.select().from(comments).where(eq(comments.id, id)).limit(1);
  const [comment] = options.forUpdate ? await base.for('update') : await base;
  if (!comment) throw notFound('Comment');
  const { space, scope: spaceScope } = await loadSpaceById(db, comment.spaceId, viewer);
  const [pending] = await db
    .select({ id: commentRevisions.id })
    .from(commentRevisions)
    .where(and(eq(commentRevisions.commentId, id), revisionSql.awaiting()))
    .limit(1);
  const [hold] = await db
    .select({ id: commentHolds.commentId })
    .from(commentHolds)
    .where(eq(commentHolds.commentId, id))
    .limit(1);
  const scope = {
    ...commentScope(spaceScope, comment, hasEditAwaiting(comment, pending !== undefined)),
    held: hold !== undefined,
  };
  if (!can(viewer, 'comment.read', scope)) throw notFound('Comment');
  return { comment, space, spaceScope, scope };
}

/** Hydrates a single comment for the viewer. */
export async function presentOne(db: DbOrTx, comment: Comment, viewer: Viewer, spaceScope: SpaceScope) {
  const [dto] = await hydrateComments(db, [comment], viewer, () => spaceScope);
  if (!dto) throw new Error('hydrate failed');
  return dto;
}
