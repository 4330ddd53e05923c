import { type EmailConfirmedResponse } from '@convene/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { ApiError } from '../../../lib/api';
import { meQuery } from '../api/me';
import { EMAIL_TOKEN_ERRORS, confirmEmail } from '../api/verification';
import { usePageTitle } from '../hooks/usePageTitle';
import '../auth.css';
import '../locales';

/** The token of a link `…#token=…` (a fragment: never sent to a server, nor kept in the history). */
export function useLinkToken(): string {
  const location = useLocation();
  const [token] = useState(() => new URLSearchParams(location.hash.replace(/^#/, '')).get('token') ?? '');
  useEffect(() => {
    if (window.location.hash) window.history.replaceState(window.history.state, '', window.location.pathname);
  }, []);
  return token;
}

type Outcome =
  | { state: 'working' }
  | { state: 'done'; result: EmailConfirmedResponse }
  | { state: 'failed'; problem: (typeof EMAIL_TOKEN_ERRORS)[keyof typeof EMAIL_TOKEN_ERRORS] | 'network' };

/** `/verify-email#token=…`: follows a verification or email-change link, once, on opening. */
export function VerifyEmail() {
  const { t } = useTranslation('identity');
  usePageTitle(t('verify.title'));
  const token = useLinkToken();
  const qc = useQueryClient();
  const [outcome, setOutcome] = useState<Outcome>({ state: 'working' });
  const sent = useRef(false);
  const resultRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!token || sent.current) return;
    sent.current = true;
    confirmEmail(token).then(
      (result) => {
        setOutcome({ state: 'done', result });
        void qc.invalidateQueries();
      },
      (err: unknown) => {
        const code = err instanceof ApiError ? (err.code as keyof typeof EMAIL_TOKEN_ERRORS) : undefined;
        setOutcome({ state: 'failed', problem: (code && EMAIL_TOKEN_ERRORS[code]) || 'network' });
      },
    );
  }, [token, qc]);

  useEffect(() => {
    if (outcome.state !== 'working') resultRef.current?.focus();
  }, [outcome.state]);

  const signedIn = Boolean(qc.getQueryData(meQuery.queryKey)?.user);
  let content;
  if (!token) content = <p>{t('verify.noToken')}</p>;
  else if (outcome.state === 'working') content = <p role="status">{t('verify.working')}</p>;
  else if (outcome.state === 'done')
    content = (
      <div className="notice success" role="status" tabIndex={-1} ref={resultRef}>
        <p>
          {outcome.result.purpose === 'verify'
            ? t('verify.doneVerify', { email: outcome.result.email })
            : t('verify.doneChange', { email: outcome.result.email })}
        </p>
        <p>{t('verify.heldNote')}</p>
      </div>
    );
  else
    content = (
      <div className="notice" role="alert" tabIndex={-1} ref={resultRef}>
        <p>{t(`verify.${outcome.problem}`)}</p>
      </div>
    );

  return (
    <div className="auth-page">
      <h1>{t('verify.title')}</h1>
      {content}
      <p className="auth-actions">
        <Link className="button secondary" to="/">
          {t('verify.spaces')}
        </Link>
        <Link to={signedIn ? '/account' : '/signin'}>{signedIn ? t('verify.account') : t('verify.signIn')}</Link>
      </p>
    </div>
  );
}
