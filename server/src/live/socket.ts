import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { type ClientMessage, LIVE_CLOSE, type ServerMessage, clientMessage } from '@convene/shared';
import type { WebSocket } from 'ws';
import type { User } from '../db/schema/index.js';
import type { Connection, LiveOptions, Outbox } from './types.js';

type Request = Exclude<ClientMessage, { type: 'ping' }>;

/** The heartbeat interval is cut into at most this many slices, each at least MIN_SLICE_MS long. */
const HEARTBEAT_SLICES = 30;
const MIN_SLICE_MS = 100;

/** A ping with no payload, as a server sends it (unmasked; RFC 6455 §5.5.2). */
const PING_FRAME = Buffer.from([0x89, 0x00]);

/** One unmasked, unfragmented WebSocket text frame (RFC 6455 §5.2), as a server sends it. */
export function textFrame(text: string): Buffer {
  const payload = Buffer.from(text, 'utf8');
  const n = payload.length;
  const head = n < 126 ? 2 : n < 65_536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(head + n);
  frame[0] = 0x81; // FIN, opcode 1 (text)
  if (n < 126) frame[1] = n;
  else if (n < 65_536) {
    frame[1] = 126;
    frame.writeUInt16BE(n, 2);
  } else {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(n), 2);
  }
  payload.copy(frame, head);
  return frame;
}

/**
 * Lets go of the HTTP upgrade's request and response, which nothing needs once the socket is
 * open but which would otherwise live as long as it does (about 2 KB a socket: Node's
 * IncomingMessage and ServerResponse with the headers, Fastify's Request and Reply):
 * - @fastify/websocket attaches the response to the TCP socket (`assignSocket`) and, the reply
 *   being hijacked, never detaches it: `detachSocket` does;
 * - its 'error' listener on the WebSocket closes over the request and reply (it logs through
 *   the request and terminates the socket): it is removed, and `accept` adds one doing the same.
 */
function releaseUpgrade(socket: WebSocket): void {
  const tcp = (socket as unknown as WsInternals)._socket as { _httpMessage?: ServerResponse | null } | null | undefined;
  const response = tcp?._httpMessage;
  if (tcp && response && typeof response.detachSocket === 'function') response.detachSocket(tcp as never);
  socket.removeAllListeners('error');
}

/** What `ws` (8.x) keeps of a socket, read to write a ready frame past its sender (see below). */
interface WsInternals {
  _socket?: { write(b: Buffer): boolean } | null;
  _sender?: { _state?: unknown; _queue?: unknown[]; _firstFragment?: unknown } | null;
  _extensions?: Record<string, unknown>;
}

/**
 * The TCP socket under a `ws` WebSocket when a whole frame may be written to it directly: it is
 * open, the sender has nothing queued (no compression, no blob in progress: `_state` 0, empty
 * queue) and is not inside a fragmented message, and no extension is in use. Writing there
 * skips, per socket, the sender's header allocation, the string's encoding and the cork/writev
 * of two chunks; the bytes are what `ws` would send, and `bufferedAmount` still counts them.
 * Null when any of that does not hold (or `ws` changed its internals): the caller uses `send`
 * (or `ping`).
 */
function idleTransport(socket: WebSocket): { write(b: Buffer): boolean } | null {
  // No frame may follow a close frame: a closing socket goes through `ws`, which drops it.
  if (socket.readyState !== socket.OPEN) return null;
  const ws = socket as unknown as WsInternals;
  const sender = ws._sender;
  if (!ws._socket || !sender || sender._state !== 0 || sender._firstFragment !== true) return null;
  if (!Array.isArray(sender._queue) || sender._queue.length !== 0) return null;
  if (!ws._extensions || Object.keys(ws._extensions).length !== 0) return null;
  return ws._socket;
}

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
  /** The last text sent and its WebSocket frame. */
  private framed = '';
  private frame: Buffer = textFrame('');
  /** The heartbeat's slices (see `beat`), the slice a new socket joins and the next one to ping. */
  readonly slices: number;
  private joinSlot = 0;
  private beatSlot = 0;

  constructor(
    private readonly opts: Pick<LiveOptions, 'heartbeatMs' | 'maxBufferBytes' | 'floodLimit' | 'floodWindowMs' | 'log'>,
    private readonly handlers: SocketHandlers,
  ) {
    this.slices = Math.max(1, Math.min(HEARTBEAT_SLICES, Math.floor(opts.heartbeatMs / MIN_SLICE_MS)));
  }

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
      beatSlot: this.joinSlot,
      recent: [],
      closed: false,
    };
    this.joinSlot = (this.joinSlot + 1) % this.slices;
    this.open.add(conn);
    releaseUpgrade(socket);
    socket.on('pong', () => {
      conn.alive = true;
    });
    socket.on('message', (data, isBinary) => this.onMessage(conn, isBinary ? null : data.toString()));
    socket.on('close', () => this.drop(conn));
    socket.on('error', (err) => {
      // What @fastify/websocket's default error handler did (see releaseUpgrade): log, terminate.
      this.opts.log.info({ err }, 'live: socket error');
      socket.terminate();
      this.drop(conn);
    });
  }

  send(conn: Connection, msg: ServerMessage): void {
    this.sendRaw(conn, JSON.stringify(msg));
  }

  /**
   * Sends text already serialized, framed once for every socket it goes to: a fan-out passes the
   * same string to each of its sockets, and the frame (a server's frames are not masked, so it is
   * the same bytes for all) is built for the first and reused for the rest.
   */
  sendRaw(conn: Connection, text: string): void {
    if (conn.closed || conn.socket.readyState !== conn.socket.OPEN) return;
    if (text !== this.framed) {
      this.framed = text;
      this.frame = textFrame(text);
    }
    const frame = this.frame;
    if (conn.socket.bufferedAmount + frame.length > this.opts.maxBufferBytes) {
      conn.socket.close(LIVE_CLOSE.slowConsumer, 'too slow to keep up');
      // Stop feeding it now; the close handshake may take a while behind the full buffer.
      this.drop(conn);
      const t = setTimeout(() => conn.socket.terminate(), 5_000);
      t.unref();
      return;
    }
    const raw = idleTransport(conn.socket);
    if (raw) raw.write(frame);
    else conn.socket.send(text);
  }

  /**
   * One slice of the heartbeat, called every `heartbeatMs / slices`: pings the sockets of the
   * next slice, so each socket is pinged once per `heartbeatMs` and one that did not answer its
   * previous ping is gone without a goodbye. Pinging every socket at once would hold the event
   * loop for the whole round (20,000 sockets: a ping each and then a pong each, hundreds of
   * milliseconds that every request and live event waiting behind them would feel); a slice is
   * a thirtieth of it. Returns the slice pinged (0 once per interval).
   */
  beat(): number {
    const slot = this.beatSlot;
    this.beatSlot = (slot + 1) % this.slices;
    for (const conn of this.open) {
      if (conn.beatSlot !== slot) continue;
      if (!conn.alive) {
        conn.socket.terminate();
        this.drop(conn);
        continue;
      }
      conn.alive = false;
      // The same two bytes for every socket, written as `sendRaw` writes a frame when it can.
      const raw = idleTransport(conn.socket);
      if (raw) raw.write(PING_FRAME);
      else conn.socket.ping();
    }
    return slot;
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
