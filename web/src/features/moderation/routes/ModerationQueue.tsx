import { QUEUE_STATUSES, type QueueItem, type QueueStatus } from '@convene/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { I18nProvider } from 'react-aria-components/I18nProvider';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components/Tabs';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { useLiveSpace } from '../../../lib/live';
import { navCountQuery } from '../api/navCount';
import { refreshQueues, removeFromQueues, useQueue } from '../api/queue';
import { useModeratedSpaces, useSpace } from '../api/spaces';
import { DecisionToasts } from '../components/DecisionToasts';
import { type Interrupted, hasWriting, interruptedText } from '../components/InterruptedCard';
import { QueueList } from '../components/QueueList';
import type { RejectDraft } from '../components/RejectForm';
import { ShortcutsDialog } from '../components/ShortcutsDialog';
import { StaffGate } from '../components/StaffGate';
import { useAnnouncer } from '../hooks/useAnnouncer';
import { type DecidedFirst, useDecisions } from '../hooks/useDecisions';
import { useLiveSpaces } from '../hooks/useLiveSpaces';
import { useNow } from '../hooks/useNow';
import { usePageTitle } from '../hooks/usePageTitle';
import { useQueueView } from '../hooks/useQueueView';
import '../locales';
import '../moderation.css';

const isStatus = (v: string | null): v is QueueStatus => (QUEUE_STATUSES as readonly string[]).includes(v ?? '');

/** Which tab an item was in before it left: its count goes down while its decision is held. */
function tabOf(item: QueueItem): QueueStatus {
  if (item.kind === 'submission' || item.kind === 'revision') return 'pending';
  if (item.kind === 'reported') return 'reported';
  return item.comment.status === 'rejected' ? 'rejected' : 'approved';
}

const LIVE_KINDS = new Set([
  'comment.submitted',
  'comment.decided',
  'comment.reported',
  'queue.counts',
  'comment.withdrawn',
  'comment.updated',
]);

/**
 * `/moderation` (every space the user moderates or chairs) and `/spaces/:slug/moderation`.
 * Items arrive and leave live; decisions are held for a few seconds so they can be undone.
 */
export function ModerationQueue() {
  const { slug } = useParams();
  const { t, i18n } = useTranslation('moderation');
  return (
    <I18nProvider locale={i18n.language}>
      <StaffGate title={slug ? t('title.spaceShort') : t('title.all')}>
        <QueuePage slug={slug} />
      </StaffGate>
    </I18nProvider>
  );
}

function QueuePage({ slug }: { slug: string | undefined }) {
  const { t } = useTranslation('moderation');
  const qc = useQueryClient();
  const [params, setParams] = useSearchParams();
  const tabParam = params.get('tab');
  const status: QueueStatus = isStatus(tabParam) ? tabParam : 'pending';
  const space = useSpace(slug);
  const moderated = useModeratedSpaces(!slug);
  const query = useQueue(slug, status);
  const { i18n } = useTranslation();
  const { message, announce } = useAnnouncer();
  // Reasons being written, by comment; and items decided elsewhere meanwhile, kept on screen.
  const [drafts, setDrafts] = useState<ReadonlyMap<string, RejectDraft>>(new Map());
  const [interrupted, setInterrupted] = useState<ReadonlyMap<string, Interrupted>>(new Map());
  const [view, setView] = useQueueView();
  const keep = (item: QueueItem, first: DecidedFirst) => {
    const shown = (query.data?.pages.flatMap((p) => p.items) ?? []).filter(
      (i) => i.comment.id === item.comment.id || !decisions.hidden.has(i.comment.id),
    );
    const at = shown.findIndex((i) => i.comment.id === item.comment.id);
    const entry: Interrupted = {
      ...first,
      item,
      tab: tabOf(item),
      afterId: at > 0 ? (shown[at - 1]?.comment.id ?? null) : null,
      hadFocus: !!document.activeElement?.closest(`[data-comment-id="${CSS.escape(item.comment.id)}"]`),
    };
    setInterrupted((m) => new Map(m).set(item.comment.id, entry));
    announce(`${interruptedText(t, i18n.language, first)} ${t('interrupted.kept')}`);
  };
  const decisions = useDecisions({
    announce,
    // A decision sent from here lost the race (no live event told us first): keep what was written.
    onLost: (item, first) => {
      if (!hasWriting(drafts.get(item.comment.id))) return false;
      keep(item, first);
      return true;
    },
    onSent: (ids) => {
      const without = <V,>(m: ReadonlyMap<string, V>) => {
        const next = new Map(m);
        for (const id of ids) next.delete(id);
        return next;
      };
      setDrafts(without);
      setInterrupted(without);
    },
  });
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [focusRequest, setFocusRequest] = useState<string | null>(null);
  const now = useNow();

  // Counts, less the items whose decision is being held (they have left the list).
  const serverCounts = query.data?.pages[0]?.counts;
  const heldIn = (s: QueueStatus) => decisions.scheduled.flatMap((d) => d.items).filter((i) => tabOf(i) === s).length;
  const count = (s: QueueStatus) => (serverCounts ? Math.max(0, serverCounts[s] - heldIn(s)) : undefined);
  const pending = count('pending');
  // What the badge beside "Moderation" counts: every space, which a space's queue says in words.
  const allPending = useQuery({ ...navCountQuery, enabled: !!slug }).data?.counts.pending;

  const title = slug ? t('title.space', { code: space.data?.code ?? slug }) : t('title.all');
  usePageTitle(title, pending);

  // Live: refetch (debounced) on staff events; say who decided what when it was someone else.
  const refetchTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const arrivals = useRef(0);
  const refreshSoon = useCallback(() => {
    if (refetchTimer.current) clearTimeout(refetchTimer.current);
    refetchTimer.current = setTimeout(() => {
      refetchTimer.current = null;
      void refreshQueues(qc);
    }, 300);
  }, [qc]);
  useEffect(
    () => () => {
      if (refetchTimer.current) clearTimeout(refetchTimer.current);
    },
    [],
  );
  const visible = query.data?.pages.flatMap((p) => p.items) ?? [];
  const listener = {
    onEvent: (e: { kind: string; data: Record<string, unknown> }) => {
      if (!LIVE_KINDS.has(e.kind)) return;
      if (e.kind === 'comment.decided') {
        const {
          commentId,
          decidedBy,
          status: to,
          version,
        } = e.data as { commentId: string; decidedBy?: string; status: string; version?: number };
        const writing = hasWriting(drafts.get(commentId)) && !interrupted.has(commentId);
        const news = decisions.decidedElsewhere(commentId, decidedBy ?? '', to, writing);
        const item = visible.find((i) => i.comment.id === commentId);
        if (news && item) {
          if (writing) {
            // Someone decided it while this moderator was writing a reason: say so on the card.
            keep(item, { by: decidedBy ?? null, status: to, at: new Date().toISOString(), version: version ?? null });
          } else {
            announce(
              t(`live.decided.${to === 'rejected' ? 'rejected' : 'approved'}`, {
                author: item.comment.author.displayName,
                name: decidedBy,
              }),
            );
          }
          removeFromQueues(qc, new Set([commentId]));
        }
      }
      if (e.kind === 'comment.submitted' && status === 'pending') {
        arrivals.current += 1;
        const n = arrivals.current;
        setTimeout(() => {
          if (arrivals.current !== n) return;
          announce(t('live.arrived', { count: n }));
          arrivals.current = 0;
        }, 1500);
      }
      refreshSoon();
    },
    onReset: refreshSoon,
  };
  useLiveSpace(slug, listener);
  useLiveSpaces(slug ? [] : moderated.spaces.map((s) => s.slug), listener);

  const undo = (key?: number) => {
    const back = decisions.undo(key);
    if (back?.[0]) setFocusRequest(back[0].comment.id);
  };
  const onFocusDone = useCallback(() => setFocusRequest(null), []);
  const onDraft = useCallback((id: string, d: RejectDraft) => setDrafts((m) => new Map(m).set(id, d)), []);
  const forget = (id: string) => {
    setInterrupted((m) => {
      const next = new Map(m);
      next.delete(id);
      return next;
    });
  };
  const dismissInterrupted = (id: string) => {
    forget(id);
    setDrafts((m) => {
      const next = new Map(m);
      next.delete(id);
      return next;
    });
  };
  // Decide the kept item again, as it is now: take the published comment down with the reason.
  const takeDown = (entry: Interrupted, reason: string) => {
    if (entry.version === null) return;
    const published: QueueItem = {
      ...entry.item,
      kind: 'decided',
      comment: { ...entry.item.comment, status: 'approved', version: entry.version },
    };
    // The card stays (hidden while the decision is held), so an undo brings back the text too.
    decisions.schedule([published], 'reject', reason);
  };

  const notAllowed = space.data && !space.data.abilities.moderate;

  return (
    <div className="staff moderation-page">
      <header className="page-header">
        <h1>
          {title}
          {pending !== undefined && (
            <>
              {' '}
              <span className={pending > 0 ? 'badge warn count-badge' : 'badge count-badge'}>
                {t('pendingBadge', { count: pending })}
              </span>
            </>
          )}
        </h1>
        {slug && space.data && <p className="page-subtitle">{space.data.title}</p>}
        {slug && pending !== undefined && allPending !== undefined && allPending !== serverCounts?.pending && (
          <p className="all-spaces-count">
            <Link to="/moderation">{t('allSpacesPending', { count: allPending })}</Link>
          </p>
        )}
        {slug
          ? !notAllowed && (
              <nav aria-label={t('nav.space')} className="page-links">
                <ul>
                  <li>
                    <Link to={`/spaces/${slug}`}>{t('nav.discussion')}</Link>
                  </li>
                  <li>
                    <Link to={`/spaces/${slug}/moderation/log`}>{t('nav.log')}</Link>
                  </li>
                  <li>
                    <Link to={`/spaces/${slug}/dashboard`}>{t('nav.dashboard')}</Link>
                  </li>
                  {space.data?.abilities.editContent && (
                    <li>
                      <Link to={`/admin/spaces/${slug}`}>{t('nav.edit')}</Link>
                    </li>
                  )}
                  <li>
                    <Link to="/moderation">{t('nav.allSpaces')}</Link>
                  </li>
                </ul>
              </nav>
            )
          : moderated.spaces.length > 0 && (
              <nav aria-label={t('nav.yourSpaces')} className="page-links spaces-links">
                <ul>
                  {moderated.spaces.map((s) => (
                    <li key={s.slug}>
                      <Link to={`/spaces/${s.slug}/moderation`}>{s.code}</Link>{' '}
                      <span className="muted">
                        (<Link to={`/spaces/${s.slug}/moderation/log`}>{t('nav.logShort')}</Link>,{' '}
                        <Link to={`/spaces/${s.slug}/dashboard`}>{t('nav.dashboardShort')}</Link>)
                      </span>
                    </li>
                  ))}
                </ul>
              </nav>
            )}
      </header>

      {space.isError && <ErrorMessage error={space.error} />}
      {notAllowed ? (
        <p className="notice">{t('notAllowed')}</p>
      ) : (
        <Tabs
          selectedKey={status}
          onSelectionChange={(key) => {
            const next = new URLSearchParams(params);
            if (key === 'pending') next.delete('tab');
            else next.set('tab', String(key));
            setParams(next, { replace: true });
          }}
          className="queue-tabs"
        >
          <TabList aria-label={t('tabs.label')} className="tab-list">
            {QUEUE_STATUSES.map((s) => {
              const n = count(s);
              return (
                <Tab id={s} key={s} className="tab">
                  {t(`tabs.${s}`)}
                  {n !== undefined && <span className="tab-count">{n}</span>}
                </Tab>
              );
            })}
          </TabList>
          {QUEUE_STATUSES.map((s) => (
            <TabPanel id={s} key={s} className="tab-panel">
              {s === status && (
                <QueueList
                  key={`${slug ?? '*'}-${s}`}
                  status={s}
                  query={query}
                  showSpace={!slug}
                  decisions={decisions}
                  onOpenShortcuts={() => setShortcutsOpen(true)}
                  onUndoLatest={() => undo()}
                  focusRequest={focusRequest}
                  onFocusDone={onFocusDone}
                  now={now}
                  drafts={drafts}
                  onDraft={onDraft}
                  interrupted={[...interrupted.values()].filter((e) => e.tab === s)}
                  onDismissInterrupted={dismissInterrupted}
                  onTakeDown={takeDown}
                  view={view}
                  onViewChange={setView}
                />
              )}
            </TabPanel>
          ))}
        </Tabs>
      )}

      <DecisionToasts
        scheduled={decisions.scheduled}
        notices={decisions.notices}
        onUndo={undo}
        onDismiss={decisions.dismiss}
      />
      <ShortcutsDialog isOpen={shortcutsOpen} onOpenChange={setShortcutsOpen} />
      <p className="visually-hidden" role="status" aria-live="polite">
        <span key={message.n}>{message.text}</span>
      </p>
    </div>
  );
}
