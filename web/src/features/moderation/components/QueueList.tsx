import type { CommentDto, Decision, QueueItem, QueueStatus } from '@convene/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { patchQueueItem, type useQueue } from '../api/queue';
import type { useDecisions } from '../hooks/useDecisions';
import { availableDecisions } from '../lib/decisions';
import { type PresetReason, composeReason } from '../lib/reasons';
import type { QueueView } from '../hooks/useQueueView';
import { InterruptedCard, type Interrupted } from './InterruptedCard';
import { QueueItemCard } from './QueueItemCard';
import { type RejectDraft, RejectForm, emptyDraft } from './RejectForm';

const ITEM_SELECTOR = 'article[data-comment-id]';

/** Keys typed into a field are text, not shortcuts; a checkbox or a button is fair game. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest('[data-shortcuts="off"], [role="dialog"], [role="alertdialog"]')) return true;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit'].includes(target.type);
  return false;
}

export interface QueueListProps {
  status: QueueStatus;
  query: ReturnType<typeof useQueue>;
  showSpace: boolean;
  decisions: ReturnType<typeof useDecisions>;
  onOpenShortcuts: () => void;
  /** Undo the latest held decision ("u"). */
  onUndoLatest: () => void;
  /** A comment to focus once it is in the list (after an undo). */
  focusRequest: string | null;
  onFocusDone: () => void;
  now: number;
  /** Rejection reasons being written, by comment (kept by the page, so they outlive this tab). */
  drafts: ReadonlyMap<string, RejectDraft>;
  onDraft: (id: string, draft: RejectDraft) => void;
  /** Items decided elsewhere while a reason was being written for them, kept in their place. */
  interrupted: Interrupted[];
  onDismissInterrupted: (id: string) => void;
  onTakeDown: (entry: Interrupted, reason: string) => void;
  view: QueueView;
  onViewChange: (view: QueueView) => void;
}

/**
 * One tab of the queue: the items, selection and bulk decisions, and the keyboard shortcuts
 * (j/k move, a approve, r reject, x select, u undo, ? help). When the focused item leaves the
 * list, focus goes to the item that took its place, so work goes on without a mouse.
 */
export function QueueList({
  status,
  query,
  showSpace,
  decisions,
  onOpenShortcuts,
  onUndoLatest,
  focusRequest,
  onFocusDone,
  now,
  drafts,
  onDraft,
  interrupted,
  onDismissInterrupted,
  onTakeDown,
  view,
  onViewChange,
}: QueueListProps) {
  const { t } = useTranslation('moderation');
  const qc = useQueryClient();
  const listRef = useRef<HTMLDivElement>(null);
  const emptyRef = useRef<HTMLParagraphElement>(null);
  const focusState = useRef({ inList: false, index: 0 });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  // The item holding focus (or last holding it): the compact view opens it.
  const [activeId, setActiveId] = useState<string | null>(null);
  const compact = view === 'compact';
  const [rejecting, setRejecting] = useState<string | null>(null);
  const [bulkReject, setBulkReject] = useState(false);
  const [bulkDraft, setBulkDraft] = useState<RejectDraft>(emptyDraft);
  const selectAllRef = useRef<HTMLInputElement>(null);

  const all = query.data?.pages.flatMap((p) => p.items) ?? [];
  const items = all.filter((i) => !decisions.hidden.has(i.comment.id));
  // The list as shown: each kept item where it was, after the item that preceded it.
  const kept = interrupted.filter(
    (e) => !decisions.hidden.has(e.item.comment.id) && !all.some((i) => i.comment.id === e.item.comment.id),
  );
  const rows: ({ kind: 'item'; item: QueueItem } | { kind: 'kept'; entry: Interrupted })[] = [
    ...kept
      .filter((e) => !e.afterId || !items.some((i) => i.comment.id === e.afterId))
      .map((entry) => ({ kind: 'kept' as const, entry })),
  ];
  for (const item of items) {
    rows.push({ kind: 'item', item });
    for (const entry of kept) if (entry.afterId === item.comment.id) rows.push({ kind: 'kept', entry });
  }
  const visibleIds = items.map((i) => i.comment.id);
  const selectedItems = items.filter((i) => selected.has(i.comment.id));
  const bulkActions = (['approve', 'restore', 'reject'] as Decision[]).filter(
    (d) => selectedItems.length > 0 && selectedItems.every((i) => availableDecisions(i).includes(d)),
  );

  const decide = (item: QueueItem, action: Decision, preset?: PresetReason, message?: string) => {
    const reason = preset ? composeReason(preset, message ?? '', item.comment.language) : undefined;
    decisions.schedule([item], action, reason);
    setRejecting((r) => (r === item.comment.id ? null : r));
    setSelected((s) => {
      if (!s.has(item.comment.id)) return s;
      const next = new Set(s);
      next.delete(item.comment.id);
      return next;
    });
  };

  const decideSelected = (action: Decision, preset?: PresetReason, message?: string) => {
    if (selectedItems.length === 0) return;
    const reason = preset ? composeReason(preset, message ?? '', null) : undefined;
    decisions.schedule(selectedItems, action, reason);
    setSelected(new Set());
    setBulkReject(false);
    setBulkDraft(emptyDraft);
  };

  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  // Only what this person may decide can be selected (chairs read the queue and curate).
  const selectable = items.filter((i) => availableDecisions(i).length > 0);
  const allSelected = selectable.length > 0 && selectable.every((i) => selected.has(i.comment.id));
  const someSelected = selectedItems.length > 0 && !allSelected;
  useEffect(() => {
    if (selectAllRef.current) selectAllRef.current.indeterminate = someSelected;
  }, [someSelected]);

  const onHighlighted = (comment: CommentDto) =>
    patchQueueItem(qc, comment.id, (i) => ({ ...i, comment: { ...i.comment, highlighted: comment.highlighted } }));

  // Keep focus in the list when the focused item leaves it (decided here or elsewhere).
  const idsKey = [...visibleIds, ...kept.map((e) => e.item.comment.id)].join(',');
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const articles = () => [...list.querySelectorAll<HTMLElement>(ITEM_SELECTOR)];
    if (focusRequest) {
      const el = articles().find((a) => a.dataset.commentId === focusRequest);
      onFocusDone();
      if (el) {
        el.focus();
        el.scrollIntoView({ block: 'nearest' });
        return;
      }
    }
    const active = document.activeElement;
    if (focusState.current.inList && (!active || active === document.body || !list.contains(active))) {
      const arts = articles();
      const el = arts[Math.min(focusState.current.index, arts.length - 1)] ?? emptyRef.current;
      el?.focus();
    }
  }, [idsKey, focusRequest, onFocusDone]);

  // The compact view opens the focused item: keep it, now taller, in view.
  useLayoutEffect(() => {
    if (!compact || !activeId) return;
    const el = listRef.current?.querySelector<HTMLElement>(`[data-comment-id="${CSS.escape(activeId)}"]`);
    el?.scrollIntoView({ block: 'nearest' });
  }, [activeId, compact]);

  useEffect(() => {
    const onPointerDown = (e: PointerEvent) => {
      if (!listRef.current?.contains(e.target as Node)) focusState.current.inList = false;
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, []);

  // The shortcuts read the latest state through a ref: one listener for the page's life.
  const keyHandler = useRef<(e: KeyboardEvent) => void>(() => {});
  useEffect(() => {
    keyHandler.current = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      const list = listRef.current;
      if (!list) return;
      const arts = [...list.querySelectorAll<HTMLElement>(ITEM_SELECTOR)];
      const currentEl = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>(ITEM_SELECTOR) ?? null;
      const index = currentEl ? arts.indexOf(currentEl) : -1;
      const item = currentEl ? items.find((i) => i.comment.id === currentEl.dataset.commentId) : undefined;
      const move = (to: number) => {
        const el = arts[Math.max(0, Math.min(to, arts.length - 1))];
        if (!el) return;
        el.focus();
        el.scrollIntoView({ block: 'nearest' });
      };
      switch (e.key) {
        case 'j':
          move(index < 0 ? 0 : index + 1);
          break;
        case 'k':
          move(index < 0 ? 0 : index - 1);
          break;
        case 'a': {
          if (!item) return;
          const d = availableDecisions(item).find((x) => x === 'approve' || x === 'restore');
          if (d) decide(item, d);
          break;
        }
        case 'r':
          if (!item || !availableDecisions(item).includes('reject')) return;
          if (rejecting === item.comment.id) {
            // Already open: back to its reasons.
            currentEl?.querySelector<HTMLInputElement>('.reject-reasons input:checked, .reject-reasons input')?.focus();
          } else setRejecting(item.comment.id);
          break;
        case 'x':
          if (!item || availableDecisions(item).length === 0) return;
          toggle(item.comment.id);
          break;
        case 'u':
          onUndoLatest();
          break;
        case '?':
          onOpenShortcuts();
          break;
        default:
          return;
      }
      e.preventDefault();
    };
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => keyHandler.current(e);
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  if (query.isPending) return <p role="status">{t('common:loading')}</p>;
  if (query.isError && all.length === 0) return <ErrorMessage error={query.error} />;

  return (
    <div
      ref={listRef}
      className="queue-list"
      onFocus={(e) => {
        focusState.current.inList = true;
        const art = (e.target as HTMLElement).closest<HTMLElement>(ITEM_SELECTOR);
        if (art && listRef.current) {
          focusState.current.index = [...listRef.current.querySelectorAll(ITEM_SELECTOR)].indexOf(art);
          setActiveId(art.dataset.commentId ?? null);
        }
      }}
      onBlur={(e) => {
        if (e.relatedTarget && !listRef.current?.contains(e.relatedTarget as Node)) {
          focusState.current.inList = false;
        }
      }}
    >
      <div className="queue-toolbar">
        {selectable.length > 0 ? (
          <label className="select-all">
            <input
              ref={selectAllRef}
              type="checkbox"
              checked={allSelected}
              disabled={items.length === 0}
              onChange={() => setSelected(allSelected ? new Set() : new Set(selectable.map((i) => i.comment.id)))}
            />{' '}
            {t('bulk.selectAll', { count: selectable.length })}
          </label>
        ) : (
          <span />
        )}
        <div className="queue-toolbar-end">
          <p className="queue-toolbar-hint muted">
            {t('shortcuts.hint')}{' '}
            <button type="button" className="link-button" onClick={onOpenShortcuts}>
              {t('shortcuts.open')}
            </button>
          </p>
          <button
            type="button"
            className="button secondary small view-toggle"
            aria-pressed={compact}
            onClick={() => onViewChange(compact ? 'full' : 'compact')}
          >
            {t('view.compact')}
          </button>
        </div>
      </div>

      {selectedItems.length > 0 && (
        <div className="bulk-bar" role="group" aria-label={t('bulk.label')}>
          <p className="bulk-count" aria-live="polite">
            {t('bulk.selected', { count: selectedItems.length })}
          </p>
          <div className="form-row">
            {bulkActions
              .filter((d) => d !== 'reject')
              .map((d) => (
                <button key={d} type="button" className="button" onClick={() => decideSelected(d)}>
                  {t(`bulk.${d}`, { count: selectedItems.length })}
                </button>
              ))}
            {bulkActions.includes('reject') && (
              <button
                type="button"
                className="button secondary danger-outline"
                aria-expanded={bulkReject}
                onClick={() => setBulkReject((o) => !o)}
              >
                {t('bulk.reject', { count: selectedItems.length })}…
              </button>
            )}
            <button type="button" className="button secondary" onClick={() => setSelected(new Set())}>
              {t('bulk.clear')}
            </button>
          </div>
          {bulkActions.length === 0 && <p className="muted">{t('bulk.mixed')}</p>}
          {bulkReject && bulkActions.includes('reject') && (
            <RejectForm
              idBase="bulk-reject"
              draft={bulkDraft}
              onDraft={setBulkDraft}
              submitLabel={t('bulk.rejectSubmit', { count: selectedItems.length })}
              onSubmit={(preset, message) => decideSelected('reject', preset, message)}
              onCancel={() => setBulkReject(false)}
            />
          )}
        </div>
      )}

      {query.isError && <ErrorMessage error={query.error} />}

      {rows.length === 0 ? (
        <p className="queue-empty" tabIndex={-1} ref={emptyRef}>
          {t(`empty.${status}`)}
        </p>
      ) : (
        <ol className={compact ? 'queue-items compact' : 'queue-items'}>
          {rows.map((row) => {
            if (row.kind === 'kept') {
              const id = row.entry.item.comment.id;
              return (
                <li key={`kept-${id}`}>
                  <InterruptedCard
                    entry={row.entry}
                    draft={drafts.get(id) ?? emptyDraft}
                    onDraft={(d) => onDraft(id, d)}
                    onTakeDown={(reason) => onTakeDown(row.entry, reason)}
                    onDismiss={() => onDismissInterrupted(id)}
                  />
                </li>
              );
            }
            const { item } = row;
            const draft = drafts.get(item.comment.id) ?? emptyDraft;
            const rejectOpen = rejecting === item.comment.id;
            return (
              <li key={item.comment.id}>
                <QueueItemCard
                  item={item}
                  showSpace={showSpace}
                  selected={selected.has(item.comment.id)}
                  onToggleSelect={() => toggle(item.comment.id)}
                  onDecide={(action, preset, message) => decide(item, action, preset, message)}
                  rejectOpen={rejectOpen}
                  onRejectOpen={(open) => setRejecting(open ? item.comment.id : null)}
                  draft={draft}
                  onDraft={(d) => onDraft(item.comment.id, d)}
                  onHighlighted={onHighlighted}
                  now={now}
                  compact={compact}
                  collapsed={compact && activeId !== item.comment.id && !rejectOpen}
                />
              </li>
            );
          })}
        </ol>
      )}

      {query.hasNextPage && (
        <p>
          <button
            type="button"
            className="button secondary"
            onClick={() => void query.fetchNextPage()}
            disabled={query.isFetchingNextPage}
          >
            {query.isFetchingNextPage ? t('common:loading') : t('common:actions.loadMore')}
          </button>
        </p>
      )}
    </div>
  );
}
