import { describe, expect, it } from 'vitest';
import type { DraftSection } from '../lib/draft';
import { type KeyGroup, linkSections } from './KeyMessagesLinks';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const group = (gid: string | null, text: string, ids: number[], labels: KeyGroup['labels'] = null): KeyGroup => ({
  id: gid,
  number: null,
  code: null,
  text,
  labels,
  contributions: ids.map((n) => ({
    id: id(n),
    questionId: null,
    parentId: null,
    author: { displayName: 'A', affiliation: '', stakeholderCategory: 'other', country: null },
    language: 'en',
    createdAt: '2026-11-01T00:00:00.000Z',
    bodyHtml: '<p>x</p>',
    tags: [],
    permalink: 'http://localhost/x',
  })),
});
const section = (key: string, title: string, commentIds: number[], bodyMd = ''): DraftSection => ({
  key,
  title,
  bodyMd,
  commentIds: commentIds.map(id),
});
const groups = [
  group('q1', 'Skills?', [1, 2]),
  group('q2', 'Remittances?', [2, 3, 4]),
  group(null, 'No objective', [5], { en: 'Other', fr: 'Autre', es: 'Otro' }),
];

describe('which question or objective a section of the note is written for', () => {
  it('follows most of its placed and cited sources', () => {
    const links = linkSections(
      [section('a', 'Anything', [3]), section('b', 'Anything', [1], `see [@${id(3)}] and [@${id(4)}]`)],
      groups,
    );
    expect(links.get('a')).toBe('q2');
    expect(links.get('b')).toBe('q2');
  });
  it('settles a tie by the title, else by the first group', () => {
    expect(linkSections([section('a', 'Remittances?', [2])], groups).get('a')).toBe('q2');
    expect(linkSections([section('a', 'Anything', [2])], groups).get('a')).toBe('q1');
  });
  it('links a section without sources by its title, its own number aside, in any language', () => {
    const links = linkSections(
      [section('a', 'II. Skills?', []), section('b', ' autre ', []), section('c', 'Background', [])],
      groups,
    );
    expect(links.get('a')).toBe('q1');
    expect(links.get('b')).toBe('none');
    expect(links.get('c')).toBeNull();
  });
});
