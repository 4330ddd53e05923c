import { z } from 'zod';

/**
 * Email notifications: the kinds a person can tune (each covers one or more kinds of email) and
 * how often each is sent: at once, in a daily or weekly digest, or never.
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
/** The frequencies a person may choose: every one (`daily` and `weekly` are digests). */
export const SELECTABLE_FREQUENCIES = NOTIFICATION_FREQUENCIES;
/** The frequencies that hold notifications for a digest. */
export const DIGEST_FREQUENCIES = ['daily', 'weekly'] as const satisfies readonly NotificationFrequency[];
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];

/**
 * The frequencies each kind offers. Reminders and staff notices are time-bound (a closing date, a
 * queue that waits), so they are sent at once or not at all: never held for a digest.
 */
export const FREQUENCIES_BY_KIND: Record<NotificationKind, readonly NotificationFrequency[]> = {
  decisions: NOTIFICATION_FREQUENCIES,
  replies: NOTIFICATION_FREQUENCIES,
  followed: NOTIFICATION_FREQUENCIES,
  reminders: ['immediately', 'never'],
  staff: ['immediately', 'never'],
};

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
  /** The frequencies a PUT accepts (for some kinds only some of them: `selectableByKind`). */
  selectable: z.array(z.enum(NOTIFICATION_FREQUENCIES)),
  /** The frequencies each kind accepts (`FREQUENCIES_BY_KIND`). */
  selectableByKind: z.record(z.enum(NOTIFICATION_KINDS), z.array(z.enum(NOTIFICATION_FREQUENCIES))),
  /** Whether publishing a contribution follows its question (or, for a general comment, its space). */
  followAnswered: z.boolean(),
});
export type NotificationPreferencesResponse = z.infer<typeof notificationPreferencesResponse>;

export const updateNotificationPreferencesRequest = z
  .strictObject({
    preferences: z
      .array(z.strictObject({ kind: z.enum(NOTIFICATION_KINDS), frequency: z.enum(SELECTABLE_FREQUENCIES) }))
      .min(1)
      .max(NOTIFICATION_KINDS.length)
      .optional(),
    followAnswered: z.boolean().optional(),
  })
  .refine((b) => b.preferences !== undefined || b.followAnswered !== undefined, {
    message: 'Give `preferences`, `followAnswered`, or both',
    path: ['preferences'],
  })
  .superRefine((b, ctx) => {
    (b.preferences ?? []).forEach((p, i) => {
      const allowed = FREQUENCIES_BY_KIND[p.kind];
      if (!allowed.includes(p.frequency))
        ctx.addIssue({
          code: 'custom',
          path: ['preferences', i, 'frequency'],
          message: `\`${p.kind}\` notices are sent ${allowed.map((f) => `\`${f}\``).join(' or ')}: they are not held for a digest`,
        });
    });
  });
export type UpdateNotificationPreferencesRequest = z.infer<typeof updateNotificationPreferencesRequest>;

// ---- the in-app notifications menu (GET /api/me/notifications) ------------------------------

/**
 * One notification as the app's menu shows it: the same rows as the emails. `text` (and `actor`)
 * only while the recipient may see what it is about; otherwise `removed` is true and there is no
 * text. `url` is the path of the exact comment (or of the space, for a notice about a space).
 */
export const inboxItem = z.object({
  id: z.uuid(),
  /** The kind of email (`comment_approved`, `comment_reply`, …). */
  kind: z.string(),
  /** The preference it belongs to (`decisions`, `replies`, …). */
  preference: z.enum(NOTIFICATION_KINDS).nullable(),
  createdAt: z.iso.datetime(),
  read: z.boolean(),
  space: z.object({ code: z.string(), title: z.string(), slug: z.string() }).nullable(),
  url: z.string().nullable(),
  removed: z.boolean(),
  /** A short excerpt of the comment (plain text). */
  text: z.string().nullable(),
  /** Who wrote it, for a reply. */
  actor: z.string().nullable(),
  /** A rejection's reason (the author's to read). */
  reason: z.string().nullable(),
});
export type InboxItem = z.infer<typeof inboxItem>;

export const inboxQuery = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const inboxResponse = z.object({
  items: z.array(inboxItem),
  /** Unread notifications in all (not only this page). */
  unread: z.number().int(),
  nextCursor: z.string().nullable(),
});
export type InboxResponse = z.infer<typeof inboxResponse>;

/** `{ ids: [...] }` marks those read; `{ all: true }` every one. */
export const markInboxReadRequest = z
  .strictObject({
    ids: z.array(z.uuid()).min(1).max(100).optional(),
    all: z.literal(true).optional(),
  })
  .refine((v) => (v.ids === undefined) !== (v.all === undefined), {
    message: 'Give either ids or all: true',
    path: ['ids'],
  });
export type MarkInboxReadRequest = z.infer<typeof markInboxReadRequest>;
export const markInboxReadResponse = z.object({ unread: z.number().int() });

/** `PUT`/`DELETE /api/spaces/:slug/follow` and `…/questions/:id/follow`: whether the viewer now follows it. */
export const followResponse = z.object({ following: z.boolean() });
export type FollowResponse = z.infer<typeof followResponse>;

/** `GET /api/me/follows`: what the signed-in person follows, in spaces they may still read. */
export const followsResponse = z.object({
  follows: z.array(
    z.object({
      space: z.object({ slug: z.string(), code: z.string(), title: z.string() }),
      /** A guiding question of the space; null: the whole space. */
      question: z.object({ id: z.uuid(), position: z.number().int(), text: z.string() }).nullable(),
      /** Made by publishing a contribution there (not with the Follow button). */
      auto: z.boolean(),
    }),
  ),
});
export type FollowsResponse = z.infer<typeof followsResponse>;
