import type { QuestionDto } from '@convene/shared';
import { memo, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { FollowButton } from '../../follows/FollowButton';
import { OriginalNote } from '../../spaces/components/ContentText';
import { type ListView, useComments } from '../api/getComments';
import { useDiscussion } from '../context';
import { findComment } from '../lib/commentCache';
import { AnswerSlot } from './AnswerSlot';
import { CommentList } from './CommentList';

/** One guiding question: its text, its counts, its composer and its discussion. */
export const QuestionSection = memo(function QuestionSection({
  question,
  newCount,
  initiallyOpen = true,
  linkedId = null,
}: {
  question: QuestionDto;
  /** Comments new since the last visit, as the page first loaded. */
  newCount: number | null;
  /** Whether its comments show at first (later questions of a large space start collapsed). */
  initiallyOpen?: boolean;
  /** A permalink's comment in this question: the list opens, at its page if need be. */
  linkedId?: string | null;
}) {
  const { t } = useTranslation('discussion');
  const d = useDiscussion();
  const headingId = `q-${question.id}`;
  const listId = `q-${question.id}-comments`;
  const number = t('question.number', { n: question.position });
  const { hash } = useLocation();
  const [open, setOpen] = useState(initiallyOpen || linkedId !== null || hash === `#${headingId}`);
  const [order, setOrder] = useState<ListView['order']>('oldest');
  const [from, setFrom] = useState<string | undefined>(undefined);
  const view = useMemo<ListView>(() => ({ order, from }), [order, from]);
  // The list's own query (shared with CommentList), read only once the question is open: empty
  // means nothing to read here, not even the reader's own pending comment; "no comments yet" is
  // then said once, beside the way to answer.
  const list = useComments(d.slug, question.id, d.filters, view, open);
  const filtered = Boolean(d.filters.language || d.filters.tag || d.filters.highlighted);
  const empty =
    !filtered && (list.isSuccess ? (list.data.pages[0]?.comments.length ?? 0) === 0 : question.counts.comments === 0);

  // A link to this question (the table of contents) opens it.
  const [seenHash, setSeenHash] = useState(hash);
  if (hash !== seenHash) {
    setSeenHash(hash);
    if (hash === `#${headingId}`) setOpen(true);
  }

  // A permalink: open, and if the comment is not on the first page, start the list at it.
  const [handled, setHandled] = useState<string | null>(null);
  if (linkedId && handled !== linkedId) {
    if (!open) setOpen(true);
    else if (list.isSuccess) {
      setHandled(linkedId);
      if (!findComment(list.data, linkedId)) setFrom(linkedId);
    }
  }
  const answer = (
    <AnswerSlot
      target={{ kind: 'question', questionId: question.id }}
      buttonLabel={t('question.answer', { n: question.position })}
    />
  );
  return (
    <section className={`question${empty ? ' is-empty' : ''}`} aria-labelledby={headingId}>
      <h2 id={headingId} tabIndex={-1} className="question-title">
        <span className="question-number">{number}</span>{' '}
        <span className="question-text" lang={question.lang.text} dir="auto">
          {question.text}
        </span>
      </h2>
      <OriginalNote lang={question.lang.text} />
      {/* One tree either way, so the composer is not remounted when the first comment arrives. */}
      <div className={empty ? 'question-lead is-empty' : 'question-lead'}>
        <p className="question-meta">
          {empty ? (
            t('list.empty')
          ) : (
            <>
              {t('question.comments', { count: question.counts.comments })}
              {newCount !== null && newCount > 0 && (
                <>
                  {' · '}
                  <span className="new-count">{t('question.new', { count: newCount })}</span>
                </>
              )}{' '}
              <button
                type="button"
                className="link-button question-toggle"
                aria-expanded={open}
                aria-controls={listId}
                onClick={() => setOpen((o) => !o)}
              >
                {open ? t('question.hide') : t('question.show')}
                <span className="visually-hidden"> — {number}</span>
              </button>
            </>
          )}
        </p>
        <FollowButton
          target={{ slug: d.slug, questionId: question.id }}
          following={question.following}
          label={t('follows:question', { n: question.position })}
        />
        {answer}
      </div>
      {!empty && (
        <div id={listId} className="question-comments" hidden={!open}>
          {open && (
            <>
              <p className="list-order">
                <label>
                  {t('list.order')}{' '}
                  <select
                    value={order}
                    onChange={(e) => {
                      setFrom(undefined);
                      setOrder(e.target.value === 'newest' ? 'newest' : 'oldest');
                    }}
                  >
                    <option value="oldest">{t('list.oldest')}</option>
                    <option value="newest">{t('list.newest')}</option>
                  </select>
                </label>
              </p>
              <CommentList
                list={question.id}
                label={t('question.discussion', { number })}
                view={view}
                onShowFromStart={() => setFrom(undefined)}
              />
            </>
          )}
        </div>
      )}
    </section>
  );
});
