import { type OidcErrorCode, isOidcErrorCode } from '@convene/shared';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { providersQuery } from '../api/providers';
import '../locales/sso';

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
  const code: OidcErrorCode | null = raw === null ? null : isOidcErrorCode(raw) ? raw : 'oidc_failed';
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
