import type { UserDto } from '@convene/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { withNext } from '../utils/next';

/** For a guest on a page that needs an account: what to do, with the way back here kept. */
export function SignInPrompt({ here, message }: { here: string; message: string }) {
  const { t } = useTranslation('auth');
  return (
    <div className="notice auth-prompt">
      <p>{message}</p>
      <p className="auth-actions">
        <Link className="button" to={withNext('/signin', here)}>
          {t('guest.signIn')}
        </Link>
        <Link to={withNext('/register', here)}>{t('guest.register')}</Link>
      </p>
    </div>
  );
}

/** On the sign-in and registration pages, for someone who is already signed in. */
export function AlreadySignedIn({ user, next }: { user: UserDto; next: string }) {
  const { t } = useTranslation('auth');
  return (
    <div className="notice auth-prompt">
      <p>{t('signedIn.text', { name: user.displayName })}</p>
      <p className="auth-actions">
        <Link className="button" to={next}>
          {next === '/' ? t('signedIn.spaces') : t('signedIn.continue')}
        </Link>
        <Link to="/account">{t('signedIn.account')}</Link>
      </p>
    </div>
  );
}
