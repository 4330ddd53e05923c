import { describe, expect, it } from 'vitest';
import type { Draft, DraftSection } from './draft';
import {
  addSection,
  moveContribution,
  moveSection,
  placeContributions,
  removeContribution,
  removeSection,
  reorderContributions,
  reorderSections,
  unplaceContribution,
  updateSection,
} from './draftEdits';

const section = (key: string, commentIds: string[] = []): DraftSection => ({
  key,
  title: key.toUpperCase(),
  bodyMd: '',
  commentIds,
});
const draft = (...sections: DraftSection[]): Draft => ({ title: 'Note', targetWords: '1000', sections });
const keys = (d: Draft) => d.sections.map((s) => s.key);
const placed = (d: Draft) => Object.fromEntries(d.sections.map((s) => [s.key, s.commentIds]));

describe('draft edits', () => {
  it('updates one section and leaves the others as they were', () => {
    const d = draft(section('a'), section('b'));
    const next = updateSection(d, 'b', (s) => ({ ...s, title: 'New' }));
    expect(next.sections.map((s) => s.title)).toEqual(['A', 'New']);
    expect(next.sections[0]).toBe(d.sections[0]);
  });

  it('places contributions at a position, moving them out of other sections whatever their case', () => {
    const d = draft(section('a', ['X', 'y']), section('b', ['p', 'q']));
    expect(placed(placeContributions(d, ['x', 'Y'], 'b', 1))).toEqual({ a: [], b: ['p', 'x', 'Y', 'q'] });
    // Already in the target section: taken out of its old place first.
    expect(placed(placeContributions(d, ['q'], 'b', 0))).toEqual({ a: ['X', 'y'], b: ['q', 'p'] });
  });

  it('leaves the draft as it is when the target section does not exist', () => {
    const d = draft(section('a', ['x']));
    expect(placeContributions(d, ['x'], 'nope', 0)).toBe(d);
  });

  it('unplaces a contribution from every section, whatever its case', () => {
    const d = draft(section('a', ['X', 'y']), section('b', ['x']));
    expect(placed(unplaceContribution(d, 'x'))).toEqual({ a: ['y'], b: [] });
  });

  it('moves a placed contribution up and down, not past either end', () => {
    const s = section('a', ['p', 'q', 'r']);
    expect(moveContribution(s, 'q', -1).commentIds).toEqual(['q', 'p', 'r']);
    expect(moveContribution(s, 'q', 1).commentIds).toEqual(['p', 'r', 'q']);
    expect(moveContribution(s, 'p', -1)).toBe(s);
    expect(moveContribution(s, 'r', 1)).toBe(s);
    expect(moveContribution(s, 'z', 1)).toBe(s);
  });

  it('reorders placed contributions before or after another one', () => {
    const s = section('a', ['p', 'q', 'r', 's']);
    expect(reorderContributions(s, ['s', 'p'], 'q', 'before').commentIds).toEqual(['s', 'p', 'q', 'r']);
    expect(reorderContributions(s, ['p'], 'r', 'after').commentIds).toEqual(['q', 'r', 'p', 's']);
    expect(reorderContributions(s, ['p'], 'p', 'after')).toBe(s);
  });

  it('removes one placed contribution by its exact id', () => {
    const s = section('a', ['p', 'P', 'q']);
    expect(removeContribution(s, 'p').commentIds).toEqual(['P', 'q']);
  });

  it('moves a section up and down, not past either end', () => {
    const d = draft(section('a'), section('b'), section('c'));
    expect(keys(moveSection(d, 'b', -1))).toEqual(['b', 'a', 'c']);
    expect(keys(moveSection(d, 'b', 1))).toEqual(['a', 'c', 'b']);
    expect(moveSection(d, 'a', -1)).toBe(d);
    expect(moveSection(d, 'c', 1)).toBe(d);
  });

  it('reorders sections before or after another one, keeping the moved ones in outline order', () => {
    const d = draft(section('a'), section('b'), section('c'), section('d'));
    expect(keys(reorderSections(d, ['d', 'a'], 'c', 'before'))).toEqual(['b', 'a', 'd', 'c']);
    expect(keys(reorderSections(d, ['a'], 'd', 'after'))).toEqual(['b', 'c', 'd', 'a']);
    expect(reorderSections(d, ['a'], 'a', 'before')).toBe(d);
  });

  it('adds an empty section at the end and removes a section', () => {
    const d = draft(section('a'), section('b'));
    const added = addSection(d, 'new-1', 'New section');
    expect(added.sections.at(-1)).toEqual({ key: 'new-1', title: 'New section', bodyMd: '', commentIds: [] });
    expect(keys(removeSection(added, 'a'))).toEqual(['b', 'new-1']);
  });
});
