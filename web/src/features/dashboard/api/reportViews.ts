import type { exportOriginResponse, participationSentenceResponse } from '@convene/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { type Answer, api } from '../../../lib/api';
import type { Scope } from './participation';

export type SentenceLanguage = 'en' | 'fr' | 'es' | 'ar' | 'zh' | 'ru';

/** The participation paragraph the exports print, in `lang`, over the scope's contributions. */
export const participationSentenceQuery = (slug: string, scope: Scope, lang: SentenceLanguage) =>
  queryOptions({
    // Under ['participation', slug] so the dashboard's live refresh refetches it with the figures.
    queryKey: ['participation', slug, scope, 'sentence', lang],
    queryFn: ({ signal }) =>
      api<Answer<typeof participationSentenceResponse>>(
        `/api/spaces/${encodeURIComponent(slug)}/participation/sentence?${new URLSearchParams({ lang, scope })}`,
        { signal },
      ).then((r) => r.sentence),
  });

export const useParticipationSentence = (slug: string, scope: Scope, lang: SentenceLanguage) =>
  useQuery({ ...participationSentenceQuery(slug, scope, lang), placeholderData: keepPreviousData });

/** Where the links in exports point (`APP_ORIGIN`), and whether that is this machine only. */
export const useExportOrigin = (slug: string) =>
  useQuery({
    queryKey: ['exports', 'origin', slug],
    queryFn: ({ signal }) =>
      api<Answer<typeof exportOriginResponse>>(`/api/spaces/${encodeURIComponent(slug)}/export/origin`, {
        signal,
      }).then((r) => r.origin),
    staleTime: 10 * 60_000,
  });
