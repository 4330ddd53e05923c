import type { QueueItem } from '@convene/shared';
import { describe, expect, it } from 'vitest';
import { availableDecisions, decisionVerb } from './decisions';

const item = (kind: QueueItem['kind'], status: string, decide = true): QueueItem =>
  ({ kind, comment: { status, abilities: { decide } } }) as unknown as QueueItem;

describe('availableDecisions', () => {
  it('offers what the server accepts for each state', () => {
    expect(availableDecisions(item('submission', 'pending'))).toEqual(['approve', 'reject']);
    expect(availableDecisions(item('revision', 'approved'))).toEqual(['approve', 'reject']);
    expect(availableDecisions(item('reported', 'approved'))).toEqual(['approve', 'reject']);
    expect(availableDecisions(item('decided', 'approved'))).toEqual(['reject']);
    expect(availableDecisions(item('decided', 'rejected'))).toEqual(['restore']);
    expect(availableDecisions(item('decided', 'withdrawn'))).toEqual([]);
  });
  it('offers nothing to someone who may not decide (a chair)', () => {
    expect(availableDecisions(item('submission', 'pending', false))).toEqual([]);
  });
});

describe('decisionVerb', () => {
  it('names what a decision means for the item', () => {
    expect(decisionVerb(item('submission', 'pending'), 'approve')).toBe('approve');
    expect(decisionVerb(item('revision', 'approved'), 'approve')).toBe('approveEdit');
    expect(decisionVerb(item('revision', 'approved'), 'reject')).toBe('rejectEdit');
    expect(decisionVerb(item('reported', 'approved'), 'approve')).toBe('keep');
    expect(decisionVerb(item('decided', 'approved'), 'reject')).toBe('takedown');
    expect(decisionVerb(item('decided', 'rejected'), 'restore')).toBe('restore');
  });
});
