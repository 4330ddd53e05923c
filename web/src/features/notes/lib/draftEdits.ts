import type { Draft, DraftSection } from './draft';

// Edits of the draft as pure functions: each returns the next draft (or section), or the same
// object when there is nothing to change. The workspace applies them through the editor's
// `change`, so every one is saved and kept on this device.

/** Applies `update` to the section `key` (the draft is new even when the section is not). */
export const updateSection = (d: Draft, key: string, update: (s: DraftSection) => DraftSection): Draft => ({
  ...d,
  sections: d.sections.map((s) => (s.key === key ? update(s) : s)),
});

/** Places contributions in section `key` at `at`, taking them out of any other section. */
export function placeContributions(d: Draft, ids: string[], key: string, at: number): Draft {
  const lower = new Set(ids.map((i) => i.toLowerCase()));
  const target = d.sections.find((s) => s.key === key);
  if (!target) return d;
  const before = target.commentIds.slice(0, at).filter((i) => !lower.has(i.toLowerCase()));
  const after = target.commentIds.slice(at).filter((i) => !lower.has(i.toLowerCase()));
  return {
    ...d,
    sections: d.sections.map((s) =>
      s.key === key
        ? { ...s, commentIds: [...before, ...ids, ...after] }
        : { ...s, commentIds: s.commentIds.filter((i) => !lower.has(i.toLowerCase())) },
    ),
  };
}

/** Takes a contribution out of every section (ids compared without case). */
export const unplaceContribution = (d: Draft, id: string): Draft => ({
  ...d,
  sections: d.sections.map((s) => ({
    ...s,
    commentIds: s.commentIds.filter((i) => i.toLowerCase() !== id.toLowerCase()),
  })),
});

/** Swaps a placed contribution with its neighbour above (-1) or below (+1). */
export function moveContribution(s: DraftSection, id: string, delta: -1 | 1): DraftSection {
  const i = s.commentIds.indexOf(id);
  const j = i + delta;
  if (i < 0 || j < 0 || j >= s.commentIds.length) return s;
  const next = [...s.commentIds];
  [next[i], next[j]] = [next[j] as string, next[i] as string];
  return { ...s, commentIds: next };
}

/** Moves placed contributions before or after another one of the same section. */
export function reorderContributions(
  s: DraftSection,
  ids: string[],
  targetId: string,
  position: 'before' | 'after',
): DraftSection {
  const rest = s.commentIds.filter((i) => !ids.includes(i));
  const at = rest.indexOf(targetId);
  if (at < 0) return s;
  const insert = position === 'before' ? at : at + 1;
  return { ...s, commentIds: [...rest.slice(0, insert), ...ids, ...rest.slice(insert)] };
}

/** Takes one placed contribution out of a section (ids compared exactly). */
export const removeContribution = (s: DraftSection, id: string): DraftSection => ({
  ...s,
  commentIds: s.commentIds.filter((i) => i !== id),
});

/** Swaps a section with its neighbour above (-1) or below (+1). */
export function moveSection(d: Draft, key: string, delta: -1 | 1): Draft {
  const i = d.sections.findIndex((s) => s.key === key);
  const j = i + delta;
  if (i < 0 || j < 0 || j >= d.sections.length) return d;
  const next = [...d.sections];
  [next[i], next[j]] = [next[j] as DraftSection, next[i] as DraftSection];
  return { ...d, sections: next };
}

/** Moves sections before or after another section. */
export function reorderSections(d: Draft, keys: string[], targetKey: string, position: 'before' | 'after'): Draft {
  const moving = d.sections.filter((s) => keys.includes(s.key));
  const rest = d.sections.filter((s) => !keys.includes(s.key));
  const at = rest.findIndex((s) => s.key === targetKey);
  if (at < 0) return d;
  const insert = position === 'before' ? at : at + 1;
  return { ...d, sections: [...rest.slice(0, insert), ...moving, ...rest.slice(insert)] };
}

/** Adds an empty section at the end. */
export const addSection = (d: Draft, key: string, title: string): Draft => ({
  ...d,
  sections: [...d.sections, { key, title, bodyMd: '', commentIds: [] }],
});

/** Removes a section (its text and placed contributions with it). */
export const removeSection = (d: Draft, key: string): Draft => ({
  ...d,
  sections: d.sections.filter((s) => s.key !== key),
});
