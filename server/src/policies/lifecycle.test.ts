import { COMMENT_STATUSES, type CommentStatus, type Decision } from '@convene/shared';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import {
  type DecisionState,
  type Transition,
  acceptsReplies,
  assertHighlightable,
  decision,
  edit,
  hasEditAwaiting,
  submission,
  withdrawal,
} from './lifecycle.js';

const state = (status: CommentStatus, action: Decision, more: Partial<DecisionState> = {}): DecisionState => ({
  status,
  action,
  pendingRevision: false,
  openReports: 0,
  ...more,
});

/** The 409 a refused transition throws, as `{ statusCode, code, message }`. */
function refusal(run: () => unknown): { statusCode: number; code: string; message: string } {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    const e = err as AppError;
    return { statusCode: e.statusCode, code: e.code, message: e.message };
  }
  throw new Error('expected the transition to be refused');
}

const invalid = (message: string) => ({ statusCode: 409, code: 'invalid_transition', message });

describe('decision: every status × action', () => {
  // [status, action, extra state, expected transition (the fields that matter for the writes)]
  const allowed: [CommentStatus, Decision, Partial<DecisionState>, Transition][] = [
    [
      'pending',
      'approve',
      {},
      {
        kind: 'publish',
        status: 'approved',
        writes: 'status',
        settles: { revision: 'latestAwaiting', status: 'approved' },
        aboutRevision: false,
        publishesEditFiles: false,
        keepsReason: false,
        recorded: { from: 'pending', to: 'approved' },
        announce: 'comment.published',
        tellsAuthor: true,
      },
    ],
    [
      'pending',
      'reject',
      {},
      {
        kind: 'rejectSubmission',
        status: 'rejected',
        writes: 'status',
        settles: { revision: 'latestAwaiting', status: 'rejected' },
        aboutRevision: false,
        publishesEditFiles: false,
        keepsReason: true,
        recorded: { from: 'pending', to: 'rejected' },
        announce: null,
        tellsAuthor: true,
      },
    ],
    [
      'approved',
      'approve',
      { openReports: 2 },
      {
        kind: 'dismissReports',
        status: 'approved',
        writes: null,
        settles: null,
        aboutRevision: false,
        publishesEditFiles: false,
        keepsReason: false,
        recorded: { from: 'approved', to: 'approved' },
        announce: null,
        tellsAuthor: false,
      },
    ],
    [
      'approved',
      'approve',
      { pendingRevision: true },
      {
        kind: 'approveRevision',
        status: 'approved',
        writes: 'revisionText',
        settles: { revision: 'latestAwaiting', status: 'approved' },
        aboutRevision: true,
        publishesEditFiles: true,
        keepsReason: false,
        recorded: { from: 'pending', to: 'approved' },
        announce: 'comment.updated',
        tellsAuthor: true,
      },
    ],
    [
      'approved',
      'reject',
      {},
      {
        kind: 'takedown',
        status: 'rejected',
        writes: 'status',
        settles: { revision: 'shownText', status: 'rejected' },
        aboutRevision: false,
        publishesEditFiles: false,
        keepsReason: true,
        recorded: { from: 'approved', to: 'rejected' },
        announce: 'comment.withdrawn',
        tellsAuthor: true,
      },
    ],
    [
      'approved',
      'reject',
      { pendingRevision: true },
      {
        kind: 'rejectRevision',
        status: 'approved',
        writes: null,
        settles: { revision: 'latestAwaiting', status: 'rejected' },
        aboutRevision: true,
        publishesEditFiles: false,
        keepsReason: true,
        recorded: { from: 'pending', to: 'rejected' },
        announce: null,
        tellsAuthor: true,
      },
    ],
    [
      'rejected',
      'restore',
      {},
      {
        kind: 'restore',
        status: 'approved',
        writes: 'status',
        settles: { revision: 'shownText', status: 'approved' },
        aboutRevision: false,
        publishesEditFiles: false,
        keepsReason: false,
        recorded: { from: 'rejected', to: 'approved' },
        announce: 'comment.published',
        tellsAuthor: true,
      },
    ],
  ];
  it.each(allowed)('%s + %s (%o) → allowed', (status, action, more, expected) => {
    expect(decision(state(status, action, more))).toEqual(expected);
  });

  const refused: [CommentStatus, Decision, Partial<DecisionState>, string][] = [
    ['pending', 'restore', {}, 'Only a rejected comment can be restored; this one is pending.'],
    ['approved', 'approve', {}, 'This comment is already published.'],
    [
      'approved',
      'restore',
      { pendingRevision: true },
      'Only a rejected comment can be restored; this one is approved.',
    ],
    ['rejected', 'approve', {}, 'This comment was rejected: restore it to publish it.'],
    [
      'rejected',
      'approve',
      { pendingRevision: true, openReports: 1 },
      'This comment was rejected: restore it to publish it.',
    ],
    ['rejected', 'reject', {}, 'This comment is already rejected.'],
    ['withdrawn', 'approve', {}, 'The author withdrew this comment; there is nothing left to decide.'],
    [
      'withdrawn',
      'reject',
      { pendingRevision: true },
      'The author withdrew this comment; there is nothing left to decide.',
    ],
    ['withdrawn', 'restore', {}, 'The author withdrew this comment; there is nothing left to decide.'],
  ];
  it.each(refused)('%s + %s (%o) → 409 invalid_transition', (status, action, more, message) => {
    expect(refusal(() => decision(state(status, action, more)))).toEqual(invalid(message));
  });

  it('covers every status with every action', () => {
    const covered = new Set([...allowed, ...refused].map(([s, a]) => `${s}:${a}`));
    for (const s of COMMENT_STATUSES) {
      for (const a of ['approve', 'reject', 'restore'] as const) expect(covered).toContain(`${s}:${a}`);
    }
  });

  it('decides a pending comment whole, even with an edit of its text waiting', () => {
    expect(decision(state('pending', 'approve', { pendingRevision: true })).kind).toBe('publish');
    expect(decision(state('pending', 'reject', { pendingRevision: true })).kind).toBe('rejectSubmission');
  });

  it('decides the waiting edit before the reports of a published comment', () => {
    expect(decision(state('approved', 'approve', { pendingRevision: true, openReports: 3 })).kind).toBe(
      'approveRevision',
    );
    expect(decision(state('approved', 'reject', { openReports: 3 })).kind).toBe('takedown');
  });
});

describe('submitting, editing, withdrawing', () => {
  it('starts a comment pending in a pre-moderated space and published in a post-moderated one', () => {
    expect(submission('pre')).toEqual({ status: 'pending', revisionStatus: 'pending' });
    expect(submission('post')).toEqual({ status: 'approved', revisionStatus: 'approved' });
  });

  it('keeps published text in a pre-moderated space and queues the edit as a revision', () => {
    expect(edit('approved', 'pre')).toEqual({
      asRevision: true,
      status: 'approved',
      revisionStatus: 'pending',
      changesPublishedText: false,
      reopens: false,
    });
  });

  it('changes published text at once in a post-moderated space', () => {
    expect(edit('approved', 'post')).toEqual({
      asRevision: false,
      status: 'approved',
      revisionStatus: 'approved',
      changesPublishedText: true,
      reopens: false,
    });
  });

  it.each(['pre', 'post'] as const)(
    'in a %s-moderated space, a pending edit stays pending, a rejected one reopens',
    (mode) => {
      expect(edit('pending', mode)).toEqual({
        asRevision: false,
        status: 'pending',
        revisionStatus: 'pending',
        changesPublishedText: false,
        reopens: false,
      });
      expect(edit('rejected', mode)).toEqual({
        asRevision: false,
        status: 'pending',
        revisionStatus: 'pending',
        changesPublishedText: false,
        reopens: true,
      });
    },
  );

  it('refuses to edit a withdrawn comment', () => {
    expect(refusal(() => edit('withdrawn', 'post')).code).toBe('invalid_transition');
  });

  it('withdraws to withdrawn, taking public text down only when it was published', () => {
    expect(withdrawal('approved')).toEqual({ status: 'withdrawn', takesDownPublishedText: true });
    expect(withdrawal('pending')).toEqual({ status: 'withdrawn', takesDownPublishedText: false });
    expect(withdrawal('rejected')).toEqual({ status: 'withdrawn', takesDownPublishedText: false });
  });

  it('accepts replies to any comment but a withdrawn one', () => {
    expect(COMMENT_STATUSES.filter((status) => acceptsReplies({ status }))).toEqual([
      'pending',
      'approved',
      'rejected',
    ]);
  });

  it('counts a pending revision as an edit awaiting moderation only on a published comment', () => {
    expect(hasEditAwaiting({ status: 'approved' }, true)).toBe(true);
    expect(hasEditAwaiting({ status: 'approved' }, false)).toBe(false);
    expect(hasEditAwaiting({ status: 'pending' }, true)).toBe(false);
  });

  it('highlights only a published comment', () => {
    expect(() => assertHighlightable({ status: 'approved' })).not.toThrow();
    for (const status of ['pending', 'rejected', 'withdrawn'] as const) {
      expect(refusal(() => assertHighlightable({ status }))).toEqual({
        statusCode: 409,
        code: 'not_published',
        message: 'Only a published comment can be highlighted.',
      });
    }
  });
});
