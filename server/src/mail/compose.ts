import type { Locale } from '@convene/shared';
import type { Config } from '../config.js';
import type { Tx } from '../db/client.js';
import { mailMessages } from '../db/schema/index.js';
import { QUEUES, type Jobs } from './jobs.js';
import { MAIL_KINDS, type MailKind } from './kinds.js';
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
 * Writes an email and its delivery job in the transaction `tx` of what causes it: both exist if
 * and only if that change is committed. Returns the message's id.
 */
export async function queueMail(tx: Tx, jobs: Jobs, config: Config, mail: OutgoingMail): Promise<string> {
  const kind = MAIL_KINDS[mail.kind];
  if (kind.notification && !mail.unsubscribeUrl) throw new Error(`${mail.kind} mail needs an unsubscribe link`);
  const id = crypto.randomUUID();
  const headers: Record<string, string> = {
    'Message-ID': messageIdFor(id, config.appOrigin),
    From: oneLine(config.mail.from),
    To: oneLine(mail.to),
    'Auto-Submitted': 'auto-generated',
    'X-Convene-Kind': mail.kind,
  };
  if (kind.notification && mail.unsubscribeUrl) {
    headers['List-Unsubscribe'] = `<${oneLine(mail.unsubscribeUrl)}>`;
    headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
  }
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

/** Retries with exponential backoff: pg-boss waits about delay × 2^n (with jitter) before retry n. */
export const retryOptions = (config: Config) => ({
  retryLimit: config.mail.retryLimit,
  retryDelay: config.mail.retryDelaySeconds,
  retryBackoff: true,
});
