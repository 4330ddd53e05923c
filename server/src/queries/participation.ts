import {
  COMMENT_LANGUAGES,
  type CommentLanguage,
  type Participation,
  STAKEHOLDER_CATEGORIES,
  type StakeholderCategory,
} from '@convene/shared';
import { type SQL, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { type Space, questions } from '../db/schema/index.js';
import { participationSentence } from '../exports/participationSentence.js';
import { commentSql } from '../policies/visibility.js';

export type ExportScope = 'published' | 'highlighted';

/** Which published contributions are counted (and exported): the scope plus optional filters. */
export interface ContributionFilter {
  scope: ExportScope;
  /** A question id, or "none" for contributions on the space as a whole. */
  questionId?: string | undefined;
  language?: CommentLanguage | undefined;
  /** A tag's id (one of the objectives), or "none" for contributions with no tag. */
  tagId?: string | undefined;
}

/**
 * The SQL condition on `comments c` for the published contributions a filter selects. Shared
 * with the export loader so the counts always describe exactly what is exported.
 */
export function contributionCondition(spaceId: string, f: ContributionFilter, alias = 'c'): SQL {
  const c = sql.raw(alias);
  const parts: SQL[] = [sql`${c}.space_id = ${spaceId}::uuid`, commentSql.published({ alias })];
  if (f.scope === 'highlighted') parts.push(sql`${c}.highlighted`);
  if (f.questionId === 'none') parts.push(sql`${c}.question_id is null`);
  else if (f.questionId) parts.push(sql`${c}.question_id = ${f.questionId}::uuid`);
  if (f.language) parts.push(sql`${c}.language = ${f.language}::comment_language`);
  if (f.tagId === 'none') parts.push(sql`not exists (select 1 from comment_tags ct where ct.comment_id = ${c}.id)`);
  else if (f.tagId)
    parts.push(
      sql`exists (select 1 from comment_tags ct where ct.comment_id = ${c}.id and ct.tag_id = ${f.tagId}::uuid)`,
    );
  return sql.join(parts, sql` and `);
}

interface GroupRow extends Record<string, unknown> {
  dim: 'total' | 'category' | 'country' | 'question' | 'language' | 'day';
  category: StakeholderCategory | null;
  country: string | null;
  question_id: string | null;
  language: CommentLanguage | null;
  day: string | null;
  contributions: string;
  contributors: string;
  member_states: string;
  organisations: string;
  countries: string;
  highlighted: string;
  verified_contributions: string;
  verified_contributors: string;
  verified_member_states: string;
  official_contributions: string;
  official_member_states: string;
}

/** A verified author (policies/affiliation.ts); a focal point speaks officially for their country. */
const VERIFIED = sql.raw('u.affiliation_verified_at is not null');
const OFFICIAL = sql.raw(
  'u.affiliation_verified_at is not null and u.focal_point_at is not null and u.country is not null',
);

const DAY_MS = 86_400_000;

/** An affiliation compared case- and space-insensitively ("Government of Kenya " = "government  of kenya"). */
const ORGANISATION = sql.raw(`regexp_replace(lower(btrim(u.affiliation)), '\\s+', ' ', 'g')`);

/** Every day from the first to the last, so a chart of contributions over time has no holes. */
function fillDays(counts: Map<string, number>): { date: string; contributions: number }[] {
  const days = [...counts.keys()].sort();
  const first = days[0];
  const last = days.at(-1);
  if (!first || !last) return [];
  const span = (Date.parse(last) - Date.parse(first)) / DAY_MS;
  // A consultation lasts weeks; a stray old date must not produce thousands of empty days.
  if (span > 366) return days.map((date) => ({ date, contributions: counts.get(date) ?? 0 }));
  const out: { date: string; contributions: number }[] = [];
  for (let t = Date.parse(first); t <= Date.parse(last); t += DAY_MS) {
    const date = new Date(t).toISOString().slice(0, 10);
    out.push({ date, contributions: counts.get(date) ?? 0 });
  }
  return out;
}

/** Per stakeholder category: its distinct organisations and countries (what the report's sentence needs). */
export type CategoryBreakdown = Record<StakeholderCategory, { organisations: number; countries: number }>;

/**
 * Who took part in a space, over published contributions only: one grouped scan (GROUPING
 * SETS) plus the list of questions, whatever the number of contributions.
 */
export async function loadParticipation(
  db: DbOrTx,
  space: Pick<Space, 'id' | 'slug' | 'code' | 'title'>,
  filter: ContributionFilter,
): Promise<Participation> {
  return (await loadParticipationFigures(db, space, filter)).participation;
}

/**
 * `loadParticipation` plus, per category, its distinct organisations and countries (from the
 * same scan): the figures of the participation sentence.
 */
export async function loadParticipationFigures(
  db: DbOrTx,
  space: Pick<Space, 'id' | 'slug' | 'code' | 'title'>,
  filter: ContributionFilter,
): Promise<{ participation: Participation; byCategory: CategoryBreakdown }> {
  const day = sql`to_char(coalesce(c.decided_at, c.created_at) at time zone 'UTC', 'YYYY-MM-DD')`;
  const result = await db.execute<GroupRow>(sql`
    select
      case
        when grouping(u.stakeholder_category) = 0 then 'category'
        when grouping(u.country) = 0 then 'country'
        when grouping(c.question_id) = 0 then 'question'
        when grouping(c.language) = 0 then 'language'
        when grouping(${day}) = 0 then 'day'
        else 'total'
      end as dim,
      u.stakeholder_category as category,
      u.country as country,
      c.question_id as question_id,
      c.language as language,
      ${day} as day,
      count(*) as contributions,
      count(distinct c.author_id) as contributors,
      count(distinct u.country) filter (where u.stakeholder_category = 'member_state') as member_states,
      count(distinct ${ORGANISATION}) filter (where btrim(u.affiliation) <> '') as organisations,
      count(distinct u.country) as countries,
      count(*) filter (where c.highlighted) as highlighted,
      count(*) filter (where ${VERIFIED}) as verified_contributions,
      count(distinct c.author_id) filter (where ${VERIFIED}) as verified_contributors,
      count(distinct u.country) filter (where ${VERIFIED} and (u.stakeholder_category = 'member_state' or u.focal_point_at is not null)) as verified_member_states,
      count(*) filter (where ${OFFICIAL}) as official_contributions,
      count(distinct u.country) filter (where ${OFFICIAL}) as official_member_states
    from comments c
    join users u on u.id = c.author_id
    where ${contributionCondition(space.id, filter)}
    group by grouping sets ((), (u.stakeholder_category), (u.country), (c.question_id), (c.language), (${day}))
  `);
  const questionRows = await db
    .select({ id: questions.id, position: questions.position, text: questions.text })
    .from(questions)
    .where(eq(questions.spaceId, space.id))
    .orderBy(asc(questions.position), asc(questions.createdAt));

  const rows = result.rows;
  const n = (v: string | undefined) => Number(v ?? 0);
  const tally = (r: GroupRow | undefined) => ({ contributions: n(r?.contributions), contributors: n(r?.contributors) });
  const verifiedTally = (r: GroupRow | undefined) => ({
    contributions: n(r?.verified_contributions),
    contributors: n(r?.verified_contributors),
  });
  const of = (dim: GroupRow['dim']) => rows.filter((r) => r.dim === dim);
  const total = of('total')[0];

  const byQuestionRow = new Map(of('question').map((r) => [r.question_id, r]));
  const shownQuestions =
    filter.questionId === undefined ? questionRows : questionRows.filter((q) => q.id === filter.questionId);
  const byQuestion: Participation['byQuestion'] = shownQuestions.map((q) => ({
    questionId: q.id,
    position: q.position,
    text: q.text,
    ...tally(byQuestionRow.get(q.id)),
  }));
  const general = byQuestionRow.get(null);
  if (general) byQuestion.push({ questionId: null, position: null, text: 'The space as a whole', ...tally(general) });

  const byCategoryRow = new Map(of('category').map((r) => [r.category, r]));
  const byLanguageRow = new Map(of('language').map((r) => [r.language, r]));

  const breakdown = Object.fromEntries(
    STAKEHOLDER_CATEGORIES.map((category) => {
      const r = byCategoryRow.get(category);
      return [category, { organisations: n(r?.organisations), countries: n(r?.countries) }];
    }),
  ) as CategoryBreakdown;

  const participation: Participation = {
    space: { slug: space.slug, code: space.code, title: space.title },
    scope: filter.scope,
    totals: {
      ...tally(total),
      memberStates: n(total?.member_states),
      organisations: n(total?.organisations),
      countries: n(total?.countries),
      highlighted: n(total?.highlighted),
    },
    // The same figures counted over verified authors only (policies/affiliation.ts).
    verified: {
      totals: {
        ...verifiedTally(total),
        memberStates: n(total?.verified_member_states),
        officialContributions: n(total?.official_contributions),
        officialMemberStates: n(total?.official_member_states),
      },
      byCategory: STAKEHOLDER_CATEGORIES.map((category) => ({
        category,
        ...verifiedTally(byCategoryRow.get(category)),
      })),
      byCountry: of('country')
        .filter((r) => n(r.verified_contributions) > 0)
        .map((r) => ({ country: r.country, ...verifiedTally(r) })),
    },
    // Every category and language, zeros included: a zero is what "who has not been heard" shows.
    byCategory: STAKEHOLDER_CATEGORIES.map((category) => ({ category, ...tally(byCategoryRow.get(category)) })),
    byCountry: of('country')
      .map((r) => ({ country: r.country, ...tally(r) }))
      .sort(
        (a, b) =>
          b.contributions - a.contributions ||
          (a.country === null ? 1 : 0) - (b.country === null ? 1 : 0) ||
          (a.country ?? '').localeCompare(b.country ?? ''),
      ),
    byQuestion,
    byLanguage: COMMENT_LANGUAGES.map((language) => ({ language, ...tally(byLanguageRow.get(language)) })),
    overTime: fillDays(new Map(of('day').map((r) => [r.day ?? '', n(r.contributions)]))),
  };
  return { participation, byCategory: breakdown };
}

/**
 * The participation paragraph of a set of figures, in `lang` (English, French or Spanish): what
 * the exports print at the top and the dashboard offers to copy, from the same counts.
 */
export function participationSummary(
  figures: { participation: Participation; byCategory: CategoryBreakdown },
  lang: string | null | undefined,
): string {
  const { participation } = figures;
  return participationSentence(
    {
      contributions: participation.totals.contributions,
      contributors: participation.totals.contributors,
      scope: participation.scope,
      categories: participation.byCategory.map((c) => ({
        category: c.category,
        contributors: c.contributors,
        ...figures.byCategory[c.category],
      })),
    },
    lang,
  );
}
