import type { Locale } from './constants.js';

/**
 * Punctuation that differs between the six interface languages, in one place for the web
 * interface, the exports and the emails: the separator between a person's name and their
 * affiliation ("Ana Delegada, IOM"; Arabic "،", Chinese full-width "，") and the quotation marks
 * put around quoted text (English and Chinese “ ”, Arabic, Spanish and Russian « », French « »
 * with narrow no-break spaces inside).
 */

const is = (lang: string): Locale => {
  const base = lang.toLowerCase().split(/[-_]/)[0];
  return base === 'fr' || base === 'es' || base === 'ar' || base === 'zh' || base === 'ru' ? base : 'en';
};

const SEPARATORS: Record<Locale, string> = {
  en: ', ',
  fr: ', ',
  es: ', ',
  ru: ', ',
  ar: '، ',
  zh: '，',
};

/** What goes between a name and an affiliation (or the next item of a reference): ", ", "، ", "，". */
export const nameSeparator = (lang: string): string => SEPARATORS[is(lang)];

/** "Name, Affiliation" (the affiliation left out when empty), with the language's separator. */
export const nameAndAffiliation = (name: string, affiliation: string | null | undefined, lang: string): string =>
  affiliation ? `${name}${nameSeparator(lang)}${affiliation}` : name;

/** Joins the non-empty parts of a reference ("Name, Organisation, 2 December 2026"). */
export const joinReference = (parts: readonly (string | null | undefined | false)[], lang: string): string =>
  parts.filter((p): p is string => typeof p === 'string' && p.length > 0).join(nameSeparator(lang));

const NNBSP = '\u202f';

const QUOTES: Record<Locale, readonly [open: string, close: string]> = {
  en: ['“', '”'],
  zh: ['“', '”'],
  fr: [`«${NNBSP}`, `${NNBSP}»`],
  es: ['«', '»'],
  ru: ['«', '»'],
  ar: ['«', '»'],
};

/** The opening and closing quotation marks of a language (French with its narrow no-break spaces). */
export const quotePair = (lang: string): readonly [open: string, close: string] => QUOTES[is(lang)];

/** Text between the language's quotation marks: “text”, «text», « text ». */
export const inQuotes = (text: string, lang: string): string => {
  const [open, close] = quotePair(lang);
  return `${open}${text}${close}`;
};
