import type { Person } from '@convene/shared';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { countryName, useFormat } from '../../../i18n/format';
import '../affiliations.css';

/**
 * The "Verified" mark and the "Official contribution of <Member State>" label beside a person's
 * name. The mark is focusable; focus or hover shows who verified it and when, and the same text
 * is its accessible description (not a title attribute).
 */
export function AffiliationMarks({ person }: { person: Pick<Person, 'verified' | 'officialFor'> }) {
  // Most people have neither mark: no hooks for them (a page of comments has one per comment).
  if (!person.verified && !person.officialFor) return null;
  return <Marks person={person} />;
}

function Marks({ person }: { person: Pick<Person, 'verified' | 'officialFor'> }) {
  const { t, i18n } = useTranslation('identity');
  const format = useFormat();
  const tipId = useId();
  const v = person.verified;
  return (
    <span className="affiliation-marks">
      {v && (
        <span className="verified-mark-wrap">
          <span className="verified-mark" tabIndex={0} aria-describedby={tipId} data-testid="verified-mark">
            <span aria-hidden="true">✓ </span>
            {t('mark.verified')}
          </span>
          <span role="tooltip" id={tipId} className="verified-tooltip">
            {t(v.via === 'domain' ? 'mark.verifiedByDomain' : 'mark.verifiedBy', {
              by: v.by ?? '',
              date: format.date(v.at),
            })}
          </span>
        </span>
      )}
      {person.officialFor && (
        <span className="official-mark" data-testid="official-mark">
          {t('mark.official', { state: countryName(person.officialFor, i18n.language) })}
        </span>
      )}
    </span>
  );
}
