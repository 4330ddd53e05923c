import type { MyCommentDto } from '@convene/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../i18n/format';
import { excerptFromHtml } from '../utils/excerpt';
import { StatusBadges } from './StatusBadges';
import { Quote } from '../../../lib/punctuation';

/** One of the user's own comments: where, when, in which language, its status and its opening words. */
export function ContributionItem({
  comment,
  question,
  linkRef,
}: {
  comment: MyCommentDto;
  /** The guiding question it answers, once the space is loaded; null for a comment on the space as a whole. */
  question?: { position: number; text: string } | null | undefined;
  linkRef?: (el: HTMLElement | null) => void;
}) {
  const { t } = useTranslation('auth');
  const format = useFormat();
  const excerpt = useMemo(() => excerptFromHtml(comment.bodyHtml), [comment.bodyHtml]);
  const lang = comment.language === 'other' ? undefined : comment.language;
  const titleId = `contribution-${comment.id}`;
  return (
    <li className="contribution">
      <article aria-labelledby={titleId}>
        <h2 className="contribution-title" id={titleId}>
          <span className="contribution-code">{comment.space.code}</span>{' '}
          {/* To the comment itself (the space page scrolls to it); a withdrawn one is no longer shown there. */}
          <Link
            to={
              comment.status === 'withdrawn'
                ? `/spaces/${comment.space.slug}`
                : `/spaces/${comment.space.slug}#comment-${comment.id}`
            }
            ref={linkRef}
          >
            {comment.space.title}
          </Link>
        </h2>
        {comment.questionId === null ? (
          <p className="contribution-question">{t('mine.general')}</p>
        ) : (
          question && (
            <p className="contribution-question">
              {t('mine.onQuestion', { n: question.position })}{' '}
              <Quote>
                <bdi>{question.text}</bdi>
              </Quote>
            </p>
          )
        )}
        <p className="contribution-meta">
          <StatusBadges comment={comment} />
          <span className="muted">
            <time dateTime={comment.createdAt}>{format.dateTime(comment.createdAt)}</time>
            {' · '}
            {t(`common:contentLanguage.${comment.language}`)}
            {comment.inReplyTo && (
              <>
                {' · '}
                {t('mine.inReplyTo', { name: comment.inReplyTo.authorName })}
              </>
            )}
          </span>
        </p>
        {comment.status === 'rejected' && (
          <p className="contribution-reason">
            <strong>{t('mine.reason')}</strong> {comment.reason || t('mine.noReason')}
          </p>
        )}
        {excerpt && (
          <p className="contribution-excerpt" lang={lang}>
            {excerpt}
          </p>
        )}
      </article>
    </li>
  );
}
