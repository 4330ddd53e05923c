import type { Locale } from '@convene/shared';

/** The six interface languages in the United Nations' order (by their English names), each named in itself. */
export const LANGUAGE_ORDER: readonly Locale[] = ['ar', 'zh', 'en', 'fr', 'ru', 'es'];

export const ENDONYMS: Record<Locale, string> = {
  ar: 'العربية',
  zh: '中文',
  en: 'English',
  fr: 'Français',
  ru: 'Русский',
  es: 'Español',
};
