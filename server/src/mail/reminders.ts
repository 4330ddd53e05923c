import { and, eq, gt, inArray, isNotNull, lte, or, sql } from 'drizzle-orm';
import type { Space, User } from '../db/schema/index.js';
import { follows, spaces, users } from '../db/schema/index.js';
import { chairSummaries } from './chairSummary.js';
import { QUEUES } from './jobs.js';
import { messagesFor } from './messages.js';
import type { Mailer } from './notifications.js';
import { type NoticeOutcome, closingKey, mayHearOf, spaceUrl, sendSpaceNotice } from './spaceNotices.js';
import { formatDate } from './templates/spaceNotice.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** "Closes in 3 days": sent once the closing date is at most this far ahead. */
export const CLOSING_NOTICE_MS = 3 * DAY_MS;
/**
 * "Has closed" (and the chairs' summary) is sent for a closing at most this old: a space that
 * closed long before this feature existed (or before the job first ran) is not announced anew.
 */
export const CLOSED_NOTICE_WINDOW_MS = 7 * DAY_MS;

/** Everyone who follows the space or one of its questions (active follows), once each. */
async function followersOf(mailer: Mailer, spaceId: string): Promise<User[]> {
  const ids = mailer.db
    .selectDistinct({ id: follows.userId })
    .from(follows)
    .where(and(eq(follows.spaceId, spaceId), eq(follows.active, true)));
  return mailer.db.select().from(users).where(inArray(users.id, ids));
}

/**
 * Spaces closing within the next three days (open, the date not yet passed), and spaces that
 * have closed recently: their closing date passed while open, or an administrator set them to
 * `closed` (its last change within the window; a closed space's closing date, if passed, is
 * the time it closed). Archived and draft spaces are left alone.
 */
async function closingSpaces(mailer: Mailer, now: Date) {
  const soon = new Date(now.getTime() + CLOSING_NOTICE_MS);
  const since = new Date(now.getTime() - CLOSED_NOTICE_WINDOW_MS);
  const closing = await mailer.db
    .select()
    .from(spaces)
    .where(and(eq(spaces.status, 'open'), gt(spaces.closesAt, now), lte(spaces.closesAt, soon)));
  const closed = await mailer.db
    .select()
    .from(spaces)
    .where(
      or(
        and(
          inArray(spaces.status, ['open', 'closed']),
          isNotNull(spaces.closesAt),
          lte(spaces.closesAt, now),
          gt(spaces.closesAt, since),
        ),
        and(
          eq(spaces.status, 'closed'),
          sql`(${spaces.closesAt} is null or ${spaces.closesAt} > ${now.toISOString()}::timestamptz)`,
          gt(spaces.updatedAt, since),
        ),
      ),
    );
  return { closing, closed };
}

export interface RemindersResult {
  closing: number;
  closed: number;
  summaries: number;
}

const count = (outcomes: NoticeOutcome[]) => outcomes.filter((o) => o !== 'duplicate').length;

async function notifyFollowers(
  mailer: Mailer,
  space: Space,
  kind: 'space_closing' | 'space_closed',
): Promise<NoticeOutcome[]> {
  const outcomes: NoticeOutcome[] = [];
  for (const recipient of await followersOf(mailer, space.id)) {
    if (!(await mayHearOf(mailer.db, kind, space, recipient))) continue;
    const outcome = await sendSpaceNotice(mailer, {
      kind,
      space,
      recipient,
      dedupeKey: `${kind}:${space.id}:${closingKey(space)}:${recipient.id}`,
      data: { closesAt: space.closesAt?.toISOString() ?? null },
      content: () => {
        const t = messagesFor(recipient.locale).spaceNotice;
        const date = space.closesAt ? formatDate(recipient.locale, space.closesAt) : '';
        return {
          subject: kind === 'space_closing' ? t.space_closing.subject(date) : t.space_closed.subject,
          paragraphs: [kind === 'space_closing' ? t.space_closing.intro(date) : t.space_closed.intro],
          action: { label: t.open, url: spaceUrl(mailer.config.appOrigin, space) },
        };
      },
    });
    outcomes.push(outcome);
  }
  return outcomes;
}

/**
 * The `mail-closing-reminders` job (every 5 minutes): followers of a space (a follow of the
 * space or of any of its questions: one email per person and space) hear that it closes in 3
 * days, then that it has closed; its chairs get their summary (`chairSummary.ts`). Idempotent:
 * each notice's dedupe key holds the space, the closing date and the person, so a run repeated
 * (or on another instance) sends nothing twice, and a moved closing date makes a new one due.
 * Exported with `now` so tests run it at any moment.
 */
export async function runClosingReminders(mailer: Mailer, now = new Date()): Promise<RemindersResult> {
  const { closing, closed } = await closingSpaces(mailer, now);
  const result: RemindersResult = { closing: 0, closed: 0, summaries: 0 };
  for (const space of closing) result.closing += count(await notifyFollowers(mailer, space, 'space_closing'));
  for (const space of closed) {
    result.closed += count(await notifyFollowers(mailer, space, 'space_closed'));
    result.summaries += count(await chairSummaries(mailer, space));
  }
  if (result.closing + result.closed + result.summaries > 0) mailer.jobs.nudge(QUEUES.mailSend);
  return result;
}
