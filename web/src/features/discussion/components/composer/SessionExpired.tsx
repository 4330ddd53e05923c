import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDiscussion } from '../../context';

/** The session ended while writing: the draft is kept, and this leads to signing in again. */
export function SessionExpired() {
  const { t } = useTranslation('discussion');
  const d = useDiscussion();
  return (
    <p className="error-message" role="alert">
      {t('composer.sessionExpired')} <Link to={d.signInHref}>{t('composer.signInAgain')}</Link>
    </p>
  );
}
