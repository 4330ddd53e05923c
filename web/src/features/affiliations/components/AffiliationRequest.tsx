import { STAKEHOLDER_CATEGORIES, type StakeholderCategory } from '@convene/shared';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../components/ErrorMessage';
import { myAffiliationQuery, useRequestAffiliation } from '../api';
import { AffiliationMarks } from './AffiliationMarks';
import '../locales';

/** The account page's section: the mark held now, the latest request and the request form. */
export function AffiliationRequest({ userId }: { userId: string }) {
  const { t } = useTranslation('affiliations');
  const { t: tc } = useTranslation('common');
  const mine = useQuery(myAffiliationQuery(userId));
  const send = useRequestAffiliation(userId);
  const errorText = useErrorText({ fieldsShown: false });
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const person = mine.data?.person;
  const request = mine.data?.request;

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const s = (k: string) => String(f.get(k) ?? '').trim();
    setError(null);
    setSent(false);
    send.mutate(
      {
        organisation: s('organisation'),
        stakeholderCategory: s('stakeholderCategory') as StakeholderCategory,
        country: s('country') || null,
        title: s('title'),
        note: s('note'),
      },
      {
        onSuccess: () => setSent(true),
        onError: (err) => setError(errorText(err)),
      },
    );
  };

  return (
    <section id="affiliation" aria-labelledby="affiliation-heading">
      <h2 id="affiliation-heading">{t('request.title')}</h2>
      <p>{t('request.intro')}</p>
      {person?.verified && (
        <p>
          {t('request.verifiedNow')} <AffiliationMarks person={person} />
        </p>
      )}
      {request?.status === 'pending' && (
        <p role="status">{t('request.pending', { organisation: request.organisation })}</p>
      )}
      {request?.status === 'declined' && (
        <p className="form-alert">
          {t('request.declined', { organisation: request.organisation, reason: request.reason ?? '' })}
        </p>
      )}
      {sent && <p role="status">{t('request.sent')}</p>}
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      <form className="affiliation-form" onSubmit={submit}>
        <div className="field">
          <label htmlFor="aff-organisation">{t('request.organisation')}</label>
          <input id="aff-organisation" name="organisation" required defaultValue={person?.affiliation ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="aff-category">{t('request.category')}</label>
          <select id="aff-category" name="stakeholderCategory" defaultValue={person?.stakeholderCategory}>
            {STAKEHOLDER_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {tc(`category.${c}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="aff-country">{t('request.country')}</label>
          <input id="aff-country" name="country" maxLength={2} defaultValue={person?.country ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="aff-title">{t('request.jobTitle')}</label>
          <input id="aff-title" name="title" required />
        </div>
        <div className="field">
          <label htmlFor="aff-note">{t('request.note')}</label>
          <textarea id="aff-note" name="note" rows={2} />
        </div>
        <p>
          <button type="submit" disabled={send.isPending}>
            {t('request.submit')}
          </button>
        </p>
      </form>
    </section>
  );
}
