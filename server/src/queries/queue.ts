import type { QueueItem, QueueResponse, QueueStatus } from '@convene/shared';
import { type SQL, and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { comments, questions, reports, spaces, users } from '../db/schema/index.js';
import { excerpt } from '../exports/markdown.js';
import { type Viewer, can } from '../policies/index.js';
import { commentSql, revisionSql } from '../policies/visibility.js';
import { notesOnAuthors, notesOnComments } from '../commands/staffNotes.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { type ListedComment, hydrateComments, listedColumns } from './comments.js';
import { type LoadedSpace, scopeOf, viewerRoles } from './spaces.js';

/**
 * Every space whose queue the viewer may read. The policy decides for each space (admins
 * pass everywhere; others through their roles, including roles on a parent session), so no
 * role rule is repeated here. Spaces are few, so asking about all of them is cheap.
 */
export async function moderatedSpaces(db: DbOrTx, viewer: Viewer): Promise<LoadedSpace[]> {
  if (!viewer) return [];
  const all = await db.select().from(spaces).orderBy(spaces.position, spaces.code);
  const roles = await viewerRoles(db, viewer, all);
  return all
    .map((space) => ({ space, scope: scopeOf(space, roles.get(space.id)) }))
    .filter(({ scope }) => can(viewer, 'moderation.read', scope));
}

/** The raw-SQL aliases of the queue's queries: `comments c`, `comment_revisions r`. */
const C = { alias: 'c' };
const R = { alias: 'r' };

const inSpaces = (column: SQL, spaceIds: string[]) =>
  sql`${column} IN (${sql.join(
    spaceIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;

/**
 * Queue counts for a set of spaces, one per tab: submissions plus revisions waiting, reported,
 * rejected, approved. Read from the counters that triggers keep in each write's transaction
 * (`comment_counters`, db/schema/counters.ts), so a decision no longer recounts every pending
 * comment: `awaiting` is `commentSql.awaitingDecision` (pending, not held for verification),
 * `revision` an approved comment with an edit awaiting moderation, `reported` an approved comment
 * with an open report.
 */
export async function queueCounts(db: DbOrTx, spaceIds: string[]): Promise<QueueResponse['counts']> {
  if (spaceIds.length === 0) return { pending: 0, reported: 0, rejected: 0, approved: 0 };
  const result = await db.execute<{ kind: string; n: number }>(sql`
    SELECT kind, sum(n)::int AS n FROM comment_counters
    WHERE ${inSpaces(sql`space_id`, spaceIds)} AND kind IN ('awaiting', 'revision', 'reported', 'rejected', 'published')
    GROUP BY kind`);
  const n = (kind: string) => Number(result.rows.find((r) => r.kind === kind)?.n ?? 0);
  return {
    pending: n('awaiting') + n('revision'),
    reported: n('reported'),
    rejected: n('rejected'),
    approved: n('published'),
  };
}

type ItemKind = QueueItem['kind'];
interface Entry {
  id: string;
  kind: ItemKind;
  /** Sort key, truncated to milliseconds so it round-trips through the cursor exactly. */
  sort_at: string;
  waiting_since: string;
}

const iso = (column: SQL) => sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The items of one tab as (id, kind, time entered, sort time). Each comment appears at most
 * once per tab, so (sort time, comment id) is a total order for the keyset cursor.
 */
function entriesSql(status: QueueStatus, spaceIds: string[]): SQL {
  const c = sql`c.space_id`;
  switch (status) {
    case 'pending':
      return sql`
        SELECT c.id, 'submission' AS kind, c.created_at AS entered_at
        FROM comments c WHERE ${inSpaces(c, spaceIds)} AND ${commentSql.awaitingDecision(C)}
        UNION ALL
        SELECT r.comment_id, 'revision', min(r.created_at)
        FROM comment_revisions r JOIN comments c ON c.id = r.comment_id
        WHERE ${revisionSql.awaiting(R)} AND ${commentSql.published(C)} AND ${inSpaces(c, spaceIds)}
        GROUP BY r.comment_id`;
    case 'reported':
      return sql`
        SELECT c.id, 'reported' AS kind, min(r.created_at) AS entered_at
        FROM comments c JOIN reports r ON r.comment_id = c.id AND r.resolved_at IS NULL
        WHERE ${commentSql.published(C)} AND ${inSpaces(c, spaceIds)}
        GROUP BY c.id`;
    case 'rejected':
    case 'approved':
      // Decided items are placed by their decision; a post-moderated comment was never decided.
      return sql`
        SELECT c.id, 'decided' AS kind, coalesce(c.decided_at, c.created_at) AS entered_at
        FROM comments c WHERE ${inSpaces(c, spaceIds)} AND ${commentSql.decided(status, C)}`;
  }
}

/**
 * One page of a moderation queue over the given spaces, with each item's context, in a fixed
 * number of queries. Oldest first, except the approved tab (a history): newest decision first.
 */
export async function loadQueue(
  db: DbOrTx,
  viewer: Viewer,
  inView: LoadedSpace[],
  query: { status: QueueStatus; cursor?: string | undefined; limit: number },
): Promise<QueueResponse> {
  const spaceIds = inView.map((s) => s.space.id);
  const byId = new Map(inView.map((s) => [s.space.id, s]));
  const newestFirst = query.status === 'approved';
  const cursor = decodeCursor(query.cursor);
  const key = sql`date_trunc('milliseconds', q.entered_at)`;
  const after = cursor
    ? newestFirst
      ? sql`WHERE (${key}, q.id) < (${cursor.at.toISOString()}::timestamptz, ${cursor.id}::uuid)`
      : sql`WHERE (${key}, q.id) > (${cursor.at.toISOString()}::timestamptz, ${cursor.id}::uuid)`
    : sql``;
  const order = newestFirst ? sql`${key} DESC, q.id DESC` : sql`${key}, q.id`;

  const [page, counts] = await Promise.all([
    db.execute<Entry & Record<string, unknown>>(sql`
      SELECT q.id, q.kind, ${iso(key)} AS sort_at, ${iso(sql`q.entered_at`)} AS waiting_since
      FROM (${entriesSql(query.status, spaceIds)}) q
      ${after}
      ORDER BY ${order}
      LIMIT ${query.limit + 1}`),
    queueCounts(db, spaceIds),
  ]);
  const entries = page.rows.slice(0, query.limit);
  const last = entries.at(-1);
  const nextCursor =
    page.rows.length > query.limit && last ? encodeCursor({ createdAt: new Date(last.sort_at), id: last.id }) : null;
  if (entries.length === 0) return { items: [], counts, nextCursor };

  const ids = entries.map((e) => e.id);
  const rows = await db.select(listedColumns).from(comments).where(inArray(comments.id, ids));
  const rowById = new Map(rows.map((r) => [r.id, r]));
  const ordered = ids.map((id) => rowById.get(id)).filter((r): r is ListedComment => r !== undefined);
  const unique = <T>(list: (T | null)[]) => [...new Set(list.filter((x): x is T => x !== null))];
  const questionIds = unique(ordered.map((c) => c.questionId));
  const parentIds = unique(ordered.map((c) => c.parentId));
  const authorIds = unique(ordered.map((c) => c.authorId));
  const deciderIds = unique(ordered.map((c) => c.decidedBy));
  const none = Promise.resolve([]);

  // Staff notes only for the spaces whose notes the viewer may read (the queue's spaces are
  // those they moderate; the policy is asked again for each, not assumed).
  const noteSpaceIds = inView.filter((s) => can(viewer, 'staffNote.write', s.scope)).map((s) => s.space.id);
  const noteCommentIds = ordered.filter((c) => noteSpaceIds.includes(c.spaceId)).map((c) => c.id);

  const [dtos, questionRows, parentRows, records, reportRows, deciders, commentNotes, authorNotes] = await Promise.all([
    hydrateComments(db, ordered, viewer, (spaceId) => {
      const s = byId.get(spaceId);
      if (!s) throw new Error(`space ${spaceId} not in view`);
      return s.scope;
    }),
    questionIds.length
      ? db
          .select({ id: questions.id, position: questions.position, text: questions.text })
          .from(questions)
          .where(inArray(questions.id, questionIds))
      : none,
    parentIds.length
      ? db
          .select({
            id: comments.id,
            bodyMd: sql<string>`left(${comments.bodyMd}, 2000)`,
            status: comments.status,
            authorName: users.displayName,
          })
          .from(comments)
          .innerJoin(users, eq(users.id, comments.authorId))
          .where(inArray(comments.id, parentIds))
      : none,
    db
      .select({
        authorId: comments.authorId,
        approved: sql<number>`(count(*) FILTER (WHERE ${commentSql.published()}))::int`,
        rejected: sql<number>`(count(*) FILTER (WHERE ${commentSql.decided('rejected')}))::int`,
        pending: sql<number>`(count(*) FILTER (WHERE ${commentSql.awaitingDecision()}))::int`,
      })
      .from(comments)
      // The author's record in the spaces in view only: elsewhere the viewer may not be staff.
      .where(and(inArray(comments.authorId, authorIds), inArray(comments.spaceId, spaceIds)))
      .groupBy(comments.authorId),
    db
      .select({
        commentId: reports.commentId,
        category: reports.category,
        note: reports.note,
        createdAt: reports.createdAt,
        reporter: users.displayName,
      })
      .from(reports)
      .innerJoin(users, eq(users.id, reports.reporterId))
      .where(and(inArray(reports.commentId, ids), isNull(reports.resolvedAt)))
      .orderBy(reports.createdAt, reports.id),
    deciderIds.length
      ? db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, deciderIds))
      : none,
    notesOnComments(db, noteCommentIds),
    notesOnAuthors(db, noteSpaceIds, authorIds),
  ]);

  const dtoById = new Map(dtos.map((d) => [d.id, d]));
  const questionById = new Map(questionRows.map((q) => [q.id, q]));
  const parentById = new Map(parentRows.map((p) => [p.id, p]));
  const recordByAuthor = new Map(records.map((r) => [r.authorId, r]));
  const deciderName = new Map(deciders.map((d) => [d.id, d.name]));

  const items: QueueItem[] = [];
  for (const entry of entries) {
    const c = rowById.get(entry.id);
    const dto = dtoById.get(entry.id);
    const s = c ? byId.get(c.spaceId) : undefined;
    if (!c || !dto || !s) continue;
    const parent = c.parentId ? parentById.get(c.parentId) : undefined;
    const record = recordByAuthor.get(c.authorId);
    const decided = entry.kind === 'decided' || entry.kind === 'reported';
    items.push({
      comment: dto,
      kind: entry.kind,
      space: { slug: s.space.slug, code: s.space.code, title: s.space.title },
      question: c.questionId ? (questionById.get(c.questionId) ?? null) : null,
      parent: parent
        ? { id: parent.id, authorName: parent.authorName, excerpt: excerpt(parent.bodyMd), status: parent.status }
        : null,
      authorRecord: {
        approved: record?.approved ?? 0,
        rejected: record?.rejected ?? 0,
        pending: record?.pending ?? 0,
      },
      reports: reportRows
        .filter((r) => r.commentId === c.id)
        .map((r) => ({
          category: r.category,
          note: r.note,
          createdAt: r.createdAt.toISOString(),
          reporter: r.reporter,
        })),
      staffNotes: commentNotes.filter((n) => n.commentId === c.id),
      authorNotes: authorNotes
        .filter((n) => n.subjectUserId === c.authorId && n.spaceId === c.spaceId)
        .map(({ spaceId: _spaceId, ...n }) => n),
      revision:
        entry.kind === 'revision' && dto.pendingRevision
          ? {
              version: dto.pendingRevision.version,
              publishedMd: c.bodyMd,
              proposedMd: dto.pendingRevision.bodyMd,
              proposedHtml: dto.pendingRevision.bodyHtml,
            }
          : null,
      waitingSince: entry.waiting_since,
      decidedBy: decided && c.decidedBy ? (deciderName.get(c.decidedBy) ?? null) : null,
      decidedAt: decided ? (c.decidedAt?.toISOString() ?? null) : null,
    });
  }
  return { items, counts, nextCursor };
}
