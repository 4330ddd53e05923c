import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useLogin } from '../api/login';
import { AuthForm } from '../components/AuthForm';
import { AccountEmailField } from '../components/AccountEmailField';
import { PasswordField } from '../components/PasswordField';
import { GuestFormPage } from '../components/AuthPage';
import { SsoSignIn } from '../components/SsoSignIn';
import { SecondFactorForm } from '../../staffAccounts/components/SecondFactorForm';
import { ApiError } from '../../../lib/api';
import { useAuthFormErrors } from '../hooks/useAuthFormErrors';
import { withNext } from '../utils/next';
import { checkEmail, compact } from '../utils/validate';
import '../auth.css';

const FIELDS = ['email', 'password'] as const;
type SignInField = (typeof FIELDS)[number];
const IDS: Record<SignInField, string> = { email: 'signin-email', password: 'signin-password' };

export function SignIn() {
  const { t } = useTranslation('auth');
  return (
    <GuestFormPage title={t('signIn.title')}>
      {(next, onDone) => <SignInForm next={next} onDone={onDone} />}
    </GuestFormPage>
  );
}

function SignInForm({ next, onDone }: { next: string; onDone: () => void }) {
  const { t } = useTranslation('auth');
  const navigate = useNavigate();
  const location = useLocation();
  const signIn = useLogin();
  // Coming from "this email already has an account" on the registration page.
  const carried = (location.state as { email?: unknown } | null)?.email;
  const [email, setEmail] = useState(typeof carried === 'string' ? carried : '');
  const [password, setPassword] = useState('');
  // The password was right (or the single sign-on provider said yes: `?second_factor=1`) and the
  // account has two-factor on: the code step.
  const [params] = useSearchParams();
  const [codeStep, setCodeStep] = useState(params.get('second_factor') === '1');
  const form = useAuthFormErrors(FIELDS, IDS);
  const labels = { email: t('fields.email.label'), password: t('fields.password.label') };

  const onSubmit = () => {
    const found = compact({
      email: checkEmail(t, email),
      password: password ? undefined : t('fields.password.required'),
    });
    if (Object.keys(found).length > 0) return form.show(found);
    form.clear();
    signIn.mutate(
      { email: email.trim(), password },
      {
        onSuccess: () => {
          onDone();
          void navigate(next, { replace: true });
        },
        onError: (err) =>
          err instanceof ApiError && err.code === 'second_factor_required' ? setCodeStep(true) : form.fromApi(err),
      },
    );
  };

  const finish = () => {
    onDone();
    void navigate(next, { replace: true });
  };
  if (codeStep) return <SecondFactorForm onDone={finish} />;

  return (
    <>
      <p className="lead">{t('signIn.intro')}</p>
      <SsoSignIn next={next} />
      <AuthForm
        form={form}
        labels={labels}
        onSubmit={onSubmit}
        pending={signIn.isPending}
        label={t('signIn.submit')}
        pendingLabel={t('signIn.submitting')}
      >
        <AccountEmailField
          id={IDS.email}
          label={labels.email}
          value={email}
          onChange={setEmail}
          error={form.errors.email}
        />
        <PasswordField
          id={IDS.password}
          name="password"
          autoComplete="current-password"
          label={labels.password}
          value={password}
          onChange={setPassword}
          error={form.errors.password}
        />
      </AuthForm>
      <p className="auth-switch">
        <Link to="/forgot-password">{t('password:forgotLink')}</Link>
      </p>
      <p className="auth-switch">
        {t('signIn.noAccount')} <Link to={withNext('/register', next)}>{t('signIn.register')}</Link>
      </p>
    </>
  );
}
