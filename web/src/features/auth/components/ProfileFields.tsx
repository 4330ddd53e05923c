import { type Locale, type StakeholderCategory, countryMissingForCategory } from '@convene/shared';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { isLocale } from '../../../i18n';
import { checkText } from '../utils/validate';
import { CategorySelect } from './CategorySelect';
import { CountrySelect } from './CountrySelect';
import { TextField } from './Field';
import { LanguageSelect } from './LanguageSelect';

/**
 * How a person is identified with every contribution (name, affiliation, category, country)
 * and the language they read in: the same fields when registering and on the account page.
 */
export const PROFILE_FIELDS = ['displayName', 'affiliation', 'stakeholderCategory', 'country', 'locale'] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

export interface ProfileValues {
  displayName: string;
  affiliation: string;
  /** '' until one is chosen. */
  stakeholderCategory: string;
  /** '' for none. */
  country: string;
}

export const profileLabels = (t: TFunction): Record<ProfileField, string> => ({
  displayName: t('auth:fields.displayName.label'),
  affiliation: t('auth:fields.affiliation.label'),
  stakeholderCategory: t('auth:fields.stakeholderCategory.label'),
  country: t('auth:fields.country.label'),
  locale: t('auth:fields.locale.label'),
});

/** The checks the browser can make before sending (the server stays the authority). */
export const checkProfile = (t: TFunction, v: ProfileValues) => ({
  displayName: checkText(t, v.displayName, 120, t('auth:fields.displayName.required')),
  affiliation: checkText(t, v.affiliation, 200, t('auth:fields.affiliation.required')),
  stakeholderCategory: v.stakeholderCategory ? undefined : t('auth:fields.stakeholderCategory.required'),
  country: countryMissingForCategory(v.stakeholderCategory, v.country) ? t('auth:fields.country.required') : undefined,
});

/** The request body's profile part, trimmed; call after checkProfile found nothing. */
export const profileBody = (v: ProfileValues, locale: Locale) => ({
  displayName: v.displayName.trim(),
  affiliation: v.affiliation.trim(),
  stakeholderCategory: v.stakeholderCategory as StakeholderCategory,
  country: v.country || null,
  locale,
});

export function ProfileFields({
  ids,
  values,
  locale,
  errors,
  onChange,
  onLocaleChange,
}: {
  ids: Record<ProfileField, string>;
  values: ProfileValues;
  locale: Locale;
  errors: Partial<Record<ProfileField, string>>;
  onChange: (key: keyof ProfileValues, value: string) => void;
  onLocaleChange: (locale: Locale) => void;
}) {
  const { t } = useTranslation('auth');
  const labels = profileLabels(t);
  return (
    <>
      <TextField
        id={ids.displayName}
        name="name"
        autoComplete="name"
        label={labels.displayName}
        hint={t('fields.displayName.hint')}
        value={values.displayName}
        onChange={(v) => onChange('displayName', v)}
        error={errors.displayName}
      />
      <TextField
        id={ids.affiliation}
        name="organization"
        autoComplete="organization"
        label={labels.affiliation}
        hint={t('fields.affiliation.hint')}
        value={values.affiliation}
        onChange={(v) => onChange('affiliation', v)}
        error={errors.affiliation}
      />
      <CategorySelect
        id={ids.stakeholderCategory}
        name="stakeholderCategory"
        hint={t('fields.stakeholderCategory.hint')}
        value={values.stakeholderCategory}
        onChange={(v) => onChange('stakeholderCategory', v)}
        error={errors.stakeholderCategory}
      />
      <CountrySelect
        id={ids.country}
        name="country"
        autoComplete="country"
        // A Member State delegate names the country they represent; others may leave it out.
        optional={values.stakeholderCategory !== 'member_state'}
        {...(values.stakeholderCategory === 'member_state' ? { placeholder: t('fields.country.choose') } : {})}
        hint={t(
          values.stakeholderCategory === 'member_state' ? 'fields.country.hintMemberState' : 'fields.country.hint',
        )}
        value={values.country}
        onChange={(v) => onChange('country', v)}
        error={errors.country}
      />
      <LanguageSelect
        id={ids.locale}
        name="locale"
        hint={t('fields.locale.hint')}
        value={locale}
        onChange={(v) => isLocale(v) && onLocaleChange(v)}
        error={errors.locale}
      />
    </>
  );
}
