import type { CommentDto } from '@convene/shared';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, retryAfterMinutes } from '../../../../components/ErrorMessage';
import { useFormat } from '../../../../i18n/format';
import { ApiError } from '../../../../lib/api';
import { langAttr } from '../../lib/intl';
import type { ComposerIds } from './ids';
import { SessionExpired } from './SessionExpired';

/**
 * Why the last send was refused, where focus goes after it: an expired session, a newer version
 * of the comment (shown), a space no longer open, a rate limit, a reused clientId, or the server's message.
 */
export function SubmitAlert({
  ids,
  error,
  conflict,
  otherField,
}: {
  ids: ComposerIds;
  error: unknown;
  conflict: CommentDto | null;
  /** A refused question or parent, shown under the message. */
  otherField: string | undefined;
}) {
  const { t } = useTranslation('discussion');
  const expired = error instanceof ApiError && error.status === 401;
  const notOpen = error instanceof ApiError && error.code === 'space_not_open';
  return (
    <div id={ids.alert} tabIndex={-1} className="composer-alert">
      {expired ? (
        <SessionExpired />
      ) : conflict && error instanceof ApiError && error.code === 'conflict' ? (
        <div className="notice conflict" role="alert">
          <p>
            <strong>{t('composer.conflictTitle')}</strong> {t('composer.conflictText')}
          </p>
          <p className="conflict-label">{t('composer.conflictCurrent')}</p>
          <div
            className="prose comment-body conflict-current"
            lang={langAttr(conflict.language)}
            dir="auto"
            dangerouslySetInnerHTML={{ __html: conflict.pendingRevision?.bodyHtml ?? conflict.bodyHtml }}
          />
        </div>
      ) : notOpen ? (
        <p className="error-message" role="alert">
          {t('composer.spaceNotOpen')} <NotOpenReason error={error as ApiError} />
        </p>
      ) : error instanceof ApiError && error.code === 'rate_limited' ? (
        <p className="error-message" role="alert">
          {t('composer.rateLimited', { count: retryAfterMinutes(error) })}
        </p>
      ) : error instanceof ApiError && error.code === 'client_id_reused' ? (
        <p className="error-message" role="alert">
          {t('composer.clientIdReused')}
        </p>
      ) : error ? (
        <>
          <ErrorMessage error={error} />
          {otherField && <p className="field-error">{otherField}</p>}
        </>
      ) : null}
    </div>
  );
}

/** Why the space refuses comments (the 409's details), in the interface language, with its date. */
function NotOpenReason({ error }: { error: ApiError }) {
  const { t } = useTranslation('discussion');
  const format = useFormat();
  const d = (error.details ?? {}) as {
    reason?: string;
    status?: string;
    opensAt?: string | null;
    closesAt?: string | null;
  };
  if (d.reason === 'draft') return t('composer.notOpen.draft');
  if (d.reason === 'archived') return t('composer.notOpen.archived');
  if (d.reason === 'not_yet_open' && d.opensAt) return t('composer.notOpen.opensOn', { date: format.date(d.opensAt) });
  if (d.reason === 'closed' && d.status !== 'closed' && d.closesAt)
    return t('composer.notOpen.closedOn', { date: format.date(d.closesAt) });
  if (d.reason === 'closed') return t('composer.notOpen.closed');
  return error.message;
}
