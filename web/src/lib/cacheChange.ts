import type { Query, QueryClient, QueryFilters } from '@tanstack/react-query';

/**
 * Writes a change the server has already committed (a live event, a decision's answer) into the
 * cached queries that `filters` match, so that it holds even when one of them is being fetched.
 *
 * A fetch in flight may have read the server before the change, and its answer replaces the
 * cache — an infinite query's "show more" too, which keeps the pages it started from. So:
 * - a refetch of data already shown is restarted, and its answer is read after the change;
 * - a "show more", or a first load (nothing cached to change yet), is let finish, then refetched.
 */
export function applyChange<T>(
  qc: QueryClient,
  filters: QueryFilters,
  updater: (old: T | undefined) => T | undefined,
): void {
  qc.setQueriesData<T>(filters, updater);
  for (const q of qc.getQueryCache().findAll({ ...filters, fetchStatus: 'fetching' })) refetchAfter(qc, q);
}

function refetchAfter(qc: QueryClient, q: Query): void {
  const refetch = () => qc.invalidateQueries({ queryKey: q.queryKey, exact: true, refetchType: 'all' });
  const finishFirst = q.state.fetchMeta?.fetchMore !== undefined || q.state.data === undefined;
  // invalidateQueries cancels a refetch in flight and starts another (its `cancelRefetch`).
  if (!finishFirst) void refetch();
  else void q.promise?.then(refetch, refetch);
}
