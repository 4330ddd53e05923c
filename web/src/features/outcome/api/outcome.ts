import type { Locale, outcomeResponse } from '@convene/shared';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Answer, api } from '../../../lib/api';
import { useLiveSpace } from '../../../lib/live';

/** The space's published outcome (null while none is), for whoever may read the space. */
export const outcomeQuery = (slug: string) =>
  queryOptions({
    queryKey: ['outcome', slug],
    queryFn: ({ signal }) =>
      api<Answer<typeof outcomeResponse>>(`/api/spaces/${encodeURIComponent(slug)}/outcome`, { signal }),
  });

/** The outcome, refetched when the space announces one published or unpublished. */
export function useOutcome(slug: string | undefined, onChange?: (kind: 'published' | 'unpublished') => void) {
  const qc = useQueryClient();
  useLiveSpace(slug, {
    onEvent(e) {
      if (!slug || (e.kind !== 'outcome.published' && e.kind !== 'outcome.unpublished')) return;
      void qc.invalidateQueries({ queryKey: outcomeQuery(slug).queryKey });
      onChange?.(e.kind === 'outcome.published' ? 'published' : 'unpublished');
    },
    onReset() {
      if (slug) void qc.invalidateQueries({ queryKey: outcomeQuery(slug).queryKey });
    },
  });
  return useQuery({ ...outcomeQuery(slug ?? ''), enabled: Boolean(slug) });
}

/** Publishes a saved version of the note as its space's outcome, or unpublishes it. */
export function useOutcomeMutation(noteId: string, slug: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { version: number; language: Locale } | null) =>
      api<Answer<typeof outcomeResponse>>(`/api/notes/${encodeURIComponent(noteId)}/outcome`, {
        method: input ? 'PUT' : 'DELETE',
        ...(input ? { body: input } : {}),
      }),
    onSuccess: (data) => qc.setQueryData(outcomeQuery(slug).queryKey, data),
  });
}
