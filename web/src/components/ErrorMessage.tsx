import { MAX_ATTACHMENTS, MAX_ATTACHMENT_BYTES } from '@convene/shared';
import i18next, { type i18n } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api';
import { commonFieldMessage } from '../lib/fieldMessages';

/** Minutes to wait after a 429, from the server's retryAfterSeconds (a minute when it gives none). */
export const retryAfterMinutes = (error: ApiError) =>
  Math.max(1, Math.ceil(((error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds ?? 60) / 60));

/** What the texts of `errors.codes` may name: the wait after a 429 (minutes), the attachment limits. */
const codeValues = (error: ApiError) => ({
  count: retryAfterMinutes(error),
  max: MAX_ATTACHMENTS,
  mb: MAX_ATTACHMENT_BYTES / (1024 * 1024),
});

/**
 * The message to show for a failed request, in the interface language: the server's message is
 * English, so a code with a text in `errors.codes` is said in the reader's language; an unknown
 * code keeps the server's words. `fieldsShown: false` for a form that does not put the server's
 * field messages next to its fields.
 */
export function errorText(i18n: i18n, error: unknown, { fieldsShown = true }: { fieldsShown?: boolean } = {}): string {
  const t = i18n.t.bind(i18n);
  if (error instanceof ApiError) {
    if (error.isNetwork) return t('errors.network');
    if (error.status === 401) return t('errors.unauthenticated');
    // A form that shows no field's message gets the server's, which names the field.
    if (error.code === 'validation_failed') return fieldsShown ? t('errors.fix') : error.message;
    const key = `errors.codes.${error.code}`;
    if (i18n.exists(key) || i18n.exists(`${key}_other`)) return t(key, codeValues(error));
    return error.message;
  }
  return t('errors.generic');
}

/** {@link errorText} in the interface language of the component. */
export function useErrorText(opts: { fieldsShown?: boolean } = {}) {
  const { i18n } = useTranslation();
  return (error: unknown): string => errorText(i18n, error, opts);
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

/** The message for one form field from a failed request, if the server named it, in the interface language where known. */
export function fieldError(error: unknown, field: string): string | undefined {
  const message = error instanceof ApiError ? error.field(field) : undefined;
  return message === undefined ? undefined : commonFieldMessage(i18next.t, message);
}
