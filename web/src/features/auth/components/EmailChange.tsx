import { type UserDto } from '@convene/shared';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api';
import { meQuery } from '../api/me';
import { useChangeEmail } from '../api/verification';
import { checkEmail } from '../utils/validate';
import { TextField } from './Field';
import '../locales';

/**
 * The account page's "Change your email address": a link goes to the new address and the change
 * applies when it is followed; meanwhile the page says which address waits for confirmation.
 */
export function EmailChange({ user }: { user: UserDto }) {
  const { t } = useTranslation('identity');
  const { t: ta } = useTranslation('auth');
  const pending = useQuery(meQuery).data?.account?.pendingEmail ?? null;
  const change = useChangeEmail();
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [sentTo, setSentTo] = useState<string | null>(null);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (change.isPending) return;
    const value = email.trim();
    const problem =
      checkEmail(ta, value) ?? (value.toLowerCase() === user.email.toLowerCase() ? t('emailChange.same') : undefined);
    setError(problem);
    setSentTo(null);
    if (problem) {
      document.getElementById('account-new-email')?.focus();
      return;
    }
    change.mutate(value, {
      onSuccess: () => {
        setSentTo(value);
        setEmail('');
      },
      onError: (err) => {
        if (err instanceof ApiError && err.field('email')) {
          setError(err.code === 'email_taken' ? t('emailChange.taken') : t('emailChange.invalid'));
          document.getElementById('account-new-email')?.focus();
        }
      },
    });
  };

  const otherError = change.error && !error ? change.error : null;
  return (
    <section aria-labelledby="account-email-heading">
      <h2 id="account-email-heading">{t('emailChange.title')}</h2>
      <p className="muted">{t('emailChange.intro')}</p>
      {pending && !sentTo && <p className="notice">{t('emailChange.pending', { email: pending })}</p>}
      <form className="auth-form" noValidate onSubmit={onSubmit}>
        <TextField
          id="account-new-email"
          name="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          spellCheck={false}
          label={t('emailChange.label')}
          value={email}
          onChange={(v) => {
            setEmail(v);
            setError(undefined);
          }}
          error={error}
        />
        {otherError && (
          <p className="field-error" role="alert">
            {otherError instanceof ApiError && otherError.code === 'rate_limited'
              ? ta('rateLimited')
              : otherError.message}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button" aria-disabled={change.isPending || undefined}>
            {change.isPending ? t('emailChange.submitting') : t('emailChange.submit')}
          </button>
        </div>
        <p role="status">{sentTo ? t('emailChange.sent', { email: sentTo, current: user.email }) : null}</p>
      </form>
    </section>
  );
}
