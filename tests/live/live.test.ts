import { LIVE_CLOSE, type ServerMessage } from '@convene/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../server/src/config.js';
import { setupApp } from '../helpers/app.js';
import { grantRole, makeSpace, makeUser } from '../helpers/factories.js';
import { LiveClient, emit, startInstance } from '../helpers/live.js';

const live = { ...testConfig().live, heartbeatMs: 300, floodLimit: 20, maxBufferBytes: 64 * 1024 };
const ctx = await setupApp({ live });
const a = await startInstance(ctx.db.db, ctx.config);
const b = await startInstance(ctx.db.db, ctx.config);
const origin = ctx.config.appOrigin;
afterAll(async () => {
  await a.app.close();
  await b.app.close();
});

const clients: LiveClient[] = [];
async function connect(url: string, cookie?: string) {
  const c = await LiveClient.connect(url, { origin, ...(cookie ? { cookie } : {}) });
  clients.push(c);
  return c;
}
afterAll(() => {
  for (const c of clients) c.close();
});

describe('who receives what', () => {
  it('sends public events to everyone, staff events to staff, user events to that user only', async () => {
    const { space } = await makeSpace(ctx);
    const author = await makeUser(ctx);
    const mod = await makeUser(ctx);
    await grantRole(ctx, space.id, mod.user.id, 'moderator');
    const anon = await connect(a.url);
    const authorSocket = await connect(a.url, author.client.cookieHeader);
    const modSocket = await connect(a.url, mod.client.cookieHeader);
    for (const s of [anon, authorSocket, modSocket]) await s.subscribe(space.slug);

    await emit(ctx.db.db, space.id, 'comment.submitted', { commentId: 'c1', secret: 'pending text' });
    await emit(ctx.db.db, space.id, 'comment.status', { commentId: 'c1', status: 'approved' }, author.user.id);
    const last = await emit(ctx.db.db, space.id, 'comment.published', { comment: { id: 'c1' } });

    for (const s of [anon, authorSocket, modSocket]) await s.waitFor((m) => m.type === 'event' && m.id === last);
    expect(anon.events(space.slug).map((e) => e.kind)).toEqual(['comment.published']);
    expect(authorSocket.events(space.slug).map((e) => e.kind)).toEqual(['comment.status', 'comment.published']);
    expect(modSocket.events(space.slug).map((e) => e.kind)).toEqual(['comment.submitted', 'comment.published']);
    expect(JSON.stringify(anon.messages)).not.toContain('pending text');
  });

  it('never lets an anonymous socket see staff events when replaying with since', async () => {
    const { space } = await makeSpace(ctx);
    const anon = await connect(a.url);
    const ready = await anon.subscribe(space.slug);
    await emit(ctx.db.db, space.id, 'comment.submitted', { text: 'pending' });
    await emit(ctx.db.db, space.id, 'comment.decided', { status: 'rejected' });
    const pub = await emit(ctx.db.db, space.id, 'comment.published', { comment: { id: 'x' } });
    const again = await connect(b.url);
    await again.subscribe(space.slug, ready.lastEventId);
    expect(again.events(space.slug).map((e) => e.id)).toEqual([pub]);
  });

  it('does not subscribe anyone to a draft space they may not read', async () => {
    const { space } = await makeSpace(ctx, { status: 'draft' });
    const anon = await connect(a.url);
    anon.send({ type: 'subscribe', space: space.slug });
    const err = await anon.waitFor((m) => m.type === 'error');
    expect(err).toMatchObject({ type: 'error', code: 'not_found' });
  });
});

describe('replay and fan-out', () => {
  it('delivers an event written through instance A to a client of instance B', async () => {
    const { space } = await makeSpace(ctx);
    const onB = await connect(b.url);
    await onB.subscribe(space.slug);
    const id = await emit(ctx.db.db, space.id, 'comment.published', { comment: { id: 'from-a' } });
    const got = await onB.waitFor((m) => m.type === 'event' && m.id === id);
    expect(got).toMatchObject({ kind: 'comment.published', space: space.slug, data: { comment: { id: 'from-a' } } });
  });

  it('reconnecting with since while events keep arriving ends with exactly the expected sequence', async () => {
    const { space } = await makeSpace(ctx);
    const first = await connect(a.url);
    const ready = await first.subscribe(space.slug);
    const written: number[] = [];
    const writer = (async () => {
      for (let i = 0; i < 60; i++) written.push(await emit(ctx.db.db, space.id, 'comment.published', { n: i }));
    })();
    // Drop the first connection part-way through and resume from what it saw.
    await first.waitFor((m) => m.type === 'event' && m.space === space.slug && (m.data as { n: number }).n >= 10);
    first.close();
    const seen = first.events(space.slug).map((e) => e.id);
    const since = Math.max(ready.lastEventId, ...seen);
    const second = await connect(b.url);
    await second.subscribe(space.slug, since);
    await writer;
    const lastWritten = written[written.length - 1] ?? 0;
    await second.waitFor((m) => m.type === 'event' && m.id === lastWritten);
    const all = [...seen, ...second.events(space.slug).map((e) => e.id)];
    expect(all).toEqual(written);
  });

  it('answers reset when since is older than the kept history', async () => {
    const { space } = await makeSpace(ctx);
    await emit(ctx.db.db, space.id, 'comment.published', {});
    await ctx.db.pool.query('delete from events where id < (select max(id) from events)');
    const c = await connect(a.url);
    c.send({ type: 'subscribe', space: space.slug, since: 0 });
    const reset = await c.waitFor((m) => m.type === 'reset');
    expect(reset).toEqual({ type: 'reset', space: space.slug });
    await c.waitFor((m) => m.type === 'ready');
  });

  it('replays to each viewer only what they may receive', async () => {
    const { space } = await makeSpace(ctx);
    const author = await makeUser(ctx);
    const mod = await makeUser(ctx);
    await grantRole(ctx, space.id, mod.user.id, 'moderator');
    const first = await connect(b.url);
    const ready = await first.subscribe(space.slug);
    await emit(ctx.db.db, space.id, 'comment.submitted', { commentId: 'c1', secret: 'pending text' });
    await emit(ctx.db.db, space.id, 'comment.status', { commentId: 'c1', status: 'approved' }, author.user.id);
    const last = await emit(ctx.db.db, space.id, 'comment.published', { comment: { id: 'c1' } });
    // Once B has delivered the last one it has read them all: the sockets below replay them.
    await first.waitFor((m) => m.type === 'event' && m.id === last);
    const authorSocket = await connect(b.url, author.client.cookieHeader);
    const modSocket = await connect(b.url, mod.client.cookieHeader);
    await authorSocket.subscribe(space.slug, ready.lastEventId);
    await modSocket.subscribe(space.slug, ready.lastEventId);
    expect(authorSocket.events(space.slug).map((e) => e.kind)).toEqual(['comment.status', 'comment.published']);
    expect(modSocket.events(space.slug).map((e) => e.kind)).toEqual(['comment.submitted', 'comment.published']);
  });

  it('answers reset when the replay would be longer than refetching', async () => {
    const short = await startInstance(ctx.db.db, { ...ctx.config, live: { ...live, maxReplay: 3 } });
    const here: LiveClient[] = [];
    const open = async () => {
      const c = await LiveClient.connect(short.url, { origin });
      here.push(c);
      return c;
    };
    try {
      const { space } = await makeSpace(ctx);
      const first = await open();
      const ready = await first.subscribe(space.slug);
      const written: number[] = [];
      for (let i = 0; i < 4; i++) written.push(await emit(ctx.db.db, space.id, 'comment.published', { n: i }));
      const last = written[3] ?? 0;
      await first.waitFor((m) => m.type === 'event' && m.id === last);

      const tooFar = await open();
      tooFar.send({ type: 'subscribe', space: space.slug, since: ready.lastEventId });
      expect(await tooFar.waitFor((m) => m.type === 'reset')).toEqual({ type: 'reset', space: space.slug });
      const after = await tooFar.waitFor<Extract<ServerMessage, { type: 'ready' }>>((m) => m.type === 'ready');
      expect(after.lastEventId).toBeGreaterThanOrEqual(last);
      expect(tooFar.events(space.slug)).toEqual([]);

      // Exactly maxReplay events behind is still replayed.
      const nearEnough = await open();
      await nearEnough.subscribe(space.slug, written[0]);
      expect(nearEnough.events(space.slug).map((e) => e.id)).toEqual(written.slice(1));
      expect(nearEnough.messages.some((m) => m.type === 'reset')).toBe(false);
    } finally {
      for (const c of here) c.close();
      await short.app.close();
    }
  });

  it('answers reset when since is ahead of every stored event', async () => {
    const { space } = await makeSpace(ctx);
    const { rows } = await ctx.db.pool.query<{ max: string | null }>('select max(id) as max from events');
    const beyond = Number(rows[0]?.max ?? 0) + 1_000;
    const c = await connect(a.url);
    c.send({ type: 'subscribe', space: space.slug, since: beyond });
    expect(await c.waitFor((m) => m.type === 'reset')).toEqual({ type: 'reset', space: space.slug });
    const ready = await c.waitFor<Extract<ServerMessage, { type: 'ready' }>>((m) => m.type === 'ready');
    expect(ready.lastEventId).toBeLessThan(beyond);
  });

  it('stops the events of a space after unsubscribe, keeps the others, and updates presence', async () => {
    const { space } = await makeSpace(ctx);
    const { space: other } = await makeSpace(ctx);
    const watcher = await connect(a.url);
    await watcher.subscribe(space.slug);
    const c = await connect(a.url);
    await c.subscribe(space.slug);
    const two = await watcher.waitFor((m) => m.type === 'presence' && m.space === space.slug && m.count === 2);
    c.send({ type: 'unsubscribe', space: space.slug });
    // Requests run in order: once the next subscription is ready, the unsubscribe has run.
    await c.subscribe(other.slug);
    await emit(ctx.db.db, space.id, 'comment.published', { secret: 'after unsubscribe' });
    const marker = await emit(ctx.db.db, other.id, 'comment.published', { marker: true });
    await c.waitFor((m) => m.type === 'event' && m.id === marker);
    expect(c.events(space.slug)).toEqual([]);
    expect(JSON.stringify(c.messages)).not.toContain('after unsubscribe');
    await watcher.waitFor(
      (m) =>
        m.type === 'presence' &&
        m.space === space.slug &&
        m.count === 1 &&
        watcher.messages.indexOf(m) > watcher.messages.indexOf(two),
      10_000,
      'presence back to 1',
    );
  });
});

describe('losing rights', () => {
  it('stops staff events on the open socket of a moderator whose role is revoked', async () => {
    const { space } = await makeSpace(ctx);
    const mod = await makeUser(ctx);
    await grantRole(ctx, space.id, mod.user.id, 'moderator');
    const s = await connect(a.url, mod.client.cookieHeader);
    await s.subscribe(space.slug);
    const before = await emit(ctx.db.db, space.id, 'comment.submitted', { n: 1 });
    await s.waitFor((m) => m.type === 'event' && m.id === before);

    await ctx.db.pool.query('delete from space_roles where user_id = $1', [mod.user.id]);
    await emit(ctx.db.db, space.id, 'space.changed', { slug: space.slug });
    await emit(ctx.db.db, space.id, 'comment.submitted', { n: 2 });
    const marker = await emit(ctx.db.db, space.id, 'comment.published', { n: 3 });
    await s.waitFor((m) => m.type === 'event' && m.id === marker);
    expect(s.events(space.slug).map((e) => e.kind)).toEqual([
      'comment.submitted',
      'space.changed',
      'comment.published',
    ]);
  });

  it('stops user and staff events after the user signs out', async () => {
    const { space } = await makeSpace(ctx);
    const mod = await makeUser(ctx);
    await grantRole(ctx, space.id, mod.user.id, 'moderator');
    const s = await connect(a.url, mod.client.cookieHeader);
    await s.subscribe(space.slug);
    await mod.client.post('/api/auth/logout');
    await s.waitFor((m) => m.type === 'reset');
    await emit(ctx.db.db, space.id, 'comment.submitted', { secret: 'after logout' });
    const marker = await emit(ctx.db.db, space.id, 'comment.published', {});
    await s.waitFor((m) => m.type === 'event' && m.id === marker);
    expect(s.events(space.slug).map((e) => e.kind)).toEqual(['comment.published']);
  });
});

describe('robustness', () => {
  it('answers a malformed message with an error and keeps the socket open', async () => {
    const c = await connect(a.url);
    c.send('not json');
    c.send({ type: 'subscribe' });
    c.send({ type: 'dance' });
    const errors = () => c.messages.filter((m) => m.type === 'error');
    await c.waitFor(() => errors().length >= 3);
    expect(errors().every((e) => e.type === 'error' && e.code === 'bad_message')).toBe(true);
    c.send({ type: 'ping' });
    await c.waitFor((m) => m.type === 'pong');
    expect(c.closed).toBeNull();
  });

  it('closes a socket that floods the server', async () => {
    const c = await connect(a.url);
    for (let i = 0; i < 100; i++) c.send({ type: 'ping' });
    const closed = await c.waitForClose();
    expect(closed.code).toBe(LIVE_CLOSE.flood);
  });

  it('refuses an upgrade from another site', async () => {
    await expect(LiveClient.connect(a.url, { origin: 'https://evil.example' })).rejects.toThrow(/403/);
  });

  it('counts presence and forgets a socket that vanished without a goodbye', async () => {
    const { space } = await makeSpace(ctx);
    const watcher = await connect(a.url);
    await watcher.subscribe(space.slug);
    const ghost = await connect(a.url);
    await ghost.subscribe(space.slug);
    await watcher.waitFor((m) => m.type === 'presence' && m.space === space.slug && m.count === 2);
    // Cut the TCP connection silently: no close frame, and no more pongs.
    ghost.socket.pause();
    (ghost.socket as unknown as { _socket: { pause(): void } })._socket.pause();
    await watcher.waitFor(
      (m) => m.type === 'presence' && m.space === space.slug && m.count === 1 && watcher.messages.indexOf(m) > 0,
      10_000,
      'presence back to 1',
    );
  });

  it('adds up presence across instances', async () => {
    const { space } = await makeSpace(ctx);
    const onA = await connect(a.url);
    await onA.subscribe(space.slug);
    const onB = await connect(b.url);
    await onB.subscribe(space.slug);
    await onA.waitFor((m) => m.type === 'presence' && m.space === space.slug && m.count === 2);
  });

  it('closes a consumer that cannot keep up instead of buffering without bound', async () => {
    // Its own instance with a slow heartbeat, so it is the buffer limit that acts, not the reaper.
    const patient = await startInstance(ctx.db.db, { ...ctx.config, live: { ...live, heartbeatMs: 60_000 } });
    try {
      const { space } = await makeSpace(ctx);
      const slow = await LiveClient.connect(patient.url, { origin });
      await slow.subscribe(space.slug);
      const tcp = (slow.socket as unknown as { _socket: { pause(): void; resume(): void } })._socket;
      tcp.pause();
      const big = 'x'.repeat(32 * 1024);
      let sent = 0;
      // Far more than the kernel buffers and the 64 KiB limit can hold, if nothing closed it.
      while (patient.app.live.size > 0 && sent < 400) {
        await emit(ctx.db.db, space.id, 'comment.published', { big, i: sent });
        sent += 1;
      }
      expect(patient.app.live.size).toBe(0);
      tcp.resume();
      const closed = await slow.waitForClose(20_000);
      expect(closed.code).toBe(LIVE_CLOSE.slowConsumer);
    } finally {
      await patient.app.close();
    }
  });

  it('closes sockets with 1001 on shutdown', async () => {
    const extra = await startInstance(ctx.db.db, ctx.config);
    const c = await LiveClient.connect(extra.url, { origin });
    await extra.app.close();
    expect((await c.waitForClose()).code).toBe(1001);
  });
});
