import type { ServerMessage, SpaceRole } from '@convene/shared';
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { type EventRow, type User, spaceRoles, spaces } from '../db/schema/index.js';
import { type SpaceScope, can } from '../policies/index.js';
import { mayReceiveEvent } from '../policies/visibility.js';
import type { SkippedStretch } from './listener.js';
import { type EventKey, compareKeys, keyOf } from './order.js';
import { catchUp } from './replay.js';
import type { Connection, Outbox, Subscription } from './types.js';

const sameRoles = (a: ReadonlySet<SpaceRole>, b: ReadonlySet<SpaceRole>) =>
  a.size === b.size && [...a].every((r) => b.has(r));

const eventMessage = (row: EventRow, slug: string): ServerMessage => ({
  type: 'event',
  id: row.id,
  space: slug,
  kind: row.kind as never,
  data: row.payload,
});

export interface SubscriptionsDeps {
  db: Database;
  maxReplay: number;
  outbox: Outbox;
  /** Every open connection of the instance (for revocation, which may reach any of them). */
  connections: ReadonlySet<Connection>;
  /** The position of the last event the instance has read; a new subscription starts there. */
  lastSeenKey: () => EventKey;
  /** A space gained or lost a local subscriber (its presence count changed). */
  membersChanged: (spaceId: string) => void;
}

/**
 * Who follows which space on this instance, and what each may see there: subscribing (with
 * replay), unsubscribing, the per-space index the fan-out walks, and revocation — the scope of
 * every affected subscription recomputed when roles or a space's status change or a session
 * ends, so a lost right takes effect on open sockets.
 */
export class Subscriptions {
  private readonly bySpace = new Map<string, Set<Connection>>();

  constructor(private readonly deps: SubscriptionsDeps) {}

  /** Local subscribers of a space. */
  count(spaceId: string): number {
    return this.bySpace.get(spaceId)?.size ?? 0;
  }

  /** Spaces with at least one local subscriber. */
  spaceIds(): Iterable<string> {
    return this.bySpace.keys();
  }

  /** The space's subscribers with their subscription (a live walk: a dropped one leaves it). */
  *subscribers(spaceId: string): Generator<[Connection, Subscription]> {
    const conns = this.bySpace.get(spaceId);
    if (!conns) return;
    for (const conn of conns) {
      const sub = conn.subs.get(spaceId);
      if (sub) yield [conn, sub];
    }
  }

  /**
   * Fans one new event out to the space's subscribers that may receive it, serialized once for
   * all of them. A `space.changed` event first recomputes what they may see (revocation).
   */
  async deliver(row: EventRow): Promise<void> {
    if (!row.spaceId) return;
    // A role granted or revoked, or a space's status changed: recompute what sockets may see
    // before delivering anything that follows.
    if (row.kind === 'space.changed') await this.refreshScopes(row.spaceId);
    const conns = this.bySpace.get(row.spaceId);
    if (!conns) return;
    // Once per event, not per socket: its position, and its text (every subscriber of the space
    // gets the same bytes; the outbox frames them once too).
    const key = keyOf(row);
    let text: string | null = null;
    for (const conn of conns) {
      const sub = conn.subs.get(row.spaceId);
      if (!sub) continue;
      if (sub.buffer) {
        sub.buffer.push(row);
        continue;
      }
      if (compareKeys(key, sub.lastKey) <= 0) continue;
      sub.lastKey = key;
      if (!this.visible(conn, sub, row)) continue;
      text ??= JSON.stringify(eventMessage(row, sub.slug));
      this.deps.outbox.sendRaw(conn, text);
    }
  }

  async subscribe(conn: Connection, slug: string, since: number | undefined): Promise<void> {
    if (conn.closed) return;
    const { db, outbox } = this.deps;
    const [space] = await db
      .select({ id: spaces.id, parentId: spaces.parentId, status: spaces.status, slug: spaces.slug })
      .from(spaces)
      .where(eq(spaces.slug, slug))
      .limit(1);
    const scope = space ? await this.scopeFor(conn.user, space) : null;
    if (!space || !scope || !can(conn.user, 'space.read', scope)) {
      outbox.send(conn, { type: 'error', code: 'not_found', message: `No space "${slug}".` });
      return;
    }
    this.remove(conn, space.id);
    const instanceKey = this.deps.lastSeenKey();
    const sub: Subscription = {
      spaceId: space.id,
      parentId: space.parentId,
      slug: space.slug,
      scope,
      buffer: [],
      lastKey: instanceKey,
      presenceSent: -1,
    };
    conn.subs.set(space.id, sub);
    this.addToSpace(conn, space.id);

    const sendIfVisible = (row: EventRow) => {
      if (this.visible(conn, sub, row)) outbox.send(conn, eventMessage(row, sub.slug));
    };
    if (await catchUp(db, this.deps.maxReplay, sub, since, instanceKey, sendIfVisible)) {
      outbox.send(conn, { type: 'reset', space: sub.slug });
    }
    // Live events that arrived during the replay, minus those the replay already covered.
    const waiting = sub.buffer ?? [];
    sub.buffer = null;
    for (const row of waiting) {
      const key = keyOf(row);
      if (compareKeys(key, sub.lastKey) <= 0) continue;
      sub.lastKey = key;
      sendIfVisible(row);
    }
    const now = this.deps.lastSeenKey();
    if (compareKeys(now, sub.lastKey) > 0) sub.lastKey = now;
    // The client resumes from this id: the position of the last event it has been given or passed.
    outbox.send(conn, { type: 'ready', space: sub.slug, lastEventId: sub.lastKey.id });
  }

  /**
   * A backlog stretch was skipped (`listener.ts`): scopes are recomputed where roles or status
   * changed in it, then every subscriber of a space it touched is told to reset (refetch and
   * subscribe again), and the stream goes on after it.
   */
  async skipped(stretch: SkippedStretch): Promise<void> {
    for (const spaceId of stretch.changed) await this.refreshScopes(spaceId);
    for (const spaceId of stretch.touched) {
      for (const [conn, sub] of this.subscribers(spaceId)) {
        if (compareKeys(sub.lastKey, stretch.upTo) >= 0) continue;
        sub.lastKey = stretch.upTo;
        this.deps.outbox.send(conn, { type: 'reset', space: sub.slug });
      }
    }
  }

  unsubscribe(conn: Connection, slug: string): void {
    for (const sub of conn.subs.values()) if (sub.slug === slug) this.remove(conn, sub.spaceId);
  }

  /** A connection closed: it follows nothing any more. */
  removeAll(conn: Connection): void {
    for (const spaceId of [...conn.subs.keys()]) this.remove(conn, spaceId);
  }

  /** A session ended (sign-out, disabled account): its sockets continue as a guest's. */
  async endSession(payload: string): Promise<void> {
    const userId = payload.startsWith('user:') ? payload.slice(5) : null;
    for (const conn of this.deps.connections) {
      const match = userId ? conn.user?.id === userId : conn.sessionId === payload;
      if (!match) continue;
      conn.user = null;
      conn.sessionId = null;
      for (const s of [...conn.subs.values()]) {
        s.scope = { status: s.scope.status, roles: new Set() };
        if (!can(null, 'space.read', s.scope)) this.remove(conn, s.spaceId);
        // The client refetches what it shows, now as a guest.
        this.deps.outbox.send(conn, { type: 'reset', space: s.slug });
      }
    }
  }

  /**
   * Whether this subscriber may receive the event now: the policy module's rule (the space
   * readable with the subscription's current scope, then the event's audience).
   */
  private visible(conn: Connection, sub: Subscription, row: EventRow): boolean {
    return mayReceiveEvent(conn.user, sub.scope, row);
  }

  /** The viewer's roles in the space (and its parent session) and the space's status, read now. */
  private async scopeFor(
    user: User | null,
    space: { id: string; parentId: string | null; status: SpaceScope['status'] },
  ): Promise<SpaceScope> {
    const roles = new Set<SpaceRole>();
    if (user) {
      const ids = space.parentId ? [space.id, space.parentId] : [space.id];
      const rows = await this.deps.db
        .select({ role: spaceRoles.role })
        .from(spaceRoles)
        .where(and(eq(spaceRoles.userId, user.id), inArray(spaceRoles.spaceId, ids)));
      for (const r of rows) roles.add(r.role);
    }
    return { status: space.status, roles } satisfies SpaceScope;
  }

  /** Recomputes roles and status for every subscription to this space or its roundtables. */
  private async refreshScopes(spaceId: string): Promise<void> {
    const affected = [...this.deps.connections].flatMap((conn) =>
      [...conn.subs.values()].filter((s) => s.spaceId === spaceId || s.parentId === spaceId).map((s) => ({ conn, s })),
    );
    if (affected.length === 0) return;
    const ids = [...new Set(affected.map((a) => a.s.spaceId))];
    const rows = await this.deps.db
      .select({ id: spaces.id, parentId: spaces.parentId, status: spaces.status })
      .from(spaces)
      .where(inArray(spaces.id, ids));
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const { conn, s } of affected) {
      const space = byId.get(s.spaceId);
      if (!space) {
        this.remove(conn, s.spaceId);
        continue;
      }
      const before = s.scope;
      s.scope = await this.scopeFor(conn.user, space);
      if (!can(conn.user, 'space.read', s.scope)) {
        // A space gone back to draft, or a role lost on a draft: no more events from it.
        this.remove(conn, s.spaceId);
        this.deps.outbox.send(conn, { type: 'reset', space: s.slug });
      } else if (!sameRoles(before.roles, s.scope.roles)) {
        // Rights changed (a moderator removed, a chair appointed): what the page shows was
        // fetched with the old rights, so the client refetches it.
        this.deps.outbox.send(conn, { type: 'reset', space: s.slug });
      }
    }
  }

  private addToSpace(conn: Connection, spaceId: string): void {
    let set = this.bySpace.get(spaceId);
    if (!set) this.bySpace.set(spaceId, (set = new Set()));
    set.add(conn);
    this.deps.membersChanged(spaceId);
  }

  private remove(conn: Connection, spaceId: string): void {
    if (!conn.subs.delete(spaceId)) return;
    const set = this.bySpace.get(spaceId);
    set?.delete(conn);
    if (set?.size === 0) this.bySpace.delete(spaceId);
    this.deps.membersChanged(spaceId);
  }
}
