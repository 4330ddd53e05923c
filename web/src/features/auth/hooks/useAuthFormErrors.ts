import { useTranslation } from 'react-i18next';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { localizeFieldMessage } from '../utils/fieldMessages';

/**
 * An account form's errors ({@link useFormErrors}): `ids` gives each field's control id, and the
 * server's field messages are shown in the interface language where they are known.
 */
export function useAuthFormErrors<F extends string>(fields: readonly F[], ids: Readonly<Record<F, string>>) {
  const { t } = useTranslation('auth');
  return useFormErrors(
    fields,
    (f) => ids[f],
    (m) => localizeFieldMessage(t, m),
  );
}

export type AuthFormErrors<F extends string> = ReturnType<typeof useAuthFormErrors<F>>;
