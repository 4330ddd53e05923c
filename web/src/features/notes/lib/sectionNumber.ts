/**
 * Whether a section title already carries its own number ("I. Background", "2) Findings",
 * "1.2 Remittances", "IV – Annex"): the editor then shows the title as it is instead of
 * prefixing its own "1." ("1. I. Background").
 */
export const hasOwnNumber = (title: string): boolean =>
  /^\s*(?:(?:\d+(?:\.\d+)*|[IVXLCDM]+|[ivxlcdm]+)(?:[.):]|\s+[-–—])\s|\d+(?:\.\d+)+\s)/.test(title);

/** "1. Background", or the title alone when it has its own number. */
export const sectionHeading = (n: number, title: string, format: (n: number, title: string) => string): string =>
  hasOwnNumber(title) ? title.trim() : format(n, title);
