import type { ServerMessage } from '@convene/shared';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { EVENTS_CHANNEL, appendEvent } from '../../server/src/commands/events.js';
import { testConfig } from '../../server/src/config.js';
import { spaceRoles } from '../../server/src/db/schema/index.js';
import { pruneEvents } from '../../server/src/live/replay.js';
import { setupApp } from '../helpers/app.js';
import { grantRole, makeSpace, makeUser } from '../helpers/factories.js';
import { LiveClient, emit, startInstance } from '../helpers/live.js';

// Event order without a write lock (server/src/live/order.ts): (xid, id) below the snapshot's
// xmin. Exact replay across instances with concurrent writers, a transaction that began earlier
// and commits later, and a backlog too long to deliver skipped to `reset`.

const live = { ...testConfig().live, heartbeatMs: 1_000 };
const ctx = await setupApp({ live });
const a = await startInstance(ctx.db.db, ctx.config);
const b = await startInstance(ctx.db.db, ctx.config);
// Its own instance with a short backlog limit (the others must never skip in this file).
// (`maxBacklog` is a LiveOptions field with a default, not part of the env config.)
const shortLive = { ...live, maxBacklog: 20 };
const short = await startInstance(ctx.db.db, { ...ctx.config, live: shortLive });
const origin = ctx.config.appOrigin;
const clients: LiveClient[] = [];
afterAll(async () => {
  for (const c of clients) c.close();
  await a.app.close();
  await b.app.close();
  await short.app.close();
});

async function connect(url: string, cookie?: string) {
  const c = await LiveClient.connect(url, { origin, ...(cookie ? { cookie } : {}) });
  clients.push(c);
  return c;
}
type Ready = Extract<ServerMessage, { type: 'ready' }>;

const waitForIds = async (c: LiveClient, ids: number[]) => {
  for (const id of ids) await c.waitFor((m) => m.type === 'event' && m.id === id, 15_000, `event ${id}`);
};
const sorted = (ids: number[]) => [...ids].sort((x, y) => x - y);

/** One event in a transaction that first takes its transaction id (so ids and xids interleave). */
async function writeLate(spaceId: string, n: number): Promise<number> {
  return ctx.db.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_current_xact_id()`);
    await tx.execute(sql`select count(*) from events where space_id = ${spaceId}`);
    return appendEvent(tx, { kind: 'comment.published', spaceId, payload: { n } });
  });
}

describe('order without a lock', () => {
  it('concurrent writers in two spaces, a reconnect to another instance between: no gap, no duplicate', async () => {
    const { space: one } = await makeSpace(ctx);
    const { space: two } = await makeSpace(ctx);
    const first = await connect(a.url);
    const watcher = await connect(b.url); // follows throughout: the order every instance delivers in
    const readyFirst = new Map<string, number>();
    for (const s of [one, two]) {
      readyFirst.set(s.slug, (await first.subscribe(s.slug)).lastEventId);
      await watcher.subscribe(s.slug);
    }
    const written = new Map<string, number[]>([
      [one.id, []],
      [two.id, []],
    ]);
    let count = 0;
    const writer = (spaceId: string, lane: number) =>
      (async () => {
        for (let i = 0; i < 25; i++) {
          const id = await (i % 2 ? writeLate(spaceId, lane * 100 + i) : emit(ctx.db.db, spaceId, 'comment.published'));
          written.get(spaceId)?.push(id);
          count += 1;
        }
      })();
    const writers = [0, 1, 2, 3].flatMap((lane) => [writer(one.id, lane), writer(two.id, lane)]);

    // Drop the first connection part-way through and resume, on the other instance, from the
    // last event it received in each space.
    await first.waitFor(() => count >= 40 && first.events().length >= 20, 15_000, 'some events');
    first.close();
    await first.waitForClose();
    const second = await connect(b.url);
    const seenFirst = new Map<string, number[]>();
    for (const s of [one, two]) {
      const seen = first.events(s.slug).map((e) => e.id);
      seenFirst.set(s.slug, seen);
      await second.subscribe(s.slug, seen.at(-1) ?? readyFirst.get(s.slug));
    }
    await Promise.all(writers);

    for (const s of [one, two]) {
      const ids = written.get(s.id) ?? [];
      const before = new Set(seenFirst.get(s.slug));
      await waitForIds(
        second,
        ids.filter((id) => !before.has(id)),
      );
      await waitForIds(watcher, ids);
      const all = [...(seenFirst.get(s.slug) ?? []), ...second.events(s.slug).map((e) => e.id)];
      expect(all).toHaveLength(ids.length); // no duplicate
      expect(sorted(all)).toEqual(sorted(ids)); // no gap
      // The same order on both instances and across the reconnect.
      expect(all).toEqual(watcher.events(s.slug).map((e) => e.id));
    }
    expect(second.messages.some((m) => m.type === 'reset')).toBe(false);
  });

  it('delivers, in its place, an event whose transaction began earlier and committed later', async () => {
    const { space } = await makeSpace(ctx);
    const onA = await connect(a.url);
    const onB = await connect(b.url);
    await onA.subscribe(space.slug);
    await onB.subscribe(space.slug);

    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let inserted!: (id: number) => void;
    const insertedId = new Promise<number>((resolve) => (inserted = resolve));
    const early = ctx.db.db.transaction(async (tx) => {
      const id = await appendEvent(tx, { kind: 'comment.published', spaceId: space.id, payload: { early: true } });
      inserted(id);
      await gate;
      return id;
    });
    const earlyId = await insertedId;
    const lateId = await emit(ctx.db.db, space.id, 'comment.published', { late: true });
    expect(lateId).toBeGreaterThan(earlyId); // a later id, committed first
    // A reader that joins now, while the early transaction is still open, starts before both.
    const joined = await connect(a.url);
    const ready = await joined.subscribe(space.slug);
    release();
    await early;

    for (const c of [onA, onB, joined]) {
      await waitForIds(c, [earlyId, lateId]);
      expect(c.events(space.slug).map((e) => e.id)).toEqual([earlyId, lateId]);
    }
    // Resuming from the first of them gets the second, once.
    const resumed = await connect(b.url);
    await resumed.subscribe(space.slug, earlyId);
    expect(resumed.events(space.slug).map((e) => e.id)).toEqual([lateId]);
    expect(ready.lastEventId).toBeLessThan(earlyId);
  });

  it('delivers an event held back by an open transaction that writes no event, once it ends', async () => {
    const { space } = await makeSpace(ctx);
    const c = await connect(a.url);
    await c.subscribe(space.slug);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const hasXid = new Promise<void>((resolve) => (started = resolve));
    const holder = ctx.db.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_current_xact_id()`);
      started();
      await gate;
    });
    await hasXid;
    const id = await emit(ctx.db.db, space.id, 'comment.published', { held: true });
    // The instance has read it and holds it back (nothing is delivered while the holder is open).
    await vi.waitFor(() => expect(a.app.live.holdingBack).toBe(true), { timeout: 10_000 });
    expect(c.events(space.slug)).toEqual([]);
    release();
    await holder; // commits with no NOTIFY: only the listener's re-check can deliver the event
    await waitForIds(c, [id]);
    expect(c.events(space.slug).map((e) => e.id)).toEqual([id]);
  });

  it('answers reset for a cursor id that names no kept event, and replays from one that does', async () => {
    const { space } = await makeSpace(ctx);
    const x = await emit(ctx.db.db, space.id, 'comment.published');
    const y = await emit(ctx.db.db, space.id, 'comment.published');
    // An id that was never an event of this database (a rolled-back insert leaves such holes).
    const hole = await ctx.db.db
      .transaction(async (tx) => {
        const id = await appendEvent(tx, { kind: 'comment.published', spaceId: space.id, payload: {} });
        throw Object.assign(new Error('rollback'), { id });
      })
      .catch((err: { id: number }) => err.id);
    const c = await connect(b.url);
    c.send({ type: 'subscribe', space: space.slug, since: hole });
    expect(await c.waitFor((m) => m.type === 'reset')).toEqual({ type: 'reset', space: space.slug });
    const ready = await c.waitFor<Ready>((m) => m.type === 'ready');
    // Nothing is replayed after a reset. The horizon is the cluster's oldest running transaction,
    // and other test files write in other databases of the same cluster: an event still behind
    // one of their transactions when the reset was answered comes live, once, in order.
    const late = [x, y].filter((id) => id > ready.lastEventId);
    if (late.length > 0) await c.waitFor((m) => m.type === 'event' && m.id === y);
    expect(c.events(space.slug).map((e) => e.id)).toEqual(late);

    const d = await connect(a.url);
    await d.subscribe(space.slug, x);
    await d.waitFor((m) => m.type === 'event' && m.id === y);
    expect(d.events(space.slug).map((e) => e.id)).toEqual([y]);
  });
});

describe('pruning', () => {
  it('deletes events past the retention as a prefix of the order; a cursor among them resets, one after them replays', async () => {
    const { space } = await makeSpace(ctx);
    const old1 = await emit(ctx.db.db, space.id, 'comment.published');
    const old2 = await emit(ctx.db.db, space.id, 'comment.published');
    const kept1 = await emit(ctx.db.db, space.id, 'comment.published');
    const kept2 = await emit(ctx.db.db, space.id, 'comment.published');
    await ctx.db.pool.query(`update events set created_at = now() - interval '10 days' where id = any($1)`, [
      [old1, old2],
    ]);
    const errors: unknown[] = [];
    const log = { info: () => {}, warn: (o: object) => errors.push(o), error: (o: object) => errors.push(o) };
    await pruneEvents(ctx.db.db, 7 * 24 * 60 * 60 * 1000, log);
    expect(errors).toEqual([]);
    const { rows } = await ctx.db.pool.query<{ id: string }>('select id from events where id = any($1) order by id', [
      [old1, old2, kept1, kept2],
    ]);
    expect(rows.map((r) => Number(r.id))).toEqual([kept1, kept2]);

    const c = await connect(a.url);
    c.send({ type: 'subscribe', space: space.slug, since: old2 });
    expect(await c.waitFor((m) => m.type === 'reset')).toEqual({ type: 'reset', space: space.slug });
    const d = await connect(b.url);
    await d.subscribe(space.slug, kept1);
    expect(d.events(space.slug).map((e) => e.id)).toEqual([kept2]);
  });
});

describe('a backlog too long to deliver', () => {
  // The instance learns of a backlog either from a NOTIFY naming an id far ahead of its position
  // (it skips at once) or from reading the table (after a reconnect: nothing named an id).
  it.each([
    ['a NOTIFY names an id far ahead', false],
    ['only reading the table shows it', true],
  ])('resets the spaces it touched, keeps revocation, and delivers the newest events (%s)', async (_, unnamed) => {
    const { space: busy } = await makeSpace(ctx);
    const { space: quiet } = await makeSpace(ctx);
    const { space: staffed } = await makeSpace(ctx);
    const mod = await makeUser(ctx);
    await grantRole(ctx, staffed.id, mod.user.id, 'moderator');
    const reader = await connect(short.url);
    await reader.subscribe(busy.slug);
    await reader.subscribe(quiet.slug);
    const modSocket = await connect(short.url, mod.client.cookieHeader);
    await modSocket.subscribe(staffed.slug);
    const skips: number[] = [];
    short.app.live.skippedBacklog = (upToId) => skips.push(upToId);
    const before = await emit(ctx.db.db, staffed.id, 'comment.submitted', { n: 'before' });
    await modSocket.waitFor((m) => m.type === 'event' && m.id === before);

    // 102 rows written with no NOTIFY (as if the instance had heard nothing): the moderator's
    // role revoked with its space.changed first, 100 events in `busy`, then a staff event the
    // moderator may no longer see.
    const busyIds = await ctx.db.db.transaction(async (tx) => {
      await tx.delete(spaceRoles).where(and(eq(spaceRoles.spaceId, staffed.id), eq(spaceRoles.userId, mod.user.id)));
      await tx.execute(
        sql`insert into events (kind, space_id, payload, audience) values ('space.changed', ${staffed.id}, '{}', 'public')`,
      );
      const rows = await tx.execute<{ id: string }>(
        sql`insert into events (kind, space_id, payload, audience)
            select 'comment.published', ${busy.id}, jsonb_build_object('n', g), 'public' from generate_series(1, 100) g
            returning id`,
      );
      await tx.execute(
        sql`insert into events (kind, space_id, payload, audience)
            values ('comment.submitted', ${staffed.id}, '{"secret":"after revocation"}', 'staff')`,
      );
      return rows.rows.map((r) => Number(r.id)).sort((x, y) => x - y);
    });
    if (unnamed) {
      // A NOTIFY naming no id, as after a reconnect: the listener reads the table and finds it long.
      await ctx.db.db.execute(sql`select pg_notify(${EVENTS_CHANNEL}, '')`);
      await reader.waitFor((m) => m.type === 'reset' && m.space === busy.slug);
    }
    const marker = await emit(ctx.db.db, quiet.id, 'comment.published', { marker: true });

    await reader.waitFor((m) => m.type === 'event' && m.id === marker);
    const lastBusy = busyIds.at(-1) ?? 0;
    await reader.waitFor((m) => m.type === 'event' && m.id === lastBusy);
    const resetAt = reader.messages.findIndex((m) => m.type === 'reset' && m.space === busy.slug);
    expect(resetAt).toBeGreaterThanOrEqual(0);
    const got = reader.events(busy.slug).map((e) => e.id);
    // Skipped to reset, then the newest of them delivered as events, in order, after the reset.
    expect(got.length).toBeGreaterThan(0);
    expect(got.length).toBeLessThanOrEqual(20);
    expect(got).toEqual(busyIds.slice(-got.length));
    const firstBusyEvent = reader.messages.findIndex((m) => m.type === 'event' && m.space === busy.slug);
    expect(firstBusyEvent).toBeGreaterThan(resetAt);
    // Event-fed state (caches) hears that the skipped events never reached `delivered`.
    expect(skips.length).toBeGreaterThan(0);
    expect(skips.every((id) => busyIds.includes(id) || id < (busyIds[0] ?? 0))).toBe(true);
    // A space the backlog did not touch is not reset.
    expect(reader.messages.some((m) => m.type === 'reset' && m.space === quiet.slug)).toBe(false);

    // The revoked moderator is reset and hears nothing more of the staff events.
    await modSocket.waitFor((m) => m.type === 'reset' && m.space === staffed.slug);
    const later = await emit(ctx.db.db, staffed.id, 'comment.published', { n: 'later' });
    await modSocket.waitFor((m) => m.type === 'event' && m.id === later);
    expect(JSON.stringify(modSocket.messages)).not.toContain('after revocation');
    expect(modSocket.events(staffed.slug).map((e) => e.kind)).toEqual(['comment.submitted', 'comment.published']);

    // The stream goes on exactly after the skip: resuming from the last event received replays nothing twice.
    const again = await connect(short.url);
    const ready = await again.subscribe(busy.slug, got.at(-1));
    expect(again.events(busy.slug)).toEqual([]);
    expect(again.messages.some((m) => m.type === 'reset')).toBe(false);
    expect(ready.lastEventId).toBeGreaterThan(0);
  });
});
