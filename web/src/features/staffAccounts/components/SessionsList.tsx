import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorWithRetry } from '../../../components/ErrorWithRetry';
import { useFormat } from '../../../i18n/format';
import { FormAlert } from '../../auth/components/FormAlert';
import { sessionsQuery, useRevokeOthers, useRevokeSession } from '../api';
import '../locales';

/** The account page's active sessions: browser, address, when; sign out one, or all the others. */
export function SessionsList({ userId }: { userId: string }) {
  const { t } = useTranslation('staffAccounts');
  const format = useFormat();
  const list = useQuery(sessionsQuery(userId));
  const revoke = useRevokeSession(userId);
  const others = useRevokeOthers(userId);
  const [status, setStatus] = useState<string | null>(null);
  const error = revoke.error ?? others.error;
  return (
    <section aria-labelledby="account-sessions-heading">
      <h2 id="account-sessions-heading">{t('sessions.title')}</h2>
      <p className="muted">{t('sessions.intro')}</p>
      {list.isPending ? (
        <p className="muted">{t('common:loading')}</p>
      ) : list.isError ? (
        <ErrorWithRetry error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <table className="data-table sessions-table">
            <thead>
              <tr>
                <th scope="col">{t('sessions.browser')}</th>
                <th scope="col">{t('sessions.address')}</th>
                <th scope="col">{t('sessions.created')}</th>
                <th scope="col">{t('sessions.lastUsed')}</th>
                <td />
              </tr>
            </thead>
            <tbody>
              {list.data.sessions.map((s) => {
                const browser = s.browser ?? t('sessions.unknownBrowser');
                return (
                  <tr key={s.id}>
                    <th scope="row" title={s.userAgent ?? undefined}>
                      {browser}
                      {s.current && <strong className="badge"> {t('sessions.current')}</strong>}
                    </th>
                    <td>{s.ipAddress ?? '—'}</td>
                    <td>
                      <time dateTime={s.createdAt}>{format.dateTime(s.createdAt)}</time>
                    </td>
                    <td>
                      <time dateTime={s.lastUsedAt}>{format.dateTime(s.lastUsedAt)}</time>
                    </td>
                    <td>
                      {!s.current && (
                        <button
                          type="button"
                          className="button secondary"
                          aria-label={t('sessions.revokeNamed', { browser })}
                          onClick={() => revoke.mutate(s.id, { onSuccess: () => setStatus(t('sessions.revoked')) })}
                        >
                          {t('sessions.revoke')}
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {list.data.sessions.length > 1 && (
            <div className="form-actions">
              <button
                type="button"
                className="button secondary"
                onClick={() =>
                  others.mutate(undefined, {
                    onSuccess: ({ revoked }) => setStatus(t('sessions.revokedOthers', { count: revoked })),
                  })
                }
              >
                {t('sessions.revokeOthers')}
              </button>
            </div>
          )}
        </>
      )}
      <FormAlert error={error} attempt={0} />
      <div role="status" className="form-status">
        {status && <p className="notice success">{status}</p>}
      </div>
    </section>
  );
}
