import { beforeAll, describe, expect, it } from 'vitest';
import { setupApp } from '../helpers/app.js';
import { type Cast, insertComment, makeCast, makeSpace } from '../helpers/factories.js';

/** Reports with a category (spam, abusive, off_topic, personal_data, other) and an optional note. */
const ctx = await setupApp();

let space: Awaited<ReturnType<typeof makeSpace>>['space'];
let cast: Cast;

beforeAll(async () => {
  space = (await makeSpace(ctx, { moderationMode: 'pre' })).space;
  cast = await makeCast(ctx, space.id);
});

const published = () =>
  insertComment(ctx, { spaceId: space.id, authorId: cast.author.user.id, status: 'approved', body: 'Published.' });

const queueItem = async (commentId: string) => {
  const res = await cast.moderator.client.get(`/api/spaces/${space.slug}/moderation/queue?status=reported`);
  expect(res.status).toBe(200);
  return (res.body.items as { comment: { id: string }; reports: unknown[] }[]).find((i) => i.comment.id === commentId);
};

const inList = async (commentId: string) => {
  const res = await cast.participant.client.get(`/api/spaces/${space.slug}/comments`);
  expect(res.status).toBe(200);
  return (res.body.comments as { id: string; reportedByMe: boolean; abilities: { report: boolean } }[]).find(
    (c) => c.id === commentId,
  );
};

describe('reporting with a category', () => {
  it('stores the category and the note, and the queue shows both', async () => {
    const c = await published();
    const res = await cast.participant.client.post(`/api/comments/${c.id}/reports`, {
      category: 'personal_data',
      note: '  Gives a phone number.  ',
    });
    expect(res.status).toBe(201);
    const { rows } = await ctx.db.pool.query('select category, reason from reports where comment_id = $1', [c.id]);
    expect(rows).toEqual([{ category: 'personal_data', reason: 'Gives a phone number.' }]);
    const item = await queueItem(c.id);
    expect(item?.reports).toEqual([
      {
        category: 'personal_data',
        note: 'Gives a phone number.',
        reporter: 'Pat Participant',
        createdAt: expect.any(String),
      },
    ]);
  });

  it('needs no note for a category other than "other"; an empty note is stored as none', async () => {
    const c = await published();
    expect(
      (await cast.participant.client.post(`/api/comments/${c.id}/reports`, { category: 'spam', note: ' ' })).status,
    ).toBe(201);
    const item = await queueItem(c.id);
    expect(item?.reports).toMatchObject([{ category: 'spam', note: null }]);
  });

  it('requires a note for "other" and refuses unknown categories and unstorable notes, naming the field', async () => {
    const c = await published();
    const post = (body: unknown) => cast.participant.client.post(`/api/comments/${c.id}/reports`, body);
    for (const [body, field] of [
      [{ category: 'other' }, 'note'],
      [{ category: 'other', note: '  ' }, 'note'],
      [{ category: 'rude' }, 'category'],
      [{}, 'category'],
      [{ category: 'spam', note: 'x'.repeat(1001) }, 'note'],
      [{ category: 'spam', note: 'bad\u0000byte' }, 'note'],
      [{ category: 'spam', reason: 'both' }, 'reason'],
    ] as const) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(res.body.error.details.fields.map((f: { field: string }) => f.field)).toContain(field);
    }
    expect((await ctx.db.pool.query('select 1 from reports where comment_id = $1', [c.id])).rowCount).toBe(0);
  });

  it('still accepts the first API’s { reason }, as "other" with the reason as its note', async () => {
    const c = await published();
    expect(
      (await cast.participant.client.post(`/api/comments/${c.id}/reports`, { reason: 'Off topic here.' })).status,
    ).toBe(201);
    const { rows } = await ctx.db.pool.query('select category, reason from reports where comment_id = $1', [c.id]);
    expect(rows).toEqual([{ category: 'other', reason: 'Off topic here.' }]);
  });

  it('tells the reporter, after a reload too, that they reported it: reportedByMe and abilities.report false', async () => {
    const c = await published();
    expect(await inList(c.id)).toMatchObject({ reportedByMe: false, abilities: { report: true } });
    expect((await cast.participant.client.post(`/api/comments/${c.id}/reports`, { category: 'abusive' })).status).toBe(
      201,
    );
    expect(await inList(c.id)).toMatchObject({ reportedByMe: true, abilities: { report: false } });
    // Nobody else's view changes: another participant may still report it, a guest sees false.
    const others = await cast.chair.client.get(`/api/spaces/${space.slug}/comments`);
    expect(others.body.comments.find((x: { id: string }) => x.id === c.id)).toMatchObject({
      reportedByMe: false,
      abilities: { report: true },
    });
    const guest = await cast.anonymous.get(`/api/spaces/${space.slug}/comments`);
    expect(guest.body.comments.find((x: { id: string }) => x.id === c.id)).toMatchObject({ reportedByMe: false });
    const again = await cast.participant.client.post(`/api/comments/${c.id}/reports`, { category: 'spam' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_reported');
  });

  it('writes the category and the note into the moderation log', async () => {
    const c = await published();
    await cast.participant.client.post(`/api/comments/${c.id}/reports`, {
      category: 'off_topic',
      note: 'About trade.',
    });
    const log = await cast.moderator.client.get(`/api/spaces/${space.slug}/moderation/log?commentId=${c.id}`);
    expect(log.body.entries).toMatchObject([{ action: 'report', reason: 'off_topic: About trade.' }]);
  });
});

describe('the category migration', () => {
  it('made reports from before it "other", their reason kept as the note', async () => {
    const migration = await import('node:fs/promises').then((fs) =>
      fs.readFile(new URL('../../migrations/0008_report_categories_and_staff_notes.sql', import.meta.url), 'utf8'),
    );
    expect(migration).toMatch(/ADD COLUMN "category" "report_category" DEFAULT 'other' NOT NULL/);
    // And the column the old reason lived in is the note the queue shows.
    const c = await published();
    await ctx.db.pool.query(
      `insert into reports (comment_id, reporter_id, reason) values ($1, $2, 'Written before categories')`,
      [c.id, cast.chair.user.id],
    );
    expect((await queueItem(c.id))?.reports).toMatchObject([{ category: 'other', note: 'Written before categories' }]);
  });
});
