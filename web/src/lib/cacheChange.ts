import type { Query, QueryClient, QueryFilters } from '@tanstack/react-query';

/**
 * Writes a change the server has already committed (a live event, a decision's answer) into the
 * cached queries that `filters` match, so that it holds even when one of them is being fetched.
 *
 * A fetch in flight may have read the server before the change, and its answer replaces the
 * cache — an infinite query's "show more" too, which keeps the pages it started from. So:
 * - a refetch of data already shown is restarted, and its answer is read after the change;
 * - a "show more", a first load (nothing cached to change yet), or a fetch this function has
 *   already restarted is let finish, then fetched once more.
 * A burst of changes during one fetch costs at most one restart and one fetch after it.
 */
export function applyChange<T>(
  qc: QueryClient,
  filters: QueryFilters,
  updater: (old: T | undefined) => T | undefined,
): void {
  qc.setQueriesData<T>(filters, updater);
  for (const q of qc.getQueryCache().findAll({ ...filters, fetchStatus: 'fetching' })) refetchAfter(qc, q);
}

/** The fetch each query was last restarted with here. */
const restarted = new WeakMap<Query, Promise<unknown>>();
/** The fetches that already have a fetch due after them. */
const followed = new WeakSet<Promise<unknown>>();

function refetchAfter(qc: QueryClient, q: Query): void {
  const current = q.promise;
  if (!current) return;
  // invalidateQueries cancels a refetch in flight and starts another (its `cancelRefetch`).
  const refetch = () => qc.invalidateQueries({ queryKey: q.queryKey, exact: true, refetchType: 'all' });
  const restart = q.state.fetchMeta?.fetchMore === undefined && q.state.data !== undefined;
  if (restart && restarted.get(q) !== current) {
    void refetch();
    if (q.promise) restarted.set(q, q.promise);
    return;
  }
  if (followed.has(current)) return;
  followed.add(current);
  void current.then(refetch, refetch);
}
