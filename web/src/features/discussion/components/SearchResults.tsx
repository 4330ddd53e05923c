import type { QuestionDto } from '@convene/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { useComments } from '../api/getComments';
import { useDiscussion } from '../context';
import { focusWhenReady } from '../lib/focus';
import { uniqueComments } from '../lib/tree';
import { CommentItem } from './CommentItem';

/** A search: matching comments across every question, each saying which question it answers. */
export function SearchResults({ questions }: { questions: readonly QuestionDto[] }) {
  const { t } = useTranslation('discussion');
  const d = useDiscussion();
  const query = useComments(d.slug, 'search', d.filters);
  const results = useMemo(() => uniqueComments(query.data?.pages.flatMap((p) => p.comments) ?? []), [query.data]);
  const positions = useMemo(() => new Map(questions.map((q) => [q.id, q.position])), [questions]);

  const loadMore = async () => {
    const before = query.data?.pages.length ?? 0;
    const result = await query.fetchNextPage();
    const first = result.data?.pages[before]?.comments[0];
    if (first) focusWhenReady(`comment-${first.id}`);
  };

  return (
    <section className="search-results" aria-labelledby="search-results-title">
      <h2 id="search-results-title" tabIndex={-1}>
        {t('search.title', { q: d.filters.q })}
      </h2>
      {query.isPending && (
        <p className="muted" role="status">
          {t('list.loading')}
        </p>
      )}
      {query.isError && <ErrorMessage error={query.error} />}
      {query.data && (
        <p role="status" className="muted">
          {query.hasNextPage
            ? t('search.countMore', { count: results.length })
            : t('search.count', { count: results.length })}
        </p>
      )}
      {results.length > 0 && (
        <ol className="thread search-list">
          {results.map((c) => {
            const n = c.questionId ? positions.get(c.questionId) : undefined;
            return (
              <li key={c.id} className="thread-item">
                <CommentItem
                  comment={c}
                  showQuestion={n !== undefined ? t('search.onQuestion', { n }) : t('search.onGeneral')}
                />
              </li>
            );
          })}
        </ol>
      )}
      {query.hasNextPage && (
        <p className="load-more">
          <button
            type="button"
            className="button secondary"
            onClick={() => void loadMore()}
            disabled={query.isFetchingNextPage}
          >
            {query.isFetchingNextPage ? t('list.loadingMore') : t('search.loadMore')}
          </button>
        </p>
      )}
    </section>
  );
}
