import type { QuestionDto, RoleEntry, SpaceDetail, SpaceListResponse, SpaceSummary, TagDto } from '@convene/shared';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import {
  NO_QUESTION,
  type Space,
  questions,
  spaceRoles,
  spaceVisits,
  spaces,
  tags,
  users,
} from '../db/schema/index.js';
import { type Viewer, can } from '../policies/index.js';
import { followStateOf } from '../mail/follows.js';
import { commentSql } from '../policies/visibility.js';
import {
  type CommentCounts,
  type StaffMember,
  presentQuestion,
  presentRoleEntry,
  presentSpaceDetail,
  presentSpaceSummary,
  zeroCounts,
} from '../presenters/space.js';
import type { AskedLanguage } from '../presenters/spaceTexts.js';
import { presentTag } from './comments.js';
import { type LoadedSpace, scopeOf, viewerRoles } from './spaces.js';

interface SpaceCounts {
  total: CommentCounts;
  byQuestion: Map<string, CommentCounts>;
}

const C = { alias: 'c' };
const inList = (ids: string[]) =>
  sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

/**
 * Approved-comment counts per space and per question, with the viewer's "new since last
 * visit" (published since then, so a comment approved after the visit counts; their own
 * comments are never new to them). Only approved comments count: nothing unpublished leaks
 * through a number. The totals are the `published` counters that triggers keep in the write's
 * own transaction (`comment_counters`, see db/schema/counters.ts): no read counts the comments.
 * "New" walks only what was published since the visit (comments_space_published_idx); for a space
 * never visited it is the total less the viewer's own published comments (their author index).
 */
async function approvedCounts(db: DbOrTx, spaceIds: string[], viewer: Viewer): Promise<Map<string, SpaceCounts>> {
  const out = new Map<string, SpaceCounts>();
  if (spaceIds.length === 0) return out;
  const ids = inList(spaceIds);
  const [totals, fresh] = await Promise.all([
    db.execute<{ space_id: string; question_id: string | null; n: number }>(sql`
      select space_id, nullif(question_key, ${NO_QUESTION}::uuid) as question_id, sum(n)::int as n
      from comment_counters where space_id in (${ids}) and kind = 'published'
      group by space_id, question_key having sum(n) <> 0`),
    viewer
      ? db.execute<{ space_id: string; question_id: string | null; visited: boolean; n: number }>(sql`
          select v.space_id, c.question_id, true as visited, (count(c.id) filter (where c.author_id <> ${viewer.id}::uuid))::int as n
          from space_visits v
          left join comments c on c.space_id = v.space_id and ${commentSql.published(C)}
            and coalesce(c.decided_at, c.created_at) > v.seen_at
          where v.user_id = ${viewer.id}::uuid and v.space_id in (${ids})
          group by v.space_id, c.question_id
          union all
          select c.space_id, c.question_id, false, count(*)::int
          from comments c
          where c.author_id = ${viewer.id}::uuid and c.space_id in (${ids}) and ${commentSql.published(C)}
            and not exists (select 1 from space_visits v where v.space_id = c.space_id and v.user_id = ${viewer.id}::uuid)
          group by c.space_id, c.question_id`)
      : Promise.resolve({
          rows: [] as { space_id: string; question_id: string | null; visited: boolean; n: number }[],
        }),
  ]);
  const key = (spaceId: string, questionId: string | null) => `${spaceId}/${questionId ?? ''}`;
  const visited = new Set<string>();
  const freshBy = new Map<string, { visited: boolean; n: number }>();
  for (const r of fresh.rows) {
    if (r.visited) visited.add(r.space_id);
    freshBy.set(key(r.space_id, r.question_id), { visited: r.visited, n: Number(r.n) });
  }
  for (const r of totals.rows) {
    const total = Number(r.n);
    const f = freshBy.get(key(r.space_id, r.question_id));
    const n = !viewer ? null : visited.has(r.space_id) ? (f?.visited ? f.n : 0) : total - (f && !f.visited ? f.n : 0);
    const entry = out.get(r.space_id) ?? { total: zeroCounts(viewer), byQuestion: new Map<string, CommentCounts>() };
    entry.total.comments += total;
    if (entry.total.new !== null) entry.total.new += n ?? 0;
    if (r.question_id) entry.byQuestion.set(r.question_id, { comments: total, new: n });
    out.set(r.space_id, entry);
  }
  return out;
}

async function questionCounts(db: DbOrTx, spaceIds: string[]): Promise<Map<string, number>> {
  if (spaceIds.length === 0) return new Map();
  const rows = await db
    .select({ spaceId: questions.spaceId, n: sql<number>`count(*)::int` })
    .from(questions)
    .where(inArray(questions.spaceId, spaceIds))
    .groupBy(questions.spaceId);
  return new Map(rows.map((r) => [r.spaceId, r.n]));
}

/** The spaces the viewer may read, as summaries with counts, keeping the given order. */
async function readableSummaries(
  db: DbOrTx,
  rows: Space[],
  viewer: Viewer,
  now: Date,
  asked: AskedLanguage = null,
): Promise<{ space: Space; summary: SpaceSummary }[]> {
  const roles = await viewerRoles(db, viewer, rows);
  const readable = rows.filter((s) => can(viewer, 'space.read', scopeOf(s, roles.get(s.id))));
  const ids = readable.map((s) => s.id);
  const [counts, nQuestions] = await Promise.all([approvedCounts(db, ids, viewer), questionCounts(db, ids)]);
  return readable.map((space) => ({
    space,
    summary: presentSpaceSummary(
      space,
      { ...(counts.get(space.id)?.total ?? zeroCounts(viewer)), questions: nQuestions.get(space.id) ?? 0 },
      now,
      asked,
    ),
  }));
}

const siblingOrder = [asc(spaces.position), asc(spaces.createdAt), asc(spaces.id)];

/** Sessions and stand-alone spaces, each with its roundtables; drafts only for their staff. */
export async function listSpaces(
  db: DbOrTx,
  viewer: Viewer,
  now = new Date(),
  asked: AskedLanguage = null,
): Promise<SpaceListResponse> {
  const rows = await db
    .select()
    .from(spaces)
    .orderBy(...siblingOrder);
  const readable = await readableSummaries(db, rows, viewer, now, asked);
  const children = new Map<string, SpaceSummary[]>();
  for (const { space, summary } of readable) {
    if (space.parentId) children.set(space.parentId, [...(children.get(space.parentId) ?? []), summary]);
  }
  return {
    spaces: readable
      .filter(({ space }) => space.parentId === null)
      .map(({ space, summary }) => ({ ...summary, children: children.get(space.id) ?? [] })),
  };
}

/** A space's guiding questions in order, with approved-comment and new counts for the viewer. */
export async function listQuestions(
  db: DbOrTx,
  spaceId: string,
  viewer: Viewer,
  /** The space's original language and the one asked (multilingual spaces). */
  language?: { original: Space['originalLanguage']; asked: AskedLanguage },
): Promise<QuestionDto[]> {
  const [rows, counts, follow] = await Promise.all([
    db.select().from(questions).where(eq(questions.spaceId, spaceId)).orderBy(asc(questions.position)),
    approvedCounts(db, [spaceId], viewer),
    followStateOf(db, viewer, spaceId),
  ]);
  const byQuestion = counts.get(spaceId)?.byQuestion;
  return rows.map((q) =>
    presentQuestion(
      q,
      byQuestion?.get(q.id) ?? zeroCounts(viewer),
      follow ? follow.questions.has(q.id) : null,
      language,
    ),
  );
}

/** Everything the space page needs, for one viewer, in a fixed number of queries. */
export async function spaceDetail(
  db: DbOrTx,
  { space, scope }: LoadedSpace,
  viewer: Viewer,
  now = new Date(),
  asked: AskedLanguage = null,
): Promise<SpaceDetail> {
  // A roundtable's staff includes the staff of its session.
  const staffSpaceIds = space.parentId ? [space.id, space.parentId] : [space.id];
  const [questionRows, counts, nQuestions, staffRows, parentRows, childRows, visitRows, follow] = await Promise.all([
    db.select().from(questions).where(eq(questions.spaceId, space.id)).orderBy(asc(questions.position)),
    approvedCounts(db, [space.id], viewer),
    questionCounts(db, [space.id]),
    db
      .select({
        userId: spaceRoles.userId,
        role: spaceRoles.role,
        displayName: users.displayName,
        affiliation: users.affiliation,
      })
      .from(spaceRoles)
      .innerJoin(users, eq(users.id, spaceRoles.userId))
      .where(inArray(spaceRoles.spaceId, staffSpaceIds))
      .orderBy(asc(users.displayName), asc(users.id)),
    space.parentId
      ? db.select().from(spaces).where(eq(spaces.id, space.parentId)).limit(1)
      : Promise.resolve([] as Space[]),
    db
      .select()
      .from(spaces)
      .where(eq(spaces.parentId, space.id))
      .orderBy(...siblingOrder),
    viewer
      ? db
          .select({ seenAt: spaceVisits.seenAt })
          .from(spaceVisits)
          .where(and(eq(spaceVisits.spaceId, space.id), eq(spaceVisits.userId, viewer.id)))
      : Promise.resolve([] as { seenAt: Date }[]),
    followStateOf(db, viewer, space.id),
  ]);

  const staff = (role: 'moderator' | 'chair') => {
    const seen = new Set<string>();
    const out: StaffMember[] = [];
    for (const r of staffRows) {
      if (r.role !== role || seen.has(r.userId)) continue;
      seen.add(r.userId);
      out.push(r);
    }
    return out;
  };

  // A draft session stays secret even when one of its roundtables is public.
  const [parentRow] = parentRows;
  let parent: Space | null = null;
  if (parentRow) {
    const roles = await viewerRoles(db, viewer, [parentRow]);
    if (can(viewer, 'space.read', scopeOf(parentRow, roles.get(parentRow.id)))) parent = parentRow;
  }
  const children = await readableSummaries(db, childRows, viewer, now, asked);
  const spaceCounts = counts.get(space.id);

  return presentSpaceDetail(
    space,
    {
      summary: presentSpaceSummary(
        space,
        { ...(spaceCounts?.total ?? zeroCounts(viewer)), questions: nQuestions.get(space.id) ?? 0 },
        now,
        asked,
      ),
      questions: questionRows.map((q) =>
        presentQuestion(
          q,
          spaceCounts?.byQuestion.get(q.id) ?? zeroCounts(viewer),
          follow ? follow.questions.has(q.id) : null,
          { original: space.originalLanguage, asked },
        ),
      ),
      moderators: staff('moderator'),
      chairs: staff('chair'),
      parent,
      children: children.map((c) => c.summary),
      seenAt: visitRows[0]?.seenAt ?? null,
      following: follow?.space ?? null,
    },
    viewer,
    scope,
    now,
    asked,
    questionRows,
  );
}

/** Who holds which role on the space itself (not inherited ones): for the administrators' screen. */
export async function listRoles(db: DbOrTx, spaceId: string): Promise<RoleEntry[]> {
  const rows = await db
    .select({ role: spaceRoles.role, createdAt: spaceRoles.createdAt, user: users })
    .from(spaceRoles)
    .innerJoin(users, eq(users.id, spaceRoles.userId))
    .where(eq(spaceRoles.spaceId, spaceId))
    .orderBy(asc(spaceRoles.role), asc(users.displayName), asc(users.id));
  return rows.map((r) => presentRoleEntry(r, r.user));
}

/** Every tag, grouped by taxonomy in its defined order. */
export async function listTags(db: DbOrTx): Promise<TagDto[]> {
  const rows = await db.select().from(tags).orderBy(asc(tags.taxonomy), asc(tags.position), asc(tags.code));
  return rows.map(presentTag);
}
