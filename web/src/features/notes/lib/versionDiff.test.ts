import { describe, expect, it } from 'vitest';
import { diffSnapshots } from './versionDiff';

const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
const snap = (sections: [number, string, string, string[]?][]) => ({
  title: 'Note',
  targetWords: 1000,
  sections: sections.map(([n, title, bodyMd, commentIds = []]) => ({ id: id(n), title, bodyMd, commentIds })),
});

describe('diffSnapshots', () => {
  it('compares sections by id: added, removed in place, renamed, text word by word', () => {
    const older = snap([
      [1, 'Background', 'Trust matters.'],
      [2, 'Gone', 'Old text.'],
      [3, 'Skills', 'Same.'],
    ]);
    const newer = snap([
      [1, 'I. Background', `Trust matters a lot [@${id(9)}].`],
      [3, 'Skills', 'Same.'],
      [4, 'New', 'Fresh.'],
    ]);
    const d = diffSnapshots(older, newer, (x) => `cited ${x.slice(-1)}`);
    expect(d.map((s) => [s.title, s.status])).toEqual([
      ['I. Background', 'changed'],
      ['Gone', 'removed'],
      ['Skills', 'unchanged'],
      ['New', 'added'],
    ]);
    expect(d[0]?.renamedFrom).toBe('Background');
    expect(d[0]?.parts.filter((p) => p.added).map((p) => p.value.trim())).toEqual(['a lot [cited 9]']);
    expect(d[1]?.parts.every((p) => p.removed)).toBe(true);
  });
});
