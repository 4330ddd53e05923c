import type { QueueItem, QueueStatus, ReportCategory } from '@convene/shared';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../components/ErrorMessage';
import { reportComment } from '../api/report';
import type { DecidedFirst } from '../hooks/useDecisions';
import { type PresetReason, composeReason } from '../lib/reasons';
import type { RejectDraft } from './RejectForm';
import { intlLocale } from '../../../i18n/format';

/**
 * An item someone else decided (or its author withdrew) while this moderator was writing a
 * reason for it. It stays where it was, with what was typed, until the moderator has used it.
 */
export interface Interrupted extends DecidedFirst {
  item: QueueItem;
  /** The tab it was in, and the item shown before it there (it keeps its place). */
  tab: QueueStatus;
  afterId: string | null;
  /** Focus was in this item's card (the moderator was typing): it goes on in the kept text. */
  hadFocus: boolean;
}

const KNOWN_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'];

/** Whether a draft holds anything its writer would miss. */
export const hasWriting = (d: RejectDraft | undefined): boolean => !!d && (d.preset !== '' || d.message.trim() !== '');

/** "Approved by A at 18:48 while you were writing." in the interface language. */
export function interruptedText(t: (key: string, o?: Record<string, unknown>) => string, lng: string, i: DecidedFirst) {
  const time = new Intl.DateTimeFormat(intlLocale(lng), { timeStyle: 'short' }).format(new Date(i.at));
  const what = i.status === 'approved' || i.status === 'rejected' || i.status === 'withdrawn' ? i.status : 'changed';
  if (what === 'withdrawn') return t('interrupted.withdrawn', { time });
  return i.by ? t(`interrupted.${what}`, { name: i.by, time }) : t(`interrupted.${what}Unknown`, { time });
}

export function InterruptedCard({
  entry,
  draft,
  onDraft,
  onTakeDown,
  onDismiss,
}: {
  entry: Interrupted;
  draft: RejectDraft;
  onDraft: (draft: RejectDraft) => void;
  /** Decide it again, the other way: take the now published comment down with this reason. */
  onTakeDown: (reason: string) => void;
  onDismiss: () => void;
}) {
  const { t, i18n } = useTranslation('moderation');
  const errorText = useErrorText();
  const textRef = useRef<HTMLTextAreaElement>(null);
  const focusOnce = useRef(entry.hadFocus);
  useEffect(() => {
    const el = textRef.current;
    if (!focusOnce.current || !el) return;
    focusOnce.current = false;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);
  const [report, setReport] = useState<{ state: 'idle' | 'sending' | 'done' } | { state: 'failed'; error: string }>({
    state: 'idle',
  });
  const c = entry.item.comment;
  const id = c.id;
  const headingId = `kept-${id}-heading`;
  const noticeId = `kept-${id}-notice`;
  const textId = `kept-${id}-text`;
  const lang = c.language === 'other' ? undefined : c.language;
  const published = entry.status === 'approved';
  const preset = draft.preset as PresetReason | '';
  const message = draft.message.trim();
  // What a take-down or a report would say: the reason chosen and the words typed.
  const reason = preset ? composeReason(preset, draft.message, c.language) : message;
  const canTakeDown = published && c.abilities.decide && entry.version !== null && reason.length > 0;
  const reportText = message || (preset ? t(`reasons.${preset}`) : '');
  const canReport = published && reportText.length >= 3 && report.state !== 'done';

  // The report's category follows the reason chosen; the words sent are its note.
  const reportCategoryOf = (p: PresetReason | ''): ReportCategory =>
    p === 'offTopic' ? 'off_topic' : p === 'offensive' ? 'abusive' : p === 'spam' ? 'spam' : 'other';

  const sendReport = () => {
    setReport({ state: 'sending' });
    reportComment(id, { category: reportCategoryOf(preset), note: reportText }).then(
      () => setReport({ state: 'done' }),
      (err: unknown) => setReport({ state: 'failed', error: errorText(err) }),
    );
  };

  return (
    <article
      className="queue-item queue-item-interrupted"
      tabIndex={-1}
      aria-labelledby={headingId}
      aria-describedby={noticeId}
      data-comment-id={id}
      data-interrupted=""
    >
      <header className="queue-item-header">
        <span className="select-box" />
        <div className="queue-item-who">
          <h2 id={headingId} className="queue-item-title">
            <span className="visually-hidden">{t(`kind.${entry.item.kind}`)}: </span>
            <bdi>{c.author.displayName}</bdi>
          </h2>
          <p className="queue-item-affiliation" dir="auto">
            {c.author.affiliation}
          </p>
        </div>
        <p className="queue-item-badges">
          <span className={`badge kind-decided status-${entry.status}`}>
            {t(`status.${KNOWN_STATUSES.includes(entry.status) ? entry.status : 'pending'}`)}
          </span>
        </p>
      </header>

      <p className="interrupted-notice" id={noticeId}>
        <strong>{interruptedText(t, i18n.language, entry)}</strong> {t('interrupted.kept')}
      </p>

      <div
        className="prose staff-comment-body interrupted-body"
        lang={lang}
        dir="auto"
        dangerouslySetInnerHTML={{ __html: c.bodyHtml }}
      />

      <div className="field interrupted-draft">
        <label htmlFor={textId}>{t('interrupted.yourText')}</label>
        {preset && <p className="hint">{t('interrupted.reasonChosen', { reason: t(`reasons.${preset}`) })}</p>}
        <textarea
          ref={textRef}
          id={textId}
          rows={3}
          maxLength={1800}
          value={draft.message}
          data-shortcuts="off"
          onChange={(e) => onDraft({ ...draft, message: e.target.value })}
        />
      </div>

      {report.state === 'done' && (
        <p className="notice ok-notice" role="status">
          {t('interrupted.reported')}
        </p>
      )}
      {report.state === 'failed' && (
        <p className="field-error" role="alert">
          {t('interrupted.reportFailed', { error: report.error })}
        </p>
      )}

      <div className="queue-actions">
        {canTakeDown && (
          <button
            type="button"
            className="button secondary danger-outline"
            aria-describedby={headingId}
            onClick={() => onTakeDown(reason)}
          >
            {t('interrupted.takeDown')}
          </button>
        )}
        {published && report.state !== 'done' && (
          <button
            type="button"
            className="button secondary"
            aria-describedby={headingId}
            disabled={!canReport || report.state === 'sending'}
            onClick={sendReport}
          >
            {report.state === 'sending' ? t('interrupted.reporting') : t('interrupted.report')}
          </button>
        )}
        <button type="button" className="button" aria-describedby={headingId} onClick={onDismiss}>
          {t('interrupted.dismiss')}
        </button>
      </div>
    </article>
  );
}
