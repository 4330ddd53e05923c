import { useQuery } from '@tanstack/react-query';
import { useLocation } from 'react-router';
import { locateComment } from '../api/getComments';

/**
 * A permalink (`#comment-<id>`): which list holds that comment (a question id or "none"), so that
 * list opens, at the comment's page if it is beyond the first. Null while unknown, or when the
 * reader may not read it. `useCommentFromHash` then scrolls to it and focuses it.
 */
export function useLinkedComment(slug: string): { list: string; id: string } | null {
  const { hash } = useLocation();
  const id = /^#comment-([0-9a-f-]{36})$/i.exec(hash)?.[1]?.toLowerCase() ?? null;
  const located = useQuery({
    queryKey: ['comment-locate', slug, id],
    queryFn: ({ signal }) => locateComment(slug, id ?? '', signal),
    enabled: id !== null,
    staleTime: Infinity,
  });
  return id && located.data ? { list: located.data, id } : null;
}
