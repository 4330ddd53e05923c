/**
 * Address verification's part of the rules. An account proves its address by following an
 * emailed link (or by registering through an invitation, which was sent to that address). Until
 * then it may read and draft, and — with the deployment setting `UNVERIFIED_COMMENTS=hold`, the
 * default — its comments are **held**: written (the author sees them, "waiting for you to verify
 * your address") but kept out of the moderation queue, its counts and its live events, until
 * the address is verified; they then enter the queue in the order they were posted. With
 * `allow` they go to the queue at once, as a verified account's do.
 *
 * The held state is a row of `comment_holds`; the queue's SQL condition
 * (`commentSql.awaitingDecision` in `visibility.ts`) leaves those comments out.
 */
export type UnverifiedComments = 'hold' | 'allow';

export const isVerified = (u: { emailVerifiedAt: Date | null }): boolean => u.emailVerifiedAt !== null;

/** Whether this author's new comments are held back from the queue now. */
export const holdsComments = (author: { emailVerifiedAt: Date | null }, setting: UnverifiedComments): boolean =>
  setting === 'hold' && !isVerified(author);
