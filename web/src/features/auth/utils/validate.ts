import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@convene/shared';
import type { TFunction } from 'i18next';

// The obvious checks, made before sending so the answer is instant; the server stays the authority.

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function checkEmail(t: TFunction, value: string): string | undefined {
  const v = value.trim();
  if (!v) return t('auth:fields.email.required');
  if (!EMAIL.test(v) || v.length > 254) return t('auth:validation.email');
}

export function checkNewPassword(t: TFunction, value: string): string | undefined {
  if (!value) return t('auth:fields.password.requiredNew', { min: PASSWORD_MIN_LENGTH });
  if (value.length < PASSWORD_MIN_LENGTH) return t('auth:validation.passwordShort', { n: PASSWORD_MIN_LENGTH });
  if (value.length > PASSWORD_MAX_LENGTH) return t('auth:validation.maxLength', { n: PASSWORD_MAX_LENGTH });
}

export function checkText(t: TFunction, value: string, max: number, requiredMessage: string): string | undefined {
  const v = value.trim();
  if (!v) return requiredMessage;
  if (v.length > max) return t('auth:validation.maxLength', { n: max });
}

/** Drops the fields without a message, so an empty result means "all good". */
export function compact<F extends string>(errors: Record<F, string | undefined>): Partial<Record<F, string>> {
  return Object.fromEntries(Object.entries(errors).filter(([, v]) => v)) as Partial<Record<F, string>>;
}
