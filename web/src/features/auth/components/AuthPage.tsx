import type { UserDto } from '@convene/shared';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { meQuery } from '../api/me';
import { useNext } from '../hooks/useNext';
import { usePageTitle } from '../hooks/usePageTitle';
import { AlreadySignedIn, SignInPrompt } from './SessionNotices';

/**
 * A page for the signed-in user only: loading, a failed load with a retry, or a sign-in prompt
 * for a guest (who comes back here afterwards), then the page itself.
 */
export function SignedInPage({
  title,
  here,
  guestMessage,
  wide = false,
  children,
}: {
  title: string;
  /** This page's address, to come back to after signing in. */
  here: string;
  guestMessage: string;
  wide?: boolean;
  children: (user: UserDto) => ReactNode;
}) {
  const { t } = useTranslation('auth');
  usePageTitle(title);
  const me = useQuery(meQuery);
  const user = me.data?.user;
  return (
    <div className={wide ? 'auth-page wide' : 'auth-page'}>
      <h1>{title}</h1>
      {me.isPending ? (
        <p>{t('common:loading')}</p>
      ) : me.isError ? (
        <div>
          <ErrorMessage error={me.error} />
          <button type="button" className="button secondary" onClick={() => void me.refetch()}>
            {t('common:errors.retry')}
          </button>
        </div>
      ) : !user ? (
        <SignInPrompt here={here} message={guestMessage} />
      ) : (
        children(user)
      )}
    </div>
  );
}

/**
 * A page with a form that signs someone in (sign-in, registration). A visitor already signed in
 * is told so; once this form has signed someone in, it stays until the next page shows.
 */
export function GuestFormPage({
  title,
  children,
}: {
  title: string;
  children: (next: string, onDone: () => void) => ReactNode;
}) {
  usePageTitle(title);
  const me = useQuery(meQuery).data?.user;
  const next = useNext();
  const [done, setDone] = useState(false);
  return (
    <div className="auth-page">
      <h1>{title}</h1>
      {me && !done ? <AlreadySignedIn user={me} next={next} /> : children(next, () => setDone(true))}
    </div>
  );
}
