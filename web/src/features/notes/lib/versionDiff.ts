import { NOTE_CITATION, type noteSnapshotSchema } from '@convene/shared';
import type { z } from 'zod';
import { type Change, diffWords } from 'diff';

type Snapshot = z.infer<typeof noteSnapshotSchema>;
type SnapshotSection = Snapshot['sections'][number];

export interface SectionDiff {
  id: string;
  status: 'added' | 'removed' | 'changed' | 'unchanged';
  /** The title in the newer version (the older one's for a removed section). */
  title: string;
  /** The older title when the section was renamed. */
  renamedFrom: string | null;
  /** Contributions placed, before and after. */
  placed: { before: number; after: number };
  /** The text word by word: `added` and `removed` parts as the diff library gives them. */
  parts: Change[];
}

/** A text with its citation markers as "[Author]", to read and to compare. */
export const withNames = (md: string, cite: (id: string) => string): string =>
  md.replace(new RegExp(NOTE_CITATION.source, 'g'), (_, id: string) => `[${cite(id.toLowerCase())}]`);

/**
 * Two versions of a note compared section by section (matched by section id): sections added,
 * removed, renamed, with their text compared word by word. In the newer version's order, a
 * removed section after the one that preceded it. Citations are compared as `cite(id)` gives them.
 */
export function diffSnapshots(older: Snapshot, newer: Snapshot, cite: (id: string) => string): SectionDiff[] {
  const before = new Map(older.sections.map((s) => [s.id, s]));
  const after = new Set(newer.sections.map((s) => s.id));
  const one = (a: SnapshotSection | undefined, b: SnapshotSection | undefined): SectionDiff => {
    const parts = diffWords(withNames(a?.bodyMd ?? '', cite), withNames(b?.bodyMd ?? '', cite));
    const textChanged = parts.some((p) => p.added || p.removed);
    const renamedFrom = a && b && a.title !== b.title ? a.title : null;
    const placed = { before: a?.commentIds.length ?? 0, after: b?.commentIds.length ?? 0 };
    const status = !a
      ? 'added'
      : !b
        ? 'removed'
        : textChanged || renamedFrom !== null || a.commentIds.join() !== b.commentIds.join()
          ? 'changed'
          : 'unchanged';
    return { id: (b ?? a)?.id ?? '', status, title: (b ?? a)?.title ?? '', renamedFrom, placed, parts };
  };
  const out: SectionDiff[] = newer.sections.map((s) => one(before.get(s.id), s));
  older.sections.forEach((s, i) => {
    if (after.has(s.id)) return;
    const prev = older.sections
      .slice(0, i)
      .reverse()
      .find((p) => after.has(p.id));
    const at = prev ? out.findIndex((d) => d.id === prev.id) + 1 : 0;
    out.splice(at, 0, one(s, undefined));
  });
  return out;
}
