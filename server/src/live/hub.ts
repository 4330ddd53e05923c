import { randomUUID } from 'node:crypto';
import { type ClientMessage, LIVE_CLOSE, type ServerMessage, type SpaceRole, clientMessage } from '@convene/shared';
import { and, asc, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import pg from 'pg';
import type { WebSocket } from 'ws';
import { EVENTS_CHANNEL } from '../commands/events.js';
import type { Database } from '../db/client.js';
import { type EventRow, type User, events, spaceRoles, spaces } from '../db/schema/index.js';
import { type SpaceScope, can } from '../policies/index.js';

export const SESSIONS_CHANNEL = 'convene_sessions';
const PRESENCE_CHANNEL = 'convene_presence';

const sameRoles = (a: ReadonlySet<SpaceRole>, b: ReadonlySet<SpaceRole>) =>
  a.size === b.size && [...a].every((r) => b.has(r));

export interface LiveOptions {
  connectionString: string;
  heartbeatMs: number;
  /** A socket whose unsent data exceeds this is closed rather than buffered further. */
  maxBufferBytes: number;
  /** At most this many client messages per floodWindowMs. */
  floodLimit: number;
  floodWindowMs: number;
  /** Events older than this are pruned; a client asking to replay from before it gets `reset`. */
  retentionMs: number;
  /** Replays longer than this answer `reset` instead (refetching is cheaper). */
  maxReplay: number;
  log: { info(o: object, m?: string): void; warn(o: object, m?: string): void; error(o: object, m?: string): void };
}

interface Subscription {
  spaceId: string;
  parentId: string | null;
  slug: string;
  scope: SpaceScope;
  /** While replaying, live events wait here so none is lost or sent twice. */
  buffer: EventRow[] | null;
  /** Highest event id considered for this subscription (sent or not visible). */
  lastId: number;
}

interface Connection {
  id: string;
  socket: WebSocket;
  user: User | null;
  sessionId: string | null;
  subs: Map<string, Subscription>;
  alive: boolean;
  recent: number[];
  closed: boolean;
}

/**
 * The live channel on one instance. Every instance LISTENs for new event ids, reads each new
 * events row once (in id order, which is commit order), and delivers it to its own sockets
 * that may see it, as decided by the same policy module as the REST API.
 */
export class LiveHub {
  private readonly connections = new Set<Connection>();
  private readonly bySpace = new Map<string, Set<Connection>>();
  private listener: pg.Client | null = null;
  private lastSeenId = 0;
  private chain: Promise<void> = Promise.resolve();
  private pollQueued = false;
  private timers: NodeJS.Timeout[] = [];
  private stopped = false;
  private reconnectDelay = 250;
  private readonly instanceId = randomUUID();
  /** space id → instance id → { count, at } for presence across instances. */
  private readonly remotePresence = new Map<string, Map<string, { count: number; at: number }>>();
  private readonly presenceDirty = new Set<string>();

  constructor(
    private readonly db: Database,
    private readonly opts: LiveOptions,
  ) {}

  get size(): number {
    return this.connections.size;
  }

  async start(): Promise<void> {
    const [row] = await this.db.select({ max: sql<number | null>`max(${events.id})` }).from(events);
    this.lastSeenId = Number(row?.max ?? 0);
    await this.connectListener();
    this.timers.push(setInterval(() => this.heartbeat(), this.opts.heartbeatMs));
    this.timers.push(setInterval(() => void this.prune(), Math.min(this.opts.retentionMs, 60 * 60 * 1000)));
    this.timers.push(setInterval(() => this.flushPresence(), 1_000));
    for (const t of this.timers) t.unref();
  }

  /** Closes every socket with 1001 (going away) and stops listening. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers) clearInterval(t);
    for (const c of this.connections) c.socket.close(LIVE_CLOSE.goingAway, 'server shutting down');
    const l = this.listener;
    this.listener = null;
    if (l) await l.end().catch(() => {});
    await this.chain;
  }

  // ---- LISTEN connection ------------------------------------------------------------

  private async connectListener(): Promise<void> {
    const client = new pg.Client({ connectionString: this.opts.connectionString });
    const lost = (err?: unknown) => {
      if (this.listener !== client) return;
      this.listener = null;
      client.removeAllListeners();
      client.end().catch(() => {});
      if (this.stopped) return;
      this.opts.log.warn({ err }, 'live: LISTEN connection lost; reconnecting');
      this.scheduleReconnect();
    };
    client.on('error', lost);
    client.on('end', () => lost());
    client.on('notification', (n) => {
      if (n.channel === EVENTS_CHANNEL) this.schedulePoll();
      else if (n.channel === SESSIONS_CHANNEL && n.payload) this.enqueue(() => this.endSession(n.payload ?? ''));
      else if (n.channel === PRESENCE_CHANNEL && n.payload) this.receivePresence(n.payload);
    });
    await client.connect();
    await client.query(`LISTEN ${EVENTS_CHANNEL}`);
    await client.query(`LISTEN ${SESSIONS_CHANNEL}`);
    await client.query(`LISTEN ${PRESENCE_CHANNEL}`);
    this.listener = client;
    this.reconnectDelay = 250;
    // Anything committed while we were not listening is read from the table: no silent gap.
    this.schedulePoll();
  }

  private scheduleReconnect(): void {
    const delay = this.reconnectDelay;
    this.reconnectDelay = Math.min(this.reconnectDelay * 2, 5_000);
    const t = setTimeout(() => {
      if (this.stopped) return;
      this.connectListener().catch((err: unknown) => {
        this.opts.log.warn({ err }, 'live: reconnect failed');
        this.scheduleReconnect();
      });
    }, delay);
    t.unref();
  }

  /** Work on the hub's state runs one step at a time, in order. */
  private enqueue(step: () => Promise<void> | void): void {
    this.chain = this.chain.then(step).catch((err: unknown) => this.opts.log.error({ err }, 'live: step failed'));
  }

  private schedulePoll(): void {
    if (this.pollQueued) return;
    this.pollQueued = true;
    this.enqueue(async () => {
      this.pollQueued = false;
      await this.poll();
    });
  }

  private async poll(): Promise<void> {
    for (;;) {
      const rows = await this.db
        .select()
        .from(events)
        .where(gt(events.id, this.lastSeenId))
        .orderBy(asc(events.id))
        .limit(500);
      for (const row of rows) {
        await this.dispatch(row);
        this.lastSeenId = row.id;
      }
      if (rows.length < 500) return;
    }
  }

  private async dispatch(row: EventRow): Promise<void> {
    if (!row.spaceId) return;
    // A role granted or revoked, or a space's status changed: recompute what sockets may see
    // before delivering anything that follows.
    if (row.kind === 'space.changed') await this.refreshScopes(row.spaceId);
    const conns = this.bySpace.get(row.spaceId);
    if (!conns) return;
    let text: string | null = null;
    for (const conn of conns) {
      const sub = conn.subs.get(row.spaceId);
      if (!sub) continue;
      if (sub.buffer) {
        sub.buffer.push(row);
        continue;
      }
      if (row.id <= sub.lastId) continue;
      sub.lastId = row.id;
      if (!this.visible(conn, sub, row)) continue;
      text ??= JSON.stringify(this.eventMessage(row, sub.slug));
      this.sendRaw(conn, text);
    }
  }

  private eventMessage(row: EventRow, slug: string): ServerMessage {
    return { type: 'event', id: row.id, space: slug, kind: row.kind as never, data: row.payload };
  }

  private visible(conn: Connection, sub: Subscription, row: EventRow): boolean {
    if (!can(conn.user, 'space.read', sub.scope)) return false;
    switch (row.audience) {
      case 'public':
        return true;
      case 'staff':
        return can(conn.user, 'moderation.read', sub.scope);
      case 'user':
        return conn.user !== null && conn.user.id === row.audienceUserId;
    }
  }

  // ---- sockets ------------------------------------------------------------------------

  accept(socket: WebSocket, user: User | null, sessionId: string | null): void {
    const conn: Connection = {
      id: randomUUID(),
      socket,
      user,
      sessionId,
      subs: new Map(),
      alive: true,
      recent: [],
      closed: false,
    };
    this.connections.add(conn);
    socket.on('pong', () => {
      conn.alive = true;
    });
    socket.on('message', (data, isBinary) => this.onMessage(conn, isBinary ? null : data.toString()));
    socket.on('close', () => this.drop(conn));
    socket.on('error', () => this.drop(conn));
  }

  private onMessage(conn: Connection, text: string | null): void {
    const now = Date.now();
    conn.recent = conn.recent.filter((t) => now - t < this.opts.floodWindowMs);
    conn.recent.push(now);
    if (conn.recent.length > this.opts.floodLimit) {
      this.send(conn, { type: 'error', code: 'flood', message: 'Too many messages; the connection is closed.' });
      conn.socket.close(LIVE_CLOSE.flood, 'too many messages');
      this.drop(conn);
      return;
    }
    let parsed: ClientMessage;
    try {
      const result = clientMessage.safeParse(text === null ? undefined : JSON.parse(text));
      if (!result.success) {
        const detail = result.error.issues.map((i) => `${i.path.join('.') || 'message'}: ${i.message}`).join('; ');
        this.send(conn, { type: 'error', code: 'bad_message', message: `Invalid message: ${detail}` });
        return;
      }
      parsed = result.data;
    } catch {
      this.send(conn, { type: 'error', code: 'bad_message', message: 'Messages must be JSON objects.' });
      return;
    }
    switch (parsed.type) {
      case 'ping':
        this.send(conn, { type: 'pong' });
        return;
      case 'unsubscribe':
        this.enqueue(() => this.unsubscribe(conn, parsed.space));
        return;
      case 'subscribe':
        this.enqueue(() => this.subscribe(conn, parsed.space, parsed.since));
        return;
    }
  }

  private async scopeFor(
    user: User | null,
    space: { id: string; parentId: string | null; status: SpaceScope['status'] },
  ) {
    const roles = new Set<SpaceRole>();
    if (user) {
      const ids = space.parentId ? [space.id, space.parentId] : [space.id];
      const rows = await this.db
        .select({ role: spaceRoles.role })
        .from(spaceRoles)
        .where(and(eq(spaceRoles.userId, user.id), inArray(spaceRoles.spaceId, ids)));
      for (const r of rows) roles.add(r.role);
    }
    return { status: space.status, roles } satisfies SpaceScope;
  }

  private async subscribe(conn: Connection, slug: string, since: number | undefined): Promise<void> {
    if (conn.closed) return;
    const [space] = await this.db
      .select({ id: spaces.id, parentId: spaces.parentId, status: spaces.status, slug: spaces.slug })
      .from(spaces)
      .where(eq(spaces.slug, slug))
      .limit(1);
    const scope = space ? await this.scopeFor(conn.user, space) : null;
    if (!space || !scope || !can(conn.user, 'space.read', scope)) {
      this.send(conn, { type: 'error', code: 'not_found', message: `No space "${slug}".` });
      return;
    }
    this.removeSub(conn, space.id);
    const sub: Subscription = {
      spaceId: space.id,
      parentId: space.parentId,
      slug: space.slug,
      scope,
      buffer: [],
      lastId: this.lastSeenId,
    };
    conn.subs.set(space.id, sub);
    this.addToSpace(conn, space.id);

    if (since !== undefined && since < this.lastSeenId) {
      const reset = await this.replay(conn, sub, since);
      if (reset) {
        this.send(conn, { type: 'reset', space: sub.slug });
        sub.lastId = this.lastSeenId;
      }
    } else if (since !== undefined && since > this.lastSeenId) {
      // The client saw events (through another instance) that this one has not read yet.
      const [row] = await this.db.select({ max: sql<number | null>`max(${events.id})` }).from(events);
      if (since > Number(row?.max ?? 0)) this.send(conn, { type: 'reset', space: sub.slug });
      else sub.lastId = since;
    }
    // Live events that arrived during the replay, minus those the replay already covered.
    const waiting = sub.buffer ?? [];
    sub.buffer = null;
    for (const row of waiting) {
      if (row.id <= sub.lastId) continue;
      sub.lastId = row.id;
      if (this.visible(conn, sub, row)) this.send(conn, this.eventMessage(row, sub.slug));
    }
    this.send(conn, { type: 'ready', space: sub.slug, lastEventId: Math.max(sub.lastId, this.lastSeenId) });
    sub.lastId = Math.max(sub.lastId, this.lastSeenId);
  }

  /** Sends every visible event after `since`; returns true when the client must reset instead. */
  private async replay(conn: Connection, sub: Subscription, since: number): Promise<boolean> {
    const [oldest] = await this.db.select({ min: sql<number | null>`min(${events.id})` }).from(events);
    const oldestId = Number(oldest?.min ?? 0);
    if (oldestId > 0 && since + 1 < oldestId) return true; // pruned history
    const rows = await this.db
      .select()
      .from(events)
      .where(and(eq(events.spaceId, sub.spaceId), gt(events.id, since)))
      .orderBy(asc(events.id))
      .limit(this.opts.maxReplay + 1);
    if (rows.length > this.opts.maxReplay) return true;
    sub.lastId = since;
    for (const row of rows) {
      sub.lastId = row.id;
      if (this.visible(conn, sub, row)) this.send(conn, this.eventMessage(row, sub.slug));
    }
    return false;
  }

  private unsubscribe(conn: Connection, slug: string): void {
    for (const sub of conn.subs.values()) if (sub.slug === slug) this.removeSub(conn, sub.spaceId);
  }

  private addToSpace(conn: Connection, spaceId: string): void {
    let set = this.bySpace.get(spaceId);
    if (!set) this.bySpace.set(spaceId, (set = new Set()));
    set.add(conn);
    this.presenceDirty.add(spaceId);
  }

  private removeSub(conn: Connection, spaceId: string): void {
    if (!conn.subs.delete(spaceId)) return;
    const set = this.bySpace.get(spaceId);
    set?.delete(conn);
    if (set?.size === 0) this.bySpace.delete(spaceId);
    this.presenceDirty.add(spaceId);
  }

  private drop(conn: Connection): void {
    if (conn.closed) return;
    conn.closed = true;
    this.connections.delete(conn);
    for (const spaceId of [...conn.subs.keys()]) this.removeSub(conn, spaceId);
  }

  /** Recomputes roles and status for every subscription to this space or its roundtables. */
  private async refreshScopes(spaceId: string): Promise<void> {
    const affected = [...this.connections].flatMap((conn) =>
      [...conn.subs.values()].filter((s) => s.spaceId === spaceId || s.parentId === spaceId).map((s) => ({ conn, s })),
    );
    if (affected.length === 0) return;
    const ids = [...new Set(affected.map((a) => a.s.spaceId))];
    const rows = await this.db
      .select({ id: spaces.id, parentId: spaces.parentId, status: spaces.status })
      .from(spaces)
      .where(inArray(spaces.id, ids));
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const { conn, s } of affected) {
      const space = byId.get(s.spaceId);
      if (!space) {
        this.removeSub(conn, s.spaceId);
        continue;
      }
      const before = s.scope;
      s.scope = await this.scopeFor(conn.user, space);
      if (!can(conn.user, 'space.read', s.scope)) {
        // A space gone back to draft, or a role lost on a draft: no more events from it.
        this.removeSub(conn, s.spaceId);
        this.send(conn, { type: 'reset', space: s.slug });
      } else if (!sameRoles(before.roles, s.scope.roles)) {
        // Rights changed (a moderator removed, a chair appointed): what the page shows was
        // fetched with the old rights, so the client refetches it.
        this.send(conn, { type: 'reset', space: s.slug });
      }
    }
  }

  /** A session ended (sign-out, disabled account): its sockets continue as a guest's. */
  private async endSession(payload: string): Promise<void> {
    const userId = payload.startsWith('user:') ? payload.slice(5) : null;
    for (const conn of this.connections) {
      const match = userId ? conn.user?.id === userId : conn.sessionId === payload;
      if (!match) continue;
      conn.user = null;
      conn.sessionId = null;
      for (const s of [...conn.subs.values()]) {
        s.scope = { status: s.scope.status, roles: new Set() };
        if (!can(null, 'space.read', s.scope)) this.removeSub(conn, s.spaceId);
        // The client refetches what it shows, now as a guest.
        this.send(conn, { type: 'reset', space: s.slug });
      }
    }
  }

  private send(conn: Connection, msg: ServerMessage): void {
    this.sendRaw(conn, JSON.stringify(msg));
  }

  private sendRaw(conn: Connection, text: string): void {
    if (conn.closed || conn.socket.readyState !== conn.socket.OPEN) return;
    if (conn.socket.bufferedAmount + text.length > this.opts.maxBufferBytes) {
      conn.socket.close(LIVE_CLOSE.slowConsumer, 'too slow to keep up');
      // Stop feeding it now; the close handshake may take a while behind the full buffer.
      this.drop(conn);
      const t = setTimeout(() => conn.socket.terminate(), 5_000);
      t.unref();
      return;
    }
    conn.socket.send(text);
  }

  // ---- heartbeat, presence, retention ---------------------------------------------------

  private heartbeat(): void {
    for (const conn of this.connections) {
      if (!conn.alive) {
        // No pong since the last ping: the peer is gone without a goodbye.
        conn.socket.terminate();
        this.drop(conn);
        continue;
      }
      conn.alive = false;
      conn.socket.ping();
    }
    // Re-announce local presence so other instances can expire counts of a dead instance.
    for (const spaceId of this.bySpace.keys()) this.presenceDirty.add(spaceId);
  }

  private localCount(spaceId: string): number {
    return this.bySpace.get(spaceId)?.size ?? 0;
  }

  presenceCount(spaceId: string): number {
    const now = Date.now();
    let total = this.localCount(spaceId);
    const remote = this.remotePresence.get(spaceId);
    for (const [instance, entry] of remote ?? []) {
      if (now - entry.at > this.opts.heartbeatMs * 3) remote?.delete(instance);
      else total += entry.count;
    }
    return total;
  }

  private flushPresence(): void {
    if (this.presenceDirty.size === 0) return;
    const dirty = [...this.presenceDirty];
    this.presenceDirty.clear();
    const counts = dirty.map((spaceId) => ({ s: spaceId, n: this.localCount(spaceId) }));
    const listener = this.listener;
    if (listener) {
      const payload = JSON.stringify({ i: this.instanceId, c: counts });
      listener.query(`SELECT pg_notify($1, $2)`, [PRESENCE_CHANNEL, payload]).catch(() => {});
    }
    for (const { s } of counts) this.broadcastPresence(s);
  }

  private receivePresence(payload: string): void {
    try {
      const msg = JSON.parse(payload) as { i: string; c: { s: string; n: number }[] };
      if (msg.i === this.instanceId) return;
      for (const { s, n } of msg.c) {
        let m = this.remotePresence.get(s);
        if (!m) this.remotePresence.set(s, (m = new Map()));
        const before = m.get(msg.i)?.count;
        m.set(msg.i, { count: n, at: Date.now() });
        if (before !== n) this.broadcastPresence(s);
      }
    } catch {
      // Not ours to fail on: a malformed presence note is ignored.
    }
  }

  private broadcastPresence(spaceId: string): void {
    const conns = this.bySpace.get(spaceId);
    if (!conns) return;
    const count = this.presenceCount(spaceId);
    for (const conn of conns) {
      const sub = conn.subs.get(spaceId);
      if (sub) this.send(conn, { type: 'presence', space: sub.slug, count });
    }
  }

  private async prune(): Promise<void> {
    const cutoff = new Date(Date.now() - this.opts.retentionMs);
    await this.db
      .delete(events)
      .where(lt(events.createdAt, cutoff))
      .catch((err: unknown) => this.opts.log.warn({ err }, 'live: pruning failed'));
  }
}
