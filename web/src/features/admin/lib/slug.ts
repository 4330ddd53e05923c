/** A slug suggested from a code or title: "RT 1.1" → "rt-1-1". */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The code of the next roundtable: its last number plus one ("RT 1.1" → "RT 1.2"); else the same code. */
export function nextCode(code: string): string {
  return code.replace(/(\d+)(\D*)$/, (_, n: string, rest: string) => `${String(Number(n) + 1)}${rest}`);
}
