import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorWithRetry } from '../../../components/ErrorWithRetry';
import { TextField } from '../../auth/components/Field';
import { FormAlert } from '../../auth/components/FormAlert';
import { FormSubmit } from '../../auth/components/FormSubmit';
import { totpQuery, useTotpMutations } from '../api';
import { CodeOrPasswordForm, fieldError } from './CodeOrPasswordForm';
import '../locales';

/** The account page's two-factor panel: enrol (link and key, then a first code), recovery codes once, turn off. */
export function TwoFactorPanel({ userId }: { userId: string }) {
  const { t } = useTranslation('staffAccounts');
  const status = useQuery(totpQuery(userId));
  const { enrol, confirm, disable, regenerate } = useTotpMutations(userId);
  const [code, setCode] = useState('');
  const [codes, setCodes] = useState<string[] | null>(null);
  const [attempt, setAttempt] = useState(0);

  const onConfirm = (e: FormEvent) => {
    e.preventDefault();
    setAttempt((a) => a + 1);
    confirm.mutate(code.trim(), {
      onSuccess: ({ recoveryCodes }) => {
        setCodes(recoveryCodes);
        setCode('');
        enrol.reset();
      },
    });
  };
  return (
    <section aria-labelledby="account-totp-heading" id="two-factor">
      <h2 id="account-totp-heading">{t('totp.title')}</h2>
      <p className="muted">{t('totp.intro')}</p>
      {status.isPending ? (
        <p className="muted">{t('common:loading')}</p>
      ) : status.isError ? (
        <ErrorWithRetry error={status.error} onRetry={() => void status.refetch()} />
      ) : codes ? (
        <div>
          <h3>{t('totp.recoveryTitle')}</h3>
          <p>{t('totp.recoveryIntro')}</p>
          <ul className="recovery-codes" aria-label={t('totp.recoveryTitle')}>
            {codes.map((c) => (
              <li key={c}>
                <code>{c}</code>
              </li>
            ))}
          </ul>
          <button type="button" className="button" onClick={() => setCodes(null)}>
            {t('totp.recoveryDone')}
          </button>
        </div>
      ) : status.data.enabled ? (
        <>
          <p className="notice success">{t('totp.on')}</p>
          <p>{t('totp.recoveryLeft', { count: status.data.recoveryCodesLeft })}</p>
          <CodeOrPasswordForm
            id="totp-regen"
            title={t('totp.regenerateTitle')}
            hint={t('totp.regenerateHint')}
            submitLabel={t('totp.regenerate')}
            mutation={regenerate}
            onDone={({ recoveryCodes }) => setCodes(recoveryCodes)}
          />
          <CodeOrPasswordForm
            id="totp-disable"
            title={t('totp.disableTitle')}
            hint={t('totp.disableHint')}
            submitLabel={t('totp.disable')}
            mutation={disable}
          />
        </>
      ) : (
        <>
          {status.data.required ? (
            <p className="notice warning" role="alert">
              {t('totp.required')}
            </p>
          ) : (
            <p>{t('totp.off')}</p>
          )}
          {disable.isSuccess && <p className="notice success">{t('totp.disabled')}</p>}
          {!enrol.data ? (
            <>
              <button type="button" className="button" onClick={() => enrol.mutate()}>
                {t('totp.start')}
              </button>
              <FormAlert error={enrol.error} attempt={attempt} />
            </>
          ) : (
            <form className="auth-form" noValidate onSubmit={onConfirm}>
              <p>{t('totp.scan')}</p>
              <dl className="details-list">
                <dt>{t('totp.uri')}</dt>
                <dd>
                  <a href={enrol.data.uri}>{enrol.data.uri}</a>
                </dd>
                <dt>{t('totp.key')}</dt>
                <dd>
                  <code data-testid="totp-key">{enrol.data.key}</code>
                </dd>
              </dl>
              <TextField
                id="totp-confirm-code"
                label={t('totp.code')}
                hint={t('totp.codeHint')}
                inputMode="numeric"
                autoComplete="one-time-code"
                value={code}
                onChange={setCode}
                error={fieldError(confirm.error, 'code')}
              />
              <FormSubmit
                error={fieldError(confirm.error, 'code') ? null : confirm.error}
                attempt={attempt}
                pending={confirm.isPending}
                label={t('totp.confirm')}
                pendingLabel={t('totp.confirming')}
              />
            </form>
          )}
        </>
      )}
    </section>
  );
}
