import {
  type ExportContribution,
  type ExportDocument,
  type Participation,
  STAKEHOLDER_CATEGORY_LABELS,
} from '@convene/shared';
import { type SQL, and, asc, eq, inArray, sql } from 'drizzle-orm';
import { attachmentSql } from '../policies/visibility.js';
import type { DbOrTx } from '../db/client.js';
import {
  type Space,
  attachments,
  commentTags,
  comments,
  questions,
  spaceRoles,
  spaces,
  tags,
  users,
} from '../db/schema/index.js';
import { type ContributionFilter, contributionCondition, loadParticipation } from '../queries/participation.js';
import { markdownToPlainText } from './markdown.js';

/** Root contributions loaded per page; their whole reply threads come with them. */
export const PAGE_SIZE = 500;

export interface CuratedQuestion {
  /** Null for the contributions on the space as a whole. */
  id: string | null;
  /** 1-based order among the guiding questions; null for the space as a whole. */
  number: number | null;
  /** Prefix of the contributions' numbers: "2" for the second question, "G" for the space as a whole. */
  label: string;
  text: string;
  contributions: number;
}

export interface CuratedInput {
  generatedAt: Date;
  filters: ExportDocument['filters'];
  space: ExportDocument['space'];
  participation: Participation;
  questions: CuratedQuestion[];
  /**
   * A question's contributions in reading order, a page of threads at a time (each root with
   * its replies nested), so a large export never holds every contribution at once.
   */
  threads(question: CuratedQuestion): AsyncGenerator<ExportContribution[]>;
}

export interface CuratedOptions {
  filter: ContributionFilter;
  appOrigin: string;
  pageSize?: number;
  now?: Date;
  /** Fill `text` (the plain-text body); formats that render the markdown themselves skip it. */
  withText?: boolean;
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
export const countryName = (code: string | null) => (code ? (regionNames.of(code) ?? code) : null);

export const permalink = (origin: string, slug: string, commentId: string) =>
  `${origin}/spaces/${encodeURIComponent(slug)}#comment-${commentId}`;
export const attachmentLink = (origin: string, id: string) => `${origin}/api/attachments/${id}`;

const commentColumns = {
  id: comments.id,
  parentId: comments.parentId,
  questionId: comments.questionId,
  authorId: comments.authorId,
  bodyMd: comments.bodyMd,
  language: comments.language,
  createdAt: comments.createdAt,
  decidedAt: comments.decidedAt,
  editedAt: comments.editedAt,
  highlighted: comments.highlighted,
};
/** Comment rows in reading order (created_at, id): the keyset the cursor walks. */
const selectRows = (db: DbOrTx, where: SQL | undefined) =>
  db.select(commentColumns).from(comments).where(where).orderBy(asc(comments.createdAt), asc(comments.id));
type Row = Awaited<ReturnType<typeof selectRows>>[number];

function groupBy<T>(list: T[], key: (item: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const item of list) {
    const k = key(item);
    const bucket = m.get(k);
    if (bucket) bucket.push(item);
    else m.set(k, [item]);
  }
  return m;
}

/** The staff named on the space (roles on the parent session count too), for the header. */
async function loadStaff(db: DbOrTx, space: Space) {
  const ids = space.parentId ? [space.id, space.parentId] : [space.id];
  const rows = await db
    .selectDistinct({
      role: spaceRoles.role,
      userId: users.id,
      displayName: users.displayName,
      affiliation: users.affiliation,
    })
    .from(spaceRoles)
    .innerJoin(users, eq(users.id, spaceRoles.userId))
    .where(inArray(spaceRoles.spaceId, ids))
    .orderBy(asc(users.displayName));
  const of = (role: 'moderator' | 'chair') => {
    const seen = new Set<string>();
    return rows
      .filter((r) => r.role === role && !seen.has(r.userId) && seen.add(r.userId))
      .map((r) => ({ displayName: r.displayName, affiliation: r.affiliation }));
  };
  return { moderators: of('moderator'), chairs: of('chair') };
}

/**
 * Each published contribution's number, counted over the space's whole published set: "2.3" is
 * the third thread of question 2 (in reading order; "G.1" on the space as a whole), "2.3.1" its
 * first reply. A filtered export (highlighted, one language) prints these same numbers, so 1.1
 * names the same contribution in every file. A reply whose parent is not published counts as a
 * thread of its own, as in the export.
 */
async function loadStableNumbers(
  db: DbOrTx,
  spaceId: string,
  labels: (readonly [string, string])[],
): Promise<Map<string, string>> {
  const published = contributionCondition(spaceId, { scope: 'published' }, 'c');
  const result = await db.execute<{ id: string; question_id: string | null; path: string }>(sql`
    with recursive pub as (
      select c.id, c.parent_id, c.question_id, c.created_at from comments c where ${published}
    ),
    roots as (
      select p.id, p.question_id,
             row_number() over (partition by p.question_id order by p.created_at, p.id) as n
      from pub p
      where p.parent_id is null or not exists (select 1 from pub q where q.id = p.parent_id)
    ),
    replies as (
      select p.id, p.parent_id, row_number() over (partition by p.parent_id order by p.created_at, p.id) as n
      from pub p
      where exists (select 1 from pub q where q.id = p.parent_id)
    ),
    tree(id, question_id, path) as (
      select id, question_id, n::text from roots
      union all
      select r.id, t.question_id, t.path || '.' || r.n from replies r join tree t on r.parent_id = t.id
    )
    select id, question_id, path from tree`);
  const label = new Map(labels);
  const out = new Map<string, string>();
  for (const row of result.rows) {
    const prefix = row.question_id === null ? 'G' : (label.get(row.question_id) ?? '?');
    out.set(row.id, `${prefix}.${row.path}`);
  }
  return out;
}

/**
 * Everything an export holds, loaded once for every file format: the space's header, its
 * participation (over exactly the exported contributions), its questions, and a cursor over
 * the published contributions. Only approved text is ever read: a pending edit stays in
 * comment_revisions, and pending, rejected or withdrawn comments are never selected.
 */
export async function loadCuratedInput(db: DbOrTx, space: Space, options: CuratedOptions): Promise<CuratedInput> {
  const { filter, appOrigin } = options;
  const pageSize = options.pageSize ?? PAGE_SIZE;
  const participation = await loadParticipation(db, space, filter);
  const staff = await loadStaff(db, space);
  const [parent] = space.parentId
    ? await db
        .select({ code: spaces.code, title: spaces.title })
        .from(spaces)
        .where(eq(spaces.id, space.parentId))
        .limit(1)
    : [];
  const questionRows = await db
    .select({ id: questions.id, text: questions.text })
    .from(questions)
    .where(eq(questions.spaceId, space.id))
    .orderBy(asc(questions.position), asc(questions.createdAt));

  const count = (id: string | null) => participation.byQuestion.find((q) => q.questionId === id)?.contributions ?? 0;
  const list: CuratedQuestion[] = questionRows
    .map((q, i) => ({ id: q.id, number: i + 1, label: String(i + 1), text: q.text, contributions: count(q.id) }))
    .filter((q) => filter.questionId === undefined || filter.questionId === q.id);
  if (count(null) > 0) {
    list.push({ id: null, number: null, label: 'G', text: 'The space as a whole', contributions: count(null) });
  }

  const selected = (alias: string) => contributionCondition(space.id, filter, alias);
  const numbers = await loadStableNumbers(db, space.id, [
    ...questionRows.map((q, i) => [q.id, String(i + 1)] as const),
  ]);

  /** Hydrates one page of rows (roots and their replies) in a fixed number of queries. */
  async function hydrate(rows: Row[]) {
    const ids = rows.map((r) => r.id);
    const authorRows = await db
      .select({
        id: users.id,
        displayName: users.displayName,
        affiliation: users.affiliation,
        category: users.stakeholderCategory,
        country: users.country,
      })
      .from(users)
      .where(inArray(users.id, [...new Set(rows.map((r) => r.authorId))]));
    const tagRows = await db
      .select({ commentId: commentTags.commentId, code: tags.code, label: tags.labelEn })
      .from(commentTags)
      .innerJoin(tags, eq(tags.id, commentTags.tagId))
      .where(inArray(commentTags.commentId, ids))
      .orderBy(asc(tags.position));
    // A file added with an edit still awaiting moderation belongs to that unpublished edit.
    const fileRows = await db
      .select({
        id: attachments.id,
        commentId: attachments.commentId,
        filename: attachments.filename,
        contentType: attachments.contentType,
        size: attachments.size,
      })
      .from(attachments)
      .where(and(inArray(attachments.commentId, ids), attachmentSql.ofPublishedText()))
      .orderBy(asc(attachments.createdAt));
    const authors = new Map(authorRows.map((a) => [a.id, a]));
    return {
      authors,
      tagsBy: groupBy(tagRows, (t) => t.commentId),
      filesBy: groupBy(fileRows, (f) => f.commentId),
    };
  }

  async function* threads(question: CuratedQuestion): AsyncGenerator<ExportContribution[]> {
    const inQuestion: SQL =
      question.id === null ? sql`${comments.questionId} is null` : eq(comments.questionId, question.id);
    // A reply whose parent is not exported (not published, or outside the scope) starts a thread of its own.
    const isRoot = sql`(${comments.parentId} is null or not exists (select 1 from comments p where p.id = ${comments.parentId} and ${selected('p')}))`;
    let after: { at: Date; id: string } | null = null;
    for (;;) {
      const keyset: SQL | undefined = after
        ? sql`(${comments.createdAt}, ${comments.id}) > (${after.at.toISOString()}::timestamptz, ${after.id}::uuid)`
        : undefined;
      const roots: Row[] = await selectRows(db, and(selected('comments'), inQuestion, isRoot, keyset)).limit(pageSize);
      if (roots.length === 0) return;
      const rootIds = sql.join(
        roots.map((r) => sql`${r.id}::uuid`),
        sql`, `,
      );
      const replies = await selectRows(
        db,
        sql`${comments.id} in (
            with recursive thread(id) as (
              select c.id from comments c where c.parent_id in (${rootIds}) and ${selected('c')}
              union all
              select c.id from comments c join thread t on c.parent_id = t.id where ${selected('c')}
            )
            select id from thread)`,
      );
      const { authors, tagsBy, filesBy } = await hydrate([...roots, ...replies]);
      const childrenOf = groupBy(replies, (r) => r.parentId ?? '');
      const build = (r: Row, inExport: boolean): ExportContribution => {
        const a = authors.get(r.authorId);
        if (!a) throw new Error(`author ${r.authorId} missing`);
        const parentNumber = r.parentId ? numbers.get(r.parentId) : undefined;
        return {
          id: r.id,
          // Counted over the whole published set, so a filtered export keeps the full export's numbers.
          number: numbers.get(r.id) ?? '?',
          parentId: inExport ? r.parentId : null,
          inReplyTo: r.parentId ? { number: parentNumber ?? null, published: parentNumber !== undefined } : null,
          questionId: r.questionId,
          author: {
            displayName: a.displayName,
            affiliation: a.affiliation,
            category: a.category,
            categoryLabel: STAKEHOLDER_CATEGORY_LABELS[a.category],
            country: a.country,
            countryName: countryName(a.country),
          },
          language: r.language,
          createdAt: r.createdAt.toISOString(),
          publishedAt: (r.decidedAt ?? r.createdAt).toISOString(),
          editedAt: r.editedAt?.toISOString() ?? null,
          status: 'approved',
          highlighted: r.highlighted,
          permalink: permalink(appOrigin, space.slug, r.id),
          tags: (tagsBy.get(r.id) ?? []).map((t) => ({ code: t.code, label: t.label })),
          attachments: (filesBy.get(r.id) ?? []).map((f) => ({
            id: f.id,
            filename: f.filename,
            contentType: f.contentType,
            size: f.size,
            url: attachmentLink(appOrigin, f.id),
          })),
          bodyMd: r.bodyMd,
          text: options.withText === false ? '' : markdownToPlainText(r.bodyMd),
          replies: (childrenOf.get(r.id) ?? []).map((child) => build(child, true)),
        };
      };
      yield roots.map((r) => build(r, false));
      const last: Row | undefined = roots.at(-1);
      if (!last || roots.length < pageSize) return;
      after = { at: last.createdAt, id: last.id };
    }
  }

  return {
    generatedAt: options.now ?? new Date(),
    filters: { scope: filter.scope, questionId: filter.questionId ?? null, language: filter.language ?? null },
    space: {
      id: space.id,
      slug: space.slug,
      code: space.code,
      title: space.title,
      summary: space.summary,
      status: space.status,
      opensAt: space.opensAt?.toISOString() ?? null,
      closesAt: space.closesAt?.toISOString() ?? null,
      url: `${appOrigin}/spaces/${encodeURIComponent(space.slug)}`,
      parent: parent ?? null,
      moderators: staff.moderators,
      chairs: staff.chairs,
    },
    participation,
    questions: list,
    threads,
  };
}
