import type { ServerMessage } from '@convene/shared';
import type { WebSocket } from 'ws';
import type { Database } from '../db/client.js';
import type { EventRow, User } from '../db/schema/index.js';
import { parseInboxNotice } from './inboxChannel.js';
import { EventListener } from './listener.js';
import { Presence } from './presence.js';
import { pruneEvents } from './replay.js';
import { SerialSteps } from './serial.js';
import { Sockets } from './socket.js';
import { Subscriptions } from './subscriptions.js';
import type { LiveOptions } from './types.js';

export { SESSIONS_CHANNEL } from './listener.js';
export type { LiveOptions } from './types.js';

/**
 * What a user's own sockets are sent when their notifications change: the unread count and the
 * new item (`notificationId`), as that user may see it now; null to send nothing (an inactive
 * account). Set by the notifications routes (`routes/me/notifications.ts`).
 */
export type InboxPresenter = (
  userId: string,
  notificationId: string | undefined,
) => Promise<Extract<ServerMessage, { type: 'notifications' }> | null>;

/**
 * The live channel on one instance. Every instance LISTENs for new event ids, reads each new
 * events row once (in delivery order, `order.ts`: no write lock, no gap), and delivers it to its own sockets
 * that may see it, as decided by the same policy module as the REST API.
 *
 * This class only wires the parts together:
 * - `listener.ts`: the LISTEN connection, its reconnects, reading new rows in order, skipping a
 *   huge backlog to `reset`;
 * - `order.ts`: the delivery order ((xid, id) below the snapshot's xmin) and its queries;
 * - `serial.ts`: the one chain every change of the hub's state runs on, in order;
 * - `socket.ts`: accepting sockets, heartbeat, back-pressure, flood control, shutdown;
 * - `subscriptions.ts`: who follows which space with what scope, fan-out and revocation;
 * - `replay.ts`: catching up after `since`, and the kept history (pruning);
 * - `presence.ts`: counts of followers, summed across instances;
 * - `inboxChannel.ts`: the per-user channel: a user's sockets, and theirs only, hear their
 *   unread notification count.
 */
export class LiveHub {
  private readonly steps: SerialSteps;
  private readonly sockets: Sockets;
  private readonly listener: EventListener;
  private readonly subscriptions: Subscriptions;
  private readonly presence: Presence;
  private timers: NodeJS.Timeout[] = [];
  private inboxPresenter: InboxPresenter | null = null;
  /** Told of each events row once it was handed to this instance's sockets (metrics: delivery lag). */
  delivered: ((row: EventRow) => void) | null = null;
  /**
   * Told when a backlog too long to deliver was skipped (`listener.ts`): events up to that
   * position were NOT handed to `delivered`, so anything kept up to date from events (a cache)
   * must drop what it holds.
   */
  skippedBacklog: ((upToId: number) => void) | null = null;
  /**
   * Told of every notice on the sessions channel (a session id, or `user:<id>`), on every
   * instance: an account was deleted or anonymised, disabled, or signed out. Used by the public
   * read cache (`plugins/publicCache.ts`), which drops what it holds (a name may have changed).
   */
  sessionNotice: ((payload: string) => void) | null = null;

  constructor(
    private readonly db: Database,
    private readonly opts: LiveOptions,
  ) {
    this.steps = new SerialSteps(opts.log);
    this.sockets = new Sockets(opts, {
      request: (conn, msg) =>
        this.steps.enqueue(() =>
          msg.type === 'subscribe'
            ? this.subscriptions.subscribe(conn, msg.space, msg.since)
            : this.subscriptions.unsubscribe(conn, msg.space),
        ),
      closed: (conn) => this.subscriptions.removeAll(conn),
    });
    this.listener = new EventListener(db, opts, this.steps, {
      event: async (row) => {
        await this.subscriptions.deliver(row);
        this.delivered?.(row);
      },
      skipped: async (stretch) => {
        await this.subscriptions.skipped(stretch);
        this.skippedBacklog?.(stretch.upTo.id);
      },
      followedSpaces: () => [...this.subscriptions.spaceIds()],
      sessionEnded: (payload) => {
        this.sessionNotice?.(payload);
        return this.subscriptions.endSession(payload);
      },
      presence: (payload) => this.presence.receive(payload),
      inbox: (payload) => this.deliverInbox(payload),
    });
    this.subscriptions = new Subscriptions({
      db,
      maxReplay: opts.maxReplay,
      outbox: this.sockets,
      connections: this.sockets.connections,
      lastSeenKey: () => this.listener.lastSeenKey,
      membersChanged: (spaceId) => this.presence.changed(spaceId),
    });
    this.presence = new Presence(opts.heartbeatMs, this.subscriptions, this.sockets, (payload) =>
      this.listener.publishPresence(payload),
    );
  }

  get size(): number {
    return this.sockets.connections.size;
  }

  /** Subscriptions (a socket following a space) open on this instance. */
  get subscriptionCount(): number {
    let n = 0;
    for (const conn of this.sockets.connections) n += conn.subs.size;
    return n;
  }

  /** The id of the last events row this instance has read and delivered. */
  get lastSeenId(): number {
    return this.listener.lastSeenId;
  }

  /** A committed event waits for an older transaction still open (it is delivered once that one ends). */
  get holdingBack(): boolean {
    return this.listener.holdingBack;
  }

  async start(): Promise<void> {
    await this.listener.start();
    this.timers.push(setInterval(() => this.heartbeat(), Math.round(this.opts.heartbeatMs / this.sockets.slices)));
    this.timers.push(
      setInterval(
        () => void pruneEvents(this.db, this.opts.retentionMs, this.opts.log),
        Math.min(this.opts.retentionMs, 60 * 60 * 1000),
      ),
    );
    this.timers.push(setInterval(() => this.presence.flush(), 1_000));
    for (const t of this.timers) t.unref();
  }

  /** Closes every socket with 1001 (going away) and stops listening. */
  async stop(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    this.sockets.closeAll();
    await this.listener.stop();
    await this.steps.idle();
  }

  accept(socket: WebSocket, user: User | null, sessionId: string | null): void {
    this.sockets.accept(socket, user, sessionId);
  }

  setInboxPresenter(presenter: InboxPresenter): void {
    this.inboxPresenter = presenter;
  }

  /** A user's notifications changed (committed): their own open sockets on this instance hear it. */
  private async deliverInbox(payload: string): Promise<void> {
    const notice = parseInboxNotice(payload);
    if (!notice || !this.inboxPresenter) return;
    const mine = () => [...this.sockets.connections].filter((c) => c.user?.id === notice.u);
    if (mine().length === 0) return;
    const msg = await this.inboxPresenter(notice.u, notice.n);
    if (!msg) return;
    const text = JSON.stringify(msg);
    // Asked again after the await: a socket signed out meanwhile hears nothing.
    for (const conn of mine()) this.sockets.sendRaw(conn, text);
  }

  presenceCount(spaceId: string): number {
    return this.presence.count(spaceId);
  }

  /** A slice of the sockets' heartbeat; the presence counts are re-announced once per interval. */
  private heartbeat(): void {
    if (this.sockets.beat() === 0) this.presence.reannounce();
  }
}
