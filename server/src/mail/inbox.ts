import type { InboxItem, InboxResponse } from '@convene/shared';
import { and, desc, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Config } from '../config.js';
import type { Database, DbOrTx } from '../db/client.js';
import { type Notification, type User, notifications } from '../db/schema/index.js';
import { announceInbox } from '../live/inboxChannel.js';
import { maySeeSpace } from '../policies/visibility.js';
import { decodeCursor, encodeCursor } from '../queries/cursor.js';
import { loadSpaceById } from '../queries/spaces.js';
import { type NotificationMailKind, isNotificationKind, preferenceOf } from './kinds.js';
import { contentFor } from './notifications.js';

/**
 * The in-app notifications menu: the same rows as the emails (`notifications`), whatever the
 * person's email frequency, newest first, each shown from what its recipient may see now (the
 * email's own `contentFor`, so the visibility rule is the same), and its read state.
 *
 * Live: writing a notification or marking some read announces it on the user's own channel
 * (`live/inboxChannel.ts`), after commit only.
 */

/**
 * The person's notifications in the menu: all of them but those the worker dropped because the
 * recipient could no longer see what they were about (those were never theirs to read).
 */
const listedFor = (userId: string): SQL =>
  and(
    eq(notifications.userId, userId),
    sql`(${notifications.status} <> 'dropped' or ${notifications.dropReason} is distinct from 'not_visible')`,
  ) as SQL;

export async function unreadCount(db: DbOrTx, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(listedFor(userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** One line of at most `max` characters. */
const short = (text: string, max = 200): string => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max).trimEnd()}…` : line;
};

/** The path of an absolute link of this app (`/spaces/…#comment-…`). */
const pathOf = (url: string): string => {
  const u = new URL(url);
  return `${u.pathname}${u.search}${u.hash}`;
};

type SpaceRef = InboxItem['space'];

/** Presents notifications for their recipient, each from what they may see at this moment. */
async function present(db: DbOrTx, config: Config, rows: Notification[], user: User): Promise<InboxItem[]> {
  const spaces = new Map<string, SpaceRef>();
  const spaceOf = async (id: string | null): Promise<SpaceRef> => {
    if (!id) return null;
    if (!spaces.has(id)) {
      const { space, scope } = await loadSpaceById(db, id, user);
      spaces.set(id, maySeeSpace(user, scope) ? { code: space.code, title: space.title, slug: space.slug } : null);
    }
    return spaces.get(id) ?? null;
  };
  const items: InboxItem[] = [];
  for (const n of rows) {
    const space = await spaceOf(n.spaceId);
    const content = await contentFor(db, config, n, user);
    const base = {
      id: n.id,
      kind: n.kind,
      preference: isNotificationKind(n.kind) ? preferenceOf(n.kind as NotificationMailKind) : null,
      createdAt: n.createdAt.toISOString(),
      read: n.readAt !== null,
      space,
    };
    if (content.show) {
      const m = content.mail;
      items.push({
        ...base,
        url: pathOf(m.url),
        removed: false,
        text: short(m.excerpt),
        actor: m.replyAuthor ?? null,
        reason: m.reason ? short(m.reason, 400) : null,
      });
    } else {
      // A comment the recipient may no longer see: "removed", no text. A notice about a space
      // (no comment) stands while the space may be read.
      const removed = n.commentId !== null || space === null;
      items.push({
        ...base,
        url: space ? `/spaces/${encodeURIComponent(space.slug)}` : null,
        removed,
        text: null,
        actor: null,
        reason: null,
      });
    }
  }
  return items;
}

/** A page of the person's notifications, newest first, with their unread count. */
export async function listInbox(
  db: DbOrTx,
  config: Config,
  user: User,
  query: { cursor?: string | undefined; limit: number },
): Promise<InboxResponse> {
  const after = decodeCursor(query.cursor);
  const rows = await db
    .select()
    .from(notifications)
    .where(
      and(
        listedFor(user.id),
        after
          ? or(
              lt(notifications.createdAt, after.at),
              and(eq(notifications.createdAt, after.at), lt(notifications.id, after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: await present(db, config, page, user),
    unread: await unreadCount(db, user.id),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
  };
}

/** One notification as the menu shows it, or null when it is not (or no longer) listed for this user. */
export async function inboxItem(db: DbOrTx, config: Config, user: User, id: string): Promise<InboxItem | null> {
  const rows = await db
    .select()
    .from(notifications)
    .where(and(listedFor(user.id), eq(notifications.id, id)))
    .limit(1);
  const [item] = await present(db, config, rows, user);
  return item ?? null;
}

/**
 * Marks the person's notifications read (those ids, or every one); ids that are not theirs are
 * ignored. Their other tabs hear the new count. Returns it.
 */
export async function markRead(db: Database, userId: string, which: { ids?: string[] | undefined }): Promise<number> {
  return db.transaction(async (tx) => {
    const changed = await tx
      .update(notifications)
      .set({ readAt: new Date() })
      .where(
        and(
          eq(notifications.userId, userId),
          isNull(notifications.readAt),
          which.ids ? inArray(notifications.id, which.ids) : undefined,
        ),
      )
      .returning({ id: notifications.id });
    if (changed.length > 0) await announceInbox(tx, userId);
    return unreadCount(tx, userId);
  });
}
