import { brotliDecompressSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/src/app.js';
import { setupApp } from '../helpers/app.js';
import { countQueries } from '../helpers/db.js';
import { type Person, insertComment, makeCast, makeSpace, makeUser, uuid } from '../helpers/factories.js';

/**
 * A signed-in participant's page of comments is the cached guest page plus their overlay
 * (`server/src/queries/commentOverlay.ts`). Every page here is asked of two instances on one
 * database: one with the public cache on (the overlay), one with it off (always computed in
 * full, `listSpaceComments` for the viewer). The bytes must be the same for every viewer, page,
 * order and start, including right after the viewer's own changes and while the cached guest
 * page is stale.
 */

// A long TTL: nothing here expires by time.
const ctx = await setupApp({ publicCache: { enabled: true, maxBytes: 32 * 1024 * 1024, ttlMs: 3_600_000 } });
const on = ctx.app;
const off = await buildApp({
  db: ctx.db.db,
  config: { ...ctx.config, publicCache: { ...ctx.config.publicCache, enabled: false } },
  logger: false,
});
await off.ready();
afterAll(() => off.close());

const { space, questions } = await makeSpace(ctx, { moderationMode: 'pre', questionCount: 2 });
const cast = await makeCast(ctx, space.id);
const [writer1, writer2, reporter, parentAuthor, quiet] = await Promise.all([
  makeUser(ctx, { displayName: 'Wanjiru Writer' }),
  makeUser(ctx, { displayName: 'Walter Writer' }),
  makeUser(ctx, { displayName: 'Rosa Reporter' }),
  makeUser(ctx, { displayName: 'Pia Parent' }),
  makeUser(ctx, { displayName: 'Quinn Quiet' }),
]);
const base = `/api/spaces/${space.slug}/comments`;

// 24 published comments one second apart, the author's pending (3), rejected (13) and published
// (18) ones among them, and a published reply (8) to Pia's pending comment (7).
const t0 = Date.now() - 3_600_000;
const at = (i: number) => new Date(t0 + i * 1000);
const ids: string[] = [];
for (let i = 0; i < 24; i += 1) {
  const who = i === 3 || i === 13 || i === 18 ? cast.author : i === 7 ? parentAuthor : i % 2 ? writer1 : writer2;
  const status = i === 3 || i === 7 ? 'pending' : i === 13 ? 'rejected' : 'approved';
  const row = await insertComment(ctx, {
    spaceId: space.id,
    authorId: who.user.id,
    status,
    questionId: questions[i % 2]?.id ?? null,
    parentId: i === 8 ? (ids[7] ?? null) : null,
    createdAt: at(i),
    body: `Comment ${i} about remittance corridors and diaspora bonds, in some detail.`,
    ...(status === 'rejected' ? { reason: 'Off topic' } : {}),
  });
  ids.push(row.id);
}
// Rosa reported comment 20.
const reported = await reporter.client.post(`/api/comments/${ids[20]}/reports`, { category: 'spam' });
expect(reported.status).toBe(201);

const id = (i: number) => ids[i] ?? '';

/** Waits until the cached instance has read every event committed so far (none then drops an entry behind a test's back). */
async function settled(): Promise<void> {
  const { rows } = await ctx.db.db.execute<{ id: string | null }>(sql`select max(id)::text as id from events`);
  const last = Number(rows[0]?.id ?? 0);
  const deadline = Date.now() + 10_000;
  while (on.live.lastSeenId < last) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for event ${last}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

async function compare(person: Person | null, url: string, headers: Record<string, string> = {}) {
  const h = { ...headers, ...(person ? { cookie: person.client.cookieHeader } : {}) };
  const a = await on.inject({ method: 'GET', url, headers: h });
  const b = await off.inject({ method: 'GET', url, headers: h });
  expect(a.statusCode, `${url}: ${a.body.slice(0, 200)}`).toBe(200);
  expect(b.statusCode).toBe(200);
  expect(a.body, `${url} as ${person?.user.displayName ?? 'a guest'}`).toBe(b.body);
  return { xCache: String(a.headers['x-cache']), etag: String(a.headers.etag), body: a.json() };
}

/** Every page of a listing, following the cursors; the x-cache of each page. */
async function allPages(person: Person | null, query: string): Promise<string[]> {
  const seen: string[] = [];
  let url = `${base}?${query}`;
  for (let n = 0; n < 30; n += 1) {
    const r = await compare(person, url);
    seen.push(r.xCache);
    if (!r.body.nextCursor) return seen;
    url = `${base}?${query}&cursor=${encodeURIComponent(r.body.nextCursor)}`;
  }
  throw new Error('too many pages');
}

const listings = [
  'limit=5',
  'limit=5&order=newest',
  'limit=100',
  `limit=4&questionId=${questions[0]?.id}`,
  `limit=5&from=${id(10)}`,
  `limit=5&from=${id(10)}&order=newest`,
  `limit=5&from=${id(3)}`,
  `limit=5&from=${id(7)}`,
  `limit=5&from=${id(18)}`,
];

describe("a participant's page: the cached guest page plus their overlay", () => {
  it('is byte for byte the page computed in full, for every viewer, page, order and start', async () => {
    const viewers = {
      guest: null,
      participant: cast.participant,
      quiet,
      author: cast.author,
      reporter,
      parentAuthor,
      writer1,
      moderator: cast.moderator,
      chair: cast.chair,
      admin: cast.admin,
    };
    const caches: Record<string, string[]> = {};
    for (const [name, person] of Object.entries(viewers)) {
      caches[name] = [];
      for (const q of listings) caches[name].push(...(await allPages(person, q)));
    }
    // Nothing of their own anywhere: always the overlay.
    for (const name of ['participant', 'quiet']) expect(new Set(caches[name]), name).toEqual(new Set(['overlay']));
    // Their own comments, report or parent are on some pages (computed in full), not on others.
    for (const name of ['author', 'reporter', 'parentAuthor', 'writer1']) {
      expect(new Set(caches[name]), name).toEqual(new Set(['overlay', 'bypass']));
    }
    // The space's staff see every source: always in full.
    for (const name of ['moderator', 'chair', 'admin'])
      expect(new Set(caches[name]), name).toEqual(new Set(['bypass']));
    for (const x of caches.guest ?? []) expect(x).toMatch(/^(hit|miss)$/);
  });

  it("shows the guest's buttons rewritten for the viewer", async () => {
    const page = await compare(cast.participant, `${base}?limit=5`);
    expect(page.xCache).toBe('overlay');
    const guest = await compare(null, `${base}?limit=5`);
    for (const c of page.body.comments) {
      expect(c.abilities).toEqual({
        edit: false,
        withdraw: false,
        attach: false,
        report: true,
        decide: false,
        highlight: false,
        translate: false,
      });
    }
    for (const c of guest.body.comments) expect(c.abilities.report).toBe(false);
  });

  it('follows the viewer’s own changes at once, even while the cached guest page is stale', async () => {
    const last = `${base}?limit=5&order=newest`;
    const first = `${base}?limit=5`;
    expect((await compare(cast.participant, last)).xCache).toBe('overlay');
    expect((await compare(cast.participant, first)).xCache).toBe('overlay');

    // Posting empties no cache (its event is what brings a published comment in); the pending
    // comment is the newest: on the viewer's newest-first page, not on their oldest-first first page.
    const text = `A pending thought ${uuid()}`;
    const posted = await cast.participant.client.post(base, { body: text, language: 'en', clientId: uuid() });
    expect(posted.status).toBe(201);
    expect(posted.body.comment.status).toBe('pending');
    const mine = await compare(cast.participant, last);
    expect(mine.xCache).toBe('bypass');
    expect(JSON.stringify(mine.body)).toContain(text);
    expect((await compare(cast.participant, first)).xCache).toBe('overlay');
    expect(JSON.stringify((await compare(null, last)).body)).not.toContain(text);
    expect(JSON.stringify((await compare(quiet, last)).body)).not.toContain(text);

    // Approved: everyone sees it; it carries its author's buttons and source for them alone.
    const approved = await cast.moderator.client.post(`/api/comments/${posted.body.comment.id}/decision`, {
      action: 'approve',
      version: posted.body.comment.version,
    });
    expect(approved.status).toBe(200);
    await settled();
    const guestPage = await compare(null, last);
    expect(JSON.stringify(guestPage.body)).toContain(text);
    const own = await compare(cast.participant, last);
    expect(own.xCache).toBe('bypass');
    expect(own.body.comments[0].abilities.edit).toBe(true);
    expect(own.body.comments[0].bodyMd).toBe(text);
    const other = await compare(quiet, last);
    expect(other.xCache).toBe('overlay');
    expect(other.body.comments[0].bodyMd).toBeUndefined();
    expect(other.body.comments[0].abilities.report).toBe(true);

    // Withdrawn behind the cache's back (no event, as while one is still on its way): the cached
    // guest page still lists it, but the author's page, checked against the database, does not.
    await ctx.db.db.execute(sql`update comments set status = 'withdrawn' where id = ${posted.body.comment.id}::uuid`);
    expect(JSON.stringify((await on.inject({ method: 'GET', url: last })).json())).toContain(text);
    const withdrawn = await compare(cast.participant, last);
    expect(withdrawn.xCache).toBe('bypass');
    expect(JSON.stringify(withdrawn.body)).not.toContain(text);

    // A report made now turns that page to the full path at once.
    on.publicCache.dropAll();
    const target = (await compare(quiet, first)).body.comments[1].id as string;
    expect((await quiet.client.post(`/api/comments/${target}/reports`, { category: 'off_topic' })).status).toBe(201);
    const after = await compare(quiet, first);
    expect(after.xCache).toBe('bypass');
    expect(after.body.comments[1].reportedByMe).toBe(true);
    expect(after.body.comments[1].abilities.report).toBe(false);
  });

  it('shares one stored answer among participants: the same ETag, 304 on revalidation, stored brotli', async () => {
    const url = `${base}?limit=100`;
    // (The participant and Quinn now have work of their own on the page.)
    const [fresh, another] = await Promise.all([
      makeUser(ctx, { displayName: 'Noor New' }),
      makeUser(ctx, { displayName: 'Olu Other' }),
    ]);
    const one = await compare(another, url);
    const two = await compare(fresh, url);
    expect([one.xCache, two.xCache]).toEqual(['overlay', 'overlay']);
    expect(two.etag).toBe(one.etag);
    const revalidated = await on.inject({
      method: 'GET',
      url,
      headers: { cookie: fresh.client.cookieHeader, 'if-none-match': one.etag },
    });
    expect(revalidated.statusCode).toBe(304);
    const plain = await on.inject({ method: 'GET', url, headers: { cookie: fresh.client.cookieHeader } });
    const br = await on.inject({
      method: 'GET',
      url,
      headers: { cookie: fresh.client.cookieHeader, 'accept-encoding': 'br' },
    });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['x-cache']).toBe('overlay');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
    expect(await on.metrics.metrics()).toMatch(/convene_public_cache_overlay_total\{result="overlay"\} [1-9]/);
  });

  it('takes 3 queries a request once the guest page is cached, overlaid or in full', async () => {
    const url = `${base}?limit=10`;
    const reader = await makeUser(ctx, { displayName: 'Rea Reader' });
    const queries = countQueries(ctx.db.db);
    try {
      for (const [person, xCache] of [
        [reader, 'overlay'],
        [cast.author, 'bypass'],
      ] as const) {
        // Once to cache the guest page (and let the session's coarse "last used" write happen).
        await on.inject({ method: 'GET', url, headers: { cookie: person.client.cookieHeader } });
        queries.reset();
        const res = await on.inject({ method: 'GET', url, headers: { cookie: person.client.cookieHeader } });
        expect(res.headers['x-cache']).toBe(xCache);
        expect(queries.count).toBeGreaterThan(0);
        expect(queries.count).toBeLessThanOrEqual(3);
        // The participant's: each a prepared statement (PostgreSQL parses each once per connection).
        if (xCache === 'overlay') expect(queries.names.every((name) => name !== null)).toBe(true);
      }
      // A search's page is planned with its words each time: its statement is not a prepared one.
      queries.reset();
      await on.inject({ method: 'GET', url: `${base}?q=remittance&limit=5` });
      expect(queries.names.at(-1)).toBeNull();
    } finally {
      queries.restore();
    }
  });

  it('keeps pages of two spaces apart once PostgreSQL keeps one plan for their prepared statement', async () => {
    // The overlay's check is a prepared statement; after five runs PostgreSQL may plan it once for
    // any values. Here it opens (the author's own comments are on both spaces' pages), so the
    // page is read in full through it, and must stay byte for byte the page computed in full.
    const { space: other } = await makeSpace(ctx, { moderationMode: 'pre' });
    const theirs: string[] = [];
    for (const [who, status] of [
      [writer1, 'approved'],
      [cast.author, 'pending'],
      [writer2, 'approved'],
    ] as const) {
      theirs.push((await insertComment(ctx, { spaceId: other.id, authorId: who.user.id, status })).id);
    }
    const otherBase = `/api/spaces/${other.slug}/comments`;
    for (let round = 0; round < 12; round += 1) {
      await compare(cast.author, `${base}?limit=5`);
      const mine = await compare(cast.author, `${otherBase}?limit=5`);
      expect(mine.body.comments.map((c: { id: string }) => c.id).sort()).toEqual([...theirs].sort());
    }
  });

  it('is never used in a space guests may not read, nor for searches', async () => {
    const { space: draft } = await makeSpace(ctx, { status: 'draft' });
    expect((await cast.participant.client.get(`/api/spaces/${draft.slug}/comments`)).status).toBe(404);
    const search = await compare(cast.participant, `${base}?q=remittance&limit=5`);
    expect(search.xCache).toBe('bypass');
    expect(search.body.comments.length).toBe(5);
  });
});
