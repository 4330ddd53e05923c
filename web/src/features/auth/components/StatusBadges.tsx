import type { MyCommentDto } from '@convene/shared';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { meQuery } from '../api/me';

const TONE = { pending: 'warn', approved: 'ok', rejected: 'danger', withdrawn: '' } as const;

/**
 * A contribution's moderation status, plus "edit awaiting moderation" when an edit waits. A pending
 * one of an account whose comments are held says it waits for the address to be verified.
 */
export function StatusBadges({ comment }: { comment: Pick<MyCommentDto, 'status' | 'pendingRevision'> }) {
  const { t } = useTranslation('auth');
  const { t: ti } = useTranslation('identity');
  const held = useQuery(meQuery).data?.account?.commentsHeld === true && comment.status === 'pending';
  return (
    <span className="status-badges">
      <span className="visually-hidden">{t('mine.status.label')} </span>
      <span className={`badge ${TONE[comment.status]}`}>
        {held ? ti('held.badge') : t(`mine.status.${comment.status}`)}
      </span>
      {comment.pendingRevision && (
        <>
          <span className="visually-hidden">, </span>
          <span className="badge warn">{t('mine.status.revision')}</span>
        </>
      )}
    </span>
  );
}
