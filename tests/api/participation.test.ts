import { participationResponse } from '@convene/shared';
import { describe, expect, it } from 'vitest';
import { setupApp } from '../helpers/app.js';
import { type Person, insertComment, makeCast, makeSpace, makeUser } from '../helpers/factories.js';

const ctx = await setupApp();
const { space, questions } = await makeSpace(ctx);
const cast = await makeCast(ctx, space.id);
const [q1, q2, q3] = questions;
if (!q1 || !q2 || !q3) throw new Error('questions missing');

const rows = async <T = any>(text: string, params: unknown[] = []): Promise<T[]> =>
  (await ctx.db.pool.query(text, params)).rows as T[];

const [keA, keB, mx, ngoKe, ngoFr, un] = await Promise.all([
  makeUser(ctx, { stakeholderCategory: 'member_state', country: 'KE', affiliation: 'Government of Kenya' }),
  makeUser(ctx, { stakeholderCategory: 'member_state', country: 'KE', affiliation: 'government of kenya ' }),
  makeUser(ctx, { stakeholderCategory: 'member_state', country: 'MX', affiliation: 'Gobierno de México' }),
  makeUser(ctx, { stakeholderCategory: 'civil_society', country: 'KE', affiliation: 'Kituo' }),
  makeUser(ctx, { stakeholderCategory: 'civil_society', country: 'FR', affiliation: 'Forum Réfugiés' }),
  makeUser(ctx, { stakeholderCategory: 'un_system', country: null, affiliation: 'IOM' }),
]);

const day = (d: number) => new Date(Date.UTC(2026, 10, d, 10, 0, 0));

/** An approved comment published on a given day of November 2026. */
async function published(
  who: Person,
  values: {
    questionId?: string | null;
    language?: 'en' | 'fr' | 'es';
    on: number;
    highlighted?: boolean;
    parentId?: string;
  },
) {
  const row = await insertComment(ctx, {
    spaceId: space.id,
    authorId: who.user.id,
    status: 'approved',
    questionId: values.questionId ?? null,
    parentId: values.parentId ?? null,
    language: values.language ?? 'en',
    createdAt: day(values.on - 1),
  });
  await rows('update comments set decided_at = $2, highlighted = $3 where id = $1', [
    row.id,
    day(values.on).toISOString(),
    values.highlighted ?? false,
  ]);
  return row;
}

// Published: 7 comments from 6 people. Unpublished ones must never count.
const first = await published(keA, { questionId: q1.id, on: 1, highlighted: true });
await published(keB, { questionId: q1.id, on: 1, parentId: first.id, language: 'fr' });
await published(mx, { questionId: q1.id, on: 3, language: 'es', highlighted: true });
await published(ngoKe, { questionId: q2.id, on: 3 });
await published(ngoFr, { questionId: q2.id, on: 4, language: 'fr' });
await published(ngoFr, { questionId: null, on: 4, language: 'fr', highlighted: true });
await published(un, { questionId: q2.id, on: 4 });
for (const status of ['pending', 'rejected', 'withdrawn'] as const) {
  await insertComment(ctx, { spaceId: space.id, authorId: cast.author.user.id, status, questionId: q3.id });
}

const get = (who: Person | null, query = '') =>
  (who?.client ?? cast.anonymous).get(`/api/spaces/${space.slug}/participation${query}`);

describe('GET /api/spaces/:slug/participation', () => {
  it('counts published contributions by category, country, question, language and day', async () => {
    const res = await get(cast.chair);
    expect(res.status).toBe(200);
    const p = participationResponse.parse(res.body).participation;
    expect(p.scope).toBe('published');
    expect(p.space).toEqual({ slug: space.slug, code: space.code, title: space.title });
    // Two Kenyan delegates and a Mexican one are two Member States; the case and spaces of an
    // affiliation do not make a second organisation.
    expect(p.totals).toEqual({
      contributions: 7,
      contributors: 6,
      memberStates: 2,
      organisations: 5,
      countries: 3,
      highlighted: 3,
    });
    const cat = Object.fromEntries(p.byCategory.map((c) => [c.category, c]));
    expect(cat.member_state).toEqual({ category: 'member_state', contributions: 3, contributors: 3 });
    expect(cat.civil_society).toEqual({ category: 'civil_society', contributions: 3, contributors: 2 });
    expect(cat.un_system).toEqual({ category: 'un_system', contributions: 1, contributors: 1 });
    expect(cat.youth).toEqual({ category: 'youth', contributions: 0, contributors: 0 });
    expect(p.byCountry).toEqual([
      { country: 'KE', contributions: 3, contributors: 3 },
      { country: 'FR', contributions: 2, contributors: 1 },
      { country: 'MX', contributions: 1, contributors: 1 },
      { country: null, contributions: 1, contributors: 1 },
    ]);
    expect(p.byQuestion).toEqual([
      { questionId: q1.id, position: 1, text: q1.text, contributions: 3, contributors: 3 },
      { questionId: q2.id, position: 2, text: q2.text, contributions: 3, contributors: 3 },
      // Only unpublished comments answer question 3.
      { questionId: q3.id, position: 3, text: q3.text, contributions: 0, contributors: 0 },
      { questionId: null, position: null, text: 'The space as a whole', contributions: 1, contributors: 1 },
    ]);
    expect(p.byLanguage).toEqual([
      { language: 'en', contributions: 3, contributors: 3 },
      { language: 'fr', contributions: 3, contributors: 2 },
      { language: 'es', contributions: 1, contributors: 1 },
      { language: 'ar', contributions: 0, contributors: 0 },
      { language: 'zh', contributions: 0, contributors: 0 },
      { language: 'ru', contributions: 0, contributors: 0 },
      { language: 'other', contributions: 0, contributors: 0 },
    ]);
    // By publication day, with the empty day in between filled.
    expect(p.overTime).toEqual([
      { date: '2026-11-01', contributions: 2 },
      { date: '2026-11-02', contributions: 0 },
      { date: '2026-11-03', contributions: 2 },
      { date: '2026-11-04', contributions: 3 },
    ]);
  });

  it('counts only highlighted contributions with scope=highlighted', async () => {
    const res = await get(cast.moderator, '?scope=highlighted');
    expect(res.status).toBe(200);
    const p = res.body.participation;
    expect(p.scope).toBe('highlighted');
    expect(p.totals).toMatchObject({ contributions: 3, contributors: 3, memberStates: 2, highlighted: 3 });
    expect(p.byQuestion.map((q: { contributions: number }) => q.contributions)).toEqual([2, 0, 0, 1]);
  });

  it('is for staff of the space only', async () => {
    expect((await get(null)).status).toBe(401);
    expect((await get(cast.participant)).status).toBe(403);
    expect((await get(cast.otherModerator)).status).toBe(403);
    expect((await get(cast.moderator)).status).toBe(200);
    expect((await get(cast.admin)).status).toBe(200);
    expect((await get(cast.chair, '?scope=everything')).status).toBe(400);
    const { space: draft } = await makeSpace(ctx, { status: 'draft' });
    expect((await cast.participant.client.get(`/api/spaces/${draft.slug}/participation`)).status).toBe(404);
  });

  it('counts a new publication at once', async () => {
    const before = (await get(cast.chair)).body.participation.totals.contributions;
    await published(cast.participant, { questionId: q3.id, on: 5 });
    const after = (await get(cast.chair)).body.participation;
    expect(after.totals.contributions).toBe(before + 1);
    expect(after.byQuestion[2].contributions).toBe(1);
    expect(after.overTime.at(-1)).toEqual({ date: '2026-11-05', contributions: 1 });
  });
});
