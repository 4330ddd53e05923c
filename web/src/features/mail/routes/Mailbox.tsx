import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { useFormat } from '../../../i18n/format';
import { useMyAbilities } from '../../auth/api/me';
import { StaffGate } from '../../moderation/components/StaffGate';
import { usePageTitle } from '../../moderation/hooks/usePageTitle';
import {
  MAIL_STATUSES,
  type MailDetail,
  type MailStatus,
  mailboxKey,
  retryMail,
  useMail,
  useMailbox,
} from '../api/mailbox';
import '../../moderation/locales';
import '../locales';
import '../mail.css';

/** `/admin/mailbox`: the development mailbox (and the SMTP outbox), for administrators. */
export function Mailbox() {
  const { t } = useTranslation('mail');
  return (
    <StaffGate title={t('title')}>
      <MailboxPage />
    </StaffGate>
  );
}

function MailboxPage() {
  const { t } = useTranslation('mail');
  usePageTitle(t('title'));
  const format = useFormat();
  const abilities = useMyAbilities();
  const [status, setStatus] = useState<MailStatus | ''>('');
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useMailbox(status);
  if (abilities && !abilities.admin) {
    return (
      <div className="staff mailbox-page">
        <h1>{t('title')}</h1>
        <p className="notice">{t('forbidden')}</p>
      </div>
    );
  }
  const counts = list.data?.counts;
  const total = counts ? counts.queued + counts.sent + counts.failed : 0;
  const messages = list.data?.messages ?? [];
  return (
    <div className="staff mailbox-page">
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
      <div className="form-row">
        <label htmlFor="mailbox-status">{t('filter')}</label>
        <select id="mailbox-status" value={status} onChange={(e) => setStatus(e.target.value as MailStatus | '')}>
          <option value="">{t('all', { count: total })}</option>
          {MAIL_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t('statusCount', { status: t(`status.${s}`), count: counts?.[s] ?? 0 })}
            </option>
          ))}
        </select>
      </div>
      {list.isError && <ErrorMessage error={list.error} />}
      {list.isPending ? (
        <p role="status">{t('common:loading')}</p>
      ) : messages.length === 0 ? (
        <p className="notice">{t('empty')}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="mailbox-caption" tabIndex={0}>
          <table className="data-table mailbox-table">
            <caption id="mailbox-caption" className="visually-hidden">
              {t('caption')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('when')}</th>
                <th scope="col">{t('to')}</th>
                <th scope="col">{t('subject')}</th>
                <th scope="col">{t('state')}</th>
                <th scope="col" className="num">
                  {t('attempts')}
                </th>
              </tr>
            </thead>
            <tbody>
              {messages.map((m) => (
                <tr key={m.id} aria-current={m.id === openId || undefined}>
                  <td>{format.dateTime(m.createdAt)}</td>
                  <td>{m.to}</td>
                  <td>
                    <button
                      type="button"
                      className="link-button"
                      aria-expanded={m.id === openId}
                      aria-controls="mailbox-message"
                      onClick={() => setOpenId(m.id === openId ? null : m.id)}
                    >
                      {m.subject}
                    </button>
                  </td>
                  <td>
                    <span className={`mail-status ${m.status}`}>{t(`status.${m.status}`)}</span>
                    {m.transport === 'smtp' && <> {t('overSmtp')}</>}
                    {m.lastError && m.status !== 'sent' && (
                      <div className="mail-error">{t('lastError', { error: m.lastError })}</div>
                    )}
                  </td>
                  <td className="num">{format.number(m.attempts)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div id="mailbox-message">{openId && <MessageView id={openId} onClose={() => setOpenId(null)} />}</div>
    </div>
  );
}

function MessageView({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation('mail');
  const mail = useMail(id);
  const qc = useQueryClient();
  const retry = useMutation({
    mutationFn: () => retryMail(id),
    onSuccess: () => qc.invalidateQueries({ queryKey: mailboxKey }),
  });
  if (mail.isPending) return <p role="status">{t('common:loading')}</p>;
  if (mail.isError) return <ErrorMessage error={mail.error} />;
  const m: MailDetail = mail.data;
  return (
    <section className="mail-message" aria-labelledby="mail-message-title">
      <h2 id="mail-message-title">{m.subject}</h2>
      <div className="form-row">
        {m.status === 'failed' && (
          <button type="button" className="button" onClick={() => retry.mutate()} aria-disabled={retry.isPending}>
            {t('retry')}
          </button>
        )}
        <button type="button" className="button secondary" onClick={onClose}>
          {t('close')}
        </button>
      </div>
      {retry.isSuccess && <p role="status">{t('retried')}</p>}
      {retry.isError && <ErrorMessage error={retry.error} />}
      <h3>{t('headers')}</h3>
      <dl className="mail-headers">
        {Object.entries(m.headers).map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {m.html === null && m.text === null ? (
        <p className="notice">{t('hidden')}</p>
      ) : (
        <>
          <h3>{t('html')}</h3>
          {/* No scripts, no same-origin access, no forms: the message cannot act on the app. Links
              open in a new tab (<base target>), outside the sandbox. */}
          <iframe
            className="mail-html"
            title={t('htmlFrame', { subject: m.subject })}
            sandbox="allow-popups allow-popups-to-escape-sandbox"
            referrerPolicy="no-referrer"
            srcDoc={`<base target="_blank">${m.html ?? ''}`}
          />
          <h3>{t('text')}</h3>
          <pre className="mail-text">{m.text}</pre>
        </>
      )}
    </section>
  );
}
