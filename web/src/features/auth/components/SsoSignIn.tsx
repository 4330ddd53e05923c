import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { providersQuery } from '../api/providers';
import '../locales/sso';

/** The failure codes the server's callback sends back (`sso_error`, server/src/auth/oidc.ts). */
const CODES = [
  'oidc_unavailable',
  'oidc_session_expired',
  'oidc_state_mismatch',
  'oidc_nonce_mismatch',
  'oidc_code_rejected',
  'oidc_denied',
  'oidc_email_missing',
  'oidc_email_unverified',
  'oidc_account_unverified',
  'oidc_account_linked_elsewhere',
  'oidc_account_disabled',
  'oidc_failed',
] as const;
type Code = (typeof CODES)[number];
const isCode = (v: string | null): v is Code => v !== null && (CODES as readonly string[]).includes(v);

/**
 * "Sign in with <provider>" above the email form, when the site has single sign-on; and, back
 * from a failed attempt (`?sso_error=`), what went wrong. The button is a plain link: the
 * browser leaves for the provider and comes back through the server's callback.
 */
export function SsoSignIn({ next }: { next: string }) {
  const { t } = useTranslation('sso');
  const [params] = useSearchParams();
  const providers = useQuery(providersQuery);
  const oidc = providers.data?.oidc;
  const raw = params.get('sso_error');
  const code: Code | null = raw === null ? null : isCode(raw) ? raw : 'oidc_failed';
  const name = oidc?.name ?? t('fallbackName');
  if (!oidc && !code) return null;
  return (
    <div className="sso-sign-in">
      {code && (
        <div className="error-message" role="alert">
          <p>
            <strong>{t('errorTitle', { name })}</strong>
          </p>
          <p>{t(`errors.${code}`, { name })}</p>
        </div>
      )}
      {oidc && (
        <>
          <p>
            <a
              className="button secondary sso-button"
              href={next === '/' ? oidc.startUrl : `${oidc.startUrl}?next=${encodeURIComponent(next)}`}
            >
              {t('button', { name: oidc.name })}
            </a>
          </p>
          <p className="muted">{t('or')}</p>
        </>
      )}
    </div>
  );
}
