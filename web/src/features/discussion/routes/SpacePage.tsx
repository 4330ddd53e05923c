import type { SpaceDetail } from '@convene/shared';
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigationType, useParams, useSearchParams } from 'react-router';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { ApiError } from '../../../lib/api';
import { useMe } from '../../auth/api/me';
import '../../spaces/spaces.css';
import { useSpace } from '../api/getSpace';
import { useMarkSeen } from '../api/markSeen';
import { AnswerSlot } from '../components/AnswerSlot';
import { CommentDialogs } from '../components/CommentDialogs';
import { Filters, readFilters } from '../components/Filters';
import { GeneralSection } from '../components/GeneralSection';
import { Announcer, NewCommentsBar } from '../components/NewCommentsBar';
import { QuestionSection } from '../components/QuestionSection';
import { SearchResults } from '../components/SearchResults';
import { SpaceHeader, SpaceIntro } from '../components/SpaceHeader';
import { type DialogRequest, type Discussion, DiscussionContext, DiscussionTextsContext } from '../context';
import '../discussion.css';
import { PAGE_SIZE } from '../api/getComments';
import { useCommentFromHash } from '../hooks/useCommentFromHash';
import { useLinkedComment } from '../hooks/useLinkedComment';
import { useLiveDiscussion } from '../hooks/useLiveDiscussion';
import { browserStorage, draftTargets } from '../lib/drafts';
import { type PendingNew, createStore, emptyPending } from '../lib/store';
import { withNext } from '../../auth/utils/next';
import { OutcomeSection } from '../../outcome/components/OutcomeSection';

/**
 * Comments the page shows at first across its open questions: questions open in order while the
 * first pages of those before stay under this; later ones start collapsed (their count shown,
 * their comments read when opened), so a space of thousands of comments renders a few dozen.
 */
const OPEN_BUDGET = 3 * PAGE_SIZE;

function initiallyOpen(questions: SpaceDetail['questions']): Set<string> {
  const open = new Set<string>();
  let shown = 0;
  for (const q of questions) {
    if (q.counts.comments === 0 || shown < OPEN_BUDGET) open.add(q.id);
    shown += Math.min(q.counts.comments, PAGE_SIZE);
  }
  return open;
}

export function SpacePage() {
  const { t } = useTranslation('discussion');
  const { slug = '' } = useParams();
  const space = useSpace(slug);
  // The page renders in the background (a transition React renders in slices, yielding to the
  // browser between them) rather than in one long task when the space arrives; "loading" until then.
  const shown = useDeferredValue(space.data);

  if (shown) return <SpaceView key={shown.slug} space={shown} />;
  if (space.isPending || space.data) {
    return (
      <p role="status" className="muted">
        {t('common:loading')}
      </p>
    );
  }
  const notFound = space.error instanceof ApiError && space.error.status === 404;
  return (
    <div>
      <h1>{notFound ? t('page.notFound') : t('page.failed')}</h1>
      {notFound ? (
        <p>{t('page.notFoundText')}</p>
      ) : (
        <div className="inline-error">
          <ErrorMessage error={space.error} />
          <button type="button" className="button secondary" onClick={() => void space.refetch()}>
            {t('common:errors.retry')}
          </button>
        </div>
      )}
      <p>
        <Link to="/">{t('common:notFound.home')}</Link>
      </p>
    </div>
  );
}

function SpaceView({ space }: { space: SpaceDetail }) {
  const texts = useTranslation('discussion');
  const { t } = texts;
  const me = useMe();
  const meId = me?.id ?? null;
  const location = useLocation();
  const [params] = useSearchParams();
  const filterKey = params.toString();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- recomputed when the address's query changes
  const filters = useMemo(() => readFilters(params), [filterKey]);

  // "New since your last visit" is measured against the visit before this one, for the whole page view.
  const [seenAt] = useState(space.seenAt);
  const [initialNew] = useState(() => new Map(space.questions.map((q) => [q.id, q.counts.new])));
  const [openAtFirst] = useState(() => initiallyOpen(space.questions));
  const [stores] = useState(() => ({
    pending: createStore<PendingNew>(emptyPending),
    announcements: createStore(''),
    dialog: createStore<DialogRequest | null>(null),
  }));
  const drafts = useMemo(
    () => (meId ? draftTargets(browserStorage(), meId, space.id) : new Set<string>()),
    [meId, space.id],
  );
  const here = location.pathname + location.search;
  const signInHref = withNext('/signin', here);
  const registerHref = withNext('/register', here);

  const value = useMemo<Discussion>(
    () => ({
      slug: space.slug,
      spaceId: space.id,
      moderationMode: space.moderationMode,
      acceptedLanguages: space.acceptedLanguages,
      isOpen: space.isOpen,
      canPost: space.abilities.post,
      meId,
      seenAt,
      drafts,
      filters,
      signInHref,
      pending: stores.pending,
      announcements: stores.announcements,
      dialog: stores.dialog,
      announce: (text) => {
        // Cleared first, so the same sentence twice is said twice.
        stores.announcements.set('');
        requestAnimationFrame(() => stores.announcements.set(text));
      },
      openDialog: (request) => stores.dialog.set(request),
    }),
    [
      space.slug,
      space.id,
      space.moderationMode,
      space.acceptedLanguages,
      space.isOpen,
      space.abilities.post,
      meId,
      seenAt,
      drafts,
      filters,
      signInHref,
      stores,
    ],
  );

  useLiveDiscussion(space.slug, meId, stores.pending, value.announce);
  useCommentFromHash();
  const linked = useLinkedComment(space.slug);

  // Once the page has loaded for a signed-in reader, the space counts as seen.
  const markSeen = useMarkSeen();
  const marked = useRef(false);
  useEffect(() => {
    if (!meId || marked.current) return;
    marked.current = true;
    markSeen.mutate(space.slug);
  }, [meId, space.slug, markSeen]);

  // Arriving by a link, focus was on that link, now gone: give it to the page's heading, as the
  // layout does for pages whose heading is there at once.
  const navigationType = useNavigationType();
  useEffect(() => {
    if (navigationType === 'POP') return;
    if (document.activeElement === document.body || document.activeElement === null) {
      const h1 = document.querySelector<HTMLElement>('main h1');
      if (h1) {
        h1.tabIndex = -1;
        h1.focus();
      }
    }
  }, [navigationType]);

  const searching = Boolean(filters.q);
  const hasQuestions = space.questions.length > 0;

  return (
    <DiscussionContext.Provider value={value}>
      <DiscussionTextsContext.Provider value={texts}>
        <div className="space-page">
          <SpaceHeader space={space} />
          <OutcomeSection slug={space.slug} />
          {/* One grid: the reading column, and beside it (from 64rem) the facts, the rules and the
            guiding questions, which stay in view while the discussion scrolls. */}
          <div className={`space-layout${hasQuestions ? ' has-toc' : ''}`}>
            <SpaceIntro space={space} signInHref={signInHref} registerHref={registerHref} signedIn={meId !== null} />

            {hasQuestions && (
              <nav className="question-toc" aria-labelledby="toc-title">
                <h2 id="toc-title">{t('toc.title')}</h2>
                <ol>
                  {space.questions.map((q) => {
                    const n = initialNew.get(q.id) ?? null;
                    return (
                      <li key={q.id}>
                        <a href={`#q-${q.id}`}>{q.text}</a>{' '}
                        <span className="muted toc-count">
                          ({t('question.comments', { count: q.counts.comments })}
                          {n ? `, ${t('question.newShort', { count: n })}` : ''})
                        </span>
                      </li>
                    );
                  })}
                </ol>
              </nav>
            )}

            {(hasQuestions || space.counts.comments > 0) && (
              <div className="discussion">
                <Filters key={filterKey} filters={filters} />
                <NewCommentsBar />
                {searching ? (
                  <SearchResults questions={space.questions} />
                ) : (
                  <>
                    {space.questions.map((q) => (
                      <QuestionSection
                        key={q.id}
                        question={q}
                        newCount={initialNew.get(q.id) ?? null}
                        initiallyOpen={openAtFirst.has(q.id)}
                        linkedId={linked?.list === q.id ? linked.id : null}
                      />
                    ))}
                    <GeneralSection linkedId={linked?.list === 'none' ? linked.id : null} />
                    {!hasQuestions && <AnswerSlot target={{ kind: 'general' }} buttonLabel={t('general.answer')} />}
                  </>
                )}
              </div>
            )}
          </div>
          <Announcer />
          <CommentDialogs />
        </div>
      </DiscussionTextsContext.Provider>
    </DiscussionContext.Provider>
  );
}
