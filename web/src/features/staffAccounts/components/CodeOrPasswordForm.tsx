import type { UseMutationResult } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../auth/components/Field';
import { FormSubmit } from '../../auth/components/FormSubmit';
import { PasswordField } from '../../auth/components/PasswordField';
import { ApiError } from '../../../lib/api';
import type { CodeOrPassword } from '../api';
import '../locales';

export const fieldError = (err: unknown, field: string) => (err instanceof ApiError ? err.field(field) : undefined);

/**
 * A change to two-factor sign-in itself (new recovery codes, turning it off), proved with a
 * current code from the app or the password: one titled form, the code taken when given. A
 * wrong code or password shows under its field; anything else above the button.
 */
export function CodeOrPasswordForm<T>({
  id,
  title,
  hint,
  submitLabel,
  mutation,
  onDone,
}: {
  /** Prefix of the form's ids: `<id>-heading`, `<id>-code`, `<id>-password`. */
  id: string;
  title: string;
  hint: string;
  submitLabel: string;
  mutation: UseMutationResult<T, Error, CodeOrPassword>;
  onDone?: (result: T) => void;
}) {
  const { t } = useTranslation('staffAccounts');
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [attempt, setAttempt] = useState(0);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (mutation.isPending) return;
    setAttempt((a) => a + 1);
    mutation.mutate(code.trim() ? { code: code.trim() } : { password }, {
      onSuccess: (result) => {
        setCode('');
        setPassword('');
        onDone?.(result);
      },
    });
  };
  const codeError = fieldError(mutation.error, 'code');
  const passwordError = fieldError(mutation.error, 'password');
  return (
    <form className="auth-form" noValidate onSubmit={onSubmit} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{title}</h3>
      <p className="muted">{hint}</p>
      <TextField
        id={`${id}-code`}
        label={t('totp.code')}
        inputMode="numeric"
        autoComplete="one-time-code"
        optional
        value={code}
        onChange={setCode}
        error={codeError}
      />
      <PasswordField
        id={`${id}-password`}
        optional
        name="password"
        autoComplete="current-password"
        label={t('totp.password')}
        value={password}
        onChange={setPassword}
        error={passwordError}
      />
      <FormSubmit
        error={codeError || passwordError ? null : mutation.error}
        attempt={attempt}
        pending={mutation.isPending}
        label={submitLabel}
        pendingLabel={t('totp.confirming')}
      />
    </form>
  );
}
