import { z } from 'zod';

/**
 * Email notifications: the kinds a person can tune (each covers one or more kinds of email) and
 * how often each is sent. Digests (daily, weekly) are stored already but not yet sent: for now a
 * person chooses between `immediately` and `never`.
 */
/**
 * - `decisions`: a moderator's decision on your comment or edit;
 * - `replies`: a published reply to your comment;
 * - `followed`: new published contributions in a space or question you follow;
 * - `reminders`: a space you follow closes in 3 days, or has closed;
 * - `staff`: for moderators, items waiting in their queue; for chairs, the summary of a closed space.
 */
export const NOTIFICATION_KINDS = ['decisions', 'replies', 'followed', 'reminders', 'staff'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_FREQUENCIES = ['immediately', 'daily', 'weekly', 'never'] as const;
export type NotificationFrequency = (typeof NOTIFICATION_FREQUENCIES)[number];
/** The frequencies a person may choose today (digests come later). */
export const SELECTABLE_FREQUENCIES = ['immediately', 'never'] as const satisfies readonly NotificationFrequency[];

/**
 * What a person gets when they never chose: decisions on their own comments, replies to them,
 * reminders and staff notices at once; new contributions in what they follow in a daily digest.
 */
export const DEFAULT_FREQUENCY: Record<NotificationKind, NotificationFrequency> = {
  decisions: 'immediately',
  replies: 'immediately',
  followed: 'daily',
  reminders: 'immediately',
  staff: 'immediately',
};

export const notificationPreference = z.object({
  kind: z.enum(NOTIFICATION_KINDS),
  frequency: z.enum(NOTIFICATION_FREQUENCIES),
  /** True while the person has not chosen (the default applies). */
  isDefault: z.boolean(),
});
export const notificationPreferencesResponse = z.object({
  preferences: z.array(notificationPreference),
  /** The frequencies a PUT accepts today. */
  selectable: z.array(z.enum(NOTIFICATION_FREQUENCIES)),
});
export type NotificationPreferencesResponse = z.infer<typeof notificationPreferencesResponse>;

export const updateNotificationPreferencesRequest = z.strictObject({
  preferences: z
    .array(z.strictObject({ kind: z.enum(NOTIFICATION_KINDS), frequency: z.enum(SELECTABLE_FREQUENCIES) }))
    .min(1)
    .max(NOTIFICATION_KINDS.length),
});
export type UpdateNotificationPreferencesRequest = z.infer<typeof updateNotificationPreferencesRequest>;
