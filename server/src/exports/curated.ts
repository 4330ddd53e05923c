import {
  type ExportContribution,
  type ExportDocument,
  type ExportTranslation,
  type Locale,
  STAKEHOLDER_CATEGORIES,
  STAKEHOLDER_CATEGORY_LABELS,
  type StakeholderCategory,
} from '@convene/shared';
import { affiliationMarks } from '../policies/affiliation.js';
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
import {
  type ContributionFilter,
  contributionCondition,
  loadParticipationFigures,
  participationSummary,
} from '../queries/participation.js';
import { markdownToPlainText } from './markdown.js';
import { shownTranslations } from './translations.js';
import { exportLanguage } from './words.js';
import { questionText, spaceText } from '../presenters/spaceTexts.js';

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

/** One heading of the export: a guiding question, or an objective (a tag) with `group=objective`. */
export interface CuratedSection {
  kind: 'question' | 'objective';
  /** The question's or the tag's id; null for the space as a whole, or for "No objective". */
  id: string | null;
  /** The question's number, or the objective's position (its number in the Global Compact). */
  number: number | null;
  /** The tag's code ("16"); null for questions and for "No objective". */
  code: string | null;
  text: string;
  /** Contributions listed under it (a contribution with several objectives counts under each). */
  contributions: number;
}

export type ExportGrouping = 'question' | 'objective';

/** The annexes of a report: who took part, by Member State and by organisation, and the position papers. */
export interface CuratedAnnexes {
  memberStates: {
    country: string | null;
    countryName: string | null;
    participants: { displayName: string; affiliation: string; contributions: number }[];
    contributions: number;
  }[];
  organisations: {
    name: string;
    category: StakeholderCategory;
    categoryLabel: string;
    countries: string[];
    countryNames: string[];
    participants: number;
    contributions: number;
  }[];
  positionPapers: {
    number: string;
    filename: string;
    url: string;
    contentType: string;
    size: number;
    author: string;
    affiliation: string;
    permalink: string;
  }[];
}

export interface CuratedInput {
  generatedAt: Date;
  filters: ExportDocument['filters'];
  space: ExportDocument['space'];
  /** Counted over exactly the exported contributions; `summary` is the report's sentence. */
  participation: ExportDocument['participation'];
  /** The guiding questions (those in the export's filter), for headings and the tabular columns. */
  questions: CuratedQuestion[];
  grouping: ExportGrouping;
  /** What the formats iterate: the questions, or the objectives with `group=objective`. */
  sections: CuratedSection[];
  /** A contribution's question, for the tabular formats' question columns. */
  questionOf(questionId: string | null): { number: number | null; text: string };
  annexes: CuratedAnnexes;
  /**
   * A section's contributions in reading order, a page of threads at a time (each root with
   * its replies nested; under an objective, each contribution on its own, in number order), so
   * a large export never holds every contribution at once.
   */
  threads(section: CuratedSection): AsyncGenerator<ExportContribution[]>;
}

export interface CuratedOptions {
  filter: ContributionFilter;
  appOrigin: string;
  pageSize?: number;
  now?: Date;
  /** Fill `text` (the plain-text body); formats that render the markdown themselves skip it. */
  withText?: boolean;
  grouping?: ExportGrouping;
  /** The code of the tag in `filter.tagId` ("16", or "none"), as the file and its filters name it. */
  tagCode?: string | undefined;
  /** Give each contribution its translation into this language, where one is shown (`translationSql.shown`). */
  translation?: Locale | undefined;
  /** The language of the space's title, summary and questions, where translated (else the original). */
  textLanguage?: Locale | undefined;
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
export const countryName = (code: string | null) => (code ? (regionNames.of(code) ?? code) : null);

/** The verified and focal-point marks of an author, as the exports carry them. */
function exportMarks(a: Parameters<typeof affiliationMarks>[0]) {
  const m = affiliationMarks(a);
  return {
    verified: m.verified ? { at: m.verified.at, by: m.verified.by } : null,
    officialFor: m.officialFor,
    officialForName: countryName(m.officialFor),
  };
}

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

/** "1.2" before "1.10", questions before "G" (the space as a whole): the order of stable numbers. */
export function compareNumbers(a: string, b: string): number {
  const parts = (x: string) => x.split('.').map((p) => (p === 'G' ? Number.MAX_SAFE_INTEGER : Number(p) || 0));
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

/** An affiliation as organisations are told apart: case- and space-insensitive. */
export const organisationKey = (affiliation: string) => affiliation.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * The annexes over exactly the exported contributions: the Member States' participants, the
 * organisations of every other category, and the files of the published text.
 */
async function loadAnnexes(
  db: DbOrTx,
  selected: (alias: string) => SQL,
  numbers: Map<string, string>,
  origin: string,
  slug: string,
): Promise<CuratedAnnexes> {
  const people = await db.execute<{
    category: StakeholderCategory;
    country: string | null;
    display_name: string;
    affiliation: string;
    contributions: string;
  }>(sql`
    select u.stakeholder_category as category, u.country, u.display_name, u.affiliation, count(*) as contributions
    from comments c join users u on u.id = c.author_id
    where ${selected('c')}
    group by u.id, u.stakeholder_category, u.country, u.display_name, u.affiliation
    order by u.display_name, u.id`);
  const states = new Map<string, CuratedAnnexes['memberStates'][number]>();
  const orgs = new Map<string, CuratedAnnexes['organisations'][number] & { people: Set<string> }>();
  for (const r of people.rows) {
    const contributions = Number(r.contributions);
    if (r.category === 'member_state') {
      const key = r.country ?? '';
      const state = states.get(key) ?? {
        country: r.country,
        countryName: countryName(r.country),
        participants: [],
        contributions: 0,
      };
      state.participants.push({ displayName: r.display_name, affiliation: r.affiliation.trim(), contributions });
      state.contributions += contributions;
      states.set(key, state);
      continue;
    }
    const key = `${r.category}\u0000${organisationKey(r.affiliation)}`;
    const org = orgs.get(key) ?? {
      name: r.affiliation.trim() || 'Affiliation not given',
      category: r.category,
      categoryLabel: STAKEHOLDER_CATEGORY_LABELS[r.category],
      countries: [],
      countryNames: [],
      participants: 0,
      contributions: 0,
      people: new Set<string>(),
    };
    org.participants += 1;
    org.contributions += contributions;
    if (r.country && !org.countries.includes(r.country)) {
      org.countries.push(r.country);
      org.countryNames.push(countryName(r.country) ?? r.country);
    }
    orgs.set(key, org);
  }
  const byName = (a: string | null, b: string | null) =>
    a === null ? 1 : b === null ? -1 : a.localeCompare(b, 'en', { sensitivity: 'base' });
  const categoryOrder = (c: StakeholderCategory) => STAKEHOLDER_CATEGORIES.indexOf(c);

  const files = await db
    .select({
      commentId: attachments.commentId,
      filename: attachments.filename,
      id: attachments.id,
      contentType: attachments.contentType,
      size: attachments.size,
      author: users.displayName,
      affiliation: users.affiliation,
    })
    .from(attachments)
    .innerJoin(comments, eq(comments.id, attachments.commentId))
    .innerJoin(users, eq(users.id, comments.authorId))
    // Only the files of the published text: one added with an edit awaiting moderation is not.
    .where(and(selected('comments'), attachmentSql.ofPublishedText()))
    .orderBy(asc(attachments.createdAt));

  return {
    memberStates: [...states.values()].sort((a, b) => byName(a.countryName, b.countryName)),
    organisations: [...orgs.values()]
      .map(({ people: _people, ...o }) => o)
      .sort((a, b) => categoryOrder(a.category) - categoryOrder(b.category) || byName(a.name, b.name)),
    positionPapers: files
      .map((f) => ({
        number: numbers.get(f.commentId) ?? '?',
        filename: f.filename,
        url: attachmentLink(origin, f.id),
        contentType: f.contentType,
        size: f.size,
        author: f.author,
        affiliation: f.affiliation,
        permalink: permalink(origin, slug, f.commentId),
      }))
      .sort((a, b) => compareNumbers(a.number, b.number)),
  };
}

/**
 * Everything an export holds, loaded once for every file format: the space's header, its
 * participation (over exactly the exported contributions) and the report's sentence for it, its
 * questions or objectives, the annexes, and a cursor over the published contributions. Only
 * approved text is ever read: a pending edit stays in comment_revisions, and pending, rejected or
 * withdrawn comments are never selected.
 */
export async function loadCuratedInput(db: DbOrTx, space: Space, options: CuratedOptions): Promise<CuratedInput> {
  const { filter, appOrigin } = options;
  const grouping = options.grouping ?? 'question';
  const pageSize = options.pageSize ?? PAGE_SIZE;
  const figures = await loadParticipationFigures(db, space, filter);
  const participation = figures.participation;
  // The sentence follows the same rule as the export's other fixed text (exportLanguage in words.ts):
  // the translation asked for, else the language filtered on, else English.
  const summary = participationSummary(
    figures,
    exportLanguage({ translation: options.translation, language: filter.language }),
  );
  const staff = await loadStaff(db, space);
  const [parent] = space.parentId
    ? await db
        .select({
          code: spaces.code,
          title: spaces.title,
          originalLanguage: spaces.originalLanguage,
          translations: spaces.translations,
        })
        .from(spaces)
        .where(eq(spaces.id, space.parentId))
        .limit(1)
    : [];
  // Titles and questions in the language asked where translated (multilingual spaces).
  const asked = options.textLanguage ?? null;
  const questionRows = (
    await db
      .select({ id: questions.id, text: questions.text, translations: questions.translations })
      .from(questions)
      .where(eq(questions.spaceId, space.id))
      .orderBy(asc(questions.position), asc(questions.createdAt))
  ).map((q) => ({ id: q.id, text: questionText(q, space.originalLanguage, asked).text }));
  const questionTextById = new Map(questionRows.map((q) => [q.id, q.text]));
  for (const q of participation.byQuestion) if (q.questionId) q.text = questionTextById.get(q.questionId) ?? q.text;

  const count = (id: string | null) => participation.byQuestion.find((q) => q.questionId === id)?.contributions ?? 0;
  const list: CuratedQuestion[] = questionRows
    .map((q, i) => ({ id: q.id, number: i + 1, label: String(i + 1), text: q.text, contributions: count(q.id) }))
    .filter((q) => filter.questionId === undefined || filter.questionId === q.id);
  if (count(null) > 0) {
    list.push({ id: null, number: null, label: 'G', text: 'The space as a whole', contributions: count(null) });
  }
  const questionIndex = new Map(questionRows.map((q, i) => [q.id, { number: i + 1, text: q.text }]));
  const questionOf = (id: string | null) =>
    (id ? questionIndex.get(id) : undefined) ?? { number: null, text: 'The space as a whole' };

  const selected = (alias: string) => contributionCondition(space.id, filter, alias);
  const numbers = await loadStableNumbers(db, space.id, [
    ...questionRows.map((q, i) => [q.id, String(i + 1)] as const),
  ]);

  // The objectives the exported contributions address (each counted under every tag it has), then "No objective".
  let sections: CuratedSection[];
  if (grouping === 'objective') {
    const tagCounts = await db.execute<{
      id: string | null;
      code: string | null;
      position: number | null;
      label: string | null;
      n: string;
    }>(sql`
      select t.id, t.code, t.position, t.label_en as label, count(*) as n
      from comments c
      left join comment_tags ct on ct.comment_id = c.id
      left join tags t on t.id = ct.tag_id
      where ${selected('c')}
      group by t.id, t.code, t.position, t.label_en
      order by t.position nulls last, t.code`);
    sections = tagCounts.rows.map((t) => ({
      kind: 'objective' as const,
      id: t.id,
      number: t.id ? t.position : null,
      code: t.code,
      text: t.label ?? 'No objective',
      contributions: Number(t.n),
    }));
  } else {
    sections = list.map((q) => ({
      kind: 'question' as const,
      id: q.id,
      number: q.number,
      code: null,
      text: q.text,
      contributions: q.contributions,
    }));
  }

  const annexes = await loadAnnexes(db, selected, numbers, appOrigin, space.slug);

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
        affiliationVerifiedAt: users.affiliationVerifiedAt,
        affiliationVerifiedByName: users.affiliationVerifiedByName,
        affiliationVerifiedVia: users.affiliationVerifiedVia,
        focalPointAt: users.focalPointAt,
      })
      .from(users)
      .where(inArray(users.id, [...new Set(rows.map((r) => r.authorId))]));
    const tagRows = await db
      .select({ commentId: commentTags.commentId, tagId: tags.id, code: tags.code, label: tags.labelEn })
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
    // The translations asked for: only of published text as it is now (never an outdated one).
    const translationRows = options.translation ? await shownTranslations(db, ids, options.translation) : [];
    const translations = new Map<string, ExportTranslation>(
      translationRows.map((t) => [
        t.commentId,
        {
          language: t.language,
          sourceLanguage: t.sourceLanguage,
          bodyMd: t.bodyMd,
          text: options.withText === false ? '' : markdownToPlainText(t.bodyMd),
          translator: t.translator,
          translatedAt: t.translatedAt.toISOString(),
        },
      ]),
    );
    const authors = new Map(authorRows.map((a) => [a.id, a]));
    return {
      translations,
      authors,
      tagsBy: groupBy(tagRows, (t) => t.commentId),
      filesBy: groupBy(fileRows, (f) => f.commentId),
    };
  }

  type Hydrated = Awaited<ReturnType<typeof hydrate>>;
  const build = (
    r: Row,
    inExport: boolean,
    h: Hydrated,
    childrenOf: Map<string, Row[]>,
    section?: CuratedSection,
  ): ExportContribution => {
    const a = h.authors.get(r.authorId);
    if (!a) throw new Error(`author ${r.authorId} missing`);
    const parentNumber = r.parentId ? numbers.get(r.parentId) : undefined;
    const tagList = h.tagsBy.get(r.id) ?? [];
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
        ...exportMarks(a),
      },
      language: r.language,
      createdAt: r.createdAt.toISOString(),
      publishedAt: (r.decidedAt ?? r.createdAt).toISOString(),
      editedAt: r.editedAt?.toISOString() ?? null,
      status: 'approved',
      highlighted: r.highlighted,
      permalink: permalink(appOrigin, space.slug, r.id),
      tags: tagList.map((t) => ({ code: t.code, label: t.label })),
      ...(section
        ? { alsoUnder: section.id ? tagList.filter((t) => t.tagId !== section.id).map((t) => t.code) : [] }
        : {}),
      attachments: (h.filesBy.get(r.id) ?? []).map((f) => ({
        id: f.id,
        filename: f.filename,
        contentType: f.contentType,
        size: f.size,
        url: attachmentLink(appOrigin, f.id),
      })),
      bodyMd: r.bodyMd,
      text: options.withText === false ? '' : markdownToPlainText(r.bodyMd),
      ...(options.translation ? { translation: h.translations.get(r.id) ?? null } : {}),
      replies: (childrenOf.get(r.id) ?? []).map((child) => build(child, true, h, childrenOf)),
    };
  };

  /**
   * Under an objective: every exported contribution carrying its tag (or, for "No objective",
   * none), replies included, each on its own in the order of their stable numbers (a reply
   * says what it answers). The ids are read first, then a page of rows at a time.
   */
  async function* objectiveEntries(section: CuratedSection): AsyncGenerator<ExportContribution[]> {
    const tagged =
      section.id === null
        ? sql`not exists (select 1 from comment_tags ct where ct.comment_id = ${comments.id})`
        : sql`exists (select 1 from comment_tags ct where ct.comment_id = ${comments.id} and ct.tag_id = ${section.id}::uuid)`;
    const idRows = await db
      .select({ id: comments.id })
      .from(comments)
      .where(and(selected('comments'), tagged));
    const ids = idRows.map((r) => r.id).sort((a, b) => compareNumbers(numbers.get(a) ?? '', numbers.get(b) ?? ''));
    for (let i = 0; i < ids.length; i += pageSize) {
      const pageIds = ids.slice(i, i + pageSize);
      const rows = await selectRows(db, and(selected('comments'), inArray(comments.id, pageIds)));
      const byId = new Map(rows.map((r) => [r.id, r]));
      const h = await hydrate(rows);
      const none = new Map<string, Row[]>();
      yield pageIds
        .map((id) => byId.get(id))
        .filter((r): r is Row => r !== undefined)
        .map((r) => build(r, false, h, none, section));
    }
  }

  async function* threads(section: CuratedSection): AsyncGenerator<ExportContribution[]> {
    if (section.kind === 'objective') {
      yield* objectiveEntries(section);
      return;
    }
    const inQuestion: SQL =
      section.id === null ? sql`${comments.questionId} is null` : eq(comments.questionId, section.id);
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
      const h = await hydrate([...roots, ...replies]);
      const childrenOf = groupBy(replies, (r) => r.parentId ?? '');
      yield roots.map((r) => build(r, false, h, childrenOf));
      const last: Row | undefined = roots.at(-1);
      if (!last || roots.length < pageSize) return;
      after = { at: last.createdAt, id: last.id };
    }
  }

  return {
    generatedAt: options.now ?? new Date(),
    filters: {
      scope: filter.scope,
      questionId: filter.questionId ?? null,
      language: filter.language ?? null,
      group: grouping,
      tag: options.tagCode ?? null,
      translation: options.translation ?? null,
    },
    space: {
      id: space.id,
      slug: space.slug,
      code: space.code,
      title: spaceText(space, 'title', asked).text,
      summary: spaceText(space, 'summary', asked).text,
      status: space.status,
      opensAt: space.opensAt?.toISOString() ?? null,
      closesAt: space.closesAt?.toISOString() ?? null,
      url: `${appOrigin}/spaces/${encodeURIComponent(space.slug)}`,
      parent: parent ? { code: parent.code, title: spaceText(parent, 'title', asked).text } : null,
      moderators: staff.moderators,
      chairs: staff.chairs,
    },
    participation: { ...participation, summary },
    questions: list,
    grouping,
    sections,
    questionOf,
    annexes,
    threads,
  };
}
