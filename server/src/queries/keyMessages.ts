import type { CommentLanguage, KeyMessages, StakeholderCategory } from '@convene/shared';
import { asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { type Space, questions } from '../db/schema/index.js';
import { permalink } from '../exports/curated.js';
import { contributionCondition } from './participation.js';

interface SourceRow extends Record<string, unknown> {
  id: string;
  question_id: string | null;
  parent_id: string | null;
  display_name: string;
  affiliation: string;
  stakeholder_category: StakeholderCategory;
  country: string | null;
  language: CommentLanguage;
  created_at: Date | string;
  body_html: string;
  tags: { id: string; code: string; position: number; en: string; fr: string; es: string }[] | null;
}

/**
 * The key messages of a space for its note workspace: the highlighted contributions (published
 * ones only, through the same condition as the exports with `scope=highlighted`) grouped by
 * guiding question or by objective, each with its published text, so a chair writes each
 * section of the note with its sources in view.
 */
export async function loadKeyMessages(
  db: DbOrTx,
  space: Pick<Space, 'id' | 'slug'>,
  group: KeyMessages['group'],
  appOrigin: string,
): Promise<KeyMessages> {
  const result = await db.execute<SourceRow>(sql`
    select c.id, c.question_id, c.parent_id, u.display_name, u.affiliation, u.stakeholder_category, u.country,
           c.language, c.created_at, c.body_html,
           (select json_agg(json_build_object('id', t.id, 'code', t.code, 'position', t.position,
                                              'en', t.label_en, 'fr', t.label_fr, 'es', t.label_es)
                            order by t.position, t.code)
              from comment_tags ct join tags t on t.id = ct.tag_id where ct.comment_id = c.id) as tags
    from comments c
    join users u on u.id = c.author_id
    where ${contributionCondition(space.id, { scope: 'highlighted' }, 'c')}
    order by c.created_at, c.id`);
  const sources = result.rows.map((r) => ({
    row: r,
    source: {
      id: r.id,
      questionId: r.question_id,
      parentId: r.parent_id,
      author: {
        displayName: r.display_name,
        affiliation: r.affiliation,
        stakeholderCategory: r.stakeholder_category,
        country: r.country,
      },
      language: r.language,
      createdAt: new Date(r.created_at).toISOString(),
      bodyHtml: r.body_html,
      tags: (r.tags ?? []).map((t) => t.code),
      permalink: permalink(appOrigin, space.slug, r.id),
    },
  }));

  if (group === 'question') {
    const list = await db
      .select({ id: questions.id, position: questions.position, text: questions.text })
      .from(questions)
      .where(eq(questions.spaceId, space.id))
      .orderBy(asc(questions.position), asc(questions.createdAt));
    const groups: KeyMessages['groups'] = list.map((q, i) => ({
      id: q.id,
      number: i + 1,
      code: null,
      text: q.text,
      labels: null,
      contributions: sources.filter((s) => s.source.questionId === q.id).map((s) => s.source),
    }));
    const general = sources.filter((s) => s.source.questionId === null).map((s) => s.source);
    if (general.length > 0)
      groups.push({
        id: null,
        number: null,
        code: null,
        text: 'The space as a whole',
        labels: null,
        contributions: general,
      });
    return { group, groups };
  }

  // By objective: a contribution under each of its tags, in the Compact's order; untagged last.
  const byTag = new Map<string, KeyMessages['groups'][number] & { position: number }>();
  const untagged: KeyMessages['groups'][number]['contributions'] = [];
  for (const { row, source } of sources) {
    if (!row.tags?.length) untagged.push(source);
    for (const t of row.tags ?? []) {
      const entry = byTag.get(t.id) ?? {
        id: t.id,
        number: Number.parseInt(t.code, 10) || null,
        code: t.code,
        text: t.en,
        labels: { en: t.en, fr: t.fr, es: t.es },
        contributions: [],
        position: t.position,
      };
      entry.contributions.push(source);
      byTag.set(t.id, entry);
    }
  }
  const groups: KeyMessages['groups'] = [...byTag.values()]
    .sort((a, b) => a.position - b.position)
    .map(({ position: _position, ...g }) => g);
  if (untagged.length > 0)
    groups.push({ id: null, number: null, code: null, text: 'No objective', labels: null, contributions: untagged });
  return { group, groups };
}
