import type { InvitationLookup } from '@convene/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../../lib/api';
import { INVITATION_ERRORS, lookupInvitation } from '../api/verification';
import { GuestFormPage } from '../components/AuthPage';
import { RegisterForm } from './Register';
import { useLinkToken } from './VerifyEmail';
import '../auth.css';
import '../locales';

/**
 * `/invitation#token=…`: an administrator's invitation to moderate or chair a space. The
 * registration form with the invited address fixed; the account holds the role at once.
 */
export function AcceptInvitation() {
  const { t } = useTranslation('identity');
  const token = useLinkToken();
  // Looked up once (not a cached query: registering refetches every query, and the used link would then be refused).
  const [invitation, setInvitation] = useState<
    { isPending: true } | { isPending: false; data: InvitationLookup } | { isPending: false; error: unknown }
  >({ isPending: true });
  useEffect(() => {
    if (!token) return;
    let live = true;
    lookupInvitation(token).then(
      (data) => live && setInvitation({ isPending: false, data }),
      (error: unknown) => live && setInvitation({ isPending: false, error }),
    );
    return () => {
      live = false;
    };
  }, [token]);
  return (
    <GuestFormPage title={t('invitation.title')}>
      {(_next, onDone) => {
        if (!token) return <p className="notice">{t('invitation.noToken')}</p>;
        if (invitation.isPending) return <p role="status">{t('invitation.loading')}</p>;
        if ('error' in invitation) {
          const err = invitation.error;
          const code = err instanceof ApiError ? (err.code as keyof typeof INVITATION_ERRORS) : undefined;
          const problem = (code && INVITATION_ERRORS[code]) || 'invalid';
          return (
            <div className="notice" role="alert">
              <p>{t(`invitation.${problem}`)}</p>
              <p className="auth-actions">
                <Link to="/signin">{t('invitation.signIn')}</Link>
              </p>
            </div>
          );
        }
        const inv = invitation.data;
        const space = `${inv.space.code} — ${inv.space.title}`;
        return (
          <>
            <p className="lead">{t(`invitation.${inv.role}`, { space })}</p>
            <p>{t('invitation.intro')}</p>
            <RegisterForm
              next={`/spaces/${encodeURIComponent(inv.space.slug)}`}
              onDone={onDone}
              invitation={{ token, email: inv.email }}
            />
          </>
        );
      }}
    </GuestFormPage>
  );
}
