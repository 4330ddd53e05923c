import type { MyCommentDto } from '@convene/shared';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { ApiError } from '../../../lib/api';
import { useLiveSpace } from '../../../lib/live';
import { useMyComments } from '../api/myComments';
import { ContributionItem } from '../components/ContributionItem';
import { SignedInPage } from '../components/AuthPage';
import { SignInPrompt } from '../components/SessionNotices';
import '../auth.css';

const FILTERS = ['all', 'pending', 'approved', 'rejected', 'withdrawn', 'revision'] as const;
type Filter = (typeof FILTERS)[number];
const isFilter = (v: string | null): v is Filter => (FILTERS as readonly (string | null)[]).includes(v);

const matches = (filter: Filter) => (c: MyCommentDto) =>
  filter === 'all' ? true : filter === 'revision' ? Boolean(c.pendingRevision) : c.status === filter;

export function MyContributions() {
  const { t } = useTranslation('auth');
  return (
    <SignedInPage title={t('mine.title')} here="/account/contributions" guestMessage={t('guest.contributions')} wide>
      {(user) => <Contributions userId={user.id} />}
    </SignedInPage>
  );
}

/** Listens to one space for the author's own status changes. */
function SpaceWatcher({ slug, onChange }: { slug: string; onChange: () => void }) {
  useLiveSpace(slug, {
    onEvent: (e) => {
      if (e.kind === 'comment.status') onChange();
    },
    onReset: onChange,
  });
  return null;
}

function Contributions({ userId }: { userId: string }) {
  const { t } = useTranslation('auth');
  const query = useMyComments(userId);
  const { refetch } = query;
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const filter: Filter = isFilter(raw) ? raw : 'all';
  const [announcement, setAnnouncement] = useState('');

  const comments = useMemo(() => query.data?.pages.flatMap((p) => p.comments) ?? [], [query.data]);
  const shown = useMemo(() => comments.filter(matches(filter)), [comments, filter]);
  const slugs = useMemo(() => [...new Set(comments.map((c) => c.space.slug))].sort(), [comments]);

  // A moderator's decision arrives live: refetch once for a burst of events.
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const onLiveChange = () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      setAnnouncement('');
      void refetch().then((r) => {
        if (r.isSuccess) setAnnouncement(t('mine.statusChanged'));
      });
    }, 300);
  };

  const refresh = () => {
    if (query.isFetching) return;
    setAnnouncement('');
    void refetch().then((r) => {
      if (r.isSuccess) setAnnouncement(t('mine.updated'));
    });
  };

  // After "Load more", focus moves to the first newly loaded contribution that is shown.
  const links = useRef(new Map<string, HTMLElement>());
  const focusFrom = useRef<number | null>(null);
  useEffect(() => {
    if (focusFrom.current === null || query.isFetchingNextPage) return;
    const from = focusFrom.current;
    focusFrom.current = null;
    const first = comments.slice(from).find(matches(filter));
    if (first) links.current.get(first.id)?.focus();
  }, [comments, filter, query.isFetchingNextPage]);
  const loadMore = () => {
    if (query.isFetchingNextPage) return;
    focusFrom.current = comments.length;
    void query.fetchNextPage();
  };

  const setFilter = (value: string) => {
    const nextParams = new URLSearchParams(params);
    if (value === 'all') nextParams.delete('status');
    else nextParams.set('status', value);
    setParams(nextParams, { replace: true });
  };

  const count =
    filter === 'all'
      ? t('mine.count', { count: comments.length })
      : t('mine.countFiltered', { count: shown.length, total: comments.length });

  return (
    <>
      <p className="lead">{t('mine.intro')}</p>
      {slugs.map((slug) => (
        <SpaceWatcher key={slug} slug={slug} onChange={onLiveChange} />
      ))}
      <div className="mine-toolbar">
        <div className="field">
          <label htmlFor="mine-filter">{t('mine.filter.label')}</label>
          <select id="mine-filter" value={filter} onChange={(e) => setFilter(e.target.value)}>
            {FILTERS.map((f) => (
              <option key={f} value={f}>
                {t(`mine.filter.${f}`)}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="button secondary"
          onClick={refresh}
          aria-disabled={(query.isFetching && !query.isFetchingNextPage) || undefined}
        >
          {query.isFetching && !query.isFetchingNextPage && !query.isPending ? t('mine.refreshing') : t('mine.refresh')}
        </button>
      </div>
      <div role="status" className="mine-status">
        {query.isSuccess && (
          <p className="muted">
            {count}
            {query.hasNextPage && <> {t('mine.more')}</>}
          </p>
        )}
        {announcement && <p className="visually-hidden">{announcement}</p>}
      </div>

      {query.isPending ? (
        <p>{t('common:loading')}</p>
      ) : query.isError && !query.data && query.error instanceof ApiError && query.error.status === 401 ? (
        <SignInPrompt here="/account/contributions" message={t('guest.contributions')} />
      ) : query.isError && !query.data ? (
        <div>
          <ErrorMessage error={query.error} />
          <button type="button" className="button secondary" onClick={refresh}>
            {t('common:errors.retry')}
          </button>
        </div>
      ) : (
        <>
          {query.isRefetchError && <ErrorMessage error={query.error} />}
          {comments.length === 0 ? (
            <p className="notice">
              {t('mine.empty')} <Link to="/">{t('mine.emptyLink')}</Link>
            </p>
          ) : shown.length === 0 ? (
            <p className="notice">{t('mine.emptyFilter')}</p>
          ) : (
            <ol className="contributions">
              {shown.map((c) => (
                <ContributionItem
                  key={c.id}
                  comment={c}
                  linkRef={(el) => {
                    if (el) links.current.set(c.id, el);
                    else links.current.delete(c.id);
                  }}
                />
              ))}
            </ol>
          )}
          {query.isFetchNextPageError && <ErrorMessage error={query.error} />}
          {query.hasNextPage && (
            <p>
              <button
                type="button"
                className="button secondary"
                onClick={loadMore}
                aria-disabled={query.isFetchingNextPage || undefined}
              >
                {query.isFetchingNextPage ? t('common:loading') : t('common:actions.loadMore')}
              </button>
            </p>
          )}
        </>
      )}
    </>
  );
}
