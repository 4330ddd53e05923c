import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useMe } from '../../auth/api/me';
import { usePageTitle } from '../hooks/usePageTitle';

/**
 * Staff pages ask a guest to sign in first (and come back here). Whether a signed-in user may
 * see the page is the server's answer (403), shown by the page itself.
 */
export function StaffGate({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation('moderation');
  const me = useMe();
  const location = useLocation();
  if (me === undefined) {
    return (
      <>
        <GateTitle title={title} />
        <h1>{title}</h1>
        <p role="status">{t('common:loading')}</p>
      </>
    );
  }
  if (me === null) {
    const next = `${location.pathname}${location.search}`;
    return (
      <>
        <GateTitle title={title} />
        <h1>{title}</h1>
        <p className="notice">
          {t('gate.signIn')} <Link to={`/signin?next=${encodeURIComponent(next)}`}>{t('common:nav.signIn')}</Link>
        </p>
      </>
    );
  }
  return <>{children}</>;
}

function GateTitle({ title }: { title: string }) {
  usePageTitle(title);
  return null;
}
