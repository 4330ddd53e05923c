import type { ServerMessage } from '@convene/shared';
import { useEffect, useRef, useSyncExternalStore } from 'react';

/** `idle` until a page first subscribes to a space (or a signed-in person's notifications menu listens): no socket is opened for pages that need none. */
export type LiveStatus = 'idle' | 'connecting' | 'online' | 'reconnecting' | 'offline';
type EventMessage = Extract<ServerMessage, { type: 'event' }>;
export type NotificationsMessage = Extract<ServerMessage, { type: 'notifications' }>;

/** The signed-in user's own notices: their unread count changed, or the socket (re)opened. */
export interface NotificationsListener {
  onNotifications(msg: NotificationsMessage): void;
  /** The socket opened again: what changed meanwhile is refetched. */
  onOpen?: () => void;
}

export interface SpaceListener {
  onEvent?: (e: EventMessage) => void;
  /** Replay could not bring the page up to date: refetch what is shown. */
  onReset?: () => void;
  onPresence?: (count: number) => void;
}

interface SpaceState {
  lastEventId: number | null;
  listeners: Set<SpaceListener>;
}

/**
 * One WebSocket for the whole app. It resubscribes after every reconnect with the id of the last
 * event received per space (the last, not the highest), so the server replays exactly what was missed; backoff grows to 30 s.
 */
class LiveConnection {
  private socket: WebSocket | null = null;
  private spaces = new Map<string, SpaceState>();
  private inbox = new Set<NotificationsListener>();
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private statusValue: LiveStatus = 'idle';
  private statusListeners = new Set<() => void>();
  private started = false;

  get status(): LiveStatus {
    return this.statusValue;
  }

  private setStatus(s: LiveStatus) {
    if (s === this.statusValue) return;
    this.statusValue = s;
    for (const l of this.statusListeners) l();
  }

  onStatus(listener: () => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  private start() {
    if (this.started || typeof window === 'undefined') return;
    this.started = true;
    window.addEventListener('online', () => this.reconnectNow());
    window.addEventListener('offline', () => this.setStatus('offline'));
    this.connect();
  }

  /** After sign-in or sign-out the socket must carry the new cookie. */
  reconnectNow() {
    if (!this.started) return;
    this.attempt = 0;
    if (this.timer) clearTimeout(this.timer);
    const old = this.socket;
    this.socket = null;
    old?.close(1000, 'reconnect');
    this.connect();
  }

  private connect() {
    const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const ws = new WebSocket(`${proto}//${location.host}/api/live`);
    this.socket = ws;
    this.setStatus(this.attempt === 0 ? 'connecting' : 'reconnecting');
    ws.onopen = () => {
      this.attempt = 0;
      this.setStatus('online');
      for (const slug of this.spaces.keys()) this.sendSubscribe(slug);
      for (const l of this.inbox) l.onOpen?.();
    };
    ws.onmessage = (e) => this.receive(e.data);
    ws.onclose = () => {
      if (this.socket !== ws) return;
      this.socket = null;
      this.setStatus(navigator.onLine === false ? 'offline' : 'reconnecting');
      const delay = Math.min(30_000, 500 * 2 ** this.attempt) * (0.75 + Math.random() * 0.5);
      this.attempt += 1;
      this.timer = setTimeout(() => this.connect(), delay);
    };
  }

  private receive(raw: unknown) {
    const msg = serverMessageOf(raw);
    if (!msg) return;
    if (msg.type === 'error' || msg.type === 'pong') return;
    if (msg.type === 'notifications') {
      for (const l of this.inbox) l.onNotifications(msg);
      return;
    }
    const state = this.spaces.get(msg.space);
    if (!state) return;
    switch (msg.type) {
      // The resume cursor is the last event received, not the highest id: events arrive in
      // commit order (the server's (transaction, id) order), so ids need not increase.
      case 'ready':
        state.lastEventId = msg.lastEventId;
        return;
      case 'event':
        state.lastEventId = msg.id;
        for (const l of state.listeners) l.onEvent?.(msg);
        return;
      case 'reset':
        state.lastEventId = null;
        for (const l of state.listeners) l.onReset?.();
        return;
      case 'presence':
        for (const l of state.listeners) l.onPresence?.(msg.count);
        return;
    }
  }

  private sendSubscribe(slug: string) {
    const state = this.spaces.get(slug);
    if (!state || this.socket?.readyState !== WebSocket.OPEN) return;
    const since = state.lastEventId;
    this.socket.send(
      JSON.stringify(since === null ? { type: 'subscribe', space: slug } : { type: 'subscribe', space: slug, since }),
    );
  }

  subscribe(slug: string, listener: SpaceListener): () => void {
    this.start();
    let state = this.spaces.get(slug);
    if (!state) {
      state = { lastEventId: null, listeners: new Set() };
      this.spaces.set(slug, state);
      this.sendSubscribe(slug);
    }
    state.listeners.add(listener);
    return () => {
      const s = this.spaces.get(slug);
      if (!s) return;
      s.listeners.delete(listener);
      if (s.listeners.size === 0) {
        this.spaces.delete(slug);
        if (this.socket?.readyState === WebSocket.OPEN)
          this.socket.send(JSON.stringify({ type: 'unsubscribe', space: slug }));
      }
    };
  }

  /** The signed-in user's notices (the server sends them to every socket of that user, unasked). */
  onNotifications(listener: NotificationsListener): () => void {
    this.start();
    this.inbox.add(listener);
    return () => this.inbox.delete(listener);
  }
}

export const live = new LiveConnection();

export function useLiveStatus(): LiveStatus {
  return useSyncExternalStore(
    (cb) => live.onStatus(cb),
    () => live.status,
    () => 'idle',
  );
}

/** Listens to a space's live events while the component is mounted. */
export function useLiveSpace(slug: string | undefined, listener: SpaceListener): void {
  const ref = useRef(listener);
  // The latest handlers, without resubscribing when they change.
  useEffect(() => {
    ref.current = listener;
  });
  useEffect(() => {
    if (!slug) return;
    return live.subscribe(slug, {
      onEvent: (e) => ref.current.onEvent?.(e),
      onReset: () => ref.current.onReset?.(),
      onPresence: (n) => ref.current.onPresence?.(n),
    });
  }, [slug]);
}

/**
 * A message from the live channel, or null for one that is not JSON or has no type. The server
 * builds every message as the shared `serverMessage` (see src/lib/api.ts on why it is not parsed
 * again here); the handlers above only act on the types they know.
 */
function serverMessageOf(raw: unknown): ServerMessage | null {
  try {
    const msg = JSON.parse(String(raw)) as Partial<ServerMessage> | null;
    return typeof msg === 'object' && msg !== null && typeof msg.type === 'string' ? (msg as ServerMessage) : null;
  } catch {
    return null;
  }
}
