import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { Sockets } from './socket.js';
import type { Connection } from './types.js';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Real sockets on loopback: what each client heard, in order (pings and text). */
interface Client {
  ws: WebSocket;
  heard: string[];
}

function nth<T>(list: T[], i: number): T {
  const item = list[i];
  if (item === undefined) throw new Error(`no item ${i}`);
  return item;
}

const servers: WebSocketServer[] = [];
const clients: WebSocket[] = [];

afterEach(async () => {
  for (const ws of clients.splice(0)) ws.terminate();
  for (const s of servers.splice(0)) await new Promise((r) => s.close(r));
});

/** `Sockets` with heartbeatMs 300 (3 slices) and `n` clients accepted one after another. */
async function setUp(n: number, { answersPings = () => true }: { answersPings?: (i: number) => boolean } = {}) {
  const closed: Connection[] = [];
  const sockets = new Sockets(
    { heartbeatMs: 300, maxBufferBytes: 1 << 20, floodLimit: 100, floodWindowMs: 10_000, log: quiet },
    { request: () => undefined, closed: (conn) => closed.push(conn) },
  );
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  servers.push(server);
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  const list: Client[] = [];
  /** The server's end of each client's socket. */
  const accepted: WebSocket[] = [];
  for (let i = 0; i < n; i++) {
    const connection = once(server, 'connection');
    const ws = new WebSocket(`ws://127.0.0.1:${port}`, { autoPong: answersPings(i) });
    const opened = once(ws, 'open');
    clients.push(ws);
    const client: Client = { ws, heard: [] };
    ws.on('ping', () => client.heard.push('ping'));
    ws.on('message', (data: Buffer) => client.heard.push(data.toString()));
    list.push(client);
    const [socket] = (await connection) as [WebSocket];
    sockets.accept(socket, null, null);
    accepted.push(socket);
    await opened;
  }
  /** Sends `mark` to every socket and waits until each has heard it (pings sent before it arrive first). */
  const mark = async (text: string) => {
    for (const conn of sockets.connections) sockets.sendRaw(conn, text);
    await Promise.all(
      list
        .filter((c) => c.ws.readyState === WebSocket.OPEN)
        .map((c) => (c.heard.includes(text) ? undefined : once(c.ws, 'message'))),
    );
  };
  return { sockets, clients: list, accepted, closed, mark };
}

describe('the heartbeat, a slice at a time', () => {
  it('pings one slice of the sockets per beat, and every socket once per interval', async () => {
    const { sockets, clients: list, accepted, mark } = await setUp(6);
    expect(sockets.slices).toBe(3);
    // The sockets accepted first and fourth are slice 0.
    const answered = Promise.all([once(nth(accepted, 0), 'pong'), once(nth(accepted, 3), 'pong')]);
    expect(sockets.beat()).toBe(0);
    await mark('m1');
    expect(list.map((c) => c.heard.join(' '))).toEqual(['ping m1', 'm1', 'm1', 'ping m1', 'm1', 'm1']);
    expect(sockets.beat()).toBe(1);
    expect(sockets.beat()).toBe(2);
    await mark('m2');
    for (const c of list) expect(c.heard.filter((h) => h === 'ping')).toHaveLength(1);
    // The next interval starts with slice 0 again; its sockets answered, so they are pinged again.
    await answered;
    expect(sockets.beat()).toBe(0);
    await mark('m3');
    expect(list.map((c) => c.heard.filter((h) => h === 'ping').length)).toEqual([2, 1, 1, 2, 1, 1]);
    expect(sockets.connections.size).toBe(6);
  });

  it('drops a socket that did not answer its ping when its slice comes round again', async () => {
    // The fourth socket (slice 0) never answers pings.
    const { sockets, clients: list, accepted, closed, mark } = await setUp(4, { answersPings: (i) => i !== 3 });
    const answered = once(nth(accepted, 0), 'pong');
    sockets.beat();
    await answered;
    sockets.beat();
    sockets.beat();
    await mark('m2');
    expect(closed).toHaveLength(0);
    const gone = once(nth(list, 3).ws, 'close');
    expect(sockets.beat()).toBe(0);
    await gone;
    expect(closed).toHaveLength(1);
    expect(sockets.connections.size).toBe(3);
    expect(nth(list, 0).ws.readyState).toBe(WebSocket.OPEN);
  });
});
