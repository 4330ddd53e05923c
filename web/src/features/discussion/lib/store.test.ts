import { describe, expect, it } from 'vitest';
import { addPending, createStore, dropPending, emptyPending } from './store';

describe('store', () => {
  it('notifies on change only', () => {
    const s = createStore(1);
    let calls = 0;
    const off = s.subscribe(() => calls++);
    s.set(1);
    s.set((v) => v + 1);
    off();
    s.set(5);
    expect([s.get(), calls]).toEqual([5, 1]);
  });
});

describe('pending new comments', () => {
  it('counts each comment once and remembers the first per list', () => {
    let p = addPending(emptyPending, 'a', 'q1');
    p = addPending(p, 'a', 'q1');
    p = addPending(p, 'b', 'q1');
    p = addPending(p, 'c', 'q2');
    expect(p.ids.size).toBe(3);
    expect([...p.lists]).toEqual([
      ['q1', 'a'],
      ['q2', 'c'],
    ]);
    expect(dropPending(p, 'b').ids.size).toBe(2);
    expect(dropPending(dropPending(dropPending(p, 'a'), 'b'), 'c')).toBe(emptyPending);
  });
});
