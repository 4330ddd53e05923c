import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { releaseHeldComments } from '../../server/src/commands/comments.js';
import { type TestContext, setupApp } from '../helpers/app.js';
import { counterDrift } from '../helpers/counters.js';
import { countQueries } from '../helpers/db.js';
import { type Cast, type Person, grantRole, makeCast, makeSpace, makeUser, uuid } from '../helpers/factories.js';

/**
 * Comment counts are counters that PostgreSQL triggers keep in each write's transaction
 * (comment_counters, migration 0023). Here every way a count could drift is done through the API
 * (or the command it calls), and after each the counters are compared with a recount made from
 * the visibility rules' own SQL (`commentSql`), and the counts the API shows with that recount.
 */
let ctx: TestContext;
let space: Awaited<ReturnType<typeof makeSpace>>;
let cast: Cast;

beforeAll(async () => {
  ctx = await setupApp();
  space = await makeSpace(ctx, { questionCount: 2 });
  cast = await makeCast(ctx, space.space.id);
});

const drift = () => counterDrift(ctx.db.db);

async function expectNoDrift() {
  const d = await drift();
  expect(d.counted).toEqual(d.recounted);
}

const post = async (who: Person, body: string, questionId: string | null = space.questions[0]?.id ?? null) => {
  const res = await who.client.post(`/api/spaces/${space.space.slug}/comments`, {
    body,
    language: 'en',
    questionId,
    clientId: uuid(),
  });
  expect(res.status).toBe(201);
  return res.body.comment as { id: string; version: number; status: string };
};

const decide = async (id: string, action: 'approve' | 'reject' | 'restore') => {
  const [row] = (await ctx.db.db.execute<{ version: number }>(sql`select version from comments where id = ${id}`)).rows;
  const res = await cast.moderator.client.post(`/api/comments/${id}/decision`, {
    action,
    version: row?.version,
    ...(action === 'reject' ? { reason: 'Off topic' } : {}),
  });
  expect(res.status).toBe(200);
};

/** The counts the API shows: the space page (a guest) and the moderation queue (a moderator). */
async function shown() {
  const page = await cast.anonymous.get(`/api/spaces/${space.space.slug}`);
  const queue = await cast.moderator.client.get(`/api/spaces/${space.space.slug}/moderation/queue`);
  expect(page.status).toBe(200);
  expect(queue.status).toBe(200);
  return {
    comments: page.body.space.counts.comments as number,
    questions: (page.body.space.questions as { counts: { comments: number } }[]).map((q) => q.counts.comments),
    queue: queue.body.counts as { pending: number; reported: number; rejected: number; approved: number },
  };
}

describe('comment counters', () => {
  it('follow posting, approval, rejection after approval, withdrawal and restore, matching a recount', async () => {
    const before = await shown();
    const a = await post(cast.author, 'First answer about remittances.');
    const b = await post(cast.author, 'Second answer about diaspora bonds.');
    const c = await post(cast.participant, 'Third answer, general.', null);
    await expectNoDrift();
    expect((await shown()).queue.pending).toBe(before.queue.pending + 3);

    await decide(a.id, 'approve');
    await decide(b.id, 'approve');
    await decide(c.id, 'approve');
    await expectNoDrift();
    let now = await shown();
    expect(now.comments).toBe(before.comments + 3);
    expect(now.questions[0]).toBe((before.questions[0] ?? 0) + 2);
    expect(now.queue).toMatchObject({ pending: before.queue.pending, approved: before.queue.approved + 3 });

    await decide(b.id, 'reject'); // reject after approve: taken down
    await expectNoDrift();
    now = await shown();
    expect(now.comments).toBe(before.comments + 2);
    expect(now.queue.rejected).toBe(before.queue.rejected + 1);

    await decide(b.id, 'restore');
    expect((await shown()).comments).toBe(before.comments + 3);

    const withdrawn = await cast.author.client.delete(`/api/comments/${a.id}`);
    expect(withdrawn.status).toBe(200);
    await expectNoDrift();
    now = await shown();
    expect(now.comments).toBe(before.comments + 2);
    expect(now.questions[0]).toBe((before.questions[0] ?? 0) + 1);
  });

  it('count an edit awaiting moderation and an open report in the queue, and drop them when decided', async () => {
    const before = await shown();
    const c = await post(cast.author, 'A text that will be edited.');
    await decide(c.id, 'approve');
    const [row] = (await ctx.db.db.execute<{ version: number }>(sql`select version from comments where id = ${c.id}`))
      .rows;
    const edit = await cast.author.client.patch(`/api/comments/${c.id}`, {
      body: 'A text that was edited.',
      version: row?.version,
    });
    expect(edit.status).toBe(200);
    await expectNoDrift();
    expect((await shown()).queue.pending).toBe(before.queue.pending + 1);

    const report = await cast.participant.client.post(`/api/comments/${c.id}/reports`, { category: 'spam' });
    expect([200, 201]).toContain(report.status);
    await expectNoDrift();
    expect((await shown()).queue.reported).toBe(before.queue.reported + 1);

    await decide(c.id, 'approve'); // approves the edit
    await expectNoDrift();
    expect((await shown()).queue.pending).toBe(before.queue.pending);
  });

  it('keep held comments of an unverified author out of the queue counts until verification releases them', async () => {
    const newcomer = await makeUser(ctx, {}, { verified: false });
    const before = await shown();
    const held = await post(newcomer, 'Posted before verifying my address.');
    expect(held.status).toBe('pending');
    await expectNoDrift();
    expect((await shown()).queue.pending).toBe(before.queue.pending);

    await ctx.db.db.transaction((tx) => releaseHeldComments(tx, newcomer.user.id));
    await expectNoDrift();
    expect((await shown()).queue.pending).toBe(before.queue.pending + 1);
  });

  it('follow a question deleted: its comments move to the space as a whole', async () => {
    const other = await makeSpace(ctx, { questionCount: 1 });
    await grantRole(ctx, other.space.id, cast.moderator.user.id, 'moderator');
    const q = other.questions[0]?.id ?? null;
    const res = await cast.author.client.post(`/api/spaces/${other.space.slug}/comments`, {
      body: 'On the question that goes away.',
      language: 'en',
      questionId: q,
      clientId: uuid(),
    });
    expect(res.status).toBe(201);
    await decide(res.body.comment.id, 'approve');
    await expectNoDrift();

    await ctx.db.db.execute(sql`delete from questions where id = ${q}`);
    await expectNoDrift();
    const page = await cast.anonymous.get(`/api/spaces/${other.space.slug}`);
    expect(page.body.space.counts.comments).toBe(1);
  });

  it('follow a comment deleted and a space deleted (rows without moderation events: the log is append-only)', async () => {
    const scratch = await makeSpace(ctx, { questionCount: 1 });
    const insert = (status: string, authorId: string) =>
      ctx.db.db.execute<{ id: string }>(sql`
        insert into comments (space_id, question_id, author_id, client_id, body_md, body_html, language, status)
        values (${scratch.space.id}, ${scratch.questions[0]?.id}, ${authorId}, gen_random_uuid(), 'x', '<p>x</p>', 'ru', ${status}::comment_status)
        returning id`);
    const approved = (await insert('approved', cast.author.user.id)).rows[0]?.id;
    const reported = (await insert('approved', cast.author.user.id)).rows[0]?.id;
    const held = (await insert('pending', cast.participant.user.id)).rows[0]?.id;
    await insert('rejected', cast.author.user.id);
    await ctx.db.db.execute(
      sql`insert into reports (comment_id, reporter_id, category) values (${reported}, ${cast.participant.user.id}, 'spam')`,
    );
    await ctx.db.db.execute(
      sql`insert into comment_holds (comment_id, user_id) values (${held}, ${cast.participant.user.id})`,
    );
    await expectNoDrift();
    expect((await cast.anonymous.get(`/api/spaces/${scratch.space.slug}`)).body.space.counts.comments).toBe(2);

    await ctx.db.db.execute(sql`delete from comments where id in (${approved}, ${reported}, ${held})`);
    // Deleted behind the app's back: no event tells the anonymous read cache (plugins/publicCache.ts).
    ctx.app.publicCache.dropAll();
    await expectNoDrift();
    expect((await cast.anonymous.get(`/api/spaces/${scratch.space.slug}`)).body.space.counts.comments).toBe(0);

    await ctx.db.db.execute(sql`delete from spaces where id = ${scratch.space.id}`);
    const left = await ctx.db.db.execute(sql`select 1 from comment_counters where space_id = ${scratch.space.id}`);
    expect(left.rows).toEqual([]);
    await expectNoDrift();
  });

  it('are what the migration backfills from existing comments', async () => {
    const snapshot = await drift();
    await ctx.db.db.execute(sql`delete from comment_counters`);
    const file = new URL('../../migrations/0023_comment_counters_triggers.sql', import.meta.url);
    const text = await import('node:fs/promises').then((fs) => fs.readFile(file, 'utf8'));
    const backfill = text.slice(text.indexOf('-- Backfill'));
    await ctx.db.db.execute(sql.raw(backfill));
    expect((await drift()).counted).toEqual(snapshot.recounted);
  });
});

describe('a signed-in page of 100', () => {
  it('takes at most 3 queries a request (session, space with roles, the page)', async () => {
    const big = await makeSpace(ctx, { questionCount: 1, moderationMode: 'post' });
    for (let i = 0; i < 100; i++) {
      await ctx.db.db.execute(sql`
        insert into comments (space_id, question_id, author_id, client_id, body_md, body_html, language, status)
        values (${big.space.id}, ${big.questions[0]?.id}, ${i % 2 === 0 ? cast.author.user.id : cast.participant.user.id},
                gen_random_uuid(), ${`Comment ${i}`}, ${`<p>Comment ${i}</p>`}, 'en', ${i % 10 ? 'approved' : 'pending'})`);
    }
    const queries = countQueries(ctx.db.db);
    try {
      // Once to let the session's "last used" write happen (it is coarse: one write every few minutes).
      await cast.author.client.get(`/api/spaces/${big.space.slug}/comments?limit=100`);
      queries.reset();
      const res = await cast.author.client.get(`/api/spaces/${big.space.slug}/comments?limit=100`);
      expect(res.status).toBe(200);
      expect(res.body.comments).toHaveLength(100);
      // The author's own pending ones are in their page, with their source; others' are not.
      expect(res.body.comments.filter((c: { status: string }) => c.status === 'pending').length).toBeGreaterThan(0);
      expect(queries.count).toBeGreaterThan(0);
      expect(queries.count).toBeLessThanOrEqual(3);
    } finally {
      queries.restore();
    }
  });

  it('sends the source only to who may see it', async () => {
    const res = await cast.author.client.get(`/api/spaces/${space.space.slug}/comments?limit=100`);
    for (const c of res.body.comments as { author: { id: string }; bodyMd?: string }[]) {
      expect(c.bodyMd !== undefined).toBe(c.author.id === cast.author.user.id);
    }
    const staff = await cast.moderator.client.get(`/api/spaces/${space.space.slug}/comments?limit=100`);
    expect(staff.body.comments.length).toBeGreaterThan(0);
    for (const c of staff.body.comments as { bodyMd?: string }[]) expect(typeof c.bodyMd).toBe('string');
    const guest = await cast.anonymous.get(`/api/spaces/${space.space.slug}/comments?limit=100`);
    for (const c of guest.body.comments as { bodyMd?: string }[]) expect(c.bodyMd).toBeUndefined();
  });
});
