import { LONE_SURROGATE_MESSAGE, NUL_CHARACTER_MESSAGE } from '@convene/shared';
import type { TFunction } from 'i18next';
import { intlLocale } from '../i18n/format';

/** "2,000" as the shared schemas write it, written as the page's language does (`<html lang>`). */
const count = (digits: string) =>
  new Intl.NumberFormat(intlLocale(globalThis.document?.documentElement.lang || 'en')).format(
    Number(digits.replace(/,/g, '')),
  );

/**
 * The field messages every form may meet (the shared schemas' English: a blank field, a length,
 * text that cannot be stored), in the interface language; anything else as the server wrote it.
 * The account and administration forms say their own fields' messages first.
 */
export function commonFieldMessage(t: TFunction, message: string): string {
  if (message === 'Required') return t('common:errors.field.required');
  const max = /^At most ([\d,]+) characters$/.exec(message);
  if (max?.[1]) return t('common:errors.field.maxLength', { n: count(max[1]) });
  const min = /^At least ([\d,]+) characters$/.exec(message);
  if (min?.[1]) return t('common:errors.field.minLength', { n: count(min[1]) });
  if (message === NUL_CHARACTER_MESSAGE) return t('common:errors.field.nul');
  if (message === LONE_SURROGATE_MESSAGE) return t('common:errors.field.surrogate');
  return message;
}
