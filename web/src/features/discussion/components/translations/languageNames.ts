import type { CommentLanguage } from '@convene/shared';
import { languageName } from '../../../../i18n/format';

/** A language named in the interface's language ("espagnol" in French); null for "other". */
export const languageIn = (language: CommentLanguage, lng: string): string | null =>
  language === 'other' ? null : languageName(language, lng);

/** A language named in itself, capitalised as a label ("Français"). */
export const endonym = (language: Exclude<CommentLanguage, 'other'>): string => {
  const name = languageName(language, language);
  return name.charAt(0).toLocaleUpperCase(language) + name.slice(1);
};
