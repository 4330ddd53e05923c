import { useTranslation } from 'react-i18next';
import { ENDONYMS, LANGUAGE_ORDER } from '../../../i18n/names';
import { SelectField, type SelectFieldProps } from './Field';

type Props = Omit<SelectFieldProps, 'children' | 'label'> & { label?: SelectFieldProps['label'] };

/** The interface languages, each named in itself. */
export function LanguageSelect({ label, ...props }: Props) {
  const { t } = useTranslation('auth');
  return (
    <SelectField label={label ?? t('fields.locale.label')} {...props}>
      {LANGUAGE_ORDER.map((l) => (
        <option key={l} value={l} lang={l} dir={l === 'ar' ? 'rtl' : 'ltr'}>
          {ENDONYMS[l]}
        </option>
      ))}
    </SelectField>
  );
}
