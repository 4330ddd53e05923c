import { beforeAll, describe, expect, it } from 'vitest';
import { setupApp } from '../helpers/app.js';
import { type Cast, insertComment, makeCast, makeSpace } from '../helpers/factories.js';

/** Staff-only notes on a queue item (a comment) and on an author, per space. */
const ctx = await setupApp();

let space: Awaited<ReturnType<typeof makeSpace>>['space'];
let other: Awaited<ReturnType<typeof makeSpace>>['space'];
let cast: Cast;

beforeAll(async () => {
  space = (await makeSpace(ctx, { moderationMode: 'pre' })).space;
  other = (await makeSpace(ctx, { moderationMode: 'pre' })).space;
  cast = await makeCast(ctx, space.id);
});

const pending = (spaceId = space.id) =>
  insertComment(ctx, { spaceId, authorId: cast.author.user.id, body: 'Pending.' });
const eventCount = async () => Number((await ctx.db.pool.query('select count(*)::int as n from events')).rows[0].n);

describe('notes on a comment', () => {
  it('keeps each note with its writer and time, oldest first, for every member of the staff', async () => {
    const c = await pending();
    const first = await cast.moderator.client.post(`/api/comments/${c.id}/staff-notes`, {
      body: '  Check the link.  ',
    });
    expect(first.status).toBe(201);
    expect(first.body.note).toEqual({
      id: expect.any(String),
      commentId: c.id,
      subjectUserId: null,
      body: 'Check the link.',
      writer: { id: cast.moderator.user.id, displayName: 'Mo Moderator' },
      createdAt: expect.any(String),
    });
    expect((await cast.chair.client.post(`/api/comments/${c.id}/staff-notes`, { body: 'Seen.' })).status).toBe(201);
    for (const who of [cast.moderator, cast.chair, cast.admin]) {
      const list = await who.client.get(`/api/comments/${c.id}/staff-notes`);
      expect(list.status).toBe(200);
      expect(
        list.body.notes.map((n: { body: string; writer: { displayName: string } }) => [n.body, n.writer.displayName]),
      ).toEqual([
        ['Check the link.', 'Mo Moderator'],
        ['Seen.', 'Cha Chair'],
      ]);
    }
  });

  it('cleans pasted text as elsewhere and refuses a blank or over-long note, naming body', async () => {
    const c = await pending();
    const post = (body: unknown) => cast.moderator.client.post(`/api/comments/${c.id}/staff-notes`, body);
    const cleaned = await post({ body: 'a\u0000b \ud800 <script>alert(1)</script>' });
    expect(cleaned.status).toBe(201);
    // Plain text: kept as typed (the client renders it as text), NUL dropped, half an emoji replaced.
    expect(cleaned.body.note.body).toBe('ab \ufffd <script>alert(1)</script>');
    for (const body of [{ body: '   ' }, { body: 'x'.repeat(2001) }, {}, { body: 'ok', extra: 1 }]) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body).slice(0, 40)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    expect((await post({ body: 'x'.repeat(2000) })).status).toBe(201);
  });

  it('writes no live event at all (the public never hears of it)', async () => {
    const c = await pending();
    const before = await eventCount();
    await cast.moderator.client.post(`/api/comments/${c.id}/staff-notes`, { body: 'Quiet.' });
    await cast.moderator.client.post(`/api/spaces/${space.slug}/authors/${cast.author.user.id}/staff-notes`, {
      body: 'Quiet too.',
    });
    expect(await eventCount()).toBe(before);
  });
});

describe('notes on an author', () => {
  it('are per space, and the queue card and the log show them with the comment notes', async () => {
    const c = await pending();
    const mod = cast.moderator.client;
    expect(
      (
        await mod.post(`/api/spaces/${space.slug}/authors/${cast.author.user.id}/staff-notes`, {
          body: 'Speaks for IOM.',
        })
      ).status,
    ).toBe(201);
    expect((await mod.post(`/api/comments/${c.id}/staff-notes`, { body: 'Asked for a source.' })).status).toBe(201);
    // The other space's staff (the admin here) wrote there: not shown in this space.
    expect(
      (
        await cast.admin.client.post(`/api/spaces/${other.slug}/authors/${cast.author.user.id}/staff-notes`, {
          body: 'Elsewhere only.',
        })
      ).status,
    ).toBe(201);

    const list = await mod.get(`/api/spaces/${space.slug}/authors/${cast.author.user.id}/staff-notes`);
    expect(list.body.notes.map((n: { body: string }) => n.body)).toContain('Speaks for IOM.');
    expect(list.body.notes.map((n: { body: string }) => n.body)).not.toContain('Elsewhere only.');

    const queue = await mod.get(`/api/spaces/${space.slug}/moderation/queue?limit=200`);
    const item = queue.body.items.find((i: { comment: { id: string } }) => i.comment.id === c.id);
    expect(item.staffNotes.map((n: { body: string }) => n.body)).toEqual(['Asked for a source.']);
    expect(item.authorNotes.map((n: { body: string }) => n.body)).toContain('Speaks for IOM.');
    expect(item.authorNotes.map((n: { body: string }) => n.body)).not.toContain('Elsewhere only.');

    const log = await mod.get(`/api/spaces/${space.slug}/moderation/log`);
    expect(log.status).toBe(200);
    const notes = log.body.staffNotes as { body: string; subjectName: string; commentExcerpt: string | null }[];
    expect(notes.find((n) => n.body === 'Asked for a source.')).toMatchObject({
      subjectName: 'Ada Author',
      commentExcerpt: 'Pending.',
    });
    expect(notes.find((n) => n.body === 'Speaks for IOM.')).toMatchObject({
      subjectName: 'Ada Author',
      commentExcerpt: null,
    });
    expect(notes.map((n) => n.body)).not.toContain('Elsewhere only.');
  });

  it('answers 404 for an unknown author, 403 to a participant, 401 to a guest', async () => {
    const url = (id: string) => `/api/spaces/${space.slug}/authors/${id}/staff-notes`;
    expect((await cast.moderator.client.get(url(crypto.randomUUID()))).status).toBe(404);
    expect((await cast.participant.client.get(url(cast.author.user.id))).status).toBe(403);
    expect((await cast.author.client.get(url(cast.author.user.id))).status).toBe(403);
    expect((await cast.anonymous.get(url(cast.author.user.id))).status).toBe(401);
    expect((await cast.otherModerator.client.post(url(cast.author.user.id), { body: 'No.' })).status).toBe(403);
  });
});
