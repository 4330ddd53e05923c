/**
 * Words of a note's markdown as a reader sees them, the one rule of the note editor, the API
 * and the exports: citation markers, footnote labels, link and image addresses, HTML tags and
 * block markers (headings, quotes, bullets, list numbers, table pipes, code fences) are not
 * words; a bare or bracketed web address counts as one; a word is a run of non-space characters
 * with at least one letter or digit.
 */
export function countWords(md: string): number {
  const text = md
    .replace(/\[@[0-9a-fA-F-]{36}\]/g, ' ')
    .replace(/^\s{0,3}(?:`{3,}|~{3,}).*$/gm, ' ')
    .replace(/\[\^[^\]\s]+\]:?/g, ' ')
    .replace(/^\s{0,3}\[[^\]]+\]:\s+\S+.*$/gm, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/\]\[[^\]]*\]/g, ']')
    .replace(/<((?:https?:|mailto:)[^>\s]+)>/gi, ' $1 ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/^[ \t]*(?:#{1,6}|(?:>[ \t]?)+|[-*+]|\d+[.)])[ \t]+/gm, '')
    .replace(/\|/g, ' ');
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}
