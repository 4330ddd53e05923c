import type { okResponse } from '@convene/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../components/ErrorMessage';
import { type Answer, ApiError, api } from '../../../lib/api';
import { forgetSession } from '../api/me';
import { PasswordField } from './PasswordField';
import '../locales/personalData';

/**
 * The account page's "Your data": download everything held about you (GET /api/me/data, JSON),
 * and delete the account, confirmed with the password (POST /api/me/deletion).
 */
export function PersonalData() {
  const { t } = useTranslation('personalData');
  const qc = useQueryClient();
  const errorText = useErrorText();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const remove = useMutation({
    mutationFn: (pw: string) =>
      api<Answer<typeof okResponse>>('/api/me/deletion', { method: 'POST', body: { password: pw } }),
    onSuccess: () => forgetSession(qc),
    onError: (err) => {
      if (err instanceof ApiError && err.field('password')) setError(t('passwordWrong'));
      else if (err instanceof ApiError && err.code === 'admin_account') setError(t('adminAccount'));
      else setError(errorText(err));
      document.getElementById('account-delete-password')?.focus();
    },
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (remove.isPending) return;
    if (!password) {
      setError(t('passwordMissing'));
      document.getElementById('account-delete-password')?.focus();
      return;
    }
    setError(undefined);
    remove.mutate(password);
  };

  return (
    <section aria-labelledby="account-data-heading">
      <h2 id="account-data-heading">{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      <p>
        <a className="button secondary" href="/api/me/data" download="convene-personal-data.json">
          {t('download')}
        </a>
      </p>
      <h3 id="account-delete-heading">{t('deleteTitle')}</h3>
      <p className="muted">{t('deleteIntro')}</p>
      <form className="auth-form" noValidate aria-labelledby="account-delete-heading" onSubmit={onSubmit}>
        <PasswordField
          id="account-delete-password"
          name="password"
          autoComplete="current-password"
          label={t('password')}
          value={password}
          onChange={(v) => {
            setPassword(v);
            setError(undefined);
          }}
          error={error}
        />
        <div className="form-actions">
          <button type="submit" className="button danger" aria-disabled={remove.isPending || undefined}>
            {remove.isPending ? t('deleting') : t('confirm')}
          </button>
        </div>
      </form>
    </section>
  );
}
