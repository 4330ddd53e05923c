import type { MyCommentDto, MyCommentsResponse } from '@convene/shared';
import { type InfiniteData, useQueries, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { ApiError } from '../../../lib/api';
import { useLiveSpace } from '../../../lib/live';
import { spaceQuery } from '../../discussion/api/getSpace';
import { myCommentsQuery, useMyComments } from '../api/myComments';
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

type StatusChange = { commentId: string; status: string; reason: string | null; revision: boolean };
const str = (v: unknown) => (typeof v === 'string' ? v : null);

/** Listens to one space for the author's own status changes (the personal `comment.status` events). */
function SpaceWatcher({ slug, onChange }: { slug: string; onChange: (change: StatusChange | null) => void }) {
  useLiveSpace(slug, {
    onEvent: (e) => {
      if (e.kind !== 'comment.status') return;
      const commentId = str(e.data.commentId);
      const status = str(e.data.status);
      onChange(
        commentId && status
          ? { commentId, status, reason: str(e.data.reason), revision: e.data.revision === true }
          : null,
      );
    },
    onReset: () => onChange(null),
  });
  return null;
}

const STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
const isStatus = (v: string): v is MyCommentDto['status'] => (STATUSES as readonly string[]).includes(v);

/** The change applied to the loaded list at once; the refetch that follows brings the rest. */
function applyChange(c: MyCommentDto, change: StatusChange): MyCommentDto {
  if (c.id !== change.commentId) return c;
  if (change.revision) return change.status === 'pending' ? c : { ...c, pendingRevision: null };
  return isStatus(change.status) ? { ...c, status: change.status, reason: change.reason } : c;
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

  // The guiding questions of each space, to name the one each contribution answers (shared with
  // the space page's cache, so opening the space afterwards costs nothing).
  const spaces = useQueries({ queries: slugs.map((slug) => ({ ...spaceQuery(slug), staleTime: 60_000 })) });
  const questions = useMemo(() => {
    const byId = new Map<string, { position: number; text: string }>();
    for (const s of spaces) for (const q of s.data?.questions ?? []) byId.set(q.id, q);
    return byId;
  }, [spaces]);

  // A moderator's decision arrives live: shown at once in the list, then refetched once for a
  // burst of events (the list has no Refresh button: it is always current).
  const qc = useQueryClient();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const onLiveChange = (change: StatusChange | null) => {
    if (change) {
      qc.setQueryData<InfiniteData<MyCommentsResponse, string | null>>(myCommentsQuery(userId).queryKey, (data) =>
        data
          ? {
              ...data,
              pages: data.pages.map((p) => ({ ...p, comments: p.comments.map((c) => applyChange(c, change)) })),
            }
          : data,
      );
      setAnnouncement('');
      requestAnimationFrame(() => setAnnouncement(t('mine.statusChanged')));
    }
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void refetch(), 300);
  };
  const retry = () => void refetch();

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
          <button type="button" className="button secondary" onClick={retry}>
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
                  question={c.questionId ? questions.get(c.questionId) : null}
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
