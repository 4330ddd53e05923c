import { and, desc, eq, sql } from 'drizzle-orm';
import type { Space, User } from '../db/schema/index.js';
import { notifications, spaces, users } from '../db/schema/index.js';
import { commentSql, revisionSql } from '../policies/visibility.js';
import { queueCounts } from '../queries/queue.js';
import { QUEUES } from './jobs.js';
import { messagesFor } from './messages.js';
import type { Mailer } from './notifications.js';
import { type NoticeOutcome, mayHearOf, roleHolders, spaceUrl, sendSpaceNotice } from './spaceNotices.js';
import { formatDuration } from './templates/spaceNotice.js';

/** At most one alert per moderator and space in this time. */
export const STAFF_ALERT_INTERVAL_MS = 60 * 60 * 1000;

interface PendingSpace {
  spaceId: string;
  /** Since when the longest-waiting item waits (a submission's last edit, or a revision's creation). */
  oldest: Date;
  /** When the newest item started waiting. */
  newest: Date;
}

/**
 * The spaces with items waiting for a decision (the queue's `pending` tab: submissions, and
 * edits of published comments), with their oldest and newest waiting times. One grouped scan
 * of the pending rows, in this job only: nothing is counted when a comment is posted.
 */
async function pendingSpaces(mailer: Mailer): Promise<PendingSpace[]> {
  const result = await mailer.db.execute<{ space_id: string; oldest: string; newest: string }>(sql`
    select space_id, min(since) as oldest, max(since) as newest from (
      select c.space_id, coalesce(c.edited_at, c.created_at) as since
        from comments c where ${commentSql.awaitingDecision({ alias: 'c' })}
      union all
      select c.space_id, r.created_at as since
        from comment_revisions r join comments c on c.id = r.comment_id
        where ${revisionSql.awaiting({ alias: 'r' })} and ${commentSql.published({ alias: 'c' })}
    ) p group by space_id`);
  return result.rows.map((r) => ({ spaceId: r.space_id, oldest: new Date(r.oldest), newest: new Date(r.newest) }));
}

/**
 * Who hears of a space's queue: its moderators (and those of its parent session, who moderate
 * it too). Administrators may moderate every space, but hearing of every queue would bury them:
 * they are told only of a space that has no moderator, so that nothing waits unseen.
 */
async function moderatorsOf(mailer: Mailer, space: Space): Promise<User[]> {
  const moderators = (await roleHolders(mailer, space, 'moderator')).filter((u) => !u.disabled);
  if (moderators.length > 0) return moderators;
  return mailer.db
    .select()
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.disabled, false)));
}

/** When this person was last alerted about this space's queue (null: never). */
async function lastAlert(mailer: Mailer, userId: string, spaceId: string): Promise<Date | null> {
  const [row] = await mailer.db
    .select({ at: notifications.createdAt })
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, userId),
        eq(notifications.kind, 'staff_pending'),
        eq(notifications.spaceId, spaceId),
      ),
    )
    .orderBy(desc(notifications.createdAt))
    .limit(1);
  return row?.at ?? null;
}

/**
 * The `mail-staff-alerts` job (every minute): a moderator hears of items waiting in a space's
 * queue at once for the first one after a quiet hour, then at most hourly: an alert is due when
 * something started waiting since their last alert about that space, and that alert is at least
 * an hour old. It gives the count (the queue's own count query, run here at send time) and how
 * long the oldest has waited, and links to the queue; never the text of a pending item. Exported
 * with `now` so tests run it at any moment.
 */
export async function runStaffAlerts(mailer: Mailer, now = new Date()): Promise<NoticeOutcome[]> {
  const outcomes: NoticeOutcome[] = [];
  for (const pending of await pendingSpaces(mailer)) {
    const [space] = await mailer.db.select().from(spaces).where(eq(spaces.id, pending.spaceId)).limit(1);
    if (!space) continue;
    let count: number | undefined;
    for (const recipient of await moderatorsOf(mailer, space)) {
      const last = await lastAlert(mailer, recipient.id, space.id);
      if (last && (now.getTime() - last.getTime() < STAFF_ALERT_INTERVAL_MS || pending.newest <= last)) continue;
      if (!(await mayHearOf(mailer.db, 'staff_pending', space, recipient))) continue;
      count ??= (await queueCounts(mailer.db, [space.id])).pending;
      if (count === 0) break;
      const pendingCount = count;
      const waitedMs = Math.max(0, now.getTime() - pending.oldest.getTime());
      const outcome = await sendSpaceNotice(mailer, {
        kind: 'staff_pending',
        space,
        recipient,
        at: now,
        // Once per person and newest waiting item: a run repeated (or racing) alerts once.
        dedupeKey: `staff_pending:${space.id}:${recipient.id}:${pending.newest.toISOString()}`,
        data: { count: pendingCount, oldestAt: pending.oldest.toISOString() },
        content: () => {
          const t = messagesFor(recipient.locale).spaceNotice.staff_pending;
          return {
            subject: t.subject(pendingCount),
            paragraphs: [t.intro(pendingCount), t.oldest(formatDuration(recipient.locale, waitedMs)), t.pace],
            action: { label: t.action, url: spaceUrl(mailer.config.appOrigin, space, '/moderation') },
          };
        },
      });
      outcomes.push(outcome);
    }
  }
  if (outcomes.includes('mailed')) mailer.jobs.nudge(QUEUES.mailSend);
  return outcomes;
}
