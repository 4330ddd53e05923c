import { commentListResponse } from '@convene/shared';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, setupApp } from '../helpers/app.js';
import {
  type Cast,
  type Person,
  insertComment,
  makeCast,
  makeSpace,
  uuid,
  withTaxonomy,
} from '../helpers/factories.js';

/**
 * `GET /api/spaces/:slug/comments` writes its 200 answer with plain JSON.stringify (no zod
 * response validation per request: routes/comments/space.ts). This keeps the response schema
 * honest instead: real pages, with every part a comment can have (tags, a translation, a reply to
 * a comment its reader may not see, an edit awaiting moderation, a rejection's reason, the
 * viewer's own pending and rejected comments, a report), read by every kind of viewer, must parse
 * with `commentListResponse` to exactly themselves: no field missing or mistyped, none extra.
 */
let ctx: TestContext;
let cast: Cast;
let slug: string;

const post = async (who: Person, body: string, extra: Record<string, unknown> = {}) => {
  const res = await who.client.post(`/api/spaces/${slug}/comments`, {
    body,
    language: 'en',
    clientId: uuid(),
    ...extra,
  });
  expect(res.status).toBe(201);
  return res.body.comment as { id: string; version: number };
};

const decide = async (id: string, action: 'approve' | 'reject') => {
  const [row] = (await ctx.db.db.execute<{ version: number }>(sql`select version from comments where id = ${id}`)).rows;
  const res = await cast.moderator.client.post(`/api/comments/${id}/decision`, {
    action,
    version: row?.version,
    ...(action === 'reject' ? { reason: 'Off topic' } : {}),
  });
  expect(res.status).toBe(200);
};

beforeAll(async () => {
  ctx = await setupApp();
  await withTaxonomy(ctx);
  const { space } = await makeSpace(ctx, { questionCount: 1 });
  slug = space.slug;
  cast = await makeCast(ctx, space.id);
  const published = await post(cast.author, 'Remittances **matter**.', { tags: ['16'] });
  await decide(published.id, 'approve');
  // An edit awaiting moderation while the published text stays public.
  const edit = await cast.author.client.patch(`/api/comments/${published.id}`, {
    body: 'Remittances matter a great deal.',
    version: published.version + 1,
  });
  expect(edit.status).toBe(200);
  const translation = await cast.moderator.client.put(`/api/comments/${published.id}/translations/fr`, {
    body: 'Les transferts de fonds comptent.',
  });
  expect(translation.status).toBe(201);
  // A reply to a pending comment: its readers other than the parent's author and staff see no parent.
  const pendingParent = await post(cast.author, 'Still pending.');
  // (Written straight to the database: the API refuses a reply to a comment not yet published.)
  await insertComment(ctx, {
    spaceId: space.id,
    authorId: cast.participant.user.id,
    parentId: pendingParent.id,
    status: 'approved',
    body: 'A reply.',
  });
  ctx.app.publicCache.dropAll();
  const rejected = await post(cast.author, 'Rejected text.');
  await decide(rejected.id, 'reject');
  const other = await post(cast.participant, 'Another published one.');
  await decide(other.id, 'approve');
  const report = await cast.author.client.post(`/api/comments/${other.id}/reports`, { category: 'spam' });
  expect(report.status).toBe(201);
});

describe('a page of comments, as sent', () => {
  it('parses with its response schema to exactly itself, for every kind of viewer', async () => {
    const viewers = {
      anonymous: cast.anonymous,
      participant: cast.participant.client,
      author: cast.author.client,
      moderator: cast.moderator.client,
      chair: cast.chair.client,
      admin: cast.admin.client,
    };
    const seen: Record<string, number> = {};
    for (const [name, client] of Object.entries(viewers)) {
      const res = await client.get(`/api/spaces/${slug}/comments?limit=100`);
      expect(res.status, name).toBe(200);
      const parsed = commentListResponse.safeParse(res.body);
      expect(parsed.error, name).toBeUndefined();
      // Zod drops keys its schema does not name: equal means nothing extra was sent.
      expect(parsed.data, name).toEqual(res.body);
      seen[name] = (res.body as { comments: unknown[] }).comments.length;
    }
    // The parts are really there: the author sees their pending and rejected ones, others do not.
    expect(seen).toEqual({ anonymous: 3, participant: 3, author: 5, moderator: 3, chair: 3, admin: 3 });
    const mine = (await cast.author.client.get(`/api/spaces/${slug}/comments?limit=100`)).body.comments as {
      bodyMd?: string;
      pendingRevision?: unknown;
      reason?: string | null;
      status: string;
      translations: unknown[];
      tags: unknown[];
    }[];
    expect(mine.some((c) => c.pendingRevision && c.bodyMd && c.tags.length === 1 && c.translations.length === 1)).toBe(
      true,
    );
    expect(mine.some((c) => c.status === 'rejected' && c.reason === 'Off topic')).toBe(true);
  });
});
