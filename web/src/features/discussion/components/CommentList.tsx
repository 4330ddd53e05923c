import { memo, useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { type ListView, defaultView, useComments } from '../api/getComments';
import { useDiscussion } from '../context';
import { focusWhenReady } from '../lib/focus';
import { threadBuilder } from '../lib/tree';
import { CommentThread } from './CommentItem';

const NOT_YET: ReturnType<ReturnType<typeof threadBuilder>> = [];

/**
 * One question's discussion: threads of comments, a page at a time, "Show more" for the next.
 * Rows are memoised and keyed by id: "Show more" and live changes add or re-render single comments.
 */
export const CommentList = memo(function CommentList({
  list,
  label,
  view = defaultView,
  onShowFromStart,
}: {
  list: string;
  label: string;
  view?: ListView;
  /** Given when the list starts at a permalink's comment: back to the whole list. */
  onShowFromStart?: (() => void) | undefined;
}) {
  const { t } = useTranslation('discussion');
  const d = useDiscussion();
  const query = useComments(d.slug, list, d.filters, view);
  const [build] = useState(threadBuilder);
  const flat = useMemo(() => query.data?.pages.flatMap((p) => p.comments) ?? [], [query.data]);
  const roots = useMemo(() => build(flat), [build, flat]);
  // The threads render in the background (a transition React renders in slices, yielding to the
  // browser between them), not in the urgent render that brings the page: a page of comments
  // then never blocks input or the first paint of what is above it. Until then, "loading".
  const shown = useDeferredValue(roots, NOT_YET);
  const filtered = Boolean(d.filters.language || d.filters.tag || d.filters.highlighted);

  const loadMore = async () => {
    const before = query.data?.pages.length ?? 0;
    const result = await query.fetchNextPage();
    const first = result.data?.pages[before]?.comments[0];
    if (first) focusWhenReady(`comment-${first.id}`);
  };

  if (query.isPending || (shown !== roots && shown.length === 0 && roots.length > 0)) {
    return (
      <p className="muted" role="status">
        {t('list.loading')}
      </p>
    );
  }
  if (query.isError && !query.data) {
    return (
      <div className="inline-error">
        <ErrorMessage error={query.error} />
        <button type="button" className="button secondary" onClick={() => void query.refetch()}>
          {t('common:errors.retry')}
        </button>
      </div>
    );
  }
  if (roots.length === 0) {
    return <p className="muted list-empty">{filtered ? t('list.noMatch') : t('list.empty')}</p>;
  }
  return (
    <>
      {view.from && onShowFromStart && (
        <p className="list-from muted">
          {t('list.fromLinked')}{' '}
          <button type="button" className="link-button" onClick={onShowFromStart}>
            {t('list.fromStart')}
          </button>
        </p>
      )}
      <ol className="thread" aria-label={label}>
        {shown.map((node) => (
          <CommentThread key={node.comment.id} node={node} depth={0} />
        ))}
      </ol>
      {query.isFetchNextPageError && <ErrorMessage error={query.error} />}
      {query.hasNextPage && (
        <p className="load-more">
          <button
            type="button"
            className="button secondary"
            onClick={() => void loadMore()}
            disabled={query.isFetchingNextPage}
          >
            {query.isFetchingNextPage ? t('list.loadingMore') : t('list.loadMore')}
            <span className="visually-hidden"> — {label}</span>
          </button>{' '}
          <span className="muted">{t('list.shown', { count: flat.length })}</span>
        </p>
      )}
    </>
  );
});
