import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, splitFieldProps, type TextFieldProps } from './Field';

/** A password input with a "Show password" toggle (a pressed/unpressed button next to it). */
export function PasswordField(props: Omit<TextFieldProps, 'type'>) {
  const { t } = useTranslation('auth');
  const [shown, setShown] = useState(false);
  const [field, { value, onChange, ref, ...input }] = splitFieldProps(props);
  return (
    <Field {...field}>
      {(control) => (
        <div className="password-row">
          <input
            {...input}
            {...control}
            ref={ref}
            type={shown ? 'text' : 'password'}
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
            value={value}
            onChange={(e) => onChange(e.target.value)}
          />
          <button
            type="button"
            className="button secondary password-toggle"
            aria-pressed={shown}
            aria-controls={field.id}
            onClick={() => setShown((s) => !s)}
          >
            {t('showPassword')}
          </button>
        </div>
      )}
    </Field>
  );
}
