import type { InboxItem, InboxResponse } from '@convene/shared';
import { type InfiniteData, InfiniteQueryObserver, QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { inboxQuery, receiveNotice } from '../features/notifications/api/notifications';
import { applyChange } from './cacheChange';

/**
 * A server whose answers are read when asked but delivered only when released: a fetch can be in
 * flight, holding what it read, while a change is committed and applied to the cache.
 */
function slowServer<T>(initial: T) {
  let state = initial;
  const waiting: (() => void)[] = [];
  return {
    set(next: T) {
      state = next;
    },
    read(): Promise<T> {
      const snapshot = state;
      return new Promise((resolve) => waiting.push(() => resolve(snapshot)));
    },
    /** Delivers every answer asked for so far, and those asked for meanwhile, until none is left. */
    async releaseAll() {
      for (let i = 0; i < 50; i++) {
        await new Promise((r) => setTimeout(r, 0));
        const next = waiting.shift();
        if (!next) return;
        next();
      }
    },
    get asked() {
      return waiting.length;
    },
  };
}

const clients: QueryClient[] = [];
const client = () => {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 30_000 } } });
  clients.push(qc);
  return qc;
};
afterEach(() => {
  for (const qc of clients.splice(0)) qc.clear();
});

const add = (item: string) => (old: string[] | undefined) => (old && !old.includes(item) ? [...old, item] : old);

describe('a committed change written into the cache', () => {
  it('holds when a refetch that read the server before it answers afterwards', async () => {
    const qc = client();
    const server = slowServer(['a']);
    const key = ['list'];
    const loaded = qc.fetchQuery({ queryKey: key, queryFn: () => server.read() });
    await server.releaseAll();
    await loaded;

    void qc.refetchQueries({ queryKey: key });
    expect(server.asked).toBe(1); // in flight, holding ['a']
    server.set(['a', 'b']);
    applyChange(qc, { queryKey: key }, add('b'));
    expect(qc.getQueryData(key)).toEqual(['a', 'b']);
    await server.releaseAll();
    await expect.poll(() => qc.getQueryState(key)?.fetchStatus).toBe('idle');
    expect(qc.getQueryData(key)).toEqual(['a', 'b']);
  });

  it('costs one restart and one fetch after it for a burst of changes during a refetch', async () => {
    const qc = client();
    const server = slowServer<string[]>([]);
    const reads = { count: 0 };
    const key = ['burst'];
    const queryFn = () => {
      reads.count++;
      return server.read();
    };
    const loaded = qc.fetchQuery({ queryKey: key, queryFn });
    await server.releaseAll();
    await loaded;

    void qc.refetchQueries({ queryKey: key });
    const burst = Array.from({ length: 20 }, (_, i) => `c${i}`);
    for (const [i, item] of burst.entries()) {
      server.set(burst.slice(0, i + 1));
      applyChange(qc, { queryKey: key }, add(item));
      // The restarted fetch is sent between the changes, as a socket's messages are separate tasks.
      if (i === 0) await new Promise((r) => setTimeout(r, 0));
    }
    await server.releaseAll();
    await expect.poll(() => qc.getQueryState(key)?.fetchStatus).toBe('idle');
    expect(qc.getQueryData(key)).toEqual(burst);
    // The first load, the refetch, its restart, and the one fetch after the restart.
    expect(reads.count).toBe(4);
  });

  it('holds across a "show more" in flight, which keeps the pages it started from', async () => {
    const qc = client();
    const pages = slowServer<Record<number, string[]>>({ 0: ['a'], 1: ['c'] });
    const key = ['pages'];
    const observer = new InfiniteQueryObserver(qc, {
      queryKey: key,
      queryFn: async ({ pageParam }) => (await pages.read())[pageParam] ?? [],
      initialPageParam: 0,
      getNextPageParam: (_last, all) => (all.length < 2 ? all.length : undefined),
    });
    const stop = observer.subscribe(() => undefined);
    await pages.releaseAll();
    await expect.poll(() => qc.getQueryData<InfiniteData<string[]>>(key)?.pages).toEqual([['a']]);

    const more = observer.fetchNextPage();
    pages.set({ 0: ['a', 'b'], 1: ['c'] });
    applyChange<InfiniteData<string[]>>(qc, { queryKey: key }, (old) =>
      old ? { ...old, pages: old.pages.map((p, i) => (i === 0 ? (add('b')(p) ?? p) : p)) } : old,
    );
    await pages.releaseAll();
    await more;
    await expect.poll(() => qc.getQueryData<InfiniteData<string[]>>(key)?.pages).toEqual([['a', 'b'], ['c']]);
    await pages.releaseAll();
    await expect.poll(() => qc.getQueryState(key)?.fetchStatus).toBe('idle');
    expect(qc.getQueryData<InfiniteData<string[]>>(key)?.pages).toEqual([['a', 'b'], ['c']]);
    stop();
  });

  it('is fetched again when it came during the first load, with nothing cached to change', async () => {
    const qc = client();
    const server = slowServer(['a']);
    const key = ['first'];
    const stop = new QueryObserver(qc, { queryKey: key, queryFn: () => server.read() }).subscribe(() => undefined);
    expect(server.asked).toBe(1);
    server.set(['a', 'b']);
    applyChange(qc, { queryKey: key }, add('b'));
    await server.releaseAll();
    await expect.poll(() => qc.getQueryData(key)).toEqual(['a', 'b']);
    stop();
  });

  it('keeps a live notification that arrives while the menu refetches (the bell and the list agree)', async () => {
    const qc = client();
    const item = (id: string, read: boolean) => ({ id, read }) as InboxItem;
    const server = slowServer<InboxResponse>({ items: [item('n1', true)], unread: 0, nextCursor: null });
    const { queryKey } = inboxQuery('u1');
    const stop = new InfiniteQueryObserver(qc, { ...inboxQuery('u1'), queryFn: () => server.read() }).subscribe(
      () => undefined,
    );
    await server.releaseAll();
    await expect.poll(() => qc.getQueryData<InfiniteData<InboxResponse>>(queryKey)?.pages[0]?.items.length).toBe(1);

    // Marked read in another tab: the notice names no item, so the list is refetched…
    receiveNotice(qc, 'u1', 0, undefined);
    expect(server.asked).toBe(1);
    // …and a moderator's decision is committed and heard before that refetch answers.
    const n2 = item('n2', false);
    server.set({ items: [n2, item('n1', true)], unread: 1, nextCursor: null });
    receiveNotice(qc, 'u1', 1, n2);
    await server.releaseAll();
    await expect.poll(() => qc.getQueryState(queryKey)?.fetchStatus).toBe('idle');
    const page = qc.getQueryData<InfiniteData<InboxResponse>>(queryKey)?.pages[0];
    expect(page?.unread).toBe(1);
    expect(page?.items.map((i) => i.id)).toEqual(['n2', 'n1']);
    stop();
  });
});
