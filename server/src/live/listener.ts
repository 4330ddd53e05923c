import pg from 'pg';
import { EVENTS_CHANNEL } from '../commands/events.js';
import type { Database } from '../db/client.js';
import type { EventRow } from '../db/schema/index.js';
import { INBOX_CHANNEL } from './inboxChannel.js';
import { type EventKey, ORIGIN, keyOf, newestKey, readAfter, skipStretch } from './order.js';
import type { SerialSteps } from './serial.js';
import type { LiveLog } from './types.js';

/** Notified with a session id, or `user:<id>` for every session of a user, when sessions end. */
export const SESSIONS_CHANNEL = 'convene_sessions';
/** Instances tell each other how many sockets they hold per space. */
const PRESENCE_CHANNEL = 'convene_presence';

/** Rows read from the events table per query while catching up. */
const POLL_BATCH = 1_000;
/** While a committed row waits for an older transaction, it is looked at again after this… */
const RECHECK_MIN_MS = 10;
/** …doubling up to this while nothing moves. */
const RECHECK_MAX_MS = 1_000;
const DEFAULT_MAX_BACKLOG = 1_000;
/** After a skip, the newest events (about this many) are still delivered as events. */
const SKIP_KEEPS = 50;

/** A stretch of the backlog that was skipped instead of delivered (`maxBacklog`). */
export interface SkippedStretch {
  /** Spaces with a `space.changed` in it: their subscriptions' scopes must be recomputed. */
  changed: string[];
  /** Spaces, among those followed here, with any event in it: their sockets are sent `reset`. */
  touched: string[];
  /** The position the stream continues after. */
  upTo: EventKey;
}

export interface ListenerHandlers {
  /** Each new events row, once, in delivery order (`order.ts`); awaited before the next. */
  event(row: EventRow): Promise<void>;
  /** A backlog too long to deliver was skipped up to `upTo`; awaited before the rows after it. */
  skipped(stretch: SkippedStretch): Promise<void>;
  /** Spaces followed on this instance (a skipped stretch is checked against them). */
  followedSpaces(): string[];
  /** A session (or every session of a user) ended; runs as a step of the chain. */
  sessionEnded(payload: string): Promise<void>;
  /** Another instance's presence note (or our own, echoed back). */
  presence(payload: string): void;
  /** A user's notifications changed (`inboxChannel.ts`); runs as a step of the chain. */
  inbox(payload: string): Promise<void>;
}

/**
 * The instance's LISTEN connection to PostgreSQL. A notify on the events channel only wakes it:
 * it then reads every deliverable row after its position from the table (`order.ts`), so
 * nothing is lost between notifies, across a reconnect, or when several commits share one
 * wake-up. A committed row that must wait for an older open transaction is read again on the
 * next notify or on a short re-check timer, whichever comes first. The connection is re-opened
 * with backoff (250 ms doubling to 5 s) when it drops.
 */
export class EventListener {
  private client: pg.Client | null = null;
  private position: EventKey = ORIGIN;
  /** The highest event id a NOTIFY named (each events NOTIFY carries its row's id). */
  private notifiedId = 0;
  private pollQueued = false;
  private stopped = false;
  private reconnectDelay = 250;
  private recheck: NodeJS.Timeout | null = null;
  private recheckDelay = RECHECK_MIN_MS;
  private waiting = false;

  constructor(
    private readonly db: Database,
    private readonly opts: { connectionString: string; log: LiveLog; maxBacklog?: number | undefined },
    private readonly steps: SerialSteps,
    private readonly handlers: ListenerHandlers,
  ) {}

  private get maxBacklog(): number {
    return this.opts.maxBacklog ?? DEFAULT_MAX_BACKLOG;
  }

  /** The position of the last events row this instance has read and dispatched (or skipped). */
  get lastSeenKey(): EventKey {
    return this.position;
  }

  /** Whether the last read found a committed row still waiting for an older open transaction. */
  get holdingBack(): boolean {
    return this.waiting;
  }

  /** The id of that row (0 before any). */
  get lastSeenId(): number {
    return this.position.id;
  }

  /** Starts after the newest deliverable event already stored (a new instance replays nothing by itself). */
  async start(): Promise<void> {
    this.position = await newestKey(this.db);
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.recheck) clearTimeout(this.recheck);
    this.recheck = null;
    const client = this.client;
    this.client = null;
    if (client) await client.end().catch(() => {});
  }

  /** Sends a presence note to every instance (none while the connection is down). */
  publishPresence(payload: string): void {
    this.client?.query(`SELECT pg_notify($1, $2)`, [PRESENCE_CHANNEL, payload]).catch(() => {});
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.opts.connectionString });
    const lost = (err?: unknown) => {
      if (this.client !== client) return;
      this.client = null;
      client.removeAllListeners();
      client.end().catch(() => {});
      if (this.stopped) return;
      this.opts.log.warn({ err }, 'live: LISTEN connection lost; reconnecting');
      this.scheduleReconnect();
    };
    client.on('error', lost);
    client.on('end', () => lost());
    client.on('notification', (n) => {
      if (n.channel === EVENTS_CHANNEL) {
        const id = Number(n.payload);
        if (Number.isSafeInteger(id) && id > this.notifiedId) this.notifiedId = id;
        this.schedulePoll();
      } else if (n.channel === SESSIONS_CHANNEL && n.payload)
        this.steps.enqueue(() => this.handlers.sessionEnded(n.payload ?? ''));
      else if (n.channel === PRESENCE_CHANNEL && n.payload) this.handlers.presence(n.payload);
      else if (n.channel === INBOX_CHANNEL && n.payload) this.steps.enqueue(() => this.handlers.inbox(n.payload ?? ''));
    });
    await client.connect();
    await client.query(`LISTEN ${EVENTS_CHANNEL}`);
    await client.query(`LISTEN ${SESSIONS_CHANNEL}`);
    await client.query(`LISTEN ${PRESENCE_CHANNEL}`);
    await client.query(`LISTEN ${INBOX_CHANNEL}`);
    this.client = client;
    this.reconnectDelay = 250;
    // Anything committed while we were not listening is read from the table: no silent gap.
    this.schedulePoll();
  }

  private scheduleReconnect(): void {
    const delay = this.reconnectDelay;
    this.reconnectDelay = Math.min(this.reconnectDelay * 2, 5_000);
    const t = setTimeout(() => {
      if (this.stopped) return;
      this.connect().catch((err: unknown) => {
        this.opts.log.warn({ err }, 'live: reconnect failed');
        this.scheduleReconnect();
      });
    }, delay);
    t.unref();
  }

  /** At most one poll waits in the chain; notifies arriving meanwhile are covered by it. */
  private schedulePoll(): void {
    if (this.pollQueued || this.stopped) return;
    this.pollQueued = true;
    this.steps.enqueue(async () => {
      this.pollQueued = false;
      await this.poll();
    });
  }

  private async poll(): Promise<void> {
    const start = this.position;
    let pending = false;
    // After a failed skip (the id gap was holes, not rows), read row by row this time.
    let mayBeLong = true;
    try {
      // A NOTIFY already named an id that far ahead: skip first, without a read that would only
      // find the backlog long (the same estimate `readAfter` makes from the newest id).
      if (this.notifiedId - this.position.id > this.maxBacklog) mayBeLong = await this.skipBacklog();
      for (;;) {
        const batch = await readAfter(this.db, this.position, POLL_BATCH, mayBeLong ? this.maxBacklog : null);
        pending = batch.pending;
        if (batch.long) {
          mayBeLong = await this.skipBacklog();
          continue;
        }
        for (const row of batch.rows) {
          await this.handlers.event(row);
          this.position = keyOf(row);
        }
        if (batch.rows.length < POLL_BATCH) break;
      }
    } finally {
      this.afterPoll(pending, this.position !== start);
    }
  }

  /** A committed row still waits: look again soon (sooner again once the stream moved). */
  private afterPoll(pending: boolean, moved: boolean): void {
    this.waiting = pending;
    if (!pending || this.stopped) {
      this.recheckDelay = RECHECK_MIN_MS;
      return;
    }
    if (moved) this.recheckDelay = RECHECK_MIN_MS;
    if (this.recheck) return;
    const delay = this.recheckDelay;
    this.recheckDelay = Math.min(this.recheckDelay * 2, RECHECK_MAX_MS);
    this.recheck = setTimeout(() => {
      this.recheck = null;
      this.schedulePoll();
    }, delay);
    this.recheck.unref();
  }

  /**
   * More than `maxBacklog` events wait: skip all but about the newest `SKIP_KEEPS` of them. The
   * spaces whose subscribers would have heard of the skipped ones are told to reset (after their
   * scopes are recomputed where a `space.changed` lies in the stretch). True when something was
   * skipped.
   */
  private async skipBacklog(): Promise<boolean> {
    const from = this.position;
    const stretch = await skipStretch(
      this.db,
      from,
      Math.min(SKIP_KEEPS, this.maxBacklog),
      this.handlers.followedSpaces(),
    );
    if (!stretch) return false;
    const { upTo, touched } = stretch;
    await this.handlers.skipped(stretch);
    this.position = upTo;
    this.opts.log.warn(
      { fromId: from.id, toId: upTo.id, resetSpaces: touched.length },
      'live: event backlog too long to deliver; the sockets of the spaces it touched were sent reset',
    );
    return true;
  }
}
