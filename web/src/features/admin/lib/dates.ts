const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO instant as the value of a <input type="datetime-local"> in this browser's time zone. */
export function isoToLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * A datetime-local value as ISO 8601 with this browser's offset on that date (summer time
 * included), e.g. "2026-05-04T09:30:00+02:00"; empty → null.
 */
export function localInputToIso(value: string): string | null {
  if (!value) return null;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return null;
  const offset = -d.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  const base = value.length === 16 ? `${value}:00` : value.slice(0, 19);
  return `${base}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

export const timeZoneName = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
