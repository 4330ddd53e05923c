import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { countryName } from '../../../i18n/format';
import { COUNTRY_CODES } from '../utils/countries';
import { SelectField, type SelectFieldProps } from './Field';

/** Every country, named and sorted in the given language. */
export function useCountryOptions(lng: string): { code: string; name: string }[] {
  return useMemo(() => {
    const collator = new Intl.Collator(lng, { sensitivity: 'base' });
    return COUNTRY_CODES.map((code) => ({ code, name: countryName(code, lng) })).sort((a, b) =>
      collator.compare(a.name, b.name),
    );
  }, [lng]);
}

type Props = Omit<SelectFieldProps, 'children' | 'label'> & {
  label?: SelectFieldProps['label'];
  /** The empty first option ("Not specified", or "Any country" in a filter). */
  placeholder?: string;
};

/** A country picker: ISO 3166-1 codes as values, names in the interface language. */
export function CountrySelect({ label, placeholder, value, ...props }: Props) {
  const { t, i18n } = useTranslation('auth');
  const options = useCountryOptions(i18n.language);
  // A code saved earlier that is not in the list still shows (and is kept) rather than vanishing.
  const unknown = value && !options.some((o) => o.code === value);
  return (
    <SelectField label={label ?? t('fields.country.label')} value={value} {...props}>
      <option value="">{placeholder ?? t('fields.country.none')}</option>
      {unknown && <option value={value}>{countryName(value, i18n.language)}</option>}
      {options.map((o) => (
        <option key={o.code} value={o.code}>
          {o.name}
        </option>
      ))}
    </SelectField>
  );
}
