import { beforeAll, describe, expect, it } from 'vitest';
import { type TestClient, setupApp } from '../helpers/app.js';
import { type Cast, insertComment, makeCast, makeSpace, makeUser, uuid } from '../helpers/factories.js';
import { PDF, multipartBody } from '../helpers/multipart.js';

/**
 * The authorization matrix: every endpoint × every kind of viewer, generated from one table.
 * "allowed" means a 2xx answer; every other role must be refused with 401, 403 or 404.
 */
const ctx = await setupApp();

const ROLES = ['anonymous', 'participant', 'author', 'moderator', 'chair', 'admin', 'otherModerator'] as const;
type Role = (typeof ROLES)[number];

let cast: Cast;
let space: Awaited<ReturnType<typeof makeSpace>>['space'];
let draft: Awaited<ReturnType<typeof makeSpace>>['space'];
let question: string;
let bystanderEmail: string;

beforeAll(async () => {
  const made = await makeSpace(ctx, { moderationMode: 'pre' });
  space = made.space;
  question = made.questions[0]?.id ?? '';
  cast = await makeCast(ctx, space.id);
  draft = (await makeSpace(ctx, { status: 'draft' })).space;
  for (const [person, role] of [
    [cast.moderator, 'moderator'],
    [cast.chair, 'chair'],
  ] as const) {
    await ctx.db.pool.query('insert into space_roles (space_id, user_id, role) values ($1, $2, $3)', [
      draft.id,
      person.user.id,
      role,
    ]);
  }
  bystanderEmail = (await makeUser(ctx)).user.email;
});

const client = (role: Role): TestClient => (role === 'anonymous' ? cast.anonymous : cast[role].client);

/** Fresh fixtures per case, so no case depends on another's writes. */
const pending = () => insertComment(ctx, { spaceId: space.id, authorId: cast.author.user.id, questionId: question });
const approved = () =>
  insertComment(ctx, { spaceId: space.id, authorId: cast.author.user.id, questionId: question, status: 'approved' });
const withAttachment = async (status: 'pending' | 'approved') => {
  const c = await (status === 'pending' ? pending() : approved());
  const { rows } = await ctx.db.pool.query(
    `insert into attachments (comment_id, uploader_id, filename, content_type, size, sha256, data)
     values ($1, $2, 'paper.pdf', 'application/pdf', $3, 'x', $4) returning id`,
    [c.id, cast.author.user.id, PDF.length, PDF],
  );
  return rows[0].id as string;
};
const newQuestion = async () =>
  (
    await ctx.db.pool.query(
      `insert into questions (space_id, position, text) values ($1, 99, 'Temporary question?') returning id`,
      [space.id],
    )
  ).rows[0].id as string;

interface Case {
  name: string;
  allowed: readonly Role[];
  run(c: TestClient): Promise<{ status: number }>;
}

const everyone = ROLES;
const signedIn = ROLES.filter((r) => r !== 'anonymous');
const staff = ['moderator', 'chair', 'admin'] as const;

const cases: Case[] = [
  // Spaces and questions
  { name: 'GET /api/spaces', allowed: everyone, run: (c) => c.get('/api/spaces') },
  { name: 'GET /api/spaces/:slug (open)', allowed: everyone, run: (c) => c.get(`/api/spaces/${space.slug}`) },
  { name: 'GET /api/spaces/:slug (draft)', allowed: staff, run: (c) => c.get(`/api/spaces/${draft.slug}`) },
  {
    name: 'POST /api/spaces',
    allowed: ['admin'],
    run: (c) => c.post('/api/spaces', { slug: `m-${uuid().slice(0, 8)}`, code: 'M', title: 'Matrix' }),
  },
  {
    name: 'PATCH /api/spaces/:slug (title)',
    allowed: ['admin'],
    run: (c) => c.patch(`/api/spaces/${space.slug}`, { title: space.title }),
  },
  {
    name: 'PATCH /api/spaces/:slug (background)',
    allowed: ['chair', 'admin'],
    run: (c) => c.patch(`/api/spaces/${space.slug}`, { background: 'Background, edited.' }),
  },
  {
    name: 'POST /api/spaces/:slug/questions',
    allowed: ['chair', 'admin'],
    run: async (c) => {
      const res = await c.post(`/api/spaces/${space.slug}/questions`, { text: 'Another question?' });
      if (res.status === 201 || res.status === 200) {
        const added = res.body.questions.find((q: { text: string }) => q.text === 'Another question?');
        await ctx.db.pool.query('delete from questions where id = $1', [added.id]);
      }
      return res;
    },
  },
  {
    name: 'PATCH /api/spaces/:slug/questions/:id',
    allowed: ['chair', 'admin'],
    run: async (c) => {
      const id = await newQuestion();
      const res = await c.patch(`/api/spaces/${space.slug}/questions/${id}`, { text: 'Reworded?' });
      await ctx.db.pool.query('delete from questions where id = $1', [id]);
      return res;
    },
  },
  {
    name: 'DELETE /api/spaces/:slug/questions/:id',
    allowed: ['chair', 'admin'],
    run: async (c) => {
      const id = await newQuestion();
      const res = await c.delete(`/api/spaces/${space.slug}/questions/${id}`);
      await ctx.db.pool.query('delete from questions where id = $1', [id]);
      return res;
    },
  },
  { name: 'GET /api/spaces/:slug/roles', allowed: ['admin'], run: (c) => c.get(`/api/spaces/${space.slug}/roles`) },
  {
    name: 'PUT /api/spaces/:slug/roles',
    allowed: ['admin'],
    run: async (c) => {
      const res = await c.put(`/api/spaces/${space.slug}/roles`, { email: bystanderEmail, role: 'chair' });
      await ctx.db.pool.query('delete from space_roles where user_id = (select id from users where email = $1)', [
        bystanderEmail,
      ]);
      return res;
    },
  },
  {
    name: 'DELETE /api/spaces/:slug/roles',
    allowed: ['admin'],
    run: (c) => c.delete(`/api/spaces/${space.slug}/roles`, { email: bystanderEmail, role: 'chair' }),
  },
  { name: 'PUT /api/spaces/:slug/seen', allowed: signedIn, run: (c) => c.put(`/api/spaces/${space.slug}/seen`) },
  { name: 'GET /api/tags', allowed: everyone, run: (c) => c.get('/api/tags') },
  { name: 'POST /api/preview', allowed: signedIn, run: (c) => c.post('/api/preview', { body: '**hi**' }) },

  // Comments
  {
    name: 'GET /api/spaces/:slug/comments',
    allowed: everyone,
    run: (c) => c.get(`/api/spaces/${space.slug}/comments`),
  },
  {
    name: 'POST /api/spaces/:slug/comments',
    allowed: signedIn,
    run: (c) =>
      c.post(`/api/spaces/${space.slug}/comments`, {
        questionId: question,
        body: 'An answer.',
        language: 'en',
        clientId: uuid(),
      }),
  },
  {
    name: 'PATCH /api/comments/:id',
    allowed: ['author'],
    run: async (c) => {
      const comment = await pending();
      return c.patch(`/api/comments/${comment.id}`, { body: 'Edited.', version: comment.version });
    },
  },
  {
    name: 'DELETE /api/comments/:id',
    allowed: ['author'],
    run: async (c) => c.delete(`/api/comments/${(await pending()).id}`),
  },
  {
    name: 'POST /api/comments/:id/reports',
    allowed: ['participant', 'moderator', 'chair', 'admin', 'otherModerator'],
    run: async (c) => c.post(`/api/comments/${(await approved()).id}/reports`, { reason: 'Off topic here.' }),
  },
  {
    name: 'POST /api/comments/:id/attachments',
    allowed: ['author'],
    run: async (c) => {
      const comment = await pending();
      const { payload, contentType } = multipartBody([{ filename: 'paper.pdf', data: PDF }]);
      const res = await ctx.app.inject({
        method: 'POST',
        url: `/api/comments/${comment.id}/attachments`,
        payload,
        headers: {
          'content-type': contentType,
          origin: ctx.config.appOrigin,
          ...(c.cookieHeader ? { cookie: c.cookieHeader } : {}),
        },
      });
      return { status: res.statusCode };
    },
  },
  {
    name: 'GET /api/attachments/:id (pending comment)',
    allowed: ['author', 'moderator', 'chair', 'admin'],
    run: async (c) => c.get(`/api/attachments/${await withAttachment('pending')}`),
  },
  {
    name: 'GET /api/attachments/:id (published comment)',
    allowed: everyone,
    run: async (c) => c.get(`/api/attachments/${await withAttachment('approved')}`),
  },
  { name: 'GET /api/me/comments', allowed: signedIn, run: (c) => c.get('/api/me/comments') },

  // Moderation
  {
    name: 'GET /api/spaces/:slug/moderation/queue',
    allowed: staff,
    run: (c) => c.get(`/api/spaces/${space.slug}/moderation/queue`),
  },
  {
    name: 'GET /api/moderation/queue',
    allowed: ['moderator', 'chair', 'admin', 'otherModerator'],
    run: (c) => c.get('/api/moderation/queue'),
  },
  {
    name: 'POST /api/comments/:id/decision',
    allowed: ['moderator', 'admin'],
    run: async (c) => {
      const comment = await pending();
      return c.post(`/api/comments/${comment.id}/decision`, { action: 'approve', version: comment.version });
    },
  },
  {
    name: 'POST /api/spaces/:slug/moderation/bulk',
    allowed: ['moderator', 'admin'],
    run: async (c) =>
      c.post(`/api/spaces/${space.slug}/moderation/bulk`, { ids: [(await pending()).id], action: 'approve' }),
  },
  {
    name: 'PUT /api/comments/:id/highlight',
    allowed: ['chair', 'admin'],
    run: async (c) => c.put(`/api/comments/${(await approved()).id}/highlight`),
  },
  {
    name: 'DELETE /api/comments/:id/highlight',
    allowed: ['chair', 'admin'],
    run: async (c) => c.delete(`/api/comments/${(await approved()).id}/highlight`),
  },
  {
    name: 'GET /api/spaces/:slug/moderation/log',
    allowed: staff,
    run: (c) => c.get(`/api/spaces/${space.slug}/moderation/log`),
  },
];

const matrix = cases.flatMap((c) => ROLES.map((role) => ({ ...c, role, expect: c.allowed.includes(role) })));

describe('authorization matrix', () => {
  it.each(matrix)('$name as $role → allowed: $expect', async ({ run, role, expect: allowed }) => {
    const res = await run(client(role));
    if (allowed) expect(res.status, `expected success, got ${res.status}`).toBeLessThan(300);
    else expect([401, 403, 404], `expected a refusal, got ${res.status}`).toContain(res.status);
    // A guest is told to sign in, or that the thing does not exist; never "forbidden".
    if (!allowed && role === 'anonymous') expect([401, 404]).toContain(res.status);
  });
});
