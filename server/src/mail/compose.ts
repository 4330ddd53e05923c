import type { Locale } from '@convene/shared';
import type { Config } from '../config.js';
import type { Tx } from '../db/client.js';
import { mailMessages, notifications } from '../db/schema/index.js';
import { announceInboxes } from '../live/inboxChannel.js';
import { QUEUES, type Jobs } from './jobs.js';
import { isNotificationKind, type MailKind, type NotificationMailKind } from './kinds.js';
import { oneLine } from './markup.js';
import type { Rendered } from './render.js';

export interface OutgoingMail {
  kind: MailKind;
  to: string;
  userId?: string | null;
  locale: Locale;
  rendered: Rendered;
  /** Required for notification kinds: one click there unsubscribes from this kind. */
  unsubscribeUrl?: string;
}

/** `<id@host>`: derived from the message's row id, so every attempt carries the same one. */
export const messageIdFor = (id: string, appOrigin: string): string => `<${id}@${new URL(appOrigin).hostname}>`;

/**
 * The headers of one email. Notification kinds carry RFC 8058 one-click unsubscribe
 * (`List-Unsubscribe` with an https link and `List-Unsubscribe-Post: List-Unsubscribe=One-Click`);
 * transactional kinds (a reset link the person asked for) carry neither.
 */
export function mailHeaders(input: {
  id: string;
  config: Pick<Config, 'appOrigin' | 'mail'>;
  to: string;
  kind: string;
  notification?: boolean;
  unsubscribeUrl?: string | undefined;
}): Record<string, string> {
  const notification = input.notification ?? isNotificationKind(input.kind);
  if (notification && !input.unsubscribeUrl) throw new Error(`${input.kind} mail needs an unsubscribe link`);
  const headers: Record<string, string> = {
    'Message-ID': messageIdFor(input.id, input.config.appOrigin),
    From: oneLine(input.config.mail.from),
    To: oneLine(input.to),
    'Auto-Submitted': 'auto-generated',
    'X-Convene-Kind': oneLine(input.kind),
  };
  if (notification && input.unsubscribeUrl) {
    headers['List-Unsubscribe'] = `<${oneLine(input.unsubscribeUrl)}>`;
    headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
  }
  return headers;
}

/**
 * Writes an email and its delivery job in the transaction `tx` of what causes it: both exist if
 * and only if that change is committed. Returns the message's id.
 */
export async function queueMail(tx: Tx, jobs: Jobs, config: Config, mail: OutgoingMail): Promise<string> {
  const id = crypto.randomUUID();
  const headers = mailHeaders({ id, config, to: mail.to, kind: mail.kind, unsubscribeUrl: mail.unsubscribeUrl });
  await tx.insert(mailMessages).values({
    id,
    kind: mail.kind,
    transport: config.mail.smtpUrl ? 'smtp' : 'mailbox',
    toAddress: oneLine(mail.to),
    userId: mail.userId ?? null,
    locale: mail.locale,
    subject: oneLine(mail.rendered.subject),
    headers,
    html: mail.rendered.html,
    text: mail.rendered.text,
  });
  await jobs.sendInTx(tx, QUEUES.mailSend, { id }, retryOptions(config));
  return id;
}

/**
 * Retries with exponential backoff: pg-boss waits about delay × 2^n (with jitter) before retry n.
 * An attempt still running after 5 minutes (the SMTP timeouts end one well before) is expired by
 * pg-boss and counts as a failed attempt.
 */
export const retryOptions = (config: Config) => ({
  retryLimit: config.mail.retryLimit,
  retryDelay: config.mail.retryDelaySeconds,
  retryBackoff: true,
  expireInSeconds: 300,
});

export interface QueuedNotification {
  /** The recipient. */
  userId: string;
  kind: NotificationMailKind;
  /** The space it is about. */
  spaceId: string;
  /** The comment it is about (for a reply: the reply); absent for a notice about a space. */
  commentId?: string;
  /** What the event knew (the version decided, the revision). */
  data?: Record<string, unknown>;
  /** At most one notification per key: a second one with the same key is not written. */
  dedupeKey?: string;
}

/**
 * Writes a notification and its `mail-notify` job in the transaction `tx` of the event that
 * causes it: both exist if and only if the event is committed. It holds no text: the job renders
 * the email when it runs, from what the recipient may see then (`mail/notifications.ts`). Once
 * committed (never otherwise) the recipient's open sockets hear their new unread count. Returns
 * the notification's id, or null when one with its `dedupeKey` exists already.
 */
export async function queueNotification(
  tx: Tx,
  jobs: Jobs,
  config: Config,
  n: QueuedNotification,
): Promise<string | null> {
  const [id] = await queueNotifications(tx, jobs, config, [n]);
  return id ?? null;
}

/** Notifications written, their jobs inserted and their recipients announced per statement. */
const NOTIFICATIONS_A_STATEMENT = 500;

/**
 * `queueNotification` for many at once (the followers of a space hearing of a contribution):
 * three statements for each 500, whatever their number, instead of three for each. Returns the
 * ids of those written (none for a `dedupeKey` that exists already).
 */
export async function queueNotifications(
  tx: Tx,
  jobs: Jobs,
  config: Config,
  list: readonly QueuedNotification[],
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < list.length; i += NOTIFICATIONS_A_STATEMENT) {
    const rows = await tx
      .insert(notifications)
      .values(
        list.slice(i, i + NOTIFICATIONS_A_STATEMENT).map((n) => ({
          userId: n.userId,
          kind: n.kind,
          spaceId: n.spaceId,
          commentId: n.commentId ?? null,
          data: n.data ?? {},
          dedupeKey: n.dedupeKey ?? null,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: notifications.id, userId: notifications.userId });
    if (rows.length === 0) continue;
    await jobs.insertInTx(
      tx,
      QUEUES.mailNotify,
      rows.map((r) => ({ id: r.id })),
      retryOptions(config),
    );
    await announceInboxes(
      tx,
      rows.map((r) => ({ u: r.userId, n: r.id })),
    );
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}
