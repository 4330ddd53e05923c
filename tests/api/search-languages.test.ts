import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type TestClient, type TestContext, setupApp } from '../helpers/app.js';
import { type Cast, makeCast, makeSpace, uuid } from '../helpers/factories.js';

/**
 * Search in the six UN languages (issue 17): each comment's vector is built in its own language's
 * configuration (arabic, english, french, russian, spanish; 'simple' otherwise) and Han/kana text
 * also as two-character pieces; the query's words are taken in every configuration.
 */
let ctx: TestContext;
let cast: Cast;
let slug: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  ctx = await setupApp();
  const { space } = await makeSpace(ctx, {
    questionCount: 0,
    moderationMode: 'post',
    acceptedLanguages: ['en', 'fr', 'es', 'ar', 'zh', 'ru'],
  });
  slug = space.slug;
  cast = await makeCast(ctx, space.id);
  const post = async (key: string, language: string, body: string) => {
    const res = await cast.author.client.post(`/api/spaces/${slug}/comments`, { body, language, clientId: uuid() });
    expect(res.status).toBe(201);
    expect(res.body.comment.status).toBe('approved');
    ids[key] = res.body.comment.id;
  };
  await post('zh', 'zh', '我们需要更好的移民政策和数据。');
  await post('ru', 'ru', 'Миграция помогает развитию стран.');
  await post('ar', 'ar', 'تحويلات المهاجرين تساعد الأسر');
  await post('en', 'en', 'Remittances help families; 移民 is the Chinese word for migrants.');
  // Unpublished, written straight to the database: someone else's, in every language.
  for (const [status, body, language] of [
    ['pending', '移民政策草案，尚未批准。', 'zh'],
    ['rejected', 'Миграции и миграция: отклонено.', 'ru'],
    ['withdrawn', 'المهاجرين: سحب', 'ar'],
  ] as const) {
    await ctx.db.db.execute(sql`
      insert into comments (space_id, author_id, client_id, body_md, body_html, language, status)
      values (${space.id}, ${cast.participant.user.id}, gen_random_uuid(), ${body}, ${`<p>${body}</p>`},
              ${language}::comment_language, ${status}::comment_status)`);
  }
});

const search = async (client: TestClient, q: string): Promise<string[]> => {
  const res = await client.get(`/api/spaces/${slug}/comments?q=${encodeURIComponent(q)}`);
  expect(res.status).toBe(200);
  return (res.body.comments as { id: string }[]).map((c) => c.id);
};

describe('search in six languages', () => {
  it('finds Chinese by a two-character query, by a longer run, and by one character; not by characters out of order', async () => {
    expect(await search(cast.anonymous, '政策')).toEqual([ids.zh]);
    expect(await search(cast.anonymous, '移民政策')).toEqual([ids.zh]);
    expect(await search(cast.anonymous, '移民')).toEqual([ids.zh, ids.en]);
    expect(await search(cast.anonymous, '策')).toEqual([ids.zh]);
    expect(await search(cast.anonymous, '民移')).toEqual([]);
    expect(await search(cast.anonymous, '政策移民')).toEqual([]);
  });

  it('mixes scripts in one query: every part must match', async () => {
    expect(await search(cast.anonymous, '移民 remittances')).toEqual([ids.en]);
    expect(await search(cast.anonymous, '移民 nowhere')).toEqual([]);
  });

  it('finds a Russian comment by another inflected form (миграции → миграция)', async () => {
    expect(await search(cast.anonymous, 'миграции')).toEqual([ids.ru]);
    expect(await search(cast.anonymous, 'развития')).toEqual([ids.ru]);
  });

  it('finds an Arabic comment by the word without its article (مهاجرين → المهاجرين)', async () => {
    expect(await search(cast.anonymous, 'مهاجرين')).toEqual([ids.ar]);
  });

  it('never returns unpublished comments to others, in any language; their author finds their own pending and rejected ones', async () => {
    for (const client of [cast.anonymous, cast.moderator.client, cast.admin.client, cast.author.client]) {
      expect(await search(client, 'миграции')).toEqual([ids.ru]);
      expect(await search(client, 'المهاجرين')).toEqual([ids.ar]);
    }
    expect(await search(cast.anonymous, '草案')).toEqual([]);
    expect(await search(cast.moderator.client, '草案')).toEqual([]);
    // Their author (the participant) finds their own pending and rejected ones, not the withdrawn one.
    expect(await search(cast.participant.client, '草案')).toHaveLength(1);
    expect(await search(cast.participant.client, 'миграции')).toHaveLength(2);
    expect(await search(cast.participant.client, 'المهاجرين')).toEqual([ids.ar]);
  });

  it('answers a query of punctuation only with nothing, not an error', async () => {
    expect(await search(cast.anonymous, '。，')).toEqual([]);
    expect(await search(cast.anonymous, '"" -')).toEqual([]);
  });
});

describe('search over more rows than the first ones it tests in order', () => {
  it('gives the same pages, in order, for a common word (found early) and a rarer one (found late)', async () => {
    const { space } = await makeSpace(ctx, { questionCount: 0 });
    await ctx.db.db.execute(sql`
      insert into comments (space_id, author_id, client_id, body_md, body_html, language, status, created_at)
      select ${space.id}, ${cast.author.user.id}, gen_random_uuid(),
             'Remittances ' || case when g % 300 = 1 then 'corridor ' else '' end || g, '<p>x</p>', 'en',
             (case when g % 2 = 0 then 'pending' else 'approved' end)::comment_status, now() - interval '1 day' + g * interval '1 second'
      from generate_series(1, 1300) g`);
    const all = async (q: string) => {
      const out: string[] = [];
      let cursor: string | null = null;
      do {
        const res: { status: number; body: { comments: { id: string }[]; nextCursor: string | null } } =
          await cast.anonymous.get(
            `/api/spaces/${space.slug}/comments?limit=40&q=${q}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
          );
        expect(res.status).toBe(200);
        out.push(...res.body.comments.map((c) => c.id));
        cursor = res.body.nextCursor;
      } while (cursor);
      return out;
    };
    const expected = async (pattern: string) =>
      (
        await ctx.db.db.execute<{ id: string }>(
          sql`select id from comments where space_id = ${space.id} and status = 'approved' and body_md like ${pattern} order by created_at, id`,
        )
      ).rows.map((r) => r.id);
    // "Remittances" is in all 650 published ones (the page fills from the first rows tested in order);
    // "corridor" in comments 1, 301, 601, 901, 1201, all published (found through the index).
    expect(await all('remittances')).toEqual(await expected('Remittances%'));
    const rare = await all('corridor');
    expect(rare).toHaveLength(5);
    expect(rare).toEqual(await expected('%corridor%'));
  });
});

describe("the search vector's bounds on PostgreSQL's text parser", () => {
  it('keeps an address whole, and splits a run of several "@" after each one but the last (migration 0028)', async () => {
    const { space } = await makeSpace(ctx, { questionCount: 0, moderationMode: 'post' });
    const res = await cast.author.client.post(`/api/spaces/${space.slug}/comments`, {
      body: 'Write to jo.doe@example.org, or to the list at desk@un.org@relay.example.net.',
      language: 'en',
      clientId: uuid(),
    });
    expect(res.status).toBe(201);
    const id = res.body.comment.id as string;
    const find = async (q: string) =>
      (
        (await cast.anonymous.get(`/api/spaces/${space.slug}/comments?q=${encodeURIComponent(q)}`)).body.comments as {
          id: string;
        }[]
      ).map((c) => c.id);
    expect(await find('jo.doe@example.org')).toEqual([id]);
    // "desk@ un.org@relay.example.net": the run's last address is a token of its own.
    expect(await find('un.org@relay.example.net')).toEqual([id]);
    const [row] = (
      await ctx.db.db.execute<{ tokens: string }>(sql`select search::text as tokens from comments where id = ${id}`)
    ).rows;
    expect(row?.tokens).toContain("'jo.doe@example.org'");
    expect(row?.tokens).not.toMatch(/@[^\s']*@/);
  });
});
