import {
  NOTE_CITATION,
  NOTE_GAP_THRESHOLD,
  NOTE_UNDER_HEARD_RATIO,
  type NoteCitation,
  type NoteContribution,
  type NoteDto,
  type NoteGaps,
  type NoteListResponse,
  STAKEHOLDER_CATEGORIES,
  type StakeholderCategory,
  UN_REGIONAL_GROUPS,
} from '@convene/shared';
import { and, asc, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import {
  type Note,
  type NoteSnapshot,
  type NoteVersion,
  type Space,
  comments,
  noteSectionItems,
  noteSections,
  noteVersions,
  notes,
  users,
} from '../db/schema/index.js';
import { notFound } from '../errors.js';
import { permalink } from '../exports/curated.js';
import { countWords, excerpt } from '../exports/markdown.js';
import { type SpaceScope, type Viewer, can } from '../policies/index.js';
import { isPublished } from '../policies/visibility.js';
import { MEMBER_STATES_BY_GROUP, regionalGroupOf } from '../exports/unRegionalGroups.js';
import { contributionCondition, loadParticipation } from './participation.js';
import { loadSpaceById } from './spaces.js';

export interface LoadedNote {
  note: Note;
  space: Space;
  scope: SpaceScope;
}

/**
 * Loads a note the viewer may read (staff of its space); 404 for anyone else, a guest included.
 * Pass `forUpdate` inside a transaction to lock the note while saving.
 */
export async function loadNote(
  db: DbOrTx,
  id: string,
  viewer: Viewer,
  options: { forUpdate?: boolean } = {},
): Promise<LoadedNote> {
  const base = db.select().from(notes).where(eq(notes.id, id)).limit(1);
  const [note] = options.forUpdate ? await base.for('update') : await base;
  if (!note) throw notFound('Note');
  const { space, scope } = await loadSpaceById(db, note.spaceId, viewer);
  // Whoever may not read the note (its space's staff may) must not learn that it exists: 404.
  if (!can(viewer, 'note.read', scope)) throw notFound('Note');
  return { note, space, scope };
}

/** The comment ids a markdown text cites, in order of appearance (repeats kept). */
export const citedIds = (md: string): string[] =>
  [...md.matchAll(NOTE_CITATION)].map((m) => (m[1] ?? '').toLowerCase());

const selectSources = (db: DbOrTx, spaceId: string, ids: string[]) =>
  db
    .select({
      id: comments.id,
      questionId: comments.questionId,
      status: comments.status,
      highlighted: comments.highlighted,
      createdAt: comments.createdAt,
      // Enough source for an excerpt without reading a whole long contribution.
      bodyStart: sql<string>`left(${comments.bodyMd}, 2000)`,
      displayName: users.displayName,
      affiliation: users.affiliation,
      stakeholderCategory: users.stakeholderCategory,
      country: users.country,
    })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .where(and(eq(comments.spaceId, spaceId), inArray(comments.id, ids)));

export type NoteSource = Awaited<ReturnType<typeof selectSources>>[number];

/** Comments of one space by id, with their authors: what a note places and cites. */
export async function loadNoteSources(db: DbOrTx, spaceId: string, ids: string[]) {
  if (ids.length === 0) return new Map<string, NoteSource>();
  const rows = await selectSources(db, spaceId, [...new Set(ids)]);
  return new Map(rows.map((r) => [r.id, r]));
}

export async function actors(db: DbOrTx, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((x): x is string => x !== null))];
  if (wanted.length === 0) return new Map<string, { id: string; displayName: string }>();
  const rows = await db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r]));
}

export interface NoteSectionRow {
  id: string;
  position: number;
  title: string;
  bodyMd: string;
  commentIds: string[];
}

/** A note's sections with their placed comment ids, in order. */
export async function loadSections(db: DbOrTx, noteId: string): Promise<NoteSectionRow[]> {
  const sections = await db
    .select()
    .from(noteSections)
    .where(eq(noteSections.noteId, noteId))
    .orderBy(asc(noteSections.position));
  const items = sections.length
    ? await db
        .select()
        .from(noteSectionItems)
        .where(
          inArray(
            noteSectionItems.sectionId,
            sections.map((s) => s.id),
          ),
        )
        .orderBy(asc(noteSectionItems.position))
    : [];
  return sections.map((s) => ({
    id: s.id,
    position: s.position,
    title: s.title,
    bodyMd: s.bodyMd,
    commentIds: items.filter((i) => i.sectionId === s.id).map((i) => i.commentId),
  }));
}

/**
 * A note as the API returns it: sections with their placed contributions (only published
 * text is excerpted), word counts against the target, and the citations numbered in order of
 * first appearance. A fixed number of queries.
 */
export async function presentNote(
  db: DbOrTx,
  loaded: LoadedNote,
  viewer: Viewer,
  appOrigin: string,
  /** Sections to present instead of the saved ones (a preview of unsaved text). */
  draft?: NoteSectionRow[],
): Promise<NoteDto> {
  const { note, space, scope } = loaded;
  const sections = draft ?? (await loadSections(db, note.id));
  const cited = sections.flatMap((s) => citedIds(s.bodyMd).map((id) => ({ id, sectionId: s.id })));
  const sources = await loadNoteSources(db, space.id, [
    ...sections.flatMap((s) => s.commentIds),
    ...cited.map((c) => c.id),
  ]);
  const people = await actors(db, [note.createdBy, note.updatedBy]);
  const link = (id: string) => permalink(appOrigin, space.slug, id);

  const contribution = (id: string): NoteContribution | null => {
    const s = sources.get(id);
    if (!s) return null;
    const published = isPublished(s);
    return {
      id: s.id,
      questionId: s.questionId,
      author: {
        displayName: s.displayName,
        affiliation: s.affiliation,
        stakeholderCategory: s.stakeholderCategory,
        country: s.country,
      },
      createdAt: s.createdAt.toISOString(),
      permalink: link(s.id),
      excerpt: published ? excerpt(s.bodyStart, 240) : null,
      published,
      highlighted: s.highlighted,
    };
  };

  const citations: NoteCitation[] = [];
  for (const { id, sectionId } of cited) {
    const existing = citations.find((c) => c.commentId === id);
    if (existing) {
      if (!existing.sectionIds.includes(sectionId)) existing.sectionIds.push(sectionId);
      continue;
    }
    const s = sources.get(id);
    const published = s !== undefined && isPublished(s);
    citations.push({
      number: citations.length + 1,
      commentId: id,
      published,
      author: published && s ? s.displayName : null,
      affiliation: published && s ? s.affiliation : null,
      date: published && s ? s.createdAt.toISOString() : null,
      permalink: link(id),
      sectionIds: [sectionId],
    });
  }

  const presented = sections.map((s) => ({
    ...s,
    contributions: s.commentIds.map(contribution).filter((c): c is NoteContribution => c !== null),
    words: countWords(s.bodyMd),
  }));
  return {
    id: note.id,
    space: { id: space.id, slug: space.slug, code: space.code, title: space.title },
    title: note.title,
    targetWords: note.targetWords,
    version: note.version,
    words: { total: presented.reduce((n, s) => n + s.words, 0), target: note.targetWords },
    sections: presented,
    citations,
    createdAt: note.createdAt.toISOString(),
    updatedAt: note.updatedAt.toISOString(),
    createdBy: note.createdBy ? (people.get(note.createdBy) ?? null) : null,
    updatedBy: note.updatedBy ? (people.get(note.updatedBy) ?? null) : null,
    abilities: { edit: can(viewer, 'note.edit', scope) },
  };
}

/** The notes of a space, most recently saved first, with their word counts. */
export async function listNotes(
  db: DbOrTx,
  space: Space,
  viewer: Viewer,
  scope: SpaceScope,
): Promise<NoteListResponse> {
  const rows = await db.select().from(notes).where(eq(notes.spaceId, space.id)).orderBy(desc(notes.updatedAt));
  const bodies = rows.length
    ? await db
        .select({ noteId: noteSections.noteId, bodyMd: noteSections.bodyMd })
        .from(noteSections)
        .where(
          inArray(
            noteSections.noteId,
            rows.map((r) => r.id),
          ),
        )
    : [];
  const people = await actors(
    db,
    rows.map((r) => r.updatedBy),
  );
  return {
    notes: rows.map((n) => ({
      id: n.id,
      title: n.title,
      targetWords: n.targetWords,
      version: n.version,
      words: bodies.filter((b) => b.noteId === n.id).reduce((sum, b) => sum + countWords(b.bodyMd), 0),
      createdAt: n.createdAt.toISOString(),
      updatedAt: n.updatedAt.toISOString(),
      updatedBy: n.updatedBy ? (people.get(n.updatedBy) ?? null) : null,
    })),
    abilities: { create: can(viewer, 'note.edit', scope) },
  };
}

const snapshotWords = (s: NoteSnapshot) => s.sections.reduce((n, x) => n + countWords(x.bodyMd), 0);

/** A version as the API lists it. */
export const versionSummary = (v: NoteVersion, people: Map<string, { id: string; displayName: string }>) => ({
  version: v.version,
  name: v.name,
  createdAt: v.createdAt.toISOString(),
  updatedAt: v.updatedAt.toISOString(),
  createdBy: v.createdBy ? (people.get(v.createdBy) ?? null) : null,
  title: v.snapshot.title,
  words: snapshotWords(v.snapshot),
  restoredFrom: v.snapshot.restoredFrom ?? null,
});

/** A page of a note's saved versions, newest first. */
export async function listNoteVersions(
  db: DbOrTx,
  noteId: string,
  query: { before?: number | undefined; limit: number },
) {
  const rows = await db
    .select()
    .from(noteVersions)
    .where(and(eq(noteVersions.noteId, noteId), query.before ? lt(noteVersions.version, query.before) : undefined))
    .orderBy(desc(noteVersions.version))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const people = await actors(
    db,
    page.map((r) => r.createdBy),
  );
  const last = page.at(-1);
  return {
    versions: page.map((v) => versionSummary(v, people)),
    nextBefore: rows.length > query.limit && last ? last.version : null,
  };
}

/** One saved version with its full snapshot. */
export async function loadNoteVersion(db: DbOrTx, noteId: string, version: number) {
  const [row] = await db
    .select()
    .from(noteVersions)
    .where(and(eq(noteVersions.noteId, noteId), eq(noteVersions.version, version)))
    .limit(1);
  if (!row) throw notFound('Version');
  const people = await actors(db, [row.createdBy]);
  return {
    row,
    version: { ...versionSummary(row, people), snapshot: row.snapshot },
  };
}

/** The most unhighlighted contributions of under-heard groups listed at once. */
const UNHEARD_LIMIT = 200;

/**
 * "Who has not been heard", judged relative to participation: a stakeholder category or UN
 * regional group is under-heard when its share of the highlighted contributions is well below
 * (NOTE_UNDER_HEARD_RATIO of) its share of the published ones, absent when nothing of it is
 * published. A category with 1 contribution of which 1 is highlighted is heard. Also: which
 * Member States took part (a government representative published something) and which did not,
 * by regional group; the guiding questions with at most NOTE_GAP_THRESHOLD highlighted
 * contributions; and the unhighlighted published contributions of the under-heard groups.
 * Published contributions only (the visibility module's condition).
 */
export async function loadNoteGaps(db: DbOrTx, space: Space): Promise<NoteGaps> {
  const published = await loadParticipation(db, space, { scope: 'published' });
  const highlighted = await loadParticipation(db, space, { scope: 'highlighted' });
  const few = (n: number) => n <= NOTE_GAP_THRESHOLD;
  const questionCount = (p: typeof published, id: string | null) =>
    p.byQuestion.find((r) => r.questionId === id)?.contributions ?? 0;

  const condition = contributionCondition(space.id, { scope: 'published' }, 'c');
  const groups = await db.execute<{
    category: StakeholderCategory;
    country: string | null;
    published: string;
    highlighted: string;
  }>(sql`
    select u.stakeholder_category as category, u.country, count(*) as published,
           count(*) filter (where c.highlighted) as highlighted
    from comments c join users u on u.id = c.author_id
    where ${condition}
    group by u.stakeholder_category, u.country`);
  const rows = groups.rows.map((r) => ({
    category: r.category,
    country: r.country,
    group: regionalGroupOf(r.country),
    published: Number(r.published),
    highlighted: Number(r.highlighted),
  }));
  const totalPublished = rows.reduce((n, r) => n + r.published, 0);
  const totalHighlighted = rows.reduce((n, r) => n + r.highlighted, 0);
  const judge = (subset: typeof rows) => {
    const p = subset.reduce((n, r) => n + r.published, 0);
    const h = subset.reduce((n, r) => n + r.highlighted, 0);
    const shareOfPublished = totalPublished ? p / totalPublished : 0;
    const shareOfHighlighted = totalHighlighted ? h / totalHighlighted : 0;
    const hearing: 'absent' | 'under_heard' | 'heard' =
      p === 0 ? 'absent' : shareOfHighlighted < NOTE_UNDER_HEARD_RATIO * shareOfPublished ? 'under_heard' : 'heard';
    return { highlighted: h, published: p, shareOfPublished, shareOfHighlighted, hearing };
  };

  const allCategories = STAKEHOLDER_CATEGORIES.map((category) => ({
    category,
    ...judge(rows.filter((r) => r.category === category)),
  }));
  const governments = rows.filter((r) => r.category === 'member_state' && r.group !== null);
  const memberStates = [...new Set(governments.map((r) => (r.country ?? '').toUpperCase()))].sort().map((country) => {
    const of = governments.filter((r) => (r.country ?? '').toUpperCase() === country);
    return {
      country,
      group: regionalGroupOf(country) ?? 'african',
      published: of.reduce((n, r) => n + r.published, 0),
      highlighted: of.reduce((n, r) => n + r.highlighted, 0),
    };
  });
  const took = new Set(memberStates.map((m) => m.country));
  const regions = UN_REGIONAL_GROUPS.map((group) => ({
    group,
    ...judge(rows.filter((r) => r.group === group)),
    memberStates: MEMBER_STATES_BY_GROUP[group].length,
    tookPart: MEMBER_STATES_BY_GROUP[group].filter((c) => took.has(c)),
    notHeard: MEMBER_STATES_BY_GROUP[group].filter((c) => !took.has(c)),
  }));

  const underCategories = allCategories.filter((c) => c.hearing === 'under_heard').map((c) => c.category);
  const underGroups = new Set(regions.filter((r) => r.hearing === 'under_heard').map((r) => r.group));
  const underCountries = [...underGroups].flatMap((g) => MEMBER_STATES_BY_GROUP[g]);
  const inCategory = underCategories.length
    ? sql`u.stakeholder_category in (${sql.join(
        underCategories.map((c) => sql`${c}::stakeholder_category`),
        sql`, `,
      )})`
    : sql`false`;
  const inRegion = underCountries.length
    ? sql`upper(u.country) in (${sql.join(
        underCountries.map((c) => sql`${c}`),
        sql`, `,
      )})`
    : sql`false`;
  const picked = sql`${condition} and not c.highlighted and (${inCategory} or ${inRegion})`;
  const unheardRows = await db.execute<{
    id: string;
    question_id: string | null;
    created_at: Date | string;
    body_start: string;
    display_name: string;
    affiliation: string;
    category: StakeholderCategory;
    country: string | null;
    total: string;
  }>(sql`
    select c.id, c.question_id, c.created_at, left(c.body_md, 2000) as body_start, u.display_name,
           u.affiliation, u.stakeholder_category as category, u.country, count(*) over () as total
    from comments c join users u on u.id = c.author_id
    where ${picked}
    order by c.created_at, c.id
    limit ${UNHEARD_LIMIT}`);

  return {
    threshold: NOTE_GAP_THRESHOLD,
    ratio: NOTE_UNDER_HEARD_RATIO,
    categories: allCategories.filter((c) => c.hearing !== 'heard'),
    allCategories,
    questions: published.byQuestion
      .map((q) => ({
        questionId: q.questionId,
        position: q.position,
        text: q.text,
        highlighted: questionCount(highlighted, q.questionId),
        published: q.contributions,
      }))
      .filter((q) => few(q.highlighted)),
    regions,
    memberStates,
    unheard: unheardRows.rows.map((r) => {
      const group = regionalGroupOf(r.country);
      return {
        id: r.id,
        questionId: r.question_id,
        createdAt: new Date(r.created_at).toISOString(),
        author: {
          displayName: r.display_name,
          affiliation: r.affiliation,
          stakeholderCategory: r.category,
          country: r.country,
        },
        group,
        because: [
          ...(underCategories.includes(r.category) ? (['category'] as const) : []),
          ...(group && underGroups.has(group) ? (['region'] as const) : []),
        ],
        excerpt: excerpt(r.body_start, 240),
      };
    }),
    unheardTotal: Number(unheardRows.rows[0]?.total ?? 0),
  };
}
