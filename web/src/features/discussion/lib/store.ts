/**
 * A tiny observable value. The page keeps its live counters, announcements and dialog requests
 * here, so an event re-renders only the small component that shows it, not the discussion.
 */
export interface Store<T> {
  get(): T;
  set(next: T | ((prev: T) => T)): void;
  subscribe(listener: () => void): () => void;
}

export function createStore<T>(initial: T): Store<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next) {
      const v = typeof next === 'function' ? (next as (prev: T) => T)(value) : next;
      if (Object.is(v, value)) return;
      value = v;
      for (const l of listeners) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** New comments announced by the live channel but not yet shown, by list (question id or "none"). */
export interface PendingNew {
  /** Comment ids, so a replayed event is not counted twice. */
  ids: ReadonlySet<string>;
  /** Which lists to refresh when the reader asks to see them, with the first new comment of each. */
  lists: ReadonlyMap<string, string>;
}

export const emptyPending: PendingNew = { ids: new Set(), lists: new Map() };

export function addPending(p: PendingNew, commentId: string, list: string): PendingNew {
  if (p.ids.has(commentId)) return p;
  const ids = new Set(p.ids).add(commentId);
  const lists = new Map(p.lists);
  if (!lists.has(list)) lists.set(list, commentId);
  return { ids, lists };
}

export function dropPending(p: PendingNew, commentId: string): PendingNew {
  if (!p.ids.has(commentId)) return p;
  const ids = new Set(p.ids);
  ids.delete(commentId);
  return ids.size === 0 ? emptyPending : { ids, lists: p.lists };
}
