import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useForgotPassword } from '../api/password';
import { AuthForm } from '../components/AuthForm';
import { AccountEmailField } from '../components/AccountEmailField';
import { useAuthFormErrors } from '../hooks/useAuthFormErrors';
import { usePageTitle } from '../hooks/usePageTitle';
import { checkEmail, compact } from '../utils/validate';
import '../auth.css';

const FIELDS = ['email'] as const;
const IDS = { email: 'forgot-email' } as const;

/** `/forgot-password`: asks for a reset link. The answer is the same whether or not the account exists. */
export function ForgotPassword() {
  const { t } = useTranslation(['password', 'auth']);
  usePageTitle(t('forgot.title'));
  const forgot = useForgotPassword();
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  const form = useAuthFormErrors(FIELDS, IDS);
  const labels = { email: t('auth:fields.email.label') };

  const onSubmit = () => {
    const found = compact({ email: checkEmail(t, email) });
    if (Object.keys(found).length > 0) return form.show(found);
    form.clear();
    const address = email.trim();
    forgot.mutate(
      { email: address },
      {
        onSuccess: () => {
          setSentTo(address);
          requestAnimationFrame(() => statusRef.current?.focus());
        },
        onError: (err) => form.fromApi(err),
      },
    );
  };

  return (
    <div className="auth-page">
      <h1>{t('forgot.title')}</h1>
      {sentTo ? (
        <div className="notice success" role="status" tabIndex={-1} ref={statusRef}>
          <h2>{t('forgot.sentTitle')}</h2>
          <p>{t('forgot.sent', { email: sentTo })}</p>
          <p className="auth-actions">
            <Link className="button" to="/signin">
              {t('forgot.back')}
            </Link>
            <button type="button" className="button secondary" onClick={() => setSentTo(null)}>
              {t('forgot.again')}
            </button>
          </p>
        </div>
      ) : (
        <>
          <p className="lead">{t('forgot.intro')}</p>
          <AuthForm
            form={form}
            labels={labels}
            onSubmit={onSubmit}
            pending={forgot.isPending}
            label={t('forgot.submit')}
            pendingLabel={t('forgot.submitting')}
          >
            <AccountEmailField
              id={IDS.email}
              label={labels.email}
              value={email}
              onChange={setEmail}
              error={form.errors.email}
            />
          </AuthForm>
          <p className="auth-switch">
            <Link to="/signin">{t('forgot.back')}</Link>
          </p>
        </>
      )}
    </div>
  );
}
