import type { ServerMessage } from '@convene/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Presence } from './presence.js';
import type { Connection, Outbox, Subscription } from './types.js';

const SPACE = 'space-1';
const HEARTBEAT_MS = 1_000;

/** A subscriber as the hub holds one: only the fields presence reads. */
function subscriber(id: string): [Connection, Subscription] {
  const sub = { spaceId: SPACE, slug: 'rt-1', presenceSent: -1 } as Subscription;
  const conn = { id, subs: new Map([[SPACE, sub]]) } as unknown as Connection;
  return [conn, sub];
}

/** This instance's subscribers of one space, what it sent them and what it told the others. */
function setUp() {
  const members = new Map<string, [Connection, Subscription]>();
  const sent: { to: string; count: number }[] = [];
  const published: string[] = [];
  const outbox: Outbox = {
    send: () => undefined,
    sendRaw: (conn, text) => {
      const msg = JSON.parse(text) as Extract<ServerMessage, { type: 'presence' }>;
      sent.push({ to: conn.id, count: msg.count });
    },
  };
  const presence = new Presence(
    HEARTBEAT_MS,
    {
      count: (spaceId) => (spaceId === SPACE ? members.size : 0),
      spaceIds: () => (members.size ? [SPACE] : []),
      subscribers: (spaceId) => (spaceId === SPACE ? members.values() : [].values()),
    },
    outbox,
    (payload) => published.push(payload),
  );
  const join = (id: string) => {
    members.set(id, subscriber(id));
    presence.changed(SPACE);
  };
  const leave = (id: string) => {
    members.delete(id);
    presence.changed(SPACE);
  };
  /** What was sent since the last call. */
  const drain = () => sent.splice(0);
  return { presence, join, leave, drain, published };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('presence counts sent to subscribers', () => {
  it('sends each subscriber a count once, and nothing when a re-announcement changes nothing', () => {
    const { presence, join, drain, published } = setUp();
    join('a');
    join('b');
    presence.flush();
    expect(drain()).toEqual([
      { to: 'a', count: 2 },
      { to: 'b', count: 2 },
    ]);
    presence.reannounce();
    presence.flush();
    // The other instances are told again (so they can expire a dead one); the sockets are not.
    expect(published).toHaveLength(2);
    expect(drain()).toEqual([]);
  });

  it('sends a newcomer the count even when a join and a leave within one flush left it unchanged', () => {
    const { presence, join, leave, drain } = setUp();
    join('a');
    join('b');
    presence.flush();
    drain();
    join('c');
    leave('b');
    presence.flush();
    expect(drain()).toEqual([{ to: 'c', count: 2 }]);
  });

  it('sends the new total when another instance joins, and again when it falls silent', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { presence, join, drain } = setUp();
    join('a');
    presence.flush();
    drain();
    presence.receive(JSON.stringify({ i: 'other-instance', c: [{ s: SPACE, n: 5 }] }));
    expect(drain()).toEqual([{ to: 'a', count: 6 }]);
    // The same note again changes nothing.
    presence.receive(JSON.stringify({ i: 'other-instance', c: [{ s: SPACE, n: 5 }] }));
    expect(drain()).toEqual([]);
    // Three heartbeats without a note: the other instance no longer counts.
    vi.setSystemTime(Date.now() + 3 * HEARTBEAT_MS + 1);
    presence.reannounce();
    presence.flush();
    expect(drain()).toEqual([{ to: 'a', count: 1 }]);
  });
});
