import { NOTE_CITATION } from '@convene/shared';

/** The marker that cites a contribution in a section's markdown. */
export const citationToken = (commentId: string) => `[@${commentId}]`;

/** The comment ids a text cites, lower-cased, in order of appearance (repeats kept). */
export const citedIds = (md: string): string[] =>
  [...md.matchAll(new RegExp(NOTE_CITATION.source, 'g'))].map((m) => (m[1] ?? '').toLowerCase());

/** Footnote numbers as the exports give them: in order of first appearance across the note. */
export function numberCitations(bodies: string[]): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const body of bodies) {
    for (const id of citedIds(body)) if (!numbers.has(id)) numbers.set(id, numbers.size + 1);
  }
  return numbers;
}

/** Inserts the marker at `position` (the end when unknown or out of range). */
export function insertCitation(
  md: string,
  commentId: string,
  position: number | null,
): { text: string; caret: number } {
  const at = position === null || position < 0 || position > md.length ? md.length : position;
  const token = citationToken(commentId);
  return { text: md.slice(0, at) + token + md.slice(at), caret: at + token.length };
}

/** Removes every citation of one contribution from a text. */
export function removeCitation(md: string, commentId: string): string {
  const escaped = commentId.replace(/[-]/g, '\\-');
  return md.replace(new RegExp(` ?\\[@${escaped}\\]`, 'gi'), '');
}
