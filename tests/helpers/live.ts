import type { ServerMessage } from '@convene/shared';
import WebSocket from 'ws';
import { buildApp, type ConveneApp } from '../../server/src/app.js';
import { appendEvent, type EventKind } from '../../server/src/commands/events.js';
import type { Config } from '../../server/src/config.js';
import type { Database } from '../../server/src/db/client.js';

/** A listening instance of the app on a free port (for real sockets). */
export async function startInstance(db: Database, config: Config): Promise<{ app: ConveneApp; url: string }> {
  const app = await buildApp({ db, config, logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address !== 'object') throw new Error('no address');
  return { app, url: `ws://127.0.0.1:${address.port}/api/live` };
}

type Msg = ServerMessage;

/** A real WebSocket client that records every message and can wait for one. */
export class LiveClient {
  readonly messages: Msg[] = [];
  private waiters: { pred: (m: Msg) => boolean; resolve: (m: Msg) => void }[] = [];
  closed: { code: number; reason: string } | null = null;
  private closeWaiters: ((c: { code: number; reason: string }) => void)[] = [];

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const msg = JSON.parse(data.toString()) as Msg;
      this.messages.push(msg);
      this.waiters = this.waiters.filter((w) => {
        if (!w.pred(msg)) return true;
        w.resolve(msg);
        return false;
      });
    });
    socket.on('close', (code, reason) => {
      this.closed = { code, reason: reason.toString() };
      for (const w of this.closeWaiters) w(this.closed);
    });
  }

  static connect(url: string, options: { cookie?: string; origin?: string } = {}): Promise<LiveClient> {
    const headers: Record<string, string> = {};
    if (options.cookie) headers.cookie = options.cookie;
    const socket = new WebSocket(url, { headers, origin: options.origin ?? new URL(url.replace('ws', 'http')).origin });
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(new LiveClient(socket)));
      socket.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
      socket.once('error', reject);
    });
  }

  send(msg: unknown): void {
    this.socket.send(typeof msg === 'string' ? msg : JSON.stringify(msg));
  }

  /** Resolves with the first message (already received or future) that matches. */
  waitFor<T extends Msg = Msg>(pred: (m: Msg) => boolean, timeoutMs = 10_000, label = 'message'): Promise<T> {
    const found = this.messages.find(pred);
    if (found) return Promise.resolve(found as T);
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${label}`)), timeoutMs);
      this.waiters.push({
        pred,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m as T);
        },
      });
    });
  }

  waitForClose(timeoutMs = 10_000): Promise<{ code: number; reason: string }> {
    if (this.closed) return Promise.resolve(this.closed);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('timed out waiting for close')), timeoutMs);
      this.closeWaiters.push((c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
  }

  async subscribe(space: string, since?: number): Promise<Extract<Msg, { type: 'ready' }>> {
    const before = this.messages.length;
    this.send(since === undefined ? { type: 'subscribe', space } : { type: 'subscribe', space, since });
    return this.waitFor((m) => m.type === 'ready' && m.space === space && this.messages.indexOf(m) >= before);
  }

  events(space?: string): Extract<Msg, { type: 'event' }>[] {
    return this.messages.filter(
      (m): m is Extract<Msg, { type: 'event' }> => m.type === 'event' && (space === undefined || m.space === space),
    );
  }

  close(): void {
    this.socket.close();
  }
}

/** Writes one event in its own transaction, as a command would. */
export async function emit(
  db: Database,
  spaceId: string,
  kind: EventKind,
  payload: Record<string, unknown> = {},
  userId?: string,
): Promise<number> {
  return db.transaction((tx) => appendEvent(tx, { kind, spaceId, payload, ...(userId ? { userId } : {}) }));
}
