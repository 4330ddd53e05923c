import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, type TextFieldProps } from './Field';

/** A password input with a "Show password" toggle (a pressed/unpressed button next to it). */
export function PasswordField({
  id,
  label,
  hint,
  error,
  errorExtra,
  optional,
  value,
  onChange,
  ref,
  ...input
}: Omit<TextFieldProps, 'type'>) {
  const { t } = useTranslation('auth');
  const [shown, setShown] = useState(false);
  return (
    <Field id={id} label={label} hint={hint} error={error} errorExtra={errorExtra} optional={optional}>
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
            aria-controls={id}
            onClick={() => setShown((s) => !s)}
          >
            {t('showPassword')}
          </button>
        </div>
      )}
    </Field>
  );
}
