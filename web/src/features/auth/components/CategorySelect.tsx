import { STAKEHOLDER_CATEGORIES } from '@convene/shared';
import { useTranslation } from 'react-i18next';
import { SelectField, type SelectFieldProps } from './Field';

type Props = Omit<SelectFieldProps, 'children' | 'label'> & {
  label?: SelectFieldProps['label'];
  /** The empty first option ("Choose a category", or "Any category" in a filter). */
  placeholder?: string;
};

/** The eleven stakeholder categories, named in the interface language. */
export function CategorySelect({ label, placeholder, ...props }: Props) {
  const { t } = useTranslation('auth');
  return (
    <SelectField label={label ?? t('fields.stakeholderCategory.label')} {...props}>
      <option value="">{placeholder ?? t('fields.stakeholderCategory.placeholder')}</option>
      {STAKEHOLDER_CATEGORIES.map((c) => (
        <option key={c} value={c}>
          {t(`common:category.${c}`)}
        </option>
      ))}
    </SelectField>
  );
}
