/**
 * Words of synthesis text, counted as the server counts them (citation markers excluded, the
 * markdown syntax not counted): the live figure the chair sees matches the saved one.
 */
export function countWords(md: string): number {
  const text = md
    .replace(/\[@[0-9a-fA-F-]{36}\]/g, '')
    // Images and link destinations: only their text counts.
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/<[^>]+>/g, ' ')
    // Block markers at the start of a line: headings, quotes, list bullets and numbers.
    .replace(/^[ \t]*(?:#{1,6}|>|[-*+]|\d+[.)])[ \t]+/gm, '');
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}
