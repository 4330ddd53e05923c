import { describe, expect, it } from 'vitest';
import {
  type DraftStorage,
  draftKey,
  draftTargets,
  loadDraft,
  newClientId,
  parseDraft,
  removeDraft,
  saveDraft,
} from './drafts';

function memoryStorage(): DraftStorage {
  const m = new Map<string, string>();
  return {
    getItem: (k) => m.get(k) ?? null,
    setItem: (k, v) => void m.set(k, v),
    removeItem: (k) => void m.delete(k),
    key: (i) => [...m.keys()][i] ?? null,
    get length() {
      return m.size;
    },
  };
}

const U = 'user-1';
const S = 'space-1';

describe('draft keys', () => {
  it('separate people, spaces and targets', () => {
    const keys = new Set([
      draftKey(U, S, { kind: 'question', questionId: 'q1' }),
      draftKey(U, S, { kind: 'question', questionId: 'q2' }),
      draftKey(U, S, { kind: 'reply', parentId: 'q1' }),
      draftKey(U, S, { kind: 'edit', commentId: 'q1' }),
      draftKey(U, S, { kind: 'general' }),
      draftKey('user-2', S, { kind: 'question', questionId: 'q1' }),
      draftKey(U, 'space-2', { kind: 'question', questionId: 'q1' }),
    ]);
    expect(keys.size).toBe(7);
  });
});

describe('draft storage', () => {
  it('round-trips a draft with its clientId', () => {
    const s = memoryStorage();
    const key = draftKey(U, S, { kind: 'reply', parentId: 'c1' });
    const draft = { clientId: newClientId(), body: 'Hello', language: 'fr' as const, tags: ['16'], savedAt: 1 };
    expect(saveDraft(s, key, draft)).toBe(true);
    expect(loadDraft(s, key)).toEqual(draft);
    removeDraft(s, key);
    expect(loadDraft(s, key)).toBeNull();
  });

  it('ignores what it did not write', () => {
    expect(parseDraft('not json')).toBeNull();
    expect(parseDraft('{"body":"x"}')).toBeNull();
    expect(parseDraft('{"clientId":"a","body":"x","language":"de"}')?.language).toBeNull();
  });

  it('lists the targets with a non-empty draft for one person and space', () => {
    const s = memoryStorage();
    const base = { clientId: 'c', language: null, tags: [], savedAt: 0 };
    saveDraft(s, draftKey(U, S, { kind: 'question', questionId: 'q1' }), { ...base, body: 'text' });
    saveDraft(s, draftKey(U, S, { kind: 'reply', parentId: 'p1' }), { ...base, body: '  ' });
    saveDraft(s, draftKey('other', S, { kind: 'reply', parentId: 'p2' }), { ...base, body: 'x' });
    s.setItem('unrelated', 'x');
    expect([...draftTargets(s, U, S)]).toEqual(['q:q1']);
  });

  it('survives a storage that refuses writes', () => {
    const s = memoryStorage();
    s.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    expect(saveDraft(s, 'k', { clientId: 'c', body: 'b', language: null, tags: [], savedAt: 0 })).toBe(false);
    expect(saveDraft(null, 'k', { clientId: 'c', body: 'b', language: null, tags: [], savedAt: 0 })).toBe(false);
  });

  it('makes version 4 UUIDs', () => {
    expect(newClientId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
