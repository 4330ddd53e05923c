import type { NotificationKind } from '@convene/shared';

/**
 * Every kind of email the app sends. A notification kind carries `List-Unsubscribe` and
 * `List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 8058) and an unsubscribe link in its
 * footer, and belongs to a preference (`preference`: what the person tunes, and what one click
 * unsubscribes from); a transactional kind (something the person just asked for) carries neither.
 * A sensitive kind holds a secret (a reset link): administrators never see its body outside the
 * development mailbox, and once sent over SMTP its body is deleted.
 */
export const MAIL_KINDS = {
  password_reset: { notification: false, sensitive: true, preference: null },
  /** The link that proves an account's address (at registration, and on "resend"). */
  email_verification: { notification: false, sensitive: true, preference: null },
  /** The link, sent to a new address, that moves the account to it. */
  email_change: { notification: false, sensitive: true, preference: null },
  /** To the old address, once the account moved to a new one. */
  email_changed: { notification: false, sensitive: false, preference: null },
  /** An administrator's invitation to moderate or chair a space, to an address with no account. */
  invitation: { notification: false, sensitive: true, preference: null },
  /** An administrator appointed an existing account moderator or chair (by the invitation form). */
  role_granted: { notification: false, sensitive: false, preference: null },
  /** An administrator verified the affiliation the person asked to have verified. */
  affiliation_verified: { notification: false, sensitive: false, preference: null },
  /** An administrator declined it, with the reason. */
  affiliation_declined: { notification: false, sensitive: false, preference: null },
  /** Your comment was published by a moderator (or restored after a takedown). */
  comment_approved: { notification: true, sensitive: false, preference: 'decisions' },
  /** Your comment was rejected (or taken down), with the reason and a link to revise it. */
  comment_rejected: { notification: true, sensitive: false, preference: 'decisions' },
  /** The edit of your published comment was approved: the new text is published. */
  edit_approved: { notification: true, sensitive: false, preference: 'decisions' },
  /** The edit of your published comment was rejected, with the reason; the published text stays. */
  edit_rejected: { notification: true, sensitive: false, preference: 'decisions' },
  /** Someone's reply to your published comment was published. */
  comment_reply: { notification: true, sensitive: false, preference: 'replies' },
  /** A new published contribution in a space or question you follow (not your own). */
  new_contribution: { notification: true, sensitive: false, preference: 'followed' },
  /**
   * The daily or weekly digest of one person's held notifications of one preference (its items
   * say which): `preference` null here, the digest's own unsubscribe link names it.
   */
  digest: { notification: true, sensitive: false, preference: null },
  /** A space you follow (or one of whose questions you follow) closes in 3 days. */
  space_closing: { notification: true, sensitive: false, preference: 'reminders' },
  /** A space you follow has closed (its closing date passed, or an administrator closed it). */
  space_closed: { notification: true, sensitive: false, preference: 'reminders' },
  /** Moderators: items wait in the space's queue (a count, the oldest waiting time, the link; never their text). */
  staff_pending: { notification: true, sensitive: false, preference: 'staff' },
  /** Chairs: a space they chair has closed; its figures and the links to the dashboard, exports and notes. */
  chair_summary: { notification: true, sensitive: false, preference: 'staff' },
} as const satisfies Record<string, { notification: boolean; sensitive: boolean; preference: NotificationKind | null }>;
export type MailKind = keyof typeof MAIL_KINDS;
/** The kinds that are notifications (each has a preference). */
export type NotificationMailKind = {
  [K in MailKind]: (typeof MAIL_KINDS)[K]['preference'] extends null ? never : K;
}[MailKind];

/** Notices about a space as a whole (no comment): written and rendered by the scheduled jobs (`reminders.ts`, `staffAlerts.ts`, `chairSummary.ts`). */
export const SPACE_NOTICE_KINDS = ['space_closing', 'space_closed', 'staff_pending', 'chair_summary'] as const;
export type SpaceNoticeKind = (typeof SPACE_NOTICE_KINDS)[number];
/** The notification kinds about one comment (a decision, a reply), rendered by `templates/notification.ts`. */
export type CommentMailKind = Exclude<NotificationMailKind, SpaceNoticeKind>;
export const isSpaceNoticeKind = (kind: string): kind is SpaceNoticeKind =>
  (SPACE_NOTICE_KINDS as readonly string[]).includes(kind);

export const isNotificationKind = (kind: string): boolean =>
  (MAIL_KINDS as Record<string, { notification: boolean }>)[kind]?.notification ?? false;
export const isSensitiveKind = (kind: string): boolean =>
  (MAIL_KINDS as Record<string, { sensitive: boolean }>)[kind]?.sensitive ?? true;
/** The preference a notification kind belongs to. */
export const preferenceOf = (kind: NotificationMailKind): NotificationKind => MAIL_KINDS[kind].preference;
