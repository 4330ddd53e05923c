import type { QuestionDto } from '@convene/shared';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
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
  const headingId = `q-${question.id}`;
  const number = t('question.number', { n: question.position });
  return (
    <section className="question" aria-labelledby={headingId}>
      <h2 id={headingId} tabIndex={-1} className="question-title">
        <span className="question-number">{number}</span> <span className="question-text">{question.text}</span>
      </h2>
      <p className="question-meta">
        {t('question.comments', { count: question.counts.comments })}
        {newCount !== null && newCount > 0 && (
          <>
            {' · '}
            <span className="new-count">{t('question.new', { count: newCount })}</span>
          </>
        )}
      </p>
      <AnswerSlot
        target={{ kind: 'question', questionId: question.id }}
        buttonLabel={t('question.answer', { n: question.position })}
      />
      <CommentList list={question.id} label={t('question.discussion', { number })} />
    </section>
  );
});
