import { useTranslation } from 'react-i18next';

/** Dates and numbers in the interface language. */
export function useFormat() {
  const { i18n } = useTranslation();
  const lng = i18n.language;
  return {
    date: (iso: string | Date) => new Intl.DateTimeFormat(lng, { dateStyle: 'long' }).format(new Date(iso)),
    dateTime: (iso: string | Date) =>
      new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)),
    number: (n: number) => new Intl.NumberFormat(lng).format(n),
    /** "in 3 days", "2 hours ago". */
    relative: (iso: string | Date) => {
      const diff = new Date(iso).getTime() - Date.now();
      const rtf = new Intl.RelativeTimeFormat(lng, { numeric: 'auto' });
      const abs = Math.abs(diff);
      if (abs < 3_600_000) return rtf.format(Math.round(diff / 60_000), 'minute');
      if (abs < 86_400_000) return rtf.format(Math.round(diff / 3_600_000), 'hour');
      return rtf.format(Math.round(diff / 86_400_000), 'day');
    },
    bytes: (n: number) => {
      const unit = (value: number, u: 'byte' | 'kilobyte' | 'megabyte', digits: number) =>
        new Intl.NumberFormat(lng, {
          style: 'unit',
          unit: u,
          unitDisplay: 'short',
          maximumFractionDigits: digits,
        }).format(value);
      if (n < 1024) return unit(n, 'byte', 0);
      if (n < 1024 * 1024) return unit(n / 1024, 'kilobyte', 0);
      return unit(n / 1024 / 1024, 'megabyte', 1);
    },
  };
}

const regionCache = new Map<string, Intl.DisplayNames>();
/** A country's name in the interface language, from its ISO code. */
export function countryName(code: string | null | undefined, lng: string): string {
  if (!code) return '';
  let names = regionCache.get(lng);
  if (!names) regionCache.set(lng, (names = new Intl.DisplayNames([lng], { type: 'region' })));
  return names.of(code) ?? code;
}
