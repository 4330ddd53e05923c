import type { ServerMessage } from '@convene/shared';
import { afterAll, expect, it } from 'vitest';
import { queueNotification } from '../../server/src/mail/compose.js';
import { drop } from '../../server/src/mail/notifications.js';
import { setupApp } from '../helpers/app.js';
import { type Person, grantRole, makeSpace, makeUser } from '../helpers/factories.js';
import { post } from '../helpers/mailFlow.js';
import { LiveClient, startInstance } from '../helpers/live.js';

/**
 * The unread notification count, live: when a notification is committed for a user, their open
 * sockets on every instance hear the new count and the item; nobody else's socket hears anything;
 * a notification whose transaction rolls back is never announced. Two instances share a database.
 */
const ctx = await setupApp();
const a = await startInstance(ctx.db.db, ctx.config);
const b = await startInstance(ctx.db.db, ctx.config);
afterAll(async () => {
  await a.app.close();
  await b.app.close();
});
const origin = ctx.config.appOrigin;

type Notice = Extract<ServerMessage, { type: 'notifications' }>;
const notices = (c: LiveClient) => c.messages.filter((m): m is Notice => m.type === 'notifications');
const noticeOf = (id: string) => (m: { type: string }) => m.type === 'notifications' && (m as Notice).item?.id === id;

async function stage() {
  const { space } = await makeSpace(ctx, { moderationMode: 'pre' });
  const moderator = await makeUser(ctx);
  await grantRole(ctx, space.id, moderator.user.id, 'moderator');
  const author = await makeUser(ctx);
  const other = await makeUser(ctx);
  return { space, moderator, author, other };
}

/** Writes a notification for `userId` in its own transaction (as a command would), committed. */
const notify = (userId: string, spaceId: string) =>
  ctx.db.db.transaction(async (tx) => {
    const id = await queueNotification(tx, a.app.jobs, ctx.config, { userId, kind: 'comment_approved', spaceId });
    if (!id) throw new Error('not written');
    return id;
  });

/** The moderator's approval of a pending comment, made on instance A. */
async function approveOnA(moderator: Person, comment: { id: string; version: number }) {
  const decided = await a.app.inject({
    method: 'POST',
    url: `/api/comments/${comment.id}/decision`,
    headers: { origin, cookie: moderator.client.cookieHeader },
    payload: { action: 'approve', version: comment.version },
  });
  expect(decided.statusCode).toBe(200);
}

it('an approval made on A reaches the author’s sockets on A and B, and no one else’s', async () => {
  const { space, moderator, author, other } = await stage();
  const onA = await LiveClient.connect(a.url, { origin, cookie: author.client.cookieHeader });
  const onB = await LiveClient.connect(b.url, { origin, cookie: author.client.cookieHeader });
  const otherOnB = await LiveClient.connect(b.url, { origin, cookie: other.client.cookieHeader });
  const moderatorOnA = await LiveClient.connect(a.url, { origin, cookie: moderator.client.cookieHeader });
  const guestOnB = await LiveClient.connect(b.url, { origin });
  const all = [onA, onB, otherOnB, moderatorOnA, guestOnB];
  try {
    // The moderator and the other user even follow the space: notices are not space events.
    for (const s of all) await s.subscribe(space.slug);
    await approveOnA(moderator, await post(author, space.slug, 'A comment with **private** words until approved.'));

    for (const s of [onA, onB]) {
      const n = await s.waitFor<Notice>((m) => m.type === 'notifications', 10_000, 'the author’s notice');
      expect(n).toMatchObject({
        unread: 1,
        item: { kind: 'comment_approved', read: false, text: 'A comment with private words until approved.' },
      });
    }

    // Later notices for the others, on the same instances: once each has its own, the author's
    // (announced earlier, on the same ordered chain) would have reached them already if it could.
    const forOther = await notify(other.user.id, space.id);
    const forModerator = await notify(moderator.user.id, space.id);
    await otherOnB.waitFor(noticeOf(forOther), 10_000, 'the other user’s own notice');
    await moderatorOnA.waitFor(noticeOf(forModerator), 10_000, 'the moderator’s own notice');
    expect(notices(otherOnB).map((m) => m.item?.id)).toEqual([forOther]);
    expect(notices(moderatorOnA).map((m) => m.item?.id)).toEqual([forModerator]);
    expect(JSON.stringify(otherOnB.messages)).not.toContain('private words');
    // A guest's socket on the same instance: nothing.
    expect(notices(guestOnB)).toEqual([]);
    expect(notices(onA)).toHaveLength(1);
    expect(notices(onB)).toHaveLength(1);

    // Marked read in one tab: the other tabs hear the new count (no item).
    const read = await author.client.post('/api/me/notifications/read', { all: true });
    expect(read.body).toEqual({ unread: 0 });
    for (const s of [onA, onB]) {
      const n = await s.waitFor<Notice>((m) => m.type === 'notifications' && (m as Notice).unread === 0);
      expect(n.item).toBeUndefined();
    }
  } finally {
    for (const s of all) s.close();
  }
});

it('a notification whose transaction rolls back is never pushed', async () => {
  const { space, author } = await stage();
  const onA = await LiveClient.connect(a.url, { origin, cookie: author.client.cookieHeader });
  const onB = await LiveClient.connect(b.url, { origin, cookie: author.client.cookieHeader });
  try {
    let rolledBack: string | null = null;
    await expect(
      ctx.db.db.transaction(async (tx) => {
        rolledBack = await queueNotification(tx, a.app.jobs, ctx.config, {
          userId: author.user.id,
          kind: 'comment_approved',
          spaceId: space.id,
        });
        throw new Error('the event failed');
      }),
    ).rejects.toThrow('the event failed');
    expect(rolledBack).toEqual(expect.any(String));
    const { rows } = await ctx.db.pool.query('select 1 from notifications where id = $1', [rolledBack]);
    expect(rows).toHaveLength(0);

    // The next committed notification arrives alone: nothing came before it.
    const committed = await notify(author.user.id, space.id);
    for (const s of [onA, onB]) {
      await s.waitFor(noticeOf(committed), 10_000, 'the committed notice');
      expect(notices(s)).toHaveLength(1);
      expect(notices(s)[0]).toMatchObject({ unread: 1, item: { id: committed } });
    }
  } finally {
    onA.close();
    onB.close();
  }
});

it('a socket signed out hears nothing more; the same person’s other session still does', async () => {
  const { space, author } = await stage();
  const second = ctx.client();
  const login = await second.post('/api/auth/login', {
    email: author.user.email,
    password: 'correct horse battery staple',
  });
  expect(login.status).toBe(200);
  const signedOut = await LiveClient.connect(a.url, { origin, cookie: author.client.cookieHeader });
  const stays = await LiveClient.connect(a.url, { origin, cookie: second.cookieHeader });
  try {
    await signedOut.subscribe(space.slug);
    expect((await author.client.post('/api/auth/logout')).status).toBeLessThan(300);
    // The sign-out reaches the socket (its subscription is reset) before the next notice.
    await signedOut.waitFor((m) => m.type === 'reset', 10_000, 'the reset of the signed-out socket');
    const later = await notify(author.user.id, space.id);
    await stays.waitFor(noticeOf(later), 10_000, 'the notice on the session still signed in');
    expect(notices(signedOut)).toEqual([]);
  } finally {
    signedOut.close();
    stays.close();
  }
});

it('a notification dropped because its recipient may no longer see it lowers their live count', async () => {
  const { space, author } = await stage();
  const socket = await LiveClient.connect(b.url, { origin, cookie: author.client.cookieHeader });
  try {
    const first = await notify(author.user.id, space.id);
    const second = await notify(author.user.id, space.id);
    const before = await socket.waitFor<Notice>(noticeOf(second), 10_000, 'the second notice');
    expect(before.unread).toBe(2);
    const seen = socket.messages.length;
    await ctx.db.db.transaction((tx) => drop(tx, first, 'not_visible'));
    const after = await socket.waitFor<Notice>(
      (m) => socket.messages.indexOf(m) >= seen && m.type === 'notifications',
      10_000,
      'the count after the drop',
    );
    expect(after.unread).toBe(1);
  } finally {
    socket.close();
  }
});

it('an approval tells each follower’s own sockets of the new contribution, together and no one else’s', async () => {
  const { space, moderator, author, other } = await stage();
  const followers = [await makeUser(ctx), await makeUser(ctx), await makeUser(ctx)];
  for (const f of followers) expect((await f.client.put(`/api/spaces/${space.slug}/follow`)).status).toBe(200);
  const sockets = await Promise.all(
    followers.map((f, i) => LiveClient.connect(i % 2 ? b.url : a.url, { origin, cookie: f.client.cookieHeader })),
  );
  const otherOnA = await LiveClient.connect(a.url, { origin, cookie: other.client.cookieHeader });
  try {
    await approveOnA(moderator, await post(author, space.slug, 'Read by three followers.'));
    const items = [];
    for (const s of sockets) {
      const n = await s.waitFor<Notice>((m) => m.type === 'notifications', 10_000, 'a follower’s notice');
      expect(n).toMatchObject({ unread: 1, item: { kind: 'new_contribution', text: 'Read by three followers.' } });
      items.push(n.item?.id);
    }
    // Each heard its own notification, once.
    expect(new Set(items).size).toBe(3);
    for (const s of sockets) expect(notices(s)).toHaveLength(1);
    // Someone who follows nothing: only their own later notice.
    const own = await notify(other.user.id, space.id);
    await otherOnA.waitFor(noticeOf(own), 10_000, 'the other user’s own notice');
    expect(notices(otherOnA).map((m) => m.item?.id)).toEqual([own]);
  } finally {
    for (const s of [...sockets, otherOnA]) s.close();
  }
});
