import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp, type ConveneApp } from '../../server/src/app.js';
import { PublicCache } from '../../server/src/plugins/publicCache.js';
import { setupApp } from '../helpers/app.js';
import { insertComment, makeCast, makeSpace, uuid } from '../helpers/factories.js';

// A long TTL: every drop seen below is an invalidation, never an expiry.
const ctx = await setupApp({ publicCache: { enabled: true, maxBytes: 32 * 1024 * 1024, ttlMs: 3_600_000 } });
const a = ctx.app;
// A second instance on the same database, fed by its own live hub.
const b = await buildApp({ db: ctx.db.db, config: ctx.config, logger: false });
await b.ready();
afterAll(() => b.close());

const get = (app: ConveneApp, url: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url, headers });

async function until(cond: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Waits until instance `app` has read and handed on every event committed so far. */
async function eventsDelivered(app: ConveneApp): Promise<void> {
  const { rows } = await ctx.db.db.execute<{ id: string | null }>(sql`select max(id)::text as id from events`);
  const last = Number(rows[0]?.id ?? 0);
  await until(() => app.live.lastSeenId >= last, `event ${last} on the instance`);
}

/** Both instances have read every event so far: nothing in flight drops an entry behind a test's back. */
async function settled(): Promise<void> {
  await eventsDelivered(a);
  await eventsDelivered(b);
}

async function postAndApprove(
  space: { id: string; slug: string },
  cast: Awaited<ReturnType<typeof makeCast>>,
  body: string,
) {
  const created = await cast.author.client.post(`/api/spaces/${space.slug}/comments`, {
    body,
    language: 'en',
    clientId: uuid(),
  });
  expect(created.status).toBe(201);
  if (created.body.comment.status !== 'pending') return created.body.comment as { id: string; version: number };
  const approved = await cast.moderator.client.post(`/api/comments/${created.body.comment.id}/decision`, {
    action: 'approve',
    version: created.body.comment.version,
  });
  expect(approved.status).toBe(200);
  return approved.body.comment as { id: string; version: number };
}

describe('the anonymous read cache', () => {
  it('serves a repeated anonymous read from memory, with the same bytes, and counts it', async () => {
    const { space } = await makeSpace(ctx, { moderationMode: 'post' });
    for (const url of [`/api/spaces/${space.slug}`, `/api/spaces/${space.slug}/comments`]) {
      const first = await get(a, url);
      const second = await get(a, url);
      expect(first.statusCode).toBe(200);
      expect([first.headers['x-cache'], second.headers['x-cache']]).toEqual(['miss', 'hit']);
      expect(second.body).toBe(first.body);
      expect(second.headers['cache-control']).toBe('private, no-cache');
      expect(String(second.headers.vary)).toMatch(/Cookie/);
      expect(String(second.headers.vary)).toMatch(/Accept-Language/);
    }
    // Another language is another entry.
    expect((await get(a, `/api/spaces/${space.slug}`, { 'accept-language': 'fr' })).headers['x-cache']).toBe('miss');
    const metrics = await a.metrics.metrics();
    expect(metrics).toMatch(/convene_public_cache_lookups_total\{result="hit"\} [1-9]/);
    expect(metrics).toMatch(/convene_public_cache_entries [1-9]/);
  });

  it('a decision is seen by anonymous readers at once on the deciding instance, and on the other once its event arrives', async () => {
    const { space } = await makeSpace(ctx, { moderationMode: 'pre' });
    const cast = await makeCast(ctx, space.id);
    const url = `/api/spaces/${space.slug}/comments`;
    const text = `Pending words ${uuid()}`;
    const created = await cast.author.client.post(url, { body: text, language: 'en', clientId: uuid() });
    expect(created.status).toBe(201);
    const id = created.body.comment.id as string;
    await settled();

    // Both instances hold the page; the pending comment is in neither.
    for (const app of [a, b]) {
      await get(app, url);
      const warm = await get(app, url);
      expect(warm.headers['x-cache']).toBe('hit');
      expect(warm.body).not.toContain(text);
      expect(warm.body).not.toContain(id);
    }
    // The author sees their own pending comment; that answer never comes from (or goes into) the cache.
    const own = await cast.author.client.get(url);
    expect(own.headers['x-cache']).toBe('bypass');
    expect(own.raw).toContain(text);
    expect((await get(a, url)).body).not.toContain(text);

    const approved = await a.inject({
      method: 'POST',
      url: `/api/comments/${id}/decision`,
      headers: { origin: ctx.config.appOrigin, cookie: cast.moderator.client.cookieHeader },
      payload: { action: 'approve', version: created.body.comment.version },
    });
    expect(approved.statusCode).toBe(200);
    // Same instance, right after the response: no stale page.
    expect((await get(a, url)).body).toContain(text);
    await eventsDelivered(b);
    const onB = await get(b, url);
    expect(onB.headers['x-cache']).toBe('miss');
    expect(onB.body).toContain(text);
    expect((await get(b, url)).headers['x-cache']).toBe('hit');

    // Taken down (rejected after publication) through B this time.
    const takenDown = await b.inject({
      method: 'POST',
      url: `/api/comments/${id}/decision`,
      headers: { origin: ctx.config.appOrigin, cookie: cast.moderator.client.cookieHeader },
      payload: { action: 'reject', reason: 'Off topic', version: approved.json().comment.version },
    });
    expect(takenDown.statusCode).toBe(200);
    expect((await get(b, url)).body).not.toContain(text);
    await eventsDelivered(a);
    expect((await get(a, url)).body).not.toContain(text);
    expect((await get(a, `/api/spaces/${space.slug}`)).body).not.toContain(text);
  });

  it('a rejected comment never appears, before or after the decision', async () => {
    const { space } = await makeSpace(ctx, { moderationMode: 'pre' });
    const cast = await makeCast(ctx, space.id);
    const url = `/api/spaces/${space.slug}/comments`;
    const text = `Rejected words ${uuid()}`;
    const created = await cast.author.client.post(url, { body: text, language: 'en', clientId: uuid() });
    await get(a, url);
    const rejected = await cast.moderator.client.post(`/api/comments/${created.body.comment.id}/decision`, {
      action: 'reject',
      reason: 'Not relevant',
      version: created.body.comment.version,
    });
    expect(rejected.status).toBe(200);
    await eventsDelivered(b);
    for (const app of [a, b]) for (let i = 0; i < 2; i += 1) expect((await get(app, url)).body).not.toContain(text);
  });

  it("a deleted (anonymised) account's name leaves cached pages at once here, and on the other instance once told", async () => {
    const { space } = await makeSpace(ctx, { moderationMode: 'pre' });
    const cast = await makeCast(ctx, space.id);
    const url = `/api/spaces/${space.slug}/comments`;
    await postAndApprove(space, cast, 'Words that stay, their author goes.');
    await settled();
    const name = cast.author.user.displayName;
    for (const app of [a, b]) {
      await get(app, url);
      const warm = await get(app, url);
      expect(warm.headers['x-cache']).toBe('hit');
      expect(warm.body).toContain(name);
    }
    const deleted = await cast.author.client.post('/api/me/deletion', { password: 'correct horse battery staple' });
    expect(deleted.status).toBe(200);
    const here = await get(a, url);
    expect(here.body).not.toContain(name);
    expect(here.body).toContain('Former participant');
    // On B the sessions notice empties the cache (the TTL here is an hour).
    await until(async () => !(await get(b, url)).body.includes(name), 'the name to leave instance B');
    expect((await get(b, url)).body).toContain('Former participant');
  });

  it('never stores a read that began before an invalidation of its space', () => {
    const cache = new PublicCache({ enabled: true, maxBytes: 1_000_000, ttlMs: 60_000 });
    const before = cache.ticket();
    cache.dropSpace('s1');
    expect(cache.set('k', before, '{}', '"e"', 's1')).toBeNull();
    expect(cache.set('k2', before, '{}', '"e"', 's2')).not.toBeNull();
    const later = cache.ticket();
    cache.dropAll();
    expect(cache.set('k3', later, '{}', '"e"', 's2')).toBeNull();
    expect(cache.set('k3', cache.ticket(), '{}', '"e"', 's2')).not.toBeNull();
    // Bounded: the least recently used go first.
    const small = new PublicCache({ enabled: true, maxBytes: 4_000, ttlMs: 60_000 });
    for (let i = 0; i < 20; i += 1) small.set(`k${i}`, small.ticket(), 'x'.repeat(200), '"e"', 's');
    expect(small.storedBytes).toBeLessThanOrEqual(4_000);
    expect(small.size).toBeGreaterThan(5);
    expect(small.get('k0')).toBeUndefined();
    expect(small.get('k19')).toBeDefined();
  });
});

describe('compression and revalidation', async () => {
  const { space } = await makeSpace(ctx, { moderationMode: 'post' });
  const cast = await makeCast(ctx, space.id);
  for (let i = 0; i < 12; i += 1) {
    await insertComment(ctx, {
      spaceId: space.id,
      authorId: cast.participant.user.id,
      status: 'approved',
      body: `Comment ${i}: ${'a long enough sentence about diaspora bonds and remittances. '.repeat(4)}`,
    });
  }
  const url = `/api/spaces/${space.slug}/comments`;

  it('compresses with brotli or gzip when asked, for anonymous (cached) and signed-in answers, and not when not asked', async () => {
    const plain = await get(a, url);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(2_000);
    const signedIn = await cast.participant.client.get(url);
    for (const [encoding, inflate] of [
      ['br', brotliDecompressSync],
      ['gzip', gunzipSync],
    ] as const) {
      for (const cookie of [undefined, cast.participant.client.cookieHeader]) {
        const res = await a.inject({
          method: 'GET',
          url,
          headers: { 'accept-encoding': `${encoding}, identity`, ...(cookie ? { cookie } : {}) },
        });
        expect(res.headers['content-encoding']).toBe(encoding);
        expect(String(res.headers.vary).toLowerCase()).toContain('accept-encoding');
        // Anonymous: served from the entry's stored compressed bytes (a notice in flight may have emptied it: miss).
        expect(res.headers['x-cache']).toMatch(cookie ? /^bypass$/ : /^(hit|miss)$/);
        expect(res.rawPayload.length).toBeLessThan(plain.body.length / 2);
        expect(inflate(res.rawPayload).toString()).toBe(cookie ? signedIn.raw : plain.body);
      }
    }
    // Small answers are sent as they are.
    const small = await get(a, `/api/spaces/${space.slug}/comments?language=fr`, { 'accept-encoding': 'br' });
    expect(small.body).toBe('{"comments":[],"nextCursor":null}');
    expect(small.headers['content-encoding']).toBeUndefined();
  });

  it('answers If-None-Match with 304 for the same bytes, anonymous or signed in, and 200 once they change', async () => {
    const first = await get(a, url);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const again = await get(a, url, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(etag);
    expect(again.headers['cache-control']).toBe('private, no-cache');

    const mine = await cast.participant.client.get(url);
    const mineAgain = await cast.participant.client.get(url, { 'if-none-match': String(mine.headers.etag) });
    expect(mineAgain.status).toBe(304);
    // The signed-in answer differs from the anonymous one (abilities, own comments): its ETag too.
    expect(mine.headers.etag).not.toBe(etag);
    expect((await get(a, url, { 'if-none-match': String(mine.headers.etag) })).statusCode).toBe(200);

    // Published at once (post-moderation): the page changes once the event is read here.
    await postAndApprove(space, cast, 'A new comment changes the page.');
    await eventsDelivered(a);
    const changed = await get(a, url, { 'if-none-match': etag });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
  });

  it('with PUBLIC_CACHE=off nothing is cached, and ETags still work', async () => {
    const off = await buildApp({
      db: ctx.db.db,
      config: { ...ctx.config, publicCache: { ...ctx.config.publicCache, enabled: false } },
      logger: false,
    });
    await off.ready();
    try {
      const first = await get(off, url);
      const second = await get(off, url);
      expect(first.headers['x-cache']).toBeUndefined();
      expect(second.headers['x-cache']).toBeUndefined();
      expect(off.publicCache.size).toBe(0);
      expect((await get(off, url, { 'if-none-match': String(first.headers.etag) })).statusCode).toBe(304);
    } finally {
      await off.close();
    }
  });
});
