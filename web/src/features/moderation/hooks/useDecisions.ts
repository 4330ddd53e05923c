import type { Decision, QueueItem } from '@convene/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../components/ErrorMessage';
import { useFormat } from '../../../i18n/format';
import { ApiError } from '../../../lib/api';
import { decideBulk, decideBulkOnUnload, decideComment, decideOnUnload } from '../api/decide';
import { refreshQueues, removeFromQueues } from '../api/queue';
import { type DecisionVerb, decisionVerb } from '../lib/decisions';

/**
 * How undo works (the one behaviour for every decision, single or bulk):
 *
 * A decision is held in this browser for UNDO_WINDOW_MS before it is sent. Until then nothing
 * has happened anywhere: the item leaves this moderator's list, an "Undo" button (and the `u`
 * key) brings it back, and no participant, author or other moderator has seen anything. When
 * the window closes the request goes out with the version the moderator saw, so a decision
 * someone else made meanwhile is refused (409) and reported, never applied twice.
 *
 * Why not "send at once, undo by deciding again": an approval is published live to every
 * open page the moment it is sent, and the server's only way back from an approval is a
 * rejection the author is told about; likewise "restore" after a rejection would publish a
 * comment nobody approved. Holding the request is the only undo that undoes without a trace.
 *
 * Leaving the page (navigation or closing the tab) sends what is still held: the moderator
 * decided, so the decision is kept.
 */
export const UNDO_WINDOW_MS = 5_000;

export interface Scheduled {
  key: number;
  action: Decision;
  reason: string | undefined;
  items: QueueItem[];
  /** For one item: what the decision means for it ("take down", "approve edit", …). */
  verb: DecisionVerb;
  deadline: number;
  sending: boolean;
}

export interface Notice {
  key: number;
  tone: 'warn' | 'danger';
  text: string;
}

/** Who decided an item first, when this browser's decision on it was refused. */
export interface DecidedFirst {
  by: string | null;
  status: string;
  at: string;
  /** The comment's version now, to decide it again (a take-down); null when unknown. */
  version: number | null;
}

let nextKey = 1;
const MAX_NOTICES = 6;

export function useDecisions({
  announce,
  onLost,
  onSent,
}: {
  announce: (text: string) => void;
  /**
   * A decision sent from here was refused because someone decided first. Returning true means
   * the page keeps the item on screen and explains it there, so no notice is added.
   */
  onLost?: (item: QueueItem, first: DecidedFirst) => boolean;
  /** Comments whose decision from here was saved. */
  onSent?: (ids: ReadonlySet<string>) => void;
}) {
  const { t } = useTranslation('moderation');
  const fmt = useFormat();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const [scheduled, setScheduled] = useState<Scheduled[]>([]);
  const [notices, setNotices] = useState<Notice[]>([]);
  // The same list as `scheduled`, readable at once by timers and event handlers.
  const current = useRef<Scheduled[]>([]);
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());
  /** Comments this browser decided: their live `comment.decided` is not news to us. */
  const mine = useRef(new Set<string>());

  const update = (fn: (list: Scheduled[]) => Scheduled[]) => {
    current.current = fn(current.current);
    setScheduled(current.current);
  };

  const notify = (tone: Notice['tone'], text: string) => {
    setNotices((list) => [{ key: nextKey++, tone, text }, ...list].slice(0, MAX_NOTICES));
    announce(text);
  };

  const dismiss = (key: number) => setNotices((list) => list.filter((n) => n.key !== key));

  const author = (item: QueueItem) => item.comment.author.displayName;

  const explainFailure = (item: QueueItem, err: unknown): { gone: boolean; tone: Notice['tone']; text: string } => {
    if (err instanceof ApiError && err.status === 409 && err.code === 'conflict') {
      const d = err.details as {
        comment?: { status?: string; version?: number };
        decidedBy?: string | null;
        decidedAt?: string | null;
      };
      if (d?.decidedBy) {
        const status = d.comment?.status === 'rejected' ? 'rejected' : 'approved';
        const first: DecidedFirst = {
          by: d.decidedBy,
          status: d.comment?.status ?? status,
          at: d.decidedAt ?? new Date().toISOString(),
          version: d.comment?.version ?? null,
        };
        if (onLost?.(item, first)) return { gone: true, tone: 'warn', text: '' };
        return {
          gone: true,
          tone: 'warn',
          text: t(`notice.already.${status}`, {
            author: author(item),
            name: d.decidedBy,
            time: d.decidedAt ? fmt.dateTime(d.decidedAt) : '',
          }),
        };
      }
      return { gone: false, tone: 'warn', text: t('notice.changed', { author: author(item) }) };
    }
    if (err instanceof ApiError && (err.code === 'invalid_transition' || err.status === 404)) {
      return { gone: true, tone: 'warn', text: t('notice.invalid', { author: author(item), message: err.message }) };
    }
    return {
      gone: false,
      tone: 'danger',
      text: t('notice.failed', { author: author(item), error: errorText(err) }),
    };
  };

  const send = async (dec: Scheduled) => {
    timers.current.delete(dec.key);
    update((list) => list.map((d) => (d.key === dec.key ? { ...d, sending: true } : d)));
    const done = new Set<string>();
    const succeeded = new Set<string>();
    for (const item of dec.items) mine.current.add(item.comment.id);
    try {
      const [only] = dec.items;
      if (dec.items.length === 1 && only) {
        try {
          await decideComment(only.comment.id, {
            action: dec.action,
            version: only.comment.version,
            ...(dec.reason ? { reason: dec.reason } : {}),
          });
          done.add(only.comment.id);
          succeeded.add(only.comment.id);
        } catch (err) {
          const why = explainFailure(only, err);
          if (why.gone) done.add(only.comment.id);
          if (why.text) notify(why.tone, why.text);
        }
        return;
      }
      // Bulk decisions go to each space's bulk endpoint (the cross-space queue mixes spaces).
      const bySpace = new Map<string, QueueItem[]>();
      for (const item of dec.items) bySpace.set(item.space.slug, [...(bySpace.get(item.space.slug) ?? []), item]);
      const failed: string[] = [];
      for (const [slug, items] of bySpace) {
        try {
          const res = await decideBulk(slug, {
            ids: items.map((i) => i.comment.id),
            action: dec.action,
            ...(dec.reason ? { reason: dec.reason } : {}),
          });
          for (const r of res.results) {
            const item = items.find((i) => i.comment.id === r.id);
            if (r.ok) {
              done.add(r.id);
              succeeded.add(r.id);
            } else if (item) {
              // Someone else decided it, or it was withdrawn: it leaves the list either way.
              if (r.error?.code === 'conflict' || r.error?.code === 'invalid_transition') done.add(r.id);
              failed.push(`${author(item)}: ${r.error?.message ?? ''}`);
            }
          }
        } catch (err) {
          failed.push(...items.map((i) => `${author(i)}: ${errorText(err)}`));
        }
      }
      if (failed.length) {
        notify('danger', t('notice.bulkFailed', { count: failed.length, details: failed.join('; ') }));
      }
    } finally {
      removeFromQueues(qc, done);
      if (succeeded.size) onSent?.(succeeded);
      update((list) => list.filter((d) => d.key !== dec.key));
      void refreshQueues(qc);
    }
  };
  // Timers and the page-leave handlers call the latest `send` (its texts follow the language).
  const sendRef = useRef(send);
  useEffect(() => {
    sendRef.current = send;
  });
  const arm = (dec: Scheduled, delay: number) =>
    timers.current.set(
      dec.key,
      setTimeout(() => void sendRef.current(dec), delay),
    );

  /** Holds a decision for the undo window, then sends it. */
  const schedule = (items: QueueItem[], action: Decision, reason?: string) => {
    const [first] = items;
    if (!first) return;
    const dec: Scheduled = {
      key: nextKey++,
      action,
      reason,
      items,
      verb: items.length === 1 ? decisionVerb(first, action) : action,
      deadline: Date.now() + UNDO_WINDOW_MS,
      sending: false,
    };
    update((list) => [...list, dec]);
    arm(dec, UNDO_WINDOW_MS);
    const what =
      items.length === 1
        ? t(`scheduled.one.${dec.verb}`, { author: author(first) })
        : t(`scheduled.many.${action}`, { count: items.length });
    announce(`${what} ${t('scheduled.undoHint', { seconds: UNDO_WINDOW_MS / 1000 })}`);
  };

  /** Cancels a held decision (the latest one by default); returns its items, back in the queue. */
  const undo = (key?: number): QueueItem[] | null => {
    const target =
      key === undefined ? current.current.filter((d) => !d.sending).at(-1) : current.current.find((d) => d.key === key);
    if (!target || target.sending) return null;
    clearTimeout(timers.current.get(target.key));
    timers.current.delete(target.key);
    update((list) => list.filter((d) => d.key !== target.key));
    announce(
      target.items.length === 1
        ? t('undone.one', { author: author(target.items[0] as QueueItem) })
        : t('undone.many', { count: target.items.length }),
    );
    return target.items;
  };

  /**
   * Another moderator decided this comment (live event). A decision of ours still held for it
   * is dropped: it would only be refused. Returns whether the comment is news to this browser.
   * `quiet`: the page explains it on the item itself, so no notice is added.
   */
  const decidedElsewhere = (commentId: string, by: string, status: string, quiet = false): boolean => {
    if (mine.current.has(commentId)) return false;
    const held = current.current.find((d) => !d.sending && d.items.some((i) => i.comment.id === commentId));
    if (held) {
      const item = held.items.find((i) => i.comment.id === commentId) as QueueItem;
      const rest = held.items.filter((i) => i.comment.id !== commentId);
      if (rest.length === 0) {
        clearTimeout(timers.current.get(held.key));
        timers.current.delete(held.key);
        update((list) => list.filter((d) => d.key !== held.key));
      } else {
        // The rest of a bulk decision still goes: re-arm it with the item removed.
        clearTimeout(timers.current.get(held.key));
        const next = { ...held, items: rest };
        update((list) => list.map((d) => (d.key === held.key ? next : d)));
        arm(next, Math.max(0, held.deadline - Date.now()));
      }
      if (!quiet)
        notify(
          'warn',
          t(`notice.already.${status === 'rejected' ? 'rejected' : 'approved'}`, {
            author: author(item),
            name: by,
            time: fmt.dateTime(new Date()),
          }),
        );
    }
    return true;
  };

  // Leaving the page sends what is still held (see the note at the top).
  useEffect(() => {
    const timerMap = timers.current;
    const onPageHide = () => {
      for (const dec of current.current) {
        if (dec.sending) continue;
        clearTimeout(timerMap.get(dec.key));
        timerMap.delete(dec.key);
        const [only] = dec.items;
        const reason = dec.reason ? { reason: dec.reason } : {};
        if (dec.items.length === 1 && only) {
          decideOnUnload(only.comment.id, { action: dec.action, version: only.comment.version, ...reason });
        } else {
          const bySpace = new Map<string, string[]>();
          for (const i of dec.items) bySpace.set(i.space.slug, [...(bySpace.get(i.space.slug) ?? []), i.comment.id]);
          for (const [slug, ids] of bySpace) decideBulkOnUnload(slug, { ids, action: dec.action, ...reason });
        }
      }
      current.current = current.current.map((d) => ({ ...d, sending: true }));
    };
    window.addEventListener('pagehide', onPageHide);
    return () => {
      window.removeEventListener('pagehide', onPageHide);
      // Navigating elsewhere in the app: send now rather than drop.
      for (const dec of current.current) {
        if (dec.sending) continue;
        clearTimeout(timerMap.get(dec.key));
        void sendRef.current(dec);
      }
    };
  }, []);

  const hidden = new Set(scheduled.flatMap((d) => d.items.map((i) => i.comment.id)));
  return { scheduled, hidden, notices, dismiss, schedule, undo, decidedElsewhere };
}
