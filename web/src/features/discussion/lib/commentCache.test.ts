import type { CommentDto } from '@convene/shared';
import { describe, expect, it } from 'vitest';
import {
  type CommentPages,
  appendComment,
  findComment,
  mergePublic,
  removeComment,
  updateComment,
} from './commentCache';

const c = (id: string, over: Partial<CommentDto> = {}) => ({ id, version: 1, ...over }) as CommentDto;
const pages = (...lists: CommentDto[][]): CommentPages => ({
  pages: lists.map((comments, i) => ({ comments, nextCursor: i < lists.length - 1 ? `c${i}` : null })),
  pageParams: lists.map((_, i) => (i === 0 ? null : `c${i - 1}`)),
});

describe('comment cache updates', () => {
  it('updates one comment and keeps the other pages', () => {
    const data = pages([c('a'), c('b')], [c('d')]);
    const next = updateComment(data, 'b', (x) => ({ ...x, version: 2 }));
    expect(findComment(next, 'b')?.version).toBe(2);
    expect(next.pages[1]).toBe(data.pages[1]);
    expect(next.pages[0]?.comments[0]).toBe(data.pages[0]?.comments[0]);
  });

  it('returns the same object when nothing matches', () => {
    const data = pages([c('a')]);
    expect(updateComment(data, 'zz', (x) => x)).toBe(data);
    expect(removeComment(data, 'zz')).toBe(data);
  });

  it('removes a comment', () => {
    const data = pages([c('a'), c('b')]);
    expect(removeComment(data, 'a').pages[0]?.comments.map((x) => x.id)).toEqual(['b']);
  });

  it('appends a new comment to the last page once', () => {
    const data = pages([c('a')], [c('b')]);
    const once = appendComment(data, c('n'));
    expect(once.pages[1]?.comments.map((x) => x.id)).toEqual(['b', 'n']);
    const twice = appendComment(once, c('n', { version: 2 }));
    expect(twice.pages[1]?.comments.map((x) => x.version)).toEqual([1, 2]);
  });

  it('keeps what is personal when merging a public copy', () => {
    const abilities = { edit: true, withdraw: true, attach: false, report: false, decide: false, highlight: false };
    const mine = c('a', { bodyMd: 'src', abilities, reason: null });
    const merged = mergePublic(mine, c('a', { highlighted: true, abilities: { ...abilities, edit: false } }));
    expect(merged.abilities).toBe(abilities);
    expect(merged.bodyMd).toBe('src');
    expect(merged.highlighted).toBe(true);
    expect(mergePublic(mine, c('a', { version: 2 })).bodyMd).toBeUndefined();
  });
});
