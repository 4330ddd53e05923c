import { PASSWORD_MIN_LENGTH } from '@convene/shared';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { ApiError } from '../../../lib/api';
import { TOKEN_ERRORS, useResetPassword } from '../api/password';
import { AuthForm } from '../components/AuthForm';
import { PasswordField } from '../components/PasswordField';
import { useAuthFormErrors } from '../hooks/useAuthFormErrors';
import { usePageTitle } from '../hooks/usePageTitle';
import { checkNewPassword, compact } from '../utils/validate';
import '../auth.css';

const FIELDS = ['password'] as const;
const IDS = { password: 'reset-password' } as const;

/** The token from the emailed link `/reset-password#token=…` (a fragment: never sent to a server). */
function readToken(hash: string): string {
  return new URLSearchParams(hash.replace(/^#/, '')).get('token') ?? '';
}

/** `/reset-password#token=…`: sets a new password with the link from the email. */
export function ResetPassword() {
  const { t } = useTranslation(['password', 'auth']);
  usePageTitle(t('reset.title'));
  const location = useLocation();
  // Read once, then taken out of the address bar (and so out of the history and of screenshots).
  const [token] = useState(() => readToken(location.hash));
  useEffect(() => {
    if (window.location.hash) window.history.replaceState(window.history.state, '', window.location.pathname);
  }, []);
  const reset = useResetPassword();
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const [tokenProblem, setTokenProblem] = useState<(typeof TOKEN_ERRORS)[keyof typeof TOKEN_ERRORS] | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const form = useAuthFormErrors(FIELDS, IDS);
  const labels = { password: t('reset.label') };

  useEffect(() => {
    if (done || tokenProblem) resultRef.current?.focus();
  }, [done, tokenProblem]);

  const onSubmit = () => {
    const found = compact({ password: checkNewPassword(t, password) });
    if (Object.keys(found).length > 0) return form.show(found);
    form.clear();
    reset.mutate(
      { token, password },
      {
        onSuccess: () => setDone(true),
        onError: (err) => {
          const problem = err instanceof ApiError ? TOKEN_ERRORS[err.code as keyof typeof TOKEN_ERRORS] : undefined;
          if (problem) setTokenProblem(problem);
          else form.fromApi(err);
        },
      },
    );
  };

  let content;
  if (done) {
    content = (
      <div className="notice success" role="status" tabIndex={-1} ref={resultRef}>
        <h2>{t('reset.doneTitle')}</h2>
        <p>{t('reset.done')}</p>
        <p className="auth-actions">
          <Link className="button" to="/signin">
            {t('reset.signIn')}
          </Link>
        </p>
      </div>
    );
  } else if (!token || tokenProblem) {
    content = (
      <div className="notice" role={tokenProblem ? 'alert' : undefined} tabIndex={-1} ref={resultRef}>
        <p>{tokenProblem ? t(`reset.${tokenProblem}`) : t('reset.noToken')}</p>
        <p className="auth-actions">
          <Link className="button" to="/forgot-password">
            {t('reset.askLink')}
          </Link>
        </p>
      </div>
    );
  } else {
    content = (
      <>
        <p className="lead">{t('reset.intro')}</p>
        <AuthForm
          form={form}
          labels={labels}
          onSubmit={onSubmit}
          pending={reset.isPending}
          label={t('reset.submit')}
          pendingLabel={t('reset.submitting')}
        >
          <PasswordField
            id={IDS.password}
            name="new-password"
            autoComplete="new-password"
            label={labels.password}
            hint={t('auth:fields.password.hintNew', { min: PASSWORD_MIN_LENGTH })}
            value={password}
            onChange={setPassword}
            error={form.errors.password}
          />
        </AuthForm>
      </>
    );
  }

  return (
    <div className="auth-page">
      <h1>{t('reset.title')}</h1>
      {content}
    </div>
  );
}
