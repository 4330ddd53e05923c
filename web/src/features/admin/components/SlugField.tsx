import { useTranslation } from 'react-i18next';
import { Field } from './Fields';

/** A space's address (slug): typed as is, its hint shows the address, or `example` while empty. */
export function SlugField({
  id,
  label,
  error,
  value,
  example,
  onChange,
}: {
  id: string;
  label: string;
  error: string | undefined;
  value: string;
  example: string;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation('admin');
  return (
    <Field id={id} label={label} hint={t('space.slugHint', { slug: value || example })} error={error}>
      {(c) => (
        <input
          {...c}
          type="text"
          maxLength={80}
          autoCapitalize="none"
          spellCheck={false}
          value={value}
          onChange={(ev) => onChange(ev.target.value)}
        />
      )}
    </Field>
  );
}
