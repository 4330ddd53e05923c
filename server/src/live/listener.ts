import { asc, gt } from 'drizzle-orm';
import pg from 'pg';
import { EVENTS_CHANNEL } from '../commands/events.js';
import type { Database } from '../db/client.js';
import { type EventRow, events } from '../db/schema/index.js';
import { INBOX_CHANNEL } from './inboxChannel.js';
import { newestEventId } from './replay.js';
import type { SerialSteps } from './serial.js';
import type { LiveLog } from './types.js';

/** Notified with a session id, or `user:<id>` for every session of a user, when sessions end. */
export const SESSIONS_CHANNEL = 'convene_sessions';
/** Instances tell each other how many sockets they hold per space. */
const PRESENCE_CHANNEL = 'convene_presence';

/** Rows read from the events table per query while catching up. */
const POLL_BATCH = 500;

export interface ListenerHandlers {
  /** Each new events row, once, in id order (which is commit order); awaited before the next. */
  event(row: EventRow): Promise<void>;
  /** A session (or every session of a user) ended; runs as a step of the chain. */
  sessionEnded(payload: string): Promise<void>;
  /** Another instance's presence note (or our own, echoed back). */
  presence(payload: string): void;
  /** A user's notifications changed (`inboxChannel.ts`); runs as a step of the chain. */
  inbox(payload: string): Promise<void>;
}

/**
 * The instance's LISTEN connection to PostgreSQL. A notify on the events channel only wakes it:
 * it then reads every row after the last one it read from the table, so nothing is lost between
 * notifies, across a reconnect, or when several commits share one wake-up. The connection is
 * re-opened with backoff (250 ms doubling to 5 s) when it drops.
 */
export class EventListener {
  private client: pg.Client | null = null;
  private seen = 0;
  private pollQueued = false;
  private stopped = false;
  private reconnectDelay = 250;

  constructor(
    private readonly db: Database,
    private readonly opts: { connectionString: string; log: LiveLog },
    private readonly steps: SerialSteps,
    private readonly handlers: ListenerHandlers,
  ) {}

  /** The id of the last events row this instance has read and dispatched. */
  get lastSeenId(): number {
    return this.seen;
  }

  /** Starts after the newest event already stored (a new instance replays nothing by itself). */
  async start(): Promise<void> {
    this.seen = await newestEventId(this.db);
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
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
      if (n.channel === EVENTS_CHANNEL) this.schedulePoll();
      else if (n.channel === SESSIONS_CHANNEL && n.payload)
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
    if (this.pollQueued) return;
    this.pollQueued = true;
    this.steps.enqueue(async () => {
      this.pollQueued = false;
      await this.poll();
    });
  }

  private async poll(): Promise<void> {
    for (;;) {
      const rows = await this.db
        .select()
        .from(events)
        .where(gt(events.id, this.seen))
        .orderBy(asc(events.id))
        .limit(POLL_BATCH);
      for (const row of rows) {
        await this.handlers.event(row);
        this.seen = row.id;
      }
      if (rows.length < POLL_BATCH) return;
    }
  }
}
