/** Formatters are costly to create: one per language, shared by every comment on the page. */
const dateTimes = new Map<string, Intl.DateTimeFormat>();

export function formatDateTime(iso: string, lng: string): string {
  let f = dateTimes.get(lng);
  if (!f) dateTimes.set(lng, (f = new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeStyle: 'short' })));
  return f.format(new Date(iso));
}

/** A comment's `lang`: its language, or none for "other". */
export const langAttr = (language: string) => (language === 'other' ? undefined : language);

const KB = 1024;
const MB = 1024 * 1024;
const sizeFormats = new Map<string, Intl.NumberFormat>();

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
  const key = `${lng}|${unit}|${display}|${digits}`;
  let f = sizeFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lng, { style: 'unit', unit, unitDisplay: display, maximumFractionDigits: digits });
    sizeFormats.set(key, f);
  }
  return f.format(value);
}
