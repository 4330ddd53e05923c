import { STAKEHOLDER_CATEGORIES, type AffiliationQueueItem } from '@convene/shared';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countryName } from '../../../i18n/format';
import {
  domainsQuery,
  queueQuery,
  useAddDomain,
  useDecline,
  useFocalPoint,
  useRemoveDomain,
  useRevokeVerification,
  useVerify,
  verifiedUsersQuery,
} from '../api';
import { ErrorMessage, useErrorText } from '../../../components/ErrorMessage';
import { AffiliationMarks } from '../components/AffiliationMarks';
import '../locales';
import '../affiliations.css';
import { AffiliationAfter } from '../../../lib/punctuation';

/**
 * How an action on the page ended, told at the top of the page. The row that started it often
 * leaves the page with its result (a verified request leaves the queue, a removed verification
 * the table), so the message is the page's, and actions report through `mutateAsync`, whose
 * promise settles even when the row that asked is gone (a `mutate` callback would be dropped).
 */
interface Report {
  done: (message: string | null) => void;
  failed: (error: unknown) => void;
}

/** `/admin/affiliations`: the verification queue, organisation domains and focal points. */
export function Affiliations() {
  const { t } = useTranslation('affiliations');
  const [outcome, setOutcome] = useState<{ status: string | null; error: unknown }>({ status: null, error: null });
  const report: Report = {
    done: (status) => setOutcome({ status, error: null }),
    failed: (error) => setOutcome({ status: null, error }),
  };
  // The button may be far down the page: bring the outcome into view.
  const told = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (outcome.status || outcome.error) told.current?.scrollIntoView?.({ block: 'nearest' });
  }, [outcome]);
  return (
    <div className="staff admin-page affiliation-admin">
      <h1>{t('admin.title')}</h1>
      <div ref={told}>
        <p role="status" aria-live="polite">
          {outcome.status}
        </p>
        <ErrorMessage error={outcome.error} />
      </div>
      <Queue report={report} />
      <Domains report={report} />
      <FocalPoints report={report} />
    </div>
  );
}

function Queue({ report }: { report: Report }) {
  const { t, i18n } = useTranslation('affiliations');
  const { t: tc } = useTranslation('common');
  const queue = useQuery(queueQuery());
  const verify = useVerify();
  const items = queue.data?.requests ?? [];
  return (
    <section aria-labelledby="aff-queue">
      <h2 id="aff-queue">{t('admin.queue')}</h2>
      {queue.isSuccess && items.length === 0 && <p>{t('admin.empty')}</p>}
      <ul className="affiliation-queue">
        {items.map((r) => (
          <li key={r.id} aria-labelledby={`req-${r.id}`}>
            <h3 id={`req-${r.id}`}>
              <bdi>{r.user.displayName}</bdi> ({r.user.email})
            </h3>
            <p>
              {t('admin.asked')}: <bdi>{r.organisation}</bdi> · {tc(`category.${r.stakeholderCategory}`)}
              {r.country && <> · {countryName(r.country, i18n.language)}</>} · <bdi>{r.title}</bdi>
            </p>
            {r.note && <p dir="auto">{r.note}</p>}
            <button
              type="button"
              disabled={verify.isPending}
              onClick={() =>
                verify
                  .mutateAsync(r.id)
                  .then(() => report.done(t('admin.verifiedDone', { name: r.user.displayName })), report.failed)
              }
            >
              {t('admin.verify')} <span className="visually-hidden">{r.user.displayName}</span>
            </button>{' '}
            <DeclineForm request={r} report={report} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function DeclineForm({ request, report }: { request: AffiliationQueueItem; report: Report }) {
  const { t } = useTranslation('affiliations');
  const [open, setOpen] = useState(false);
  const decline = useDecline();
  const id = `decline-${request.id}`;
  if (!open) {
    return (
      <button type="button" className="secondary" onClick={() => setOpen(true)}>
        {t('admin.decline')} <span className="visually-hidden">{request.user.displayName}</span>
      </button>
    );
  }
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const reason = String(new FormData(e.currentTarget).get('reason') ?? '').trim();
    decline
      .mutateAsync({ id: request.id, reason })
      .then(() => report.done(t('admin.declinedDone', { name: request.user.displayName })), report.failed);
  };
  return (
    <form onSubmit={submit} className="affiliation-form">
      <div className="field">
        <label htmlFor={id}>{t('admin.reason')}</label>
        <textarea id={id} name="reason" required rows={2} autoFocus />
      </div>
      <p>
        <button type="submit" disabled={decline.isPending}>
          {t('admin.confirmDecline')}
        </button>{' '}
        <button type="button" className="secondary" onClick={() => setOpen(false)}>
          {t('admin.cancel')}
        </button>
      </p>
    </form>
  );
}

function Domains({ report }: { report: Report }) {
  const { t } = useTranslation('affiliations');
  const { t: tc } = useTranslation('common');
  const domains = useQuery(domainsQuery());
  const add = useAddDomain();
  const remove = useRemoveDomain();
  const errorText = useErrorText({ fieldsShown: false });
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    setError(null);
    add.mutate(
      {
        domain: String(f.get('domain') ?? ''),
        organisation: String(f.get('organisation') ?? ''),
        stakeholderCategory: String(f.get('stakeholderCategory') ?? ''),
      },
      {
        onSuccess: (res) => {
          form.reset();
          report.done(t('admin.addedDomain', { domain: res.domain.domain, count: res.verifiedNow }));
        },
        onError: (err) => setError(errorText(err)),
      },
    );
  };
  const list = domains.data?.domains ?? [];
  return (
    <section aria-labelledby="aff-domains">
      <h2 id="aff-domains">{t('admin.domains')}</h2>
      <p>{t('admin.domainsIntro')}</p>
      {domains.isSuccess && list.length === 0 && <p>{t('admin.noDomains')}</p>}
      {list.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('admin.domain')}</th>
              <th scope="col">{t('request.organisation')}</th>
              <th scope="col">{t('request.category')}</th>
              <th scope="col">{t('admin.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((d) => (
              <tr key={d.domain}>
                <td>{d.domain}</td>
                <td>
                  <bdi>{d.organisation}</bdi>
                </td>
                <td>{tc(`category.${d.stakeholderCategory}`)}</td>
                <td>
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => remove.mutateAsync(d.domain).then(() => report.done(null), report.failed)}
                  >
                    {t('admin.remove')} <span className="visually-hidden">{d.domain}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      <form className="affiliation-form" onSubmit={submit}>
        <div className="field">
          <label htmlFor="dom-domain">{t('admin.domain')}</label>
          <input id="dom-domain" name="domain" required placeholder="mfa.gov.example" />
        </div>
        <div className="field">
          <label htmlFor="dom-organisation">{t('request.organisation')}</label>
          <input id="dom-organisation" name="organisation" required />
        </div>
        <div className="field">
          <label htmlFor="dom-category">{t('request.category')}</label>
          <select id="dom-category" name="stakeholderCategory" defaultValue="member_state">
            {STAKEHOLDER_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {tc(`category.${c}`)}
              </option>
            ))}
          </select>
        </div>
        <p>
          <button type="submit" disabled={add.isPending}>
            {t('admin.addDomain')}
          </button>
        </p>
      </form>
    </section>
  );
}

function FocalPoints({ report }: { report: Report }) {
  const { t, i18n } = useTranslation('affiliations');
  const users = useQuery(verifiedUsersQuery());
  const focal = useFocalPoint();
  const list = users.data?.users ?? [];
  return (
    <section aria-labelledby="aff-focal">
      <h2 id="aff-focal">{t('admin.focalPoints')}</h2>
      <p>{t('admin.focalIntro')}</p>
      {users.isSuccess && list.length === 0 && <p>{t('admin.noVerified')}</p>}
      {list.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('admin.requestedBy')}</th>
              <th scope="col">{t('request.country')}</th>
              <th scope="col">{t('admin.focalPoint')}</th>
              <th scope="col">{t('admin.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((u) => (
              <tr key={u.id}>
                <td>
                  <bdi>{u.displayName}</bdi>
                  <AffiliationAfter affiliation={u.affiliation} /> <AffiliationMarks person={u} />
                </td>
                <td>{u.country ? countryName(u.country, i18n.language) : ''}</td>
                <td>{u.focalPoint ? '✓' : ''}</td>
                <td>
                  {u.country && (
                    <button
                      type="button"
                      className={u.focalPoint ? 'secondary' : undefined}
                      disabled={focal.isPending}
                      onClick={() =>
                        focal
                          .mutateAsync({ userId: u.id, on: !u.focalPoint })
                          .then(() => report.done(null), report.failed)
                      }
                    >
                      {t(u.focalPoint ? 'admin.undesignate' : 'admin.designate')}{' '}
                      <span className="visually-hidden">{u.displayName}</span>
                    </button>
                  )}{' '}
                  <RevokeVerification user={u} report={report} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Removes a verification by hand, after a confirmation naming the person and what goes with it. */
function RevokeVerification({ user, report }: { user: { id: string; displayName: string }; report: Report }) {
  const { t } = useTranslation('affiliations');
  const [open, setOpen] = useState(false);
  const revoke = useRevokeVerification();
  if (!open) {
    return (
      <button type="button" className="secondary" onClick={() => setOpen(true)}>
        {t('admin.revoke')} <span className="visually-hidden">{user.displayName}</span>
      </button>
    );
  }
  const id = `revoke-${user.id}`;
  return (
    <div role="group" aria-labelledby={id} className="affiliation-confirm">
      <p id={id}>{t('admin.revokeQuestion', { name: user.displayName })}</p>
      <p>
        <button
          type="button"
          className="button danger"
          autoFocus
          disabled={revoke.isPending}
          onClick={() =>
            revoke
              .mutateAsync(user.id)
              .then(() => report.done(t('admin.revokedDone', { name: user.displayName })), report.failed)
          }
        >
          {t('admin.confirmRevoke')}
        </button>{' '}
        <button type="button" className="secondary" onClick={() => setOpen(false)}>
          {t('admin.cancel')}
        </button>
      </p>
    </div>
  );
}
