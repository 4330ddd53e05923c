import { randomUUID } from 'node:crypto';
import { type ClientMessage, LIVE_CLOSE, type ServerMessage, clientMessage } from '@convene/shared';
import type { WebSocket } from 'ws';
import type { User } from '../db/schema/index.js';
import type { Connection, LiveOptions, Outbox } from './types.js';

type Request = Exclude<ClientMessage, { type: 'ping' }>;

export interface SocketHandlers {
  /** A valid subscribe or unsubscribe from the client (ping is answered here). */
  request(conn: Connection, msg: Request): void;
  /** The connection is gone (closed, errored, flooded, too slow, silent); once per connection. */
  closed(conn: Connection): void;
}

/**
 * The instance's sockets: accepting them, the heartbeat that drops silent peers, the
 * back-pressure check on every send (4013), flood control (4029), answering malformed
 * messages without closing, and closing everything with 1001 on shutdown.
 */
export class Sockets implements Outbox {
  private readonly open = new Set<Connection>();

  constructor(
    private readonly opts: Pick<LiveOptions, 'maxBufferBytes' | 'floodLimit' | 'floodWindowMs'>,
    private readonly handlers: SocketHandlers,
  ) {}

  /** The open connections (a live view: closed ones leave it). */
  get connections(): ReadonlySet<Connection> {
    return this.open;
  }

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
    this.open.add(conn);
    socket.on('pong', () => {
      conn.alive = true;
    });
    socket.on('message', (data, isBinary) => this.onMessage(conn, isBinary ? null : data.toString()));
    socket.on('close', () => this.drop(conn));
    socket.on('error', () => this.drop(conn));
  }

  send(conn: Connection, msg: ServerMessage): void {
    this.sendRaw(conn, JSON.stringify(msg));
  }

  sendRaw(conn: Connection, text: string): void {
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

  /** Pings every socket; one that did not answer the previous ping is gone without a goodbye. */
  heartbeat(): void {
    for (const conn of this.open) {
      if (!conn.alive) {
        conn.socket.terminate();
        this.drop(conn);
        continue;
      }
      conn.alive = false;
      conn.socket.ping();
    }
  }

  /** Shutdown: every socket is told the server is going away, so its client reconnects elsewhere. */
  closeAll(): void {
    for (const c of this.open) c.socket.close(LIVE_CLOSE.goingAway, 'server shutting down');
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
    if (parsed.type === 'ping') this.send(conn, { type: 'pong' });
    else this.handlers.request(conn, parsed);
  }

  private drop(conn: Connection): void {
    if (conn.closed) return;
    conn.closed = true;
    this.open.delete(conn);
    this.handlers.closed(conn);
  }
}
