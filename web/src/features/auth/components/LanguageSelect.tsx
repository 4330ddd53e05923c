import { LOCALES } from '@convene/shared';
import { useTranslation } from 'react-i18next';
import { SelectField, type SelectFieldProps } from './Field';

type Props = Omit<SelectFieldProps, 'children' | 'label'> & { label?: SelectFieldProps['label'] };

/** The interface languages, each named in itself. */
export function LanguageSelect({ label, ...props }: Props) {
  const { t } = useTranslation('auth');
  return (
    <SelectField label={label ?? t('fields.locale.label')} {...props}>
      {LOCALES.map((l) => (
        <option key={l} value={l} lang={l}>
          {t(`common:language.${l}`)}
        </option>
      ))}
    </SelectField>
  );
}
