import type { CommentDto, CommentLanguage, ReportCategory } from '@convene/shared';
import { type SQL, and, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import { type Database, type DbOrTx, type Tx, retryingTransaction } from '../db/client.js';
import {
  type Comment,
  type Space,
  type Tag,
  type User,
  commentHolds,
  commentRevisions,
  commentTags,
  comments,
  moderationEvents,
  questions,
  reports,
} from '../db/schema/index.js';
import { AppError, conflict, fieldInvalid } from '../errors.js';
import { mailerFor, notifyPublished, nudgeNotifications } from '../mail/notifications.js';
import { renderMarkdown } from '../markdown.js';
import { type SpaceScope, type Viewer, authorize, can, isAcceptingComments } from '../policies/index.js';
import { acceptsReplies, edit, submission, supersededRevision, withdrawal } from '../policies/lifecycle.js';
import { effectiveMode } from '../policies/affiliation.js';
import { holdsComments } from '../policies/verification.js';
import { commentSql, isPublished, revisionSql } from '../policies/visibility.js';
import { commentScope, presentComment, presentPerson } from '../presenters/comment.js';
import { findTagsByRef } from '../queries/commentList.js';
import { loadComment, presentOne, presentTag } from '../queries/comments.js';
import { scopeOf } from '../queries/spaces.js';
import { appendEvent, eventCte, recordModeration } from './events.js';
import { announceCounts } from './moderation/announce.js';

/** Why a space refuses comments right now, in words a participant understands. */
export function assertAcceptingComments(space: Space, now = new Date()): void {
  if (isAcceptingComments(space, now)) return;
  const day = (d: Date) => d.toISOString().slice(0, 10);
  let reason: string;
  let message: string;
  if (space.status === 'draft') {
    reason = 'draft';
    message = 'This space is not published yet, so it does not accept comments.';
  } else if (space.status === 'archived') {
    reason = 'archived';
    message = 'This space is archived and no longer accepts comments.';
  } else if (space.status === 'closed') {
    reason = 'closed';
    message = 'This space is closed to new comments.';
  } else if (space.opensAt && space.opensAt.getTime() > now.getTime()) {
    reason = 'not_yet_open';
    message = `This space opens for comments on ${day(space.opensAt)}.`;
  } else {
    reason = 'closed';
    message = `This space closed for comments${space.closesAt ? ` on ${day(space.closesAt)}` : ''}.`;
  }
  throw conflict('space_not_open', message, {
    reason,
    status: space.status,
    opensAt: space.opensAt?.toISOString() ?? null,
    closesAt: space.closesAt?.toISOString() ?? null,
  });
}

function assertLanguage(space: Space, language: CommentLanguage): void {
  if (!space.acceptedLanguages.includes(language)) {
    throw fieldInvalid('language', `This space accepts comments in: ${space.acceptedLanguages.join(', ')}`);
  }
}

/** Tag references → tags (each once); every reference must name an existing tag. */
async function resolveTagRows(db: DbOrTx, refs: readonly string[]): Promise<Tag[]> {
  const unique = [...new Set(refs)];
  const found = await findTagsByRef(db, unique);
  const unknown = unique.filter((r) => !found.some((t) => t.code === r || t.slug === r));
  if (unknown.length) throw fieldInvalid('tags', `Unknown tag: ${unknown.join(', ')}`);
  return [...new Map(found.map((t) => [t.id, t])).values()];
}

/** Tag references → tag ids; every reference must name an existing tag. */
async function resolveTags(db: DbOrTx, refs: readonly string[]): Promise<string[]> {
  return (await resolveTagRows(db, refs)).map((t) => t.id);
}

async function replaceTags(tx: Tx, commentId: string, tagIds: string[]): Promise<void> {
  await tx.delete(commentTags).where(eq(commentTags.commentId, commentId));
  if (tagIds.length) await tx.insert(commentTags).values(tagIds.map((tagId) => ({ commentId, tagId })));
}

/** Any edit still waiting is replaced by a newer one (or made moot by a withdrawal). */
async function supersedePendingRevisions(tx: Tx, commentId: string): Promise<void> {
  await tx
    .update(commentRevisions)
    .set({ status: supersededRevision })
    .where(and(eq(commentRevisions.commentId, commentId), revisionSql.awaiting()));
}

export interface CreateCommentInput {
  questionId?: string | null | undefined;
  parentId?: string | null | undefined;
  body: string;
  language: CommentLanguage;
  tags: string[];
  clientId: string;
}

export interface CreateCommentResult {
  comment: CommentDto;
  /** False when the clientId had been used before and the first comment came back. */
  created: boolean;
}

async function existingByClientId(db: DbOrTx, author: User, clientId: string, space: Space): Promise<Comment | null> {
  const [row] = await db
    .select()
    .from(comments)
    .where(and(eq(comments.authorId, author.id), eq(comments.clientId, clientId)))
    .limit(1);
  if (!row) return null;
  if (row.spaceId !== space.id) {
    throw conflict('client_id_reused', 'This clientId was already used for a comment in another space.');
  }
  return row;
}

/** Every column of `comments`, for a RETURNING list, and the row read back from a raw statement. */
const commentColumns = Object.entries(getTableColumns(comments));
const returningComment = sql.join(
  commentColumns.map(([, c]) => sql.identifier(c.name)),
  sql`, `,
);
function commentFromRow(r: Record<string, unknown>): Comment {
  const out: Record<string, unknown> = {};
  for (const [key, column] of commentColumns) {
    const v = r[column.name];
    out[key] = v === null || v === undefined ? null : column.mapFromDriverValue(v);
  }
  return out as Comment;
}

/**
 * A comment just written, presented without reading anything back: its author is the poster, its
 * tags those just resolved, and it has no files, pending edit, report or translation yet. The
 * same presenter as every other read (`presentComment`); a reply goes through `presentOne`, which
 * decides whether the viewer may see its parent.
 */
function presentNew(
  row: Comment,
  author: User,
  tagRows: readonly Tag[],
  viewer: Viewer,
  scope: SpaceScope,
): CommentDto {
  return presentComment(
    row,
    {
      author: presentPerson(author),
      tags: [...tagRows].sort((a, b) => a.position - b.position).map(presentTag),
      attachments: [],
      inReplyTo: null,
      pendingRevision: null,
      reportedByMe: false,
      translations: [],
    },
    viewer,
    scope,
  );
}

/**
 * Posts a comment. A resent clientId returns the first comment, even when two identical
 * requests race: the unique (author, client_id) index decides, the loser reads the winner.
 *
 * The write is one statement (comment, first revision, tags, and the hold, or the staff event with
 * its NOTIFY and the audit row), autocommitted: one round trip, all or nothing. A comment published
 * at once (post-moderated space) needs its presented self in the public event, so it takes a
 * transaction: that statement, then the events and notifications. Nothing is read back: the
 * answer is presented from what was written.
 */
export async function createComment(
  db: Database,
  author: User,
  space: Space,
  scope: SpaceScope,
  input: CreateCommentInput,
): Promise<CreateCommentResult> {
  let questionId = input.questionId ?? null;
  const parentId = input.parentId ?? null;
  let tagRows: Tag[];
  try {
    assertAcceptingComments(space);
    assertLanguage(space, input.language);
    if (parentId) {
      const [parent] = await db.select().from(comments).where(eq(comments.id, parentId)).limit(1);
      // A parent the author may not read is reported exactly like a missing one.
      if (
        !parent ||
        parent.spaceId !== space.id ||
        !acceptsReplies(parent) ||
        !can(author, 'comment.read', commentScope(scope, parent))
      ) {
        throw fieldInvalid('parentId', 'No such comment in this space to reply to');
      }
      if (questionId === null) questionId = parent.questionId;
      else if (questionId !== parent.questionId) {
        throw fieldInvalid('questionId', 'A reply must answer the same question as the comment it replies to');
      }
    }
    if (questionId) {
      const [question] = await db
        .select({ id: questions.id })
        .from(questions)
        .where(and(eq(questions.id, questionId), eq(questions.spaceId, space.id)))
        .limit(1);
      if (!question) throw fieldInvalid('questionId', 'No such question in this space');
    }
    tagRows = await resolveTagRows(db, input.tags);
  } catch (err) {
    // A resend must get its comment back even after the space closed (or its parent went), so a
    // refusal first looks for an earlier comment with this clientId. Only on refusal: on the
    // usual path the insert below finds an earlier one by its unique index.
    const earlier = await existingByClientId(db, author, input.clientId, space);
    if (earlier) return { comment: await presentOne(db, earlier, author, scope), created: false };
    throw err;
  }

  const id = crypto.randomUUID();
  // An author whose address is not verified yet (UNVERIFIED_COMMENTS=hold, the default) posts into
  // a hold: pending whatever the space's moderation, and out of the queue until they verify.
  const mailer = mailerFor(db);
  const held = holdsComments(author, mailer?.config.identity.unverifiedComments ?? 'hold');
  const mode = effectiveMode(space.moderationMode, author);
  const { status, revisionStatus } = submission(held ? 'pre' : mode);
  // The id is chosen here so footnote anchors in the stored HTML are unique to this comment.
  const bodyHtml = renderMarkdown(input.body, id);
  const publishedAtOnce = isPublished({ status });
  // Published at once because the author's affiliation is verified: the log says so.
  const auditData =
    space.moderationMode === 'pre_except_verified' && mode === 'post' ? { publishedAtOnce: 'verified' } : null;

  const ctes: SQL[] = [
    sql`c as (
      insert into ${comments} (id, space_id, question_id, parent_id, author_id, client_id, body_md, body_html, language, status)
      values (${id}::uuid, ${space.id}::uuid, ${questionId}::uuid, ${parentId}::uuid, ${author.id}::uuid,
              ${input.clientId}::uuid, ${input.body}, ${bodyHtml}, ${input.language}::comment_language,
              ${status}::comment_status)
      on conflict (author_id, client_id) do nothing
      returning ${returningComment}
    )`,
    sql`r as (
      insert into ${commentRevisions} (comment_id, version, body_md, body_html, language, status)
      select id, 1, body_md, body_html, language, ${revisionStatus}::revision_status from c
    )`,
  ];
  if (tagRows.length) {
    const tagValues = sql.join(
      tagRows.map((t) => sql`(${t.id}::uuid)`),
      sql`, `,
    );
    ctes.push(sql`t as (
      insert into ${commentTags} (comment_id, tag_id) select c.id, v.tag_id from c cross join (values ${tagValues}) as v(tag_id)
    )`);
  }
  let notify: SQL = sql`0`;
  if (held) {
    ctes.push(sql`h as (insert into ${commentHolds} (comment_id, user_id) select id, author_id from c)`);
  } else {
    // announceSubmission's audit row; its staff event comes here too unless the comment is
    // published at once (then after the public event, as announceSubmission would).
    ctes.push(sql`m as (
      insert into ${moderationEvents} (space_id, comment_id, actor_id, action, from_status, to_status, data)
      select space_id, id, author_id, 'submit', null, status::text, ${auditData === null ? null : JSON.stringify(auditData)}::jsonb from c
    )`);
    if (!publishedAtOnce) {
      const event = eventCte('e', 'c', {
        kind: 'comment.submitted',
        spaceId: sql`space_id`,
        payload: sql`jsonb_build_object('commentId', id, 'kind', 'submission')`,
      });
      ctes.push(event.cte);
      notify = event.notify;
    }
  }
  const write = (handle: DbOrTx) =>
    handle.execute<Record<string, unknown>>(
      sql`with ${sql.join(ctes, sql`, `)} select c.*, ${notify} as notified from c`,
    );

  const created = await retryingTransaction(async () => {
    if (!publishedAtOnce) {
      const { rows } = await write(db);
      return rows[0] ? commentFromRow(rows[0]) : null;
    }
    return db.transaction(async (tx) => {
      const { rows } = await write(tx);
      if (!rows[0]) return null;
      const row = commentFromRow(rows[0]);
      const publicScope = scopeOf(space, undefined);
      const published = parentId
        ? await presentOne(tx, row, null, publicScope)
        : presentNew(row, author, tagRows, null, publicScope);
      await appendEvent(tx, { kind: 'comment.published', spaceId: space.id, payload: { comment: published } });
      // Published at once (post-moderated space): the author of the comment it answers and the
      // followers of its space or question hear of it; its author follows its question.
      await notifyPublished(tx, mailer, row);
      await appendEvent(tx, {
        kind: 'comment.submitted',
        spaceId: space.id,
        payload: { commentId: row.id, kind: 'submission' },
      });
      return row;
    });
  });
  if (created) {
    nudgeNotifications(mailer);
    const comment = parentId
      ? await presentOne(db, created, author, scope)
      : presentNew(created, author, tagRows, author, scope);
    return { comment, created: true };
  }

  // A concurrent request with the same clientId committed first: answer with its comment.
  const winner = await existingByClientId(db, author, input.clientId, space);
  if (!winner) throw new AppError(500, 'internal_error', 'The comment could not be saved; please try again.');
  return { comment: await presentOne(db, winner, author, scope), created: false };
}

export interface UpdateCommentInput {
  body: string;
  language?: CommentLanguage | undefined;
  tags?: string[] | undefined;
  version: number;
}

/**
 * The author edits. Unpublished text (pending, rejected) is changed in place and goes (back)
 * to the queue. Published text in a post-moderated space changes at once. Published text in
 * a pre-moderated space stays public unchanged; the edit waits as a pending revision.
 */
export async function updateComment(db: Database, editor: User, id: string, input: UpdateCommentInput) {
  return db.transaction(async (tx) => {
    const { comment, space, spaceScope, scope } = await loadComment(tx, id, editor, { forUpdate: true });
    authorize(editor, 'comment.edit', scope);
    assertAcceptingComments(space);
    if (input.version !== comment.version) {
      throw conflict('conflict', 'This comment changed since you opened it; review the current version.', {
        comment: await presentOne(tx, comment, editor, spaceScope),
      });
    }
    const language = input.language ?? comment.language;
    if (input.language) assertLanguage(space, input.language);
    const tagIds = input.tags ? await resolveTags(tx, input.tags) : null;

    const version = comment.version + 1;
    const bodyHtml = renderMarkdown(input.body, comment.id);
    // What the edit does to the comment's status is the lifecycle's to say.
    const change = edit(comment.status, effectiveMode(space.moderationMode, editor));
    const { asRevision } = change;
    const now = new Date();
    await supersedePendingRevisions(tx, comment.id);
    // Edits of a held comment stay with its author until the hold ends.
    const held = await isHeld(tx, comment.id);

    let updated: Comment;
    if (asRevision) {
      // The published text, language and tags stay as approved. The revision row records the
      // new text and language; new tags are not kept (the schema has no place for a pending
      // tag set), so the author sets them again after approval if they matter.
      const [row] = await tx.update(comments).set({ version }).where(eq(comments.id, comment.id)).returning();
      if (!row) throw new Error('comment vanished while locked');
      updated = row;
    } else {
      const [row] = await tx
        .update(comments)
        .set({
          bodyMd: input.body,
          bodyHtml,
          language,
          version,
          status: change.status,
          // Only a change to published text is announced as "edited".
          ...(change.changesPublishedText ? { editedAt: now } : {}),
          // A resubmission is undecided again; the audit trail keeps the rejection.
          ...(change.reopens ? { decidedAt: null, decidedBy: null, reason: null } : {}),
        })
        .where(eq(comments.id, comment.id))
        .returning();
      if (!row) throw new Error('comment vanished while locked');
      updated = row;
      if (tagIds) await replaceTags(tx, comment.id, tagIds);
    }
    await tx.insert(commentRevisions).values({
      commentId: comment.id,
      version,
      bodyMd: input.body,
      bodyHtml,
      language,
      status: change.revisionStatus,
    });

    if (change.changesPublishedText) {
      const published = await presentOne(tx, updated, null, scopeOf(space, undefined));
      await appendEvent(tx, { kind: 'comment.updated', spaceId: space.id, payload: { comment: published } });
    } else if (!held) {
      await appendEvent(tx, {
        kind: 'comment.submitted',
        spaceId: space.id,
        payload: { commentId: comment.id, kind: asRevision ? 'revision' : 'submission' },
      });
    }
    if (!held)
      await recordModeration(tx, {
        spaceId: space.id,
        commentId: comment.id,
        actorId: editor.id,
        action: 'edit',
        fromStatus: comment.status,
        toStatus: updated.status,
        data: { version, pendingRevision: asRevision },
      });
    return presentOne(tx, updated, editor, spaceScope);
  });
}

/** The author withdraws: hidden from everyone else, kept with its revisions for the audit trail. */
export async function withdrawComment(db: Database, author: User, id: string) {
  return db.transaction(async (tx) => {
    const { comment, space, spaceScope, scope } = await loadComment(tx, id, author, { forUpdate: true });
    authorize(author, 'comment.withdraw', scope);
    const change = withdrawal(comment.status);
    const [updated] = await tx
      .update(comments)
      .set({ status: change.status, version: comment.version + 1 })
      .where(and(eq(comments.id, comment.id), commentSql.notWithdrawn()))
      .returning();
    if (!updated) throw new Error('comment vanished while locked');
    await supersedePendingRevisions(tx, comment.id);
    if (change.takesDownPublishedText) {
      await appendEvent(tx, { kind: 'comment.withdrawn', spaceId: space.id, payload: { commentId: comment.id } });
    }
    // A held comment never reached the staff: it leaves no trace in their queue or log.
    const held = await tx.delete(commentHolds).where(eq(commentHolds.commentId, comment.id)).returning();
    if (held.length === 0) {
      // Staff queues drop it, whatever it was.
      await appendEvent(tx, {
        kind: 'comment.decided',
        spaceId: space.id,
        payload: { commentId: comment.id, status: change.status },
      });
      await recordModeration(tx, {
        spaceId: space.id,
        commentId: comment.id,
        actorId: author.id,
        action: 'withdraw',
        fromStatus: comment.status,
        toStatus: change.status,
      });
    }
    return presentOne(tx, updated, author, spaceScope);
  });
}

/** A participant reports a published comment, once, with a category and (for `other`, required) a note. */
export async function reportComment(
  db: Database,
  reporter: User,
  id: string,
  report: { category: ReportCategory; note: string | null },
): Promise<void> {
  await db.transaction(async (tx) => {
    const { comment, space, scope } = await loadComment(tx, id, reporter);
    authorize(reporter, 'comment.report', scope);
    const [row] = await tx
      .insert(reports)
      .values({ commentId: comment.id, reporterId: reporter.id, category: report.category, note: report.note })
      .onConflictDoNothing({ target: [reports.commentId, reports.reporterId] })
      .returning({ id: reports.id });
    if (!row) throw conflict('already_reported', 'You have already reported this comment.');
    await recordModeration(tx, {
      spaceId: space.id,
      commentId: comment.id,
      actorId: reporter.id,
      action: 'report',
      fromStatus: comment.status,
      toStatus: comment.status,
      // The audit trail's reason: the reporter's words for `other` (as the first API stored
      // them), otherwise the category, then the words.
      reason:
        report.category === 'other'
          ? report.note
          : report.note
            ? `${report.category}: ${report.note}`
            : report.category,
    });
    await appendEvent(tx, { kind: 'comment.reported', spaceId: space.id, payload: { commentId: comment.id } });
  });
}

// ---- comments held until their author verifies their address (rule: policies/verification.ts) ----

/** A new submission reaches the staff: their queues hear of it and the audit trail records it. */
async function announceSubmission(tx: Tx, c: Comment, data?: Record<string, unknown>): Promise<void> {
  await appendEvent(tx, {
    kind: 'comment.submitted',
    spaceId: c.spaceId,
    payload: { commentId: c.id, kind: 'submission' },
  });
  await recordModeration(tx, {
    spaceId: c.spaceId,
    commentId: c.id,
    actorId: c.authorId,
    action: 'submit',
    fromStatus: null,
    toStatus: c.status,
    ...(data ? { data } : {}),
  });
}

const isHeld = async (tx: Tx, commentId: string): Promise<boolean> =>
  (await tx.select().from(commentHolds).where(eq(commentHolds.commentId, commentId)).limit(1)).length > 0;

/**
 * The author's address is verified: their held comments enter the moderation queue, in the order
 * they were posted (live `comment.submitted` for each, the audit trail's `submit`, new counts).
 * Those withdrawn meanwhile stay out. Returns how many entered the queue.
 */
export async function releaseHeldComments(tx: Tx, userId: string): Promise<number> {
  const released = await tx.delete(commentHolds).where(eq(commentHolds.userId, userId)).returning();
  if (released.length === 0) return 0;
  const rows = await tx
    .select()
    .from(comments)
    .where(
      and(
        inArray(
          comments.id,
          released.map((h) => h.commentId),
        ),
        commentSql.awaitingDecision(),
      ),
    )
    .orderBy(comments.createdAt, comments.id);
  for (const row of rows) await announceSubmission(tx, row);
  for (const spaceId of new Set(rows.map((r) => r.spaceId))) await announceCounts(tx, spaceId);
  return rows.length;
}
