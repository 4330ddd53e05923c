/**
 * Every kind of email the app sends. A notification kind carries `List-Unsubscribe` and
 * `List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 8058) and an unsubscribe link in its
 * footer; a transactional kind (something the person just asked for) carries neither. A sensitive
 * kind holds a secret (a reset link): administrators never see its body outside the development
 * mailbox, and once sent over SMTP its body is deleted.
 */
export const MAIL_KINDS = {
  password_reset: { notification: false, sensitive: true },
} as const satisfies Record<string, { notification: boolean; sensitive: boolean }>;
export type MailKind = keyof typeof MAIL_KINDS;
export const isNotificationKind = (kind: string): boolean =>
  (MAIL_KINDS as Record<string, { notification: boolean }>)[kind]?.notification ?? false;
export const isSensitiveKind = (kind: string): boolean =>
  (MAIL_KINDS as Record<string, { sensitive: boolean }>)[kind]?.sensitive ?? true;
