import type { DigestFrequency, NotificationKind } from '@convene/shared';
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Config } from '../config.js';
import type { Database, Tx } from '../db/client.js';
import { type Notification, type User, comments, mailMessages, notifications } from '../db/schema/index.js';
import { queueMail } from './compose.js';
import { QUEUES, type Jobs } from './jobs.js';
import { MAIL_KINDS, type NotificationMailKind, preferenceOf } from './kinds.js';
import { type Content, bylineOf, drop, mailerFor, mayStillSend, verdict } from './notifications.js';
import { frequencyFor } from './preferences.js';
import { type DigestGroup, type DigestItem, renderDigest } from './templates/digest.js';
import { unsubscribeToken, unsubscribeUrl } from './unsubscribe.js';

/**
 * Digests: a notification whose recipient's frequency for its kind is `daily` or `weekly` is held
 * (`held`) by its job instead of mailed; a scheduled job (pg-boss cron, once across instances:
 * `SCHEDULES` in `jobs.ts`: daily at 07:00 UTC, weekly on Mondays) then calls `sendDigests`, which writes one email per person and kind of notification
 * (`decisions`, `followed`, …: each digest has that kind's one-click unsubscribe) with every item
 * held until then, grouped by space and question. Each item is checked by the visibility rule
 * when the digest is written (`verdict`, as for a single email) and again just before it is sent
 * (`digestMayStillSend`): what was withdrawn, taken down or made private since is left out, and a
 * digest left empty is not sent.
 */

/** The kinds of notification a preference covers. */
const kindsOf = (preference: NotificationKind): string[] =>
  Object.entries(MAIL_KINDS)
    .filter(([, k]) => k.preference === preference)
    .map(([kind]) => kind);

/**
 * Whose held notifications this run mails: the daily run takes the daily ones, and those of a
 * person who since chose `immediately` (they go now, in one email); the weekly run the weekly
 * ones. `never` drops them (either run); a weekly one waits for the weekly run.
 */
function action(run: DigestFrequency, frequency: string): 'send' | 'drop' | 'wait' {
  if (frequency === 'never') return 'drop';
  if (run === 'weekly') return frequency === 'weekly' ? 'send' : 'wait';
  return frequency === 'weekly' ? 'wait' : 'send';
}

/** An item's place (the question it answers) and author, for the digest's grouping and byline. */
async function itemOf(tx: Tx, n: Notification, content: Content & { show: true }): Promise<DigestItem | null> {
  if (!n.commentId) return null;
  const [comment] = await tx
    .select({ authorId: comments.authorId, questionId: comments.questionId })
    .from(comments)
    .where(eq(comments.id, n.commentId))
    .limit(1);
  if (!comment) return null;
  const { author, question } = await bylineOf(tx, comment);
  const m = content.mail;
  return {
    kind: m.kind,
    spaceId: n.spaceId ?? '',
    space: m.space,
    question,
    author,
    excerpt: m.excerpt,
    reason: m.reason ?? null,
    url: m.url,
  };
}

/** Groups items by space (in the order their first item came), then by question (in order; general comments last). */
export function groupItems(items: DigestItem[]): DigestGroup[] {
  const spaces = new Map<string, DigestGroup>();
  for (const item of items) {
    let g = spaces.get(item.spaceId);
    if (!g) {
      g = { space: item.space, questions: [] };
      spaces.set(item.spaceId, g);
    }
    const key = item.question?.id ?? null;
    let q = g.questions.find((x) => (x.question?.id ?? null) === key);
    if (!q) {
      q = { question: item.question, items: [] };
      g.questions.push(q);
    }
    q.items.push(item);
  }
  for (const g of spaces.values()) {
    g.questions.sort((a, b) => (a.question?.position ?? Infinity) - (b.question?.position ?? Infinity));
  }
  return [...spaces.values()];
}

/**
 * Writes one digest email (and its delivery job) in `tx` for these notifications, already
 * checked and locked, and marks them mailed in it. Returns the email's id.
 */
async function writeDigest(
  tx: Tx,
  db: Database,
  jobs: Jobs,
  config: Config,
  recipient: User,
  preference: NotificationKind,
  frequency: DigestFrequency,
  included: { n: Notification; item: DigestItem }[],
): Promise<string> {
  const unsubscribe = unsubscribeUrl(config.appOrigin, await unsubscribeToken(db, recipient.id, preference));
  const rendered = await renderDigest({
    locale: recipient.locale,
    displayName: recipient.displayName,
    frequency,
    groups: groupItems(included.map((i) => i.item)),
    count: included.length,
    unsubscribeUrl: unsubscribe,
  });
  const mailId = await queueMail(tx, jobs, config, {
    kind: 'digest',
    to: recipient.email,
    userId: recipient.id,
    locale: recipient.locale,
    rendered,
    unsubscribeUrl: unsubscribe,
  });
  await tx
    .update(notifications)
    .set({
      status: 'mailed',
      mailMessageId: mailId,
      processedAt: new Date(),
      data: sql`${notifications.data} || ${JSON.stringify({ digest: frequency })}::jsonb`,
    })
    .where(
      inArray(
        notifications.id,
        included.map((i) => i.n.id),
      ),
    );
  return mailId;
}

/** Checks each notification now: the ones that may be shown, as digest items; the others dropped. */
async function checkItems(tx: Tx, config: Config, rows: Notification[]) {
  let recipient: User | undefined;
  const included: { n: Notification; item: DigestItem }[] = [];
  let dropped = 0;
  for (const n of rows) {
    const v = await verdict(tx, config, n);
    const item = v.send ? await itemOf(tx, n, v.content) : null;
    if (!v.send || !item) {
      await drop(tx, n.id, v.send ? 'not_visible' : v.reason);
      dropped += 1;
      continue;
    }
    recipient = v.recipient;
    included.push({ n, item });
  }
  return { recipient, included, dropped };
}

export interface DigestRun {
  /** Digest emails written. */
  digests: number;
  /** Notifications they hold. */
  items: number;
  /** Notifications dropped instead (no longer visible, unfollowed, frequency `never`). */
  dropped: number;
}

/**
 * The digest run of `frequency` at `now` (the scheduled job calls it; tests call it directly):
 * every notification held until `now` whose recipient wants it in this run goes into one digest
 * per person and kind of notification. Safe to run twice or on two instances at once: each
 * person's notifications are locked (`skip locked`) and only `held` ones are taken.
 */
export async function sendDigests(
  db: Database,
  jobs: Jobs,
  config: Config,
  frequency: DigestFrequency,
  now = new Date(),
): Promise<DigestRun> {
  const run: DigestRun = { digests: 0, items: 0, dropped: 0 };
  const pending = await db
    .selectDistinct({ userId: notifications.userId, kind: notifications.kind })
    .from(notifications)
    .where(and(eq(notifications.status, 'held'), lte(notifications.createdAt, now)));
  const groups = new Map<string, { userId: string; preference: NotificationKind }>();
  for (const p of pending) {
    const preference = (MAIL_KINDS as Record<string, { preference: NotificationKind | null }>)[p.kind]?.preference;
    if (preference) groups.set(`${p.userId}:${preference}`, { userId: p.userId, preference });
  }
  for (const { userId, preference } of groups.values()) {
    const chosen = await frequencyFor(db, userId, preference);
    const todo = action(frequency, chosen);
    if (todo === 'wait') continue;
    await db.transaction(async (tx) => {
      const rows = await tx
        .select()
        .from(notifications)
        .where(
          and(
            eq(notifications.userId, userId),
            eq(notifications.status, 'held'),
            inArray(notifications.kind, kindsOf(preference)),
            lte(notifications.createdAt, now),
          ),
        )
        .orderBy(asc(notifications.createdAt), asc(notifications.id))
        .for('update', { skipLocked: true });
      if (todo === 'drop') {
        for (const n of rows) await drop(tx, n.id, 'unsubscribed');
        run.dropped += rows.length;
        return;
      }
      const { recipient, included, dropped } = await checkItems(tx, config, rows);
      run.dropped += dropped;
      if (!recipient || included.length === 0) return;
      await writeDigest(tx, db, jobs, config, recipient, preference, frequency, included);
      run.digests += 1;
      run.items += included.length;
    });
  }
  if (run.digests > 0) jobs.nudge(QUEUES.mailSend);
  return run;
}

/** The scheduled job of a digest queue: the run of its frequency, now. */
export const digester =
  (db: Database, jobs: Jobs, config: Config, frequency: DigestFrequency) => async (): Promise<void> => {
    await sendDigests(db, jobs, config, frequency);
  };

/**
 * Just before a digest is sent: each of its items is checked again. All still stand: it goes.
 * Some no longer may be shown: they are dropped and the digest is written anew with the others
 * (a new email, with its own delivery job) and this one deleted unsent; none left, or the kind
 * turned off (`never`): deleted unsent.
 */
export async function digestMayStillSend(
  db: Database,
  config: Config,
  messageId: string,
  rows: Notification[],
): Promise<boolean> {
  const [first] = rows;
  if (!first) return true;
  const preference = preferenceOf(first.kind as NotificationMailKind);
  const frequency: DigestFrequency = first.data.digest === 'weekly' ? 'weekly' : 'daily';
  const off = (await frequencyFor(db, first.userId, preference)) === 'never';
  let written: string | null = null;
  const send = await db.transaction(async (tx) => {
    const locked = await tx
      .select()
      .from(notifications)
      .where(eq(notifications.mailMessageId, messageId))
      .orderBy(asc(notifications.createdAt), asc(notifications.id))
      .for('update');
    const { recipient, included, dropped } = off
      ? { recipient: undefined, included: [], dropped: 0 }
      : await checkItems(tx, config, locked);
    if (!off && dropped === 0) return true;
    if (off) for (const n of locked) await drop(tx, n.id, 'unsubscribed');
    await tx.delete(mailMessages).where(eq(mailMessages.id, messageId));
    const mailer = mailerFor(db);
    if (recipient && included.length > 0 && mailer) {
      written = await writeDigest(tx, db, mailer.jobs, config, recipient, preference, frequency, included);
    } else {
      for (const { n } of included) await drop(tx, n.id, 'not_visible');
    }
    return false;
  });
  if (written) mailerFor(db)?.jobs.nudge(QUEUES.mailSend);
  return send;
}

/**
 * What the deliverer asks just before sending an email: a digest is checked item by item
 * (`digestMayStillSend`), any other email as `mayStillSend` says.
 */
export async function mayStillDeliver(db: Database, config: Config, messageId: string): Promise<boolean> {
  const [message] = await db
    .select({ kind: mailMessages.kind })
    .from(mailMessages)
    .where(eq(mailMessages.id, messageId))
    .limit(1);
  if (message?.kind !== 'digest') return mayStillSend(db, config, messageId);
  const rows = await db.select().from(notifications).where(eq(notifications.mailMessageId, messageId));
  return digestMayStillSend(db, config, messageId, rows);
}
