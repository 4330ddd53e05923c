import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../components/ErrorMessage';
import { ApiError } from '../../../lib/api';

/** The message for a failed account request, with the cases these forms meet named plainly. */
export function useAuthErrorText() {
  const { t } = useTranslation('auth');
  const base = useErrorText();
  return (error: unknown): string => {
    if (error instanceof ApiError) {
      // Never say which of the two was wrong.
      if (error.code === 'invalid_credentials') return t('signIn.invalid');
      if (error.status === 429 || error.code === 'rate_limited') return t('rateLimited');
      if (error.code === 'validation_failed' && error.fields.length === 0) return error.message;
    }
    return base(error);
  };
}
