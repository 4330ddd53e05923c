import type { CommentDto } from '@convene/shared';
import { describe, expect, it } from 'vitest';
import { buildThreads, indents, uniqueComments } from './tree';

let n = 0;
const id = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
const comment = (over: Partial<CommentDto> = {}): CommentDto => ({ id: id(), parentId: null, ...over }) as CommentDto;

describe('buildThreads', () => {
  it('nests replies under their parent in server order', () => {
    const a = comment();
    const b = comment();
    const a1 = comment({ parentId: a.id });
    const a1x = comment({ parentId: a1.id });
    const a2 = comment({ parentId: a.id });
    const { roots } = buildThreads([a, b, a1, a1x, a2]);
    expect(roots.map((r) => r.comment.id)).toEqual([a.id, b.id]);
    expect(roots[0]?.replies.map((r) => r.comment.id)).toEqual([a1.id, a2.id]);
    expect(roots[0]?.replies[0]?.replies.map((r) => r.comment.id)).toEqual([a1x.id]);
  });

  it('shows a reply whose parent is missing as a root', () => {
    const orphan = comment({ parentId: id() });
    expect(buildThreads([orphan]).roots.map((r) => r.comment)).toEqual([orphan]);
  });

  it('keeps unchanged nodes and renews only the changed path', () => {
    const a = comment();
    const a1 = comment({ parentId: a.id });
    const b = comment();
    const b1 = comment({ parentId: b.id });
    const first = buildThreads([a, a1, b, b1]);
    const a1edited = { ...a1 };
    const second = buildThreads([a, a1edited, b, b1], first.nodes);
    expect(second.roots[1]).toBe(first.roots[1]);
    expect(second.roots[0]).not.toBe(first.roots[0]);
    expect(second.roots[0]?.comment).toBe(a);
  });

  it('renews the parent when a reply arrives', () => {
    const a = comment();
    const first = buildThreads([a]);
    const a1 = comment({ parentId: a.id });
    const second = buildThreads([a, a1], first.nodes);
    expect(second.roots[0]).not.toBe(first.roots[0]);
    expect(second.roots[0]?.replies).toHaveLength(1);
  });

  it('survives a cycle', () => {
    const x = comment();
    const y = comment({ parentId: x.id });
    (x as { parentId: string }).parentId = y.id;
    expect(() => buildThreads([x, y])).not.toThrow();
  });
});

describe('uniqueComments', () => {
  it('keeps the last copy in the first position', () => {
    const a = comment();
    const b = comment();
    const a2 = { ...a, version: 2 };
    expect(uniqueComments([a, b, a2])).toEqual([a2, b]);
  });
});

describe('indents', () => {
  it('caps indentation at three levels', () => {
    expect([0, 1, 2, 3, 4, 7].map(indents)).toEqual([false, true, true, true, false, false]);
  });
});
