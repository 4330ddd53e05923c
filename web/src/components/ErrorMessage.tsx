import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api';

/** The message to show for a failed request, in the interface language where we have one. */
export function useErrorText() {
  const { t } = useTranslation();
  return (error: unknown): string => {
    if (error instanceof ApiError) {
      if (error.isNetwork) return t('errors.network');
      if (error.status === 401) return t('errors.unauthenticated');
      if (error.code === 'validation_failed') return t('errors.fix');
      return error.message;
    }
    return t('errors.generic');
  };
}

/** A failed request, shown where it happened and announced to screen readers. */
export function ErrorMessage({ error, id }: { error: unknown; id?: string }) {
  const text = useErrorText();
  if (!error) return null;
  return (
    <p className="error-message" role="alert" id={id}>
      {text(error)}
    </p>
  );
}

/** The message for one form field from a failed request, if the server named it. */
export function fieldError(error: unknown, field: string): string | undefined {
  return error instanceof ApiError ? error.field(field) : undefined;
}
