import type { KeyMessages } from '@convene/shared';
import { citedIds } from '../lib/citations';
import type { DraftSection } from '../lib/draft';
import { hasOwnNumber } from '../lib/sectionNumber';

export type KeyGroup = KeyMessages['groups'][number];

/** A group's key, unique in one grouping: the question's or tag's id, or "none". */
export const groupKey = (g: Pick<KeyGroup, 'id'>) => g.id ?? 'none';

/** A section's sources: the contributions it places and those it cites (lower-case ids). */
export const sectionSources = (s: DraftSection): Set<string> =>
  new Set([...s.commentIds.map((id) => id.toLowerCase()), ...citedIds(s.bodyMd)]);

const normal = (title: string) => {
  const t = title.trim();
  // "I. Remittances" or "2) Remittances" is about "Remittances".
  return (hasOwnNumber(t) ? t.replace(/^\S+\s+(?:[-–—]\s+)?/, '') : t).toLowerCase().replace(/\s+/g, ' ');
};

/**
 * Which group (question or objective) each section of the note is written for, derived from the
 * note itself (no stored link): a section belongs to the group most of its sources (placed or
 * cited contributions) come from (on a tie, the one its title names, else the first); a section with none of them
 * belongs to the group whose text is its title (a new note has one section per question, titled
 * with it). Every other section is unlinked. So placing or citing a source in a section is what
 * links it, in both groupings, and the link follows the draft as it is edited.
 */
export function linkSections(sections: DraftSection[], groups: KeyGroup[]): Map<string, string | null> {
  const members = groups.map((g) => ({
    key: groupKey(g),
    ids: new Set(g.contributions.map((c) => c.id.toLowerCase())),
  }));
  const titles = new Map<string, string>();
  for (const g of groups)
    for (const text of [g.text, ...Object.values(g.labels ?? {})]) titles.set(normal(text), groupKey(g));
  const out = new Map<string, string | null>();
  for (const s of sections) {
    const sources = sectionSources(s);
    const named = titles.get(normal(s.title)) ?? null;
    let best: { key: string; n: number } | null = null;
    for (const m of members) {
      let n = 0;
      for (const id of sources) if (m.ids.has(id)) n += 1;
      // More sources win; on a tie, the group the title names, else the first.
      if (n > 0 && (!best || n > best.n || (n === best.n && m.key === named && best.key !== named)))
        best = { key: m.key, n };
    }
    out.set(s.key, best ? best.key : named);
  }
  return out;
}
