import type { QuestionDto } from '@convene/shared';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { FollowButton } from '../../follows/FollowButton';
import { OriginalNote } from '../../spaces/components/ContentText';
import { useComments } from '../api/getComments';
import { useDiscussion } from '../context';
import { AnswerSlot } from './AnswerSlot';
import { CommentList } from './CommentList';

/** One guiding question: its text, its counts, its composer and its discussion. */
export const QuestionSection = memo(function QuestionSection({
  question,
  newCount,
}: {
  question: QuestionDto;
  /** Comments new since the last visit, as the page first loaded. */
  newCount: number | null;
}) {
  const { t } = useTranslation('discussion');
  const d = useDiscussion();
  const headingId = `q-${question.id}`;
  const number = t('question.number', { n: question.position });
  // The list's own query (shared with CommentList): empty means nothing to read here, not even
  // the reader's own pending comment; "no comments yet" is then said once, beside the way to answer.
  const list = useComments(d.slug, question.id, d.filters);
  const filtered = Boolean(d.filters.language || d.filters.tag || d.filters.highlighted);
  const empty =
    !filtered && (list.isSuccess ? (list.data.pages[0]?.comments.length ?? 0) === 0 : question.counts.comments === 0);
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
              )}
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
      {!empty && <CommentList list={question.id} label={t('question.discussion', { number })} />}
    </section>
  );
});
