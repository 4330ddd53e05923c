import type { ServerMessage } from '@convene/shared';
import type { WebSocket } from 'ws';
import type { EventRow, User } from '../db/schema/index.js';
import type { SpaceScope } from '../policies/index.js';
import type { EventKey } from './order.js';

/** The shapes the live hub's parts share; no behaviour here. */

export interface LiveLog {
  info(o: object, m?: string): void;
  warn(o: object, m?: string): void;
  error(o: object, m?: string): void;
}

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
  /**
   * A backlog (events not yet read by this instance) longer than this many event ids is not
   * delivered row by row: all but about its newest 50 events become a `reset` for the sockets of
   * the spaces they touched, and the stream goes on from there. Default 1,000.
   */
  maxBacklog?: number;
  log: LiveLog;
}

/** One socket's interest in one space, with what its user may see there right now. */
export interface Subscription {
  spaceId: string;
  parentId: string | null;
  slug: string;
  scope: SpaceScope;
  /** While replaying, live events wait here so none is lost or sent twice. */
  buffer: EventRow[] | null;
  /** Position (`order.ts`) of the last event considered for this subscription (sent or not visible). */
  lastKey: EventKey;
  /** The presence count this subscriber was last sent (-1: none yet); it is sent only a changed one. */
  presenceSent: number;
}

/** One accepted socket, its user (null once signed out) and its subscriptions by space id. */
export interface Connection {
  id: string;
  socket: WebSocket;
  user: User | null;
  sessionId: string | null;
  subs: Map<string, Subscription>;
  alive: boolean;
  /** Which slice of the heartbeat interval pings this socket (`socket.ts`). */
  beatSlot: number;
  recent: number[];
  closed: boolean;
}

/** How the other parts send to a socket: through its back-pressure check (see `socket.ts`). */
export interface Outbox {
  send(conn: Connection, msg: ServerMessage): void;
  /** For text already serialized once for many sockets. */
  sendRaw(conn: Connection, text: string): void;
}
