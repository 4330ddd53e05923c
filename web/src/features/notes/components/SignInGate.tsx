import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useMe } from '../../auth/api/me';

/** A guest is asked to sign in (and comes back here); what a signed-in user may see is the server's answer. */
export function SignInGate({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation('notes');
  const me = useMe();
  const location = useLocation();
  if (me === undefined) {
    return (
      <>
        <h1>{title}</h1>
        <p role="status">{t('common:loading')}</p>
      </>
    );
  }
  if (me === null) {
    const next = `${location.pathname}${location.search}`;
    return (
      <>
        <h1>{title}</h1>
        <p className="notice">
          {t('gate.signIn')} <Link to={`/signin?next=${encodeURIComponent(next)}`}>{t('common:nav.signIn')}</Link>
        </p>
      </>
    );
  }
  return <>{children}</>;
}
