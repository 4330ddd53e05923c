import { describe, expect, it } from 'vitest';
import { type TestClient, setupApp } from '../helpers/app.js';
import { type Person, grantRole, makeSpace, makeUser } from '../helpers/factories.js';
import { decide as decideAs, post as postAs } from '../helpers/mailFlow.js';

/**
 * The in-app notifications menu (GET /api/me/notifications, POST /api/me/notifications/read): the
 * same rows as the emails, newest first with cursor paging, the unread count, marking read; an
 * item shows text only while its recipient may see what it is about (a reply withdrawn or taken
 * down afterwards reads "removed", with no text); nobody reads or marks another person's.
 */
const ctx = await setupApp();

interface Item {
  id: string;
  kind: string;
  preference: string | null;
  createdAt: string;
  read: boolean;
  space: { code: string; title: string; slug: string } | null;
  url: string | null;
  removed: boolean;
  text: string | null;
  actor: string | null;
  reason: string | null;
}
interface Inbox {
  items: Item[];
  unread: number;
  nextCursor: string | null;
}

let n = 0;
async function stage(mode: 'pre' | 'post' = 'pre') {
  n += 1;
  const { space } = await makeSpace(ctx, { moderationMode: mode, code: `RT ${n}.9`, title: `Inbox table ${n}` });
  const moderator = await makeUser(ctx, { displayName: 'Mo Moderator' });
  await grantRole(ctx, space.id, moderator.user.id, 'moderator');
  return { space, moderator };
}

const post = (person: Person, slug: string, body: string, parentId?: string) =>
  postAs(person, slug, body, parentId ? { parentId } : {});
/** A moderator's decision on a comment of this file's app. */
const decide = (moderator: TestClient, id: string, action: 'approve' | 'reject', reason?: string) =>
  decideAs(ctx, moderator, id, action, reason);

const inbox = async (p: Person, query = ''): Promise<Inbox> => {
  const res = await p.client.get(`/api/me/notifications${query}`);
  expect(res.status, res.raw).toBe(200);
  return res.body as Inbox;
};

describe('the notifications menu', () => {
  it('refuses guests (401) on both routes', async () => {
    const guest = ctx.client();
    expect((await guest.get('/api/me/notifications')).status).toBe(401);
    const read = await guest.post('/api/me/notifications/read', { all: true });
    expect(read.status).toBe(401);
    expect(read.body.error.code).toBe('unauthenticated');
  });

  it('lists a decision with its space, the link to the exact comment and an excerpt; unread until marked', async () => {
    const { space, moderator } = await stage();
    const author = await makeUser(ctx);
    const c = await post(author, space.slug, 'Remittance **costs** matter\n\nfor every family.');
    expect((await inbox(author)).items).toEqual([]);
    await decide(moderator.client, c.id, 'approve');

    const first = await inbox(author);
    expect(first.unread).toBe(1);
    expect(first.items).toEqual([
      {
        id: expect.any(String),
        kind: 'comment_approved',
        preference: 'decisions',
        createdAt: expect.any(String),
        read: false,
        space: { code: space.code, title: space.title, slug: space.slug },
        url: `/spaces/${space.slug}#comment-${c.id}`,
        removed: false,
        text: 'Remittance costs matter for every family.',
        actor: null,
        reason: null,
      },
    ]);
    // The moderator was told nothing (and hears nothing of the author's).
    expect((await inbox(moderator)).items).toEqual([]);

    // Listed whatever the email frequency: "never" stops the email, not the menu.
    const never = await author.client.put('/api/me/notification-preferences', {
      preferences: [{ kind: 'decisions', frequency: 'never' }],
    });
    expect(never.status, never.raw).toBe(200);
    const c2 = await post(author, space.slug, 'A second one, rejected.');
    await decide(moderator.client, c2.id, 'reject', 'Off topic: <please> stay on remittances.');
    const second = await inbox(author);
    expect(second.unread).toBe(2);
    expect(second.items.map((i) => i.kind)).toEqual(['comment_rejected', 'comment_approved']);
    expect(second.items[0]).toMatchObject({
      text: 'A second one, rejected.',
      reason: 'Off topic: <please> stay on remittances.',
      url: `/spaces/${space.slug}#comment-${c2.id}`,
    });
  });

  it('pages newest first with a cursor, each item once; a bad cursor or limit is a 400 naming the field', async () => {
    const { space, moderator } = await stage();
    const author = await makeUser(ctx);
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const c = await post(author, space.slug, `Paged comment ${i}`);
      await decide(moderator.client, c.id, 'approve');
      ids.push(c.id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Inbox = await inbox(author, `?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      expect(page.unread).toBe(5);
      seen.push(...page.items.map((i) => i.text ?? ''));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([4, 3, 2, 1, 0].map((i) => `Paged comment ${i}`));

    const bad = await author.client.get('/api/me/notifications?cursor=nonsense');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error)).toContain('cursor');
    const big = await author.client.get('/api/me/notifications?limit=1000');
    expect(big.status).toBe(400);
    expect(JSON.stringify(big.body.error)).toContain('limit');
  });

  it('marks some or all read; another person can neither read nor mark yours', async () => {
    const { space, moderator } = await stage();
    const author = await makeUser(ctx);
    const other = await makeUser(ctx);
    for (let i = 0; i < 3; i += 1)
      await decide(moderator.client, (await post(author, space.slug, `Mark ${i}`)).id, 'approve');
    const before = await inbox(author);
    expect(before.unread).toBe(3);
    const [newest, middle] = before.items;
    if (!newest || !middle) throw new Error('missing items');

    // Someone else's attempt: refused silently (nothing of theirs), nothing changes for the author.
    const theirs = await other.client.post('/api/me/notifications/read', { ids: [newest.id, middle.id] });
    expect(theirs.status).toBe(200);
    expect(theirs.body).toEqual({ unread: 0 });
    expect((await inbox(author)).unread).toBe(3);
    expect((await inbox(other)).items).toEqual([]);
    const all = await other.client.post('/api/me/notifications/read', { all: true });
    expect(all.body).toEqual({ unread: 0 });
    expect((await inbox(author)).unread).toBe(3);

    const one = await author.client.post('/api/me/notifications/read', { ids: [newest.id] });
    expect(one.status).toBe(200);
    expect(one.body).toEqual({ unread: 2 });
    const after = await inbox(author);
    expect(after.items.map((i) => i.read)).toEqual([true, false, false]);
    // Marking again changes nothing.
    expect((await author.client.post('/api/me/notifications/read', { ids: [newest.id] })).body).toEqual({ unread: 2 });

    expect((await author.client.post('/api/me/notifications/read', { all: true })).body).toEqual({ unread: 0 });
    expect((await inbox(author)).items.every((i) => i.read)).toBe(true);
  });

  it('answers bad bodies with a 400 naming the field', async () => {
    const someone = await makeUser(ctx);
    for (const [body, field] of [
      [{}, 'ids'],
      [{ ids: [] }, 'ids'],
      [{ ids: ['not-a-uuid'] }, 'ids'],
      [{ ids: [crypto.randomUUID()], all: true }, 'ids'],
      [{ all: false }, 'all'],
      [{ all: true, extra: 1 }, 'extra'],
    ] as const) {
      const res = await someone.client.post('/api/me/notifications/read', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(res.body.error), JSON.stringify(body)).toContain(field);
    }
  });

  it('a reply withdrawn, or taken down, afterwards shows as removed with no text; dropped-as-not-visible is not listed', async () => {
    const { space, moderator } = await stage('post');
    const parentAuthor = await makeUser(ctx);
    const replier = await makeUser(ctx, { displayName: 'Rey Replier' });
    const parent = await post(parentAuthor, space.slug, 'The parent comment.');
    const withdrawn = await post(replier, space.slug, 'A reply its author withdraws: secret words.', parent.id);
    const takenDown = await post(replier, space.slug, 'A reply taken down: hidden words.', parent.id);

    const shown = await inbox(parentAuthor);
    expect(shown.unread).toBe(2);
    expect(shown.items.map((i) => [i.kind, i.text, i.actor])).toEqual([
      ['comment_reply', 'A reply taken down: hidden words.', 'Rey Replier'],
      ['comment_reply', 'A reply its author withdraws: secret words.', 'Rey Replier'],
    ]);

    expect((await replier.client.delete(`/api/comments/${withdrawn.id}`)).status).toBe(200);
    await decide(moderator.client, takenDown.id, 'reject', 'Taken down.');

    const after = await inbox(parentAuthor);
    expect(after.unread).toBe(2);
    for (const item of after.items) {
      expect(item).toMatchObject({ kind: 'comment_reply', removed: true, text: null, actor: null, reason: null });
      // The space may still be read: it is named and linked, the comment is not.
      expect(item.space?.slug).toBe(space.slug);
      expect(item.url).toBe(`/spaces/${space.slug}`);
    }
    const raw = JSON.stringify(after);
    expect(raw).not.toContain('secret words');
    expect(raw).not.toContain('hidden words');
    expect(raw).not.toContain(withdrawn.id);
    expect(raw).not.toContain(takenDown.id);

    // The mail worker found one no longer visible and dropped it: no longer listed nor counted.
    await ctx.db.pool.query(
      `update notifications set status = 'dropped', drop_reason = 'not_visible' where comment_id = $1`,
      [withdrawn.id],
    );
    const dropped = await inbox(parentAuthor);
    expect(dropped.items).toHaveLength(1);
    expect(dropped.unread).toBe(1);
    // Dropped for another reason (the person's email frequency): still listed.
    await ctx.db.pool.query(
      `update notifications set status = 'dropped', drop_reason = 'unsubscribed' where comment_id = $1`,
      [takenDown.id],
    );
    expect((await inbox(parentAuthor)).items).toHaveLength(1);
  });

  it('a space made private again (back to draft) hides the item’s text, space and link', async () => {
    const { space, moderator } = await stage();
    const author = await makeUser(ctx);
    const c = await post(author, space.slug, 'Words in a space that goes back to draft.');
    await decide(moderator.client, c.id, 'approve');
    expect((await inbox(author)).items[0]).toMatchObject({ removed: false, space: { slug: space.slug } });

    await ctx.db.pool.query(`update spaces set status = 'draft' where id = $1`, [space.id]);
    const after = await inbox(author);
    expect(after.items).toEqual([
      expect.objectContaining({ kind: 'comment_approved', removed: true, text: null, space: null, url: null }),
    ]);
    expect(JSON.stringify(after)).not.toContain(space.title);
    // Its moderator (staff of the draft) was not the recipient: their menu stays empty.
    expect((await inbox(moderator)).items).toEqual([]);
  });
});
