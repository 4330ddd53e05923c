import { useSyncExternalStore } from 'react';
import { getI18n } from 'react-i18next';

const onLanguageChange = (changed: () => void) => {
  const i18n = getI18n();
  i18n.on('languageChanged', changed);
  return () => i18n.off('languageChanged', changed);
};
const languageNow = () => getI18n().language;

/**
 * The interface language (i18next's `language`), rendered again when it changes: for components
 * that need the language and none of its strings. `useTranslation` would do, but react-i18next 17
 * copies the i18n instance for every component that calls it, and a page of comments calls this
 * several times a comment.
 */
export function useUiLanguage(): string {
  return useSyncExternalStore(onLanguageChange, languageNow);
}

/**
 * The locale handed to Intl for dates, numbers and units. Arabic is formatted with Western digits
 * ("ar-u-nu-latn": ١٢٣ would be "123"), as the United Nations' Arabic documents and pages write
 * figures; the month names, separators and word order stay Arabic. Chinese is Simplified Chinese
 * (zh-Hans). Other languages are passed as they are.
 */
export function intlLocale(lng: string): string {
  if (lng === 'ar' || lng.startsWith('ar-')) return lng.includes('-u-') ? lng : `${lng}-u-nu-latn`;
  if (lng === 'zh') return 'zh-Hans';
  return lng;
}

// Building an Intl formatter costs far more than using one (a page of comments formats dozens of
// dates and names): one of each kind per language, kept.
type IntlFormatter = Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat | Intl.DisplayNames;
const formatters = new Map<string, IntlFormatter>();
function formatter<T extends IntlFormatter>(key: string, make: () => T): T {
  let f = formatters.get(key) as T | undefined;
  if (!f) formatters.set(key, (f = make()));
  return f;
}

const KB = 1024;
const MB = 1024 * 1024;

/**
 * A file size in the interface language: "1 byte", "609 bytes" ("609 octets"), "2.5 kB", "12 kB",
 * "1.2 MB" ("1,2 Mo"). Bytes are spelled out so they take the language's plural; kilobytes and
 * megabytes use the short unit, with one decimal below ten.
 */
export function formatBytes(bytes: number, lng: string): string {
  const [value, unit, display] =
    bytes < KB
      ? ([bytes, 'byte', 'long'] as const)
      : bytes < MB
        ? ([bytes / KB, 'kilobyte', 'short'] as const)
        : ([bytes / MB, 'megabyte', 'short'] as const);
  const digits = unit === 'byte' || value >= 10 ? 0 : 1;
  const f = formatter(
    `size|${lng}|${unit}|${display}|${digits}`,
    () =>
      new Intl.NumberFormat(intlLocale(lng), {
        style: 'unit',
        unit,
        unitDisplay: display,
        maximumFractionDigits: digits,
      }),
  );
  return f.format(value);
}

/** A date with its time, "7 Dec 2026, 23:53" ("7 déc. 2026, 23:53"), in language `lng`. */
export function formatDateTime(iso: string | Date, lng: string): string {
  const locale = intlLocale(lng);
  return formatter(
    `dateTime|${locale}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
  ).format(new Date(iso));
}

/** Dates and numbers in the interface language. */
export function useFormat() {
  const lng = intlLocale(useUiLanguage());
  return {
    date: (iso: string | Date) =>
      formatter(`date|${lng}`, () => new Intl.DateTimeFormat(lng, { dateStyle: 'long' })).format(new Date(iso)),
    dateTime: (iso: string | Date) => formatDateTime(iso, lng),
    number: (n: number) => formatter(`number|${lng}`, () => new Intl.NumberFormat(lng)).format(n),
    /** "in 3 days", "2 hours ago". */
    relative: (iso: string | Date) => {
      const diff = new Date(iso).getTime() - Date.now();
      const rtf = formatter(`relative|${lng}`, () => new Intl.RelativeTimeFormat(lng, { numeric: 'auto' }));
      const abs = Math.abs(diff);
      if (abs < 3_600_000) return rtf.format(Math.round(diff / 60_000), 'minute');
      if (abs < 86_400_000) return rtf.format(Math.round(diff / 3_600_000), 'hour');
      return rtf.format(Math.round(diff / 86_400_000), 'day');
    },
    bytes: (n: number) => formatBytes(n, lng),
  };
}

/** A language's name in language `lng` ("espagnol" for es in French), from its code; the code if unknown. */
export function languageName(language: string, lng: string): string {
  return (
    formatter(`language|${lng}`, () => new Intl.DisplayNames([lng], { type: 'language' })).of(language) ?? language
  );
}

const countryNames = new Map<string, string>();
/** A country's name in the interface language, from its ISO code. */
export function countryName(code: string | null | undefined, lng: string): string {
  if (!code) return '';
  const key = `${lng}|${code}`;
  const known = countryNames.get(key);
  if (known !== undefined) return known;
  const name = formatter(`region|${lng}`, () => new Intl.DisplayNames([lng], { type: 'region' })).of(code) ?? code;
  countryNames.set(key, name);
  return name;
}
