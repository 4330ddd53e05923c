import { describe, expect, it } from 'vitest';
import { spaceState } from './status';

const now = Date.parse('2026-06-10T12:00:00Z');
const base = { status: 'open' as const, isOpen: true, opensAt: null, closesAt: null };

describe('spaceState', () => {
  it('tells open, not yet open and closed apart', () => {
    expect(spaceState(base, now)).toEqual({ kind: 'open', closesAt: null });
    expect(spaceState({ ...base, closesAt: '2026-06-20T00:00:00Z' }, now).kind).toBe('open');
    expect(spaceState({ ...base, isOpen: false, opensAt: '2026-07-01T00:00:00Z' }, now)).toEqual({
      kind: 'notYetOpen',
      opensAt: '2026-07-01T00:00:00Z',
    });
    expect(spaceState({ ...base, isOpen: false, closesAt: '2026-06-01T00:00:00Z' }, now).kind).toBe('closed');
    expect(spaceState({ ...base, status: 'closed', isOpen: false }, now).kind).toBe('closed');
  });

  it('names drafts and archives', () => {
    expect(spaceState({ ...base, status: 'draft' }, now).kind).toBe('draft');
    expect(spaceState({ ...base, status: 'archived' }, now).kind).toBe('archived');
  });
});
