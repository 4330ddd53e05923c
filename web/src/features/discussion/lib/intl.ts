import { intlLocale } from '../../../i18n/format';

/** Formatters are costly to create: one per language, shared by every comment on the page. */
const dateTimes = new Map<string, Intl.DateTimeFormat>();

export function formatDateTime(iso: string, lng: string): string {
  let f = dateTimes.get(lng);
  if (!f)
    dateTimes.set(lng, (f = new Intl.DateTimeFormat(intlLocale(lng), { dateStyle: 'medium', timeStyle: 'short' })));
  return f.format(new Date(iso));
}

/** A comment's `lang`: its language, or none for "other". */
export const langAttr = (language: string) => (language === 'other' ? undefined : language);

/** Defined with the other formatters of the interface; re-exported for the discussion's components. */
export { formatBytes } from '../../../i18n/format';
