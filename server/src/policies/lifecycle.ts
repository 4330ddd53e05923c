/**
 * How a comment's status changes: the one definition of its lifecycle, as pure functions.
 *
 * Every write that changes a comment's status (or the status of one of its revisions) asks here
 * what the change is, then performs it: `commands/comments.ts` (submit, edit, withdraw) and
 * `commands/moderation/` (decide, highlight). Nothing here touches the database; the functions
 * take the current state and return the transition, or throw the domain error that refuses it.
 * Who may *see* a comment in each status is the other half of the vocabulary: `visibility.ts`.
 *
 * The lifecycle:
 *
 * - A new comment starts `pending` in a pre-moderated space, `approved` (published) in a
 *   post-moderated one. Its first revision has the same status.
 * - A moderator decides: approve publishes a pending comment, reject rejects it; reject takes a
 *   published one down (`rejected`), restore puts a rejected one back up (`approved`). Approving a
 *   published comment that was reported keeps it up and closes the reports.
 * - An edit of a published comment in a pre-moderated space leaves the published text alone and
 *   waits as a `pending` revision, which the moderator's approve or reject decides instead of
 *   the comment. Any other edit changes the text in place; a rejected comment edited goes back
 *   to `pending` (undecided again). A newer edit, or a withdrawal, supersedes an edit still waiting.
 * - The author may withdraw the comment at any time (`withdrawn`, final: kept for the audit trail).
 */
import type { CommentStatus, Decision, ModerationMode, RevisionStatus } from '@convene/shared';
import { type SQL, inArray } from 'drizzle-orm';
import { commentRevisions } from '../db/schema/index.js';
import { conflict } from '../errors.js';
import { isPublished } from './visibility.js';

const PENDING = 'pending' satisfies CommentStatus & RevisionStatus;
const APPROVED = 'approved' satisfies CommentStatus & RevisionStatus;
const REJECTED = 'rejected' satisfies CommentStatus & RevisionStatus;
const WITHDRAWN: CommentStatus = 'withdrawn';
const SUPERSEDED: RevisionStatus = 'superseded';

/** A decision in words once made, for messages ("Already approved by …"). */
export const DECISION_DONE: Record<Decision, string> = { approve: APPROVED, reject: REJECTED, restore: 'restored' };

/** What a moderator's decision leads to: approve → approved, reject → rejected (and restore → approved). */
const decided = (action: Decision) => (action === 'reject' ? REJECTED : APPROVED);

// ---- submitting -------------------------------------------------------------------------

/** A new comment: its status, and that of its first revision, from the space's moderation mode. */
/** `mode`: the mode that applies to this author (`effectiveMode` in affiliation.ts). */
export function submission(mode: Exclude<ModerationMode, 'pre_except_verified'>): {
  status: CommentStatus;
  revisionStatus: RevisionStatus;
} {
  const status = mode === 'pre' ? PENDING : APPROVED;
  return { status, revisionStatus: status };
}

/** Whether a comment may still be replied to (the reader must also be allowed to read it). */
export const acceptsReplies = (parent: { status: CommentStatus }): boolean => parent.status !== WITHDRAWN;

// ---- editing ----------------------------------------------------------------------------

/** What an author's edit does to their comment. */
export interface Edit {
  /**
   * The published text stays public unchanged and the edit waits as a pending revision (a
   * published comment in a pre-moderated space). Otherwise the text is changed in place.
   */
  asRevision: boolean;
  /** The comment's status afterwards. */
  status: CommentStatus;
  /** The status of the revision row that records the edit. */
  revisionStatus: RevisionStatus;
  /** Published text changed in place: announced as "edited" (`editedAt`) and to the public at once. */
  changesPublishedText: boolean;
  /** A rejected comment resubmitted: undecided again (the audit trail keeps the rejection). */
  reopens: boolean;
}

/**
 * An edit of a comment in `status` in a space moderated `mode`. The caller has authorised
 * `comment.edit`, which a withdrawn comment refuses; a withdrawn comment here is a bug.
 */
export function edit(status: CommentStatus, mode: Exclude<ModerationMode, 'pre_except_verified'>): Edit {
  if (status === WITHDRAWN) throw invalid('A withdrawn comment cannot be edited.');
  const published = status === APPROVED;
  const asRevision = published && mode === 'pre';
  const changesPublishedText = published && !asRevision;
  return {
    asRevision,
    status: status === REJECTED ? PENDING : status,
    revisionStatus: changesPublishedText ? APPROVED : PENDING,
    changesPublishedText,
    reopens: status === REJECTED,
  };
}

/** The status of an edit still waiting when a newer edit or a decision replaces it, or a withdrawal moots it. */
export const supersededRevision: RevisionStatus = SUPERSEDED;

// ---- withdrawing ------------------------------------------------------------------------

/** The author withdraws: the status it leads to, and whether public text comes down with it. */
export function withdrawal(status: CommentStatus): { status: CommentStatus; takesDownPublishedText: boolean } {
  return { status: WITHDRAWN, takesDownPublishedText: isPublished({ status }) };
}

// ---- deciding ---------------------------------------------------------------------------

/** The kinds of change a moderator's decision makes. */
export type DecisionKind =
  /** pending → approved */
  | 'publish'
  /** pending → rejected */
  | 'rejectSubmission'
  /** approved → rejected */
  | 'takedown'
  /** rejected → approved */
  | 'restore'
  /** approved stays approved; its open reports are closed */
  | 'dismissReports'
  /** the edit awaiting moderation becomes the published text */
  | 'approveRevision'
  /** the edit awaiting moderation is refused; the published text stays */
  | 'rejectRevision';

/** What one decision does, worked out before anything is written. */
export interface Transition {
  kind: DecisionKind;
  /** The comment's status afterwards (unchanged when the decision is about an edit or reports). */
  status: CommentStatus;
  /**
   * What the comment row gets: a new `status` (with who decided and the reason), the text of
   * the approved edit (`revisionText`), or nothing but a new version.
   */
  writes: 'status' | 'revisionText' | null;
  /**
   * Which revision the decision settles, and to what: the newest edit awaiting moderation (for
   * a pending comment, its submitted text; other edits still waiting are superseded), or the
   * revision holding the text shown (a takedown or restore). Null: none.
   */
  settles: { revision: 'latestAwaiting' | 'shownText'; status: RevisionStatus } | null;
  /** The decision is about an edit (a revision), not about the comment's own status. */
  aboutRevision: boolean;
  /** The files added with the edit are published with it. */
  publishesEditFiles: boolean;
  /** A reject: the moderator's reason is the author's to read (comment, revision, live event). */
  keepsReason: boolean;
  /** What the audit trail and the author are told changed (for an edit: its revision's status). */
  recorded: { from: CommentStatus; to: CommentStatus };
  /** The live event the public hears: the comment is published, its text updated, or taken down. */
  announce: 'comment.published' | 'comment.updated' | 'comment.withdrawn' | null;
  /** The author hears about their own text; a dismissed report changes nothing for them. */
  tellsAuthor: boolean;
}

/** The state a decision is made on. */
export interface DecisionState {
  status: CommentStatus;
  action: Decision;
  /** An edit is waiting for moderation (of a published comment, or of a pending one's text). */
  pendingRevision: boolean;
  /** Reports of the comment not yet resolved. */
  openReports: number;
}

const invalid = (message: string) => conflict('invalid_transition', message);

function decisionKind({ status, action, pendingRevision, openReports }: DecisionState): DecisionKind {
  if (status === WITHDRAWN) throw invalid('The author withdrew this comment; there is nothing left to decide.');
  // Only a published comment's edit is decided as a revision; a pending one is decided whole.
  const editAwaiting = status === APPROVED && pendingRevision;
  switch (action) {
    case 'approve':
      if (status === PENDING) return 'publish';
      if (editAwaiting) return 'approveRevision';
      // Approving a published comment that was reported keeps it up and closes the reports.
      if (status === APPROVED && openReports > 0) return 'dismissReports';
      if (status === APPROVED) throw invalid('This comment is already published.');
      throw invalid('This comment was rejected: restore it to publish it.');
    case 'reject':
      if (status === PENDING) return 'rejectSubmission';
      if (editAwaiting) return 'rejectRevision';
      if (status === APPROVED) return 'takedown';
      throw invalid('This comment is already rejected.');
    case 'restore':
      if (status === REJECTED) return 'restore';
      throw invalid(`Only a rejected comment can be restored; this one is ${status}.`);
  }
}

/**
 * A moderator's decision on a comment: the transition it makes, or the 409 `invalid_transition`
 * that refuses it. The caller authorises `comment.decide` and guards the write by version.
 */
export function decision(state: DecisionState): Transition {
  const kind = decisionKind(state);
  const outcome = decided(state.action);
  const aboutRevision = kind === 'approveRevision' || kind === 'rejectRevision';
  const writesStatus = kind === 'publish' || kind === 'rejectSubmission' || kind === 'takedown' || kind === 'restore';
  const status = writesStatus ? outcome : state.status;
  const settles: Transition['settles'] =
    kind === 'dismissReports'
      ? null
      : { revision: kind === 'takedown' || kind === 'restore' ? 'shownText' : 'latestAwaiting', status: outcome };
  return {
    kind,
    status,
    writes: writesStatus ? 'status' : kind === 'approveRevision' ? 'revisionText' : null,
    settles,
    aboutRevision,
    publishesEditFiles: kind === 'approveRevision',
    keepsReason: state.action === 'reject',
    // For an edit the decision is about the revision: pending → approved/rejected.
    recorded: aboutRevision ? { from: PENDING, to: outcome } : { from: state.status, to: status },
    announce:
      kind === 'publish' || kind === 'restore'
        ? 'comment.published'
        : kind === 'approveRevision'
          ? 'comment.updated'
          : kind === 'takedown'
            ? 'comment.withdrawn'
            : null,
    tellsAuthor: kind !== 'dismissReports',
  };
}

/**
 * The revisions a decision may have been made on (approved or rejected): the newest of them
 * holds the text a taken-down or restored comment shows.
 */
export const decidedRevisionSql = (): SQL => inArray(commentRevisions.status, [APPROVED, REJECTED]);

/** Whether an edit of the published text awaits moderation, given that a pending revision row exists. */
export const hasEditAwaiting = (c: { status: CommentStatus }, pendingRevisionExists: boolean): boolean =>
  isPublished(c) && pendingRevisionExists;

// ---- curating ---------------------------------------------------------------------------

/** Only a published comment can be highlighted for the note (409 `not_published` otherwise). */
export function assertHighlightable(c: { status: CommentStatus }): void {
  if (!isPublished(c)) throw conflict('not_published', 'Only a published comment can be highlighted.');
}
