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

/**
 * The request's reference to quote to the secretariat, for errors the user cannot fix alone
 * (not a field to correct, not a sign-in, not the network).
 */
export function errorReference(error: unknown): string | undefined {
  if (!(error instanceof ApiError) || error.isNetwork) return undefined;
  if (error.status === 401 || error.code === 'validation_failed') return undefined;
  return error.requestId;
}

/** A failed request, shown where it happened and announced to screen readers. */
export function ErrorMessage({ error, id }: { error: unknown; id?: string }) {
  const text = useErrorText();
  const { t } = useTranslation();
  if (!error) return null;
  const reference = errorReference(error);
  return (
    <p className="error-message" role="alert" id={id}>
      {text(error)}
      {reference && (
        <>
          <br />
          <small className="error-reference">{t('errors.reference', { id: reference })}</small>
        </>
      )}
    </p>
  );
}

/** The message for one form field from a failed request, if the server named it. */
export function fieldError(error: unknown, field: string): string | undefined {
  return error instanceof ApiError ? error.field(field) : undefined;
}
