import type { AdminLogEntryDto } from '@convene/shared';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorWithRetry } from '../../../components/ErrorWithRetry';
import { countryName, useFormat } from '../../../i18n/format';
import { adminLogQuery } from '../../staffAccounts/api';
import '../../staffAccounts/locales';

/** What an entry names: the person and/or space, the role, the organisation, domain or country, the fields changed. */
function detail(entry: AdminLogEntryDto, lng: string): string {
  const d = entry.data;
  const parts = [
    d.targetName,
    d.role,
    d.spaceTitle,
    d.organisation,
    d.domain,
    typeof d.country === 'string' ? countryName(d.country, lng) : undefined,
    Array.isArray(d.fields) ? d.fields.join(', ') : undefined,
  ];
  return parts.filter((p): p is string => typeof p === 'string' && p !== '').join(' · ');
}

/**
 * A change of status, "Draft → Open": each status isolated (<bdi>), the arrow mirrored on a
 * right-to-left page so it points from the old to the new, and said in words to a screen reader.
 */
function StatusChange({ from, to, lead }: { from: string; to: string; lead: boolean }) {
  const { t } = useTranslation('staffAccounts');
  const status = (s: string) => t(`admin:status.${s}`, { defaultValue: s });
  return (
    <span className="admin-log-change">
      {lead && ' · '}
      <bdi>{status(from)}</bdi>{' '}
      <span className="mirror-rtl" aria-hidden="true" data-testid="log-arrow">
        →
      </span>{' '}
      <span className="visually-hidden">{t('log.changedTo')}</span> <bdi>{status(to)}</bdi>
    </span>
  );
}

/** The administrative log (append-only), newest first, beside the moderation logs. */
export function AdminLog() {
  const { t, i18n } = useTranslation('staffAccounts');
  const format = useFormat();
  const [before, setBefore] = useState<number | null>(null);
  const log = useQuery(adminLogQuery(before));
  return (
    <section aria-labelledby="admin-log-heading">
      <h2 id="admin-log-heading">{t('log.title')}</h2>
      <p className="muted">{t('log.intro')}</p>
      {log.isPending ? (
        <p className="muted">{t('common:loading')}</p>
      ) : log.isError ? (
        <ErrorWithRetry error={log.error} onRetry={() => void log.refetch()} />
      ) : log.data.entries.length === 0 ? (
        <p>{t('log.empty')}</p>
      ) : (
        <>
          <table className="data-table admin-log">
            <thead>
              <tr>
                <th scope="col">{t('log.when')}</th>
                <th scope="col">{t('log.who')}</th>
                <th scope="col">{t('log.what')}</th>
              </tr>
            </thead>
            <tbody>
              {log.data.entries.map((e) => (
                <tr key={e.id}>
                  <td>
                    <time dateTime={e.createdAt}>{format.dateTime(e.createdAt)}</time>
                  </td>
                  <td>{e.actor?.displayName ?? '—'}</td>
                  <td>
                    <strong>{t(`log.actions.${e.action}`)}</strong> {detail(e, i18n.language)}
                    {typeof e.data.from === 'string' && typeof e.data.to === 'string' && (
                      <StatusChange from={e.data.from} to={e.data.to} lead={detail(e, i18n.language) !== ''} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {log.data.nextBefore !== null && (
            <button type="button" className="button secondary" onClick={() => setBefore(log.data.nextBefore)}>
              {t('log.more')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
