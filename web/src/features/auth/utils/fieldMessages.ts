import { MEMBER_STATE_COUNTRY_REQUIRED } from '@convene/shared';
import type { TFunction } from 'i18next';
import { commonFieldMessage } from '../../../lib/fieldMessages';

/**
 * The server names fields in English (the shared schemas' messages). Known ones are shown in the
 * interface language; anything else is shown as the server wrote it.
 */
export function localizeFieldMessage(t: TFunction, message: string): string {
  if (message === 'Required') return t('auth:validation.required');
  let m = /^At least (\d+) characters$/.exec(message);
  if (m) return t('auth:validation.minLength', { n: Number(m[1]) });
  m = /^At most (\d+) characters$/.exec(message);
  if (m) return t('auth:validation.maxLength', { n: Number(m[1]) });
  if (message === 'Enter a valid email address' || /invalid email/i.test(message)) return t('auth:validation.email');
  if (/already exists/i.test(message)) return t('auth:validation.emailTaken');
  if (message === 'Unknown country code' || message.startsWith('Use a two-letter')) return t('auth:validation.country');
  if (message === MEMBER_STATE_COUNTRY_REQUIRED) return t('auth:fields.country.required');
  if (/^Invalid option/.test(message)) return t('auth:validation.choose');
  return commonFieldMessage(t, message);
}
