import type { MyCommentDto } from '@convene/shared';
import { useTranslation } from 'react-i18next';

const TONE = { pending: 'warn', approved: 'ok', rejected: 'danger', withdrawn: '' } as const;

/** A contribution's moderation status, plus "edit awaiting moderation" when an edit waits. */
export function StatusBadges({ comment }: { comment: Pick<MyCommentDto, 'status' | 'pendingRevision'> }) {
  const { t } = useTranslation('auth');
  return (
    <span className="status-badges">
      <span className="visually-hidden">{t('mine.status.label')} </span>
      <span className={`badge ${TONE[comment.status]}`}>{t(`mine.status.${comment.status}`)}</span>
      {comment.pendingRevision && (
        <>
          <span className="visually-hidden">, </span>
          <span className="badge warn">{t('mine.status.revision')}</span>
        </>
      )}
    </span>
  );
}
