import type { CommentLanguage } from '@convene/shared';

const names = new Map<string, Intl.DisplayNames>();
const displayNames = (lng: string) => {
  let n = names.get(lng);
  if (!n) names.set(lng, (n = new Intl.DisplayNames([lng], { type: 'language' })));
  return n;
};

/** A language named in the interface's language ("espagnol" in French); null for "other". */
export const languageIn = (language: CommentLanguage, lng: string): string | null =>
  language === 'other' ? null : (displayNames(lng).of(language) ?? language);

/** A language named in itself, capitalised as a label ("Français"). */
export const endonym = (language: Exclude<CommentLanguage, 'other'>): string => {
  const name = displayNames(language).of(language) ?? language;
  return name.charAt(0).toLocaleUpperCase(language) + name.slice(1);
};
