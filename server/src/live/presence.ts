import { randomUUID } from 'node:crypto';
import type { ServerMessage } from '@convene/shared';
import type { Connection, Outbox, Subscription } from './types.js';

/** What presence needs to know of this instance's own subscribers. */
export interface LocalSubscribers {
  count(spaceId: string): number;
  spaceIds(): Iterable<string>;
  subscribers(spaceId: string): Iterable<[Connection, Subscription]>;
}

/** A presence note between instances: instance id and its local count per space. */
interface PresenceNote {
  i: string;
  c: { s: string; n: number }[];
}

/**
 * How many sockets follow a space, across every instance: the local count plus the latest count
 * each other instance announced. Changed local counts are announced (and sent to the local
 * subscribers) at most once per flush; counts are re-announced to the other instances on every
 * heartbeat, and an instance silent for three heartbeats no longer counts. A subscriber is sent a
 * count only when it differs from the last one it was sent.
 */
export class Presence {
  private readonly instanceId = randomUUID();
  /** space id → instance id → { count, at } for presence across instances. */
  private readonly remote = new Map<string, Map<string, { count: number; at: number }>>();
  private readonly dirty = new Set<string>();

  constructor(
    private readonly heartbeatMs: number,
    private readonly local: LocalSubscribers,
    private readonly outbox: Outbox,
    private readonly publish: (payload: string) => void,
  ) {}

  /** The space's local count changed: announce it at the next flush. */
  changed(spaceId: string): void {
    this.dirty.add(spaceId);
  }

  /** Re-announce every local count so other instances can expire counts of a dead instance. */
  reannounce(): void {
    for (const spaceId of this.local.spaceIds()) this.dirty.add(spaceId);
  }

  count(spaceId: string): number {
    const now = Date.now();
    let total = this.local.count(spaceId);
    const remote = this.remote.get(spaceId);
    for (const [instance, entry] of remote ?? []) {
      if (now - entry.at > this.heartbeatMs * 3) remote?.delete(instance);
      else total += entry.count;
    }
    return total;
  }

  flush(): void {
    if (this.dirty.size === 0) return;
    const dirty = [...this.dirty];
    this.dirty.clear();
    const counts = dirty.map((spaceId) => ({ s: spaceId, n: this.local.count(spaceId) }));
    this.publish(JSON.stringify({ i: this.instanceId, c: counts } satisfies PresenceNote));
    for (const { s } of counts) this.broadcast(s);
  }

  /** Another instance's note (our own, echoed back by PostgreSQL, is ignored). */
  receive(payload: string): void {
    try {
      const msg = JSON.parse(payload) as PresenceNote;
      if (msg.i === this.instanceId) return;
      for (const { s, n } of msg.c) {
        let m = this.remote.get(s);
        if (!m) this.remote.set(s, (m = new Map()));
        const before = m.get(msg.i)?.count;
        m.set(msg.i, { count: n, at: Date.now() });
        if (before !== n) this.broadcast(s);
      }
    } catch {
      // Not ours to fail on: a malformed presence note is ignored.
    }
  }

  /**
   * Sends the space's count to each local subscriber that was last sent another one (or none):
   * a re-announcement or a join and a leave within one flush change nothing and send nothing,
   * while a newcomer still hears the count once.
   */
  private broadcast(spaceId: string): void {
    if (this.local.count(spaceId) === 0) return;
    const count = this.count(spaceId);
    // Serialized once for all of them (the same space, so the same slug).
    let text: string | null = null;
    for (const [conn, sub] of this.local.subscribers(spaceId)) {
      if (sub.presenceSent === count) continue;
      sub.presenceSent = count;
      text ??= JSON.stringify({ type: 'presence', space: sub.slug, count } satisfies ServerMessage);
      this.outbox.sendRaw(conn, text);
    }
  }
}
