import type { CommentDto, commentListResponse } from '@convene/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { type Answer, api } from '../../../lib/api';

export const highlightedKey = (slug: string) => ['notes', 'highlighted', slug];

const PAGE = 500;
const MAX_PAGES = 20;

/**
 * Every highlighted, published contribution of a space: the ones a note may place or cite.
 * Read to the end (a few pages at most) so that filters and grouping see them all.
 */
export async function getHighlighted(slug: string, signal?: AbortSignal): Promise<CommentDto[]> {
  const all: CommentDto[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const params = new URLSearchParams({ highlighted: 'true', limit: String(PAGE) });
    if (cursor) params.set('cursor', cursor);
    const res = await api<Answer<typeof commentListResponse>>(
      `/api/spaces/${encodeURIComponent(slug)}/comments?${params}`,
      { signal },
    );
    all.push(...res.comments.filter((c) => c.highlighted && c.status === 'approved'));
    cursor = res.nextCursor;
    if (!cursor) break;
  }
  return all;
}

export const highlightedQuery = (slug: string) =>
  queryOptions({ queryKey: highlightedKey(slug), queryFn: ({ signal }) => getHighlighted(slug, signal) });

export const useHighlighted = (slug: string) => useQuery(highlightedQuery(slug));
