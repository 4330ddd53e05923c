import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../auth/components/Field';
import { FormSubmit } from '../../auth/components/FormSubmit';
import { ApiError } from '../../../lib/api';
import { useSecondFactor } from '../api';
import '../locales';

/** Sign-in's second step, after the password: a code from the app (or a recovery code). */
export function SecondFactorForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation('staffAccounts');
  const submit = useSecondFactor();
  const [recovery, setRecovery] = useState(false);
  const [value, setValue] = useState('');
  const [remember, setRemember] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const field = recovery ? 'recoveryCode' : 'code';
  const fieldError = submit.error instanceof ApiError ? submit.error.field(field) : undefined;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (submit.isPending) return;
    setAttempt((a) => a + 1);
    submit.mutate({ [field]: value.trim(), rememberDevice: remember }, { onSuccess: onDone });
  };

  return (
    <form className="auth-form" noValidate onSubmit={onSubmit} aria-labelledby="second-factor-heading">
      <h2 id="second-factor-heading">{t('signIn.title')}</h2>
      <p>{t('signIn.intro')}</p>
      <TextField
        id="signin-code"
        label={recovery ? t('signIn.recoveryCode') : t('signIn.code')}
        inputMode={recovery ? 'text' : 'numeric'}
        autoComplete="one-time-code"
        value={value}
        onChange={setValue}
        error={fieldError}
      />
      <div className="checkbox-field">
        <input
          id="signin-remember"
          type="checkbox"
          checked={remember}
          onChange={(e) => setRemember(e.target.checked)}
        />
        <label htmlFor="signin-remember">{t('signIn.remember')}</label>
      </div>
      <FormSubmit
        error={fieldError ? null : submit.error}
        attempt={attempt}
        pending={submit.isPending}
        label={t('signIn.submit')}
        pendingLabel={t('signIn.submitting')}
      />
      <p className="auth-switch">
        <button
          type="button"
          className="link-button"
          onClick={() => {
            setRecovery((r) => !r);
            setValue('');
          }}
        >
          {recovery ? t('signIn.useCode') : t('signIn.useRecovery')}
        </button>
      </p>
    </form>
  );
}
