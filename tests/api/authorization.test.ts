import { beforeAll, describe, expect, it } from 'vitest';
import { unsubscribeToken } from '../../server/src/mail/unsubscribe.js';
import { type TestClient, type TestResponse, setupApp } from '../helpers/app.js';
import { type Cast, insertComment, makeCast, makeSpace, makeUser, uuid } from '../helpers/factories.js';
import { PDF, multipartBody } from '../helpers/multipart.js';

/**
 * The authorization table: every route of the app × every kind of viewer, with the exact status
 * each one gets, and for lists what the body may hold. The route list comes from the app itself
 * (printRoutes): a route without a row here fails the test, so none is added unreviewed.
 *
 * It asserts the one refusal convention (documented on `authorize` in server/src/policies/):
 * 404 when the resource the path names (a space, comment, attachment, note) does not exist or
 * the viewer may not read it, a guest included, so its existence stays secret: a draft space,
 * someone else's pending comment or its file, a note to anyone but its space's staff; but on a
 * route that needs sign-in a guest gets 401 before anything is looked up, whatever the resource;
 * 403 when a signed-in viewer may read the resource but may not do this (and in areas that name
 * no resource, such as administration).
 */
// Every note save a version, so that version 1 stays (saves otherwise fold into the latest).
const ctx = await setupApp({ noteVersionPauseMs: 0 });

const ROLES = ['anonymous', 'participant', 'author', 'moderator', 'chair', 'admin', 'otherModerator'] as const;
type Role = (typeof ROLES)[number];

const PASSWORD = 'correct horse battery staple';
const ADMIN_PASSWORD = 'admin password 123';

let cast: Cast;
let space: Awaited<ReturnType<typeof makeSpace>>['space'];
let draft: Awaited<ReturnType<typeof makeSpace>>['space'];
let otherSpaceId: string;
let question: string;
let bystander: { id: string; email: string };
let noteId: string;
let draftNoteId: string;

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
  const { rows } = await ctx.db.pool.query('select space_id from space_roles where user_id = $1', [
    cast.otherModerator.user.id,
  ]);
  otherSpaceId = rows[0].space_id as string;
  const b = await makeUser(ctx);
  bystander = { id: b.user.id, email: b.user.email };
  // Something in every queue, so the list checks below have something to leak.
  await insertComment(ctx, { spaceId: space.id, authorId: cast.author.user.id, body: 'PENDING-IN-SPACE' });
  await insertComment(ctx, { spaceId: draft.id, authorId: cast.author.user.id, body: 'PENDING-IN-DRAFT' });
  await insertComment(ctx, { spaceId: otherSpaceId, authorId: cast.participant.user.id, body: 'PENDING-ELSEWHERE' });
  await insertComment(ctx, { spaceId: space.id, authorId: cast.author.user.id, status: 'approved', body: 'PUBLISHED' });
  const note = await cast.chair.client.post(`/api/spaces/${space.slug}/notes`, {});
  expect(note.status).toBe(201);
  noteId = note.body.note.id;
  const draftNote = await cast.chair.client.post(`/api/spaces/${draft.slug}/notes`, {});
  expect(draftNote.status).toBe(201);
  draftNoteId = draftNote.body.note.id;
});

const client = (role: Role): TestClient => (role === 'anonymous' ? cast.anonymous : cast[role].client);

/** A second session of the same viewer, for cases that sign in, out or up (the table's own stay). */
async function freshSession(role: Role): Promise<TestClient> {
  const c = ctx.client();
  if (role === 'anonymous') return c;
  const res = await c.post('/api/auth/login', {
    email: cast[role].user.email,
    password: role === 'admin' ? ADMIN_PASSWORD : PASSWORD,
  });
  if (res.status !== 200) throw new Error(`login of ${role} failed: ${res.status}`);
  return c;
}

/** Fresh fixtures per case, so no case depends on another's writes. */
const pending = (body?: string) =>
  insertComment(ctx, {
    spaceId: space.id,
    authorId: cast.author.user.id,
    questionId: question,
    ...(body ? { body } : {}),
  });
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
/** A pending affiliation request of the bystander (a new one replaces the last). */
const affiliationRequest = async () => {
  await ctx.db.pool.query(
    `update affiliation_requests set status = 'cancelled' where user_id = $1 and status = 'pending'`,
    [bystander.id],
  );
  const { rows } = await ctx.db.pool.query<{ id: string }>(
    `insert into affiliation_requests (user_id, organisation, stakeholder_category, title) values ($1, 'Org', 'civil_society', 'Officer') returning id`,
    [bystander.id],
  );
  return rows[0]?.id ?? '';
};
/** A row of the mail outbox / development mailbox. */
/** An open invitation to the space, written straight to the database. */
const openInvitation = async () =>
  (
    await ctx.db.pool.query<{ id: string }>(
      `insert into invitations (token_hash, email, space_id, role, expires_at)
       values (md5(random()::text), $1, $2, 'moderator', now() + interval '1 day') returning id`,
      [`open-${uuid().slice(0, 8)}@example.org`, space.id],
    )
  ).rows[0]?.id;
const mailRow = async (status: 'sent' | 'failed') =>
  (
    await ctx.db.pool.query(
      `insert into mail_messages (kind, transport, status, to_address, locale, subject, headers, html, text)
       values ('password_reset', 'mailbox', $1, 'matrix@example.org', 'en', 'Matrix', '{}', '<p>m</p>', 'm') returning id`,
      [status],
    )
  ).rows[0].id as string;
/** The bystander's one-click unsubscribe token (from replies), as an email would carry it. */
const bystanderToken = async () => encodeURIComponent(await unsubscribeToken(ctx.db.db, bystander.id, 'replies'));
const raw = async (c: TestClient, url: string) => {
  const res = await ctx.app.inject({ method: 'GET', url, headers: c.cookieHeader ? { cookie: c.cookieHeader } : {} });
  return { status: res.statusCode, body: res.body };
};

type Result = Pick<TestResponse, 'status'> & { body?: unknown };

interface Case {
  /** The route as the app spells it: "METHOD /path/:param". */
  route: string;
  /** What differs between several rows of one route. */
  variant?: string;
  /** The exact status each viewer gets. */
  status: Record<Role, number>;
  run(c: TestClient, role: Role): Promise<Result>;
  /** What the body of an allowed answer may hold for this viewer. */
  check?(role: Role, body: any): void;
}

/**
 * `ok` get `okStatus`; the others get `refused` (a status for everyone else, with exceptions).
 * By default a guest gets 401 and a signed-in viewer 403.
 */
function statuses(
  ok: readonly Role[],
  okStatus: number,
  refused: Partial<Record<Role | 'others', number>> = {},
): Record<Role, number> {
  const others = refused.others ?? 403;
  return Object.fromEntries(
    ROLES.map((r) => [
      r,
      ok.includes(r) ? okStatus : (refused[r] ?? (r === 'anonymous' ? (refused.others ?? 401) : others)),
    ]),
  ) as Record<Role, number>;
}
const all = (s: number) => statuses(ROLES, s);

const signedIn = ROLES.filter((r) => r !== 'anonymous');
const staff = ['moderator', 'chair', 'admin'] as const;
const chairs = ['chair', 'admin'] as const;
const mods = ['moderator', 'admin'] as const;
/** A draft is hidden from whoever may not read it: 404, for a guest too. */
const hidden = { others: 404 } as const;
/**
 * On a route that needs sign-in a guest gets 401 before anything is looked up (so it reveals
 * nothing, and an expired session is told to sign in again); a signed-in viewer who may not read
 * the resource gets 404.
 */
const hiddenAfterSignIn = { anonymous: 401, others: 404 } as const;
/** Someone else's pending comment (or its file) does not exist for a signed-in viewer who may not read it. */
const unreadable = { participant: 404, otherModerator: 404 } as const;

/** The note's current version, as the chair's page would publish it. */
const currentVersion = async () => (await cast.chair.client.get(`/api/notes/${noteId}`)).body.note.version as number;

const texts = (body: any, key: string) => JSON.stringify(body?.[key] ?? body);

const exportCases: Case[] = (['docx', 'xlsx', 'csv', 'json', 'md'] as const).map((format) => ({
  route: 'GET /api/spaces/:slug/export',
  variant: format,
  status: statuses(staff, 200),
  run: (c: TestClient) => raw(c, `/api/spaces/${space.slug}/export?format=${format}`),
  check: (_role: Role, body: unknown) => {
    if (format === 'csv' || format === 'json' || format === 'md') {
      expect(String(body)).not.toMatch(/PENDING-/);
    }
  },
}));

const cases: Case[] = [
  // Infrastructure and documentation
  { route: 'GET /healthz', status: all(200), run: (c) => c.get('/healthz') },
  { route: 'GET /readyz', status: all(200), run: (c) => c.get('/readyz') },
  { route: 'GET /api/openapi.json', status: all(200), run: (c) => c.get('/api/openapi.json') },
  { route: 'GET /api/docs', status: all(200), run: (c) => c.get('/api/docs') },
  { route: 'GET /api/docs/', status: all(200), run: (c) => c.get('/api/docs/') },
  { route: 'GET /api/docs/static/index.html', status: all(302), run: (c) => c.get('/api/docs/static/index.html') },
  {
    route: 'GET /api/docs/static/swagger-initializer.js',
    status: all(200),
    run: (c) => c.get('/api/docs/static/swagger-initializer.js'),
  },
  { route: 'GET /api/docs/*', status: all(200), run: (c) => c.get('/api/docs/static/swagger-ui.css') },
  { route: 'GET /api/docs/json', status: all(200), run: (c) => c.get('/api/docs/json') },
  { route: 'GET /api/docs/yaml', status: all(200), run: (c) => c.get('/api/docs/yaml') },
  // Without an upgrade request it is not found; the socket itself is covered by tests/live/.
  { route: 'GET /api/live', status: all(404), run: (c) => c.get('/api/live') },

  // Accounts
  {
    route: 'POST /api/auth/register',
    status: all(201),
    run: async (_c, role) => {
      const c = await freshSession(role);
      return c.post('/api/auth/register', {
        email: `m-${uuid().slice(0, 8)}@example.org`,
        password: PASSWORD,
        displayName: 'Matrix Person',
        affiliation: 'Matrix',
        stakeholderCategory: 'civil_society',
      });
    },
  },
  {
    route: 'POST /api/auth/login',
    status: all(200),
    run: async (_c, role) =>
      (await freshSession(role)).post('/api/auth/login', { email: bystander.email, password: PASSWORD }),
  },
  {
    route: 'POST /api/auth/login',
    variant: 'wrong password',
    status: all(401),
    run: async (_c, role) =>
      (await freshSession(role)).post('/api/auth/login', { email: bystander.email, password: 'wrong password 123' }),
  },
  {
    route: 'POST /api/auth/logout',
    status: all(200),
    run: async (_c, role) => (await freshSession(role)).post('/api/auth/logout'),
  },
  {
    route: 'GET /api/auth/me',
    status: all(200),
    run: (c) => c.get('/api/auth/me'),
    check: (role, body) => {
      if (role === 'anonymous') expect(body.user).toBeNull();
      else expect(body.user.id).toBe(cast[role].user.id);
    },
  },
  {
    route: 'PATCH /api/auth/me',
    status: statuses(signedIn, 200),
    run: (c) => c.patch('/api/auth/me', { locale: 'en' }),
  },
  {
    route: 'GET /api/admin/users',
    status: statuses(['admin'], 200),
    run: (c) => c.get('/api/admin/users?limit=200'),
  },
  {
    route: 'PATCH /api/admin/users/:id',
    status: statuses(['admin'], 200),
    run: (c) => c.patch(`/api/admin/users/${bystander.id}`, { disabled: false }),
  },
  {
    route: 'POST /api/auth/password/forgot',
    status: all(202),
    run: (c) => c.post('/api/auth/password/forgot', { email: `nobody-${uuid().slice(0, 8)}@example.org` }),
  },
  {
    route: 'POST /api/auth/password/reset',
    variant: 'unknown token',
    status: all(400),
    run: (c) => c.post('/api/auth/password/reset', { token: 'not-a-token', password: 'a new password 123' }),
  },
  // Address verification and email change (the link's token is the proof: no sign-in), invitations (administrators)
  {
    route: 'POST /api/auth/email/verify',
    variant: 'unknown token',
    status: all(400),
    run: (c) => c.post('/api/auth/email/verify', { token: 'not-a-token' }),
  },
  {
    route: 'POST /api/auth/email/resend',
    variant: 'verified accounts',
    status: statuses(signedIn, 409),
    run: (c) => c.post('/api/auth/email/resend'),
  },
  {
    route: 'POST /api/auth/email/change',
    status: statuses(signedIn, 202),
    run: (c) => c.post('/api/auth/email/change', { email: `moved-${uuid().slice(0, 8)}@example.org` }),
  },
  {
    route: 'POST /api/auth/invitation',
    variant: 'unknown token',
    status: all(400),
    run: (c) => c.post('/api/auth/invitation', { token: 'not-a-token' }),
  },
  {
    route: 'GET /api/spaces/:slug/invitations',
    status: statuses(['admin'], 200),
    run: (c) => c.get(`/api/spaces/${space.slug}/invitations`),
  },
  {
    route: 'POST /api/spaces/:slug/invitations',
    status: statuses(['admin'], 201),
    run: (c) =>
      c.post(`/api/spaces/${space.slug}/invitations`, {
        email: `invited-${uuid().slice(0, 8)}@example.org`,
        role: 'chair',
      }),
  },
  {
    route: 'POST /api/invitations/:id/resend',
    status: statuses(['admin'], 200),
    run: async (c) => c.post(`/api/invitations/${await openInvitation()}/resend`),
  },
  {
    route: 'DELETE /api/invitations/:id',
    status: statuses(['admin'], 200),
    run: async (c) => c.delete(`/api/invitations/${await openInvitation()}`),
  },
  {
    route: 'GET /api/admin/mailbox',
    status: statuses(['admin'], 200),
    run: (c) => c.get('/api/admin/mailbox'),
  },
  {
    route: 'GET /api/admin/mailbox/:id',
    status: statuses(['admin'], 200),
    run: async (c) => c.get(`/api/admin/mailbox/${await mailRow('sent')}`),
  },
  {
    route: 'POST /api/admin/mailbox/:id/retry',
    status: statuses(['admin'], 200),
    run: async (c) => c.post(`/api/admin/mailbox/${await mailRow('failed')}/retry`),
  },
  // Email notifications: preferences (signed in), one-click unsubscribe (the link's token, no sign-in)
  {
    route: 'GET /api/me/notification-preferences',
    status: statuses(signedIn, 200),
    run: (c) => c.get('/api/me/notification-preferences'),
  },
  {
    route: 'PUT /api/me/notification-preferences',
    status: statuses(signedIn, 200),
    run: (c) =>
      c.put('/api/me/notification-preferences', { preferences: [{ kind: 'replies', frequency: 'immediately' }] }),
  },
  // Staff accounts: your own sessions and two-factor settings; the code step needs a password first
  { route: 'GET /api/me/sessions', status: statuses(signedIn, 200), run: (c) => c.get('/api/me/sessions') },
  {
    route: 'DELETE /api/me/sessions/:id',
    variant: 'a session that is not yours',
    status: statuses(signedIn, 404, { anonymous: 401 }),
    run: (c) => c.delete('/api/me/sessions/0000'),
  },
  {
    route: 'POST /api/me/sessions/revoke-others',
    status: statuses(signedIn, 200),
    run: (c) => c.post('/api/me/sessions/revoke-others'),
  },
  { route: 'GET /api/me/totp', status: statuses(signedIn, 200), run: (c) => c.get('/api/me/totp') },
  { route: 'POST /api/me/totp/enrol', status: statuses(signedIn, 200), run: (c) => c.post('/api/me/totp/enrol') },
  {
    route: 'POST /api/me/totp/confirm',
    variant: 'a wrong code',
    status: statuses(signedIn, 400, { anonymous: 401 }),
    run: async (c) => {
      await c.post('/api/me/totp/enrol');
      return c.post('/api/me/totp/confirm', { code: 'abcdef' });
    },
  },
  {
    route: 'POST /api/me/totp/disable',
    variant: 'not on',
    status: statuses(signedIn, 409, { anonymous: 401 }),
    run: (c) => c.post('/api/me/totp/disable', { password: 'not the password' }),
  },
  {
    route: 'POST /api/me/totp/recovery-codes',
    variant: 'two-factor not on',
    status: statuses(signedIn, 409, { anonymous: 401 }),
    run: (c) => c.post('/api/me/totp/recovery-codes', { password: 'not the password' }),
  },
  // Single sign-on: not configured in this app (tests/api/oidc.test.ts covers it configured).
  { route: 'GET /api/auth/providers', status: all(200), run: (c) => c.get('/api/auth/providers') },
  {
    route: 'GET /api/auth/oidc/start',
    variant: 'not configured',
    status: all(404),
    run: (c) => c.get('/api/auth/oidc/start'),
  },
  {
    route: 'GET /api/auth/oidc/callback',
    variant: 'not configured',
    status: all(404),
    run: (c) => c.get('/api/auth/oidc/callback?code=x&state=y'),
  },
  {
    route: 'POST /api/auth/totp',
    variant: 'no password step',
    status: all(401),
    run: (c) => c.post('/api/auth/totp', { code: 'abcdef' }),
  },
  { route: 'GET /api/admin/log', status: statuses(['admin'], 200), run: (c) => c.get('/api/admin/log') },
  // Verified affiliations: your own request; the queue, domains and focal points are the administrators'
  { route: 'GET /api/me/affiliation', status: statuses(signedIn, 200), run: (c) => c.get('/api/me/affiliation') },
  {
    route: 'POST /api/me/affiliation/requests',
    status: statuses(signedIn, 201),
    run: (c) =>
      c.post('/api/me/affiliation/requests', {
        organisation: 'Ministry',
        stakeholderCategory: 'civil_society',
        title: 'Officer',
      }),
  },
  {
    route: 'GET /api/admin/affiliations/requests',
    status: statuses(['admin'], 200),
    run: (c) => c.get('/api/admin/affiliations/requests'),
  },
  {
    route: 'POST /api/admin/affiliations/requests/:id/verify',
    status: statuses(['admin'], 200),
    run: async (c) => c.post(`/api/admin/affiliations/requests/${await affiliationRequest()}/verify`),
  },
  {
    route: 'POST /api/admin/affiliations/requests/:id/decline',
    status: statuses(['admin'], 200),
    run: async (c) =>
      c.post(`/api/admin/affiliations/requests/${await affiliationRequest()}/decline`, { reason: 'Not found' }),
  },
  {
    route: 'GET /api/admin/affiliations/domains',
    status: statuses(['admin'], 200),
    run: (c) => c.get('/api/admin/affiliations/domains'),
  },
  {
    route: 'POST /api/admin/affiliations/domains',
    status: statuses(['admin'], 201),
    run: (c) =>
      c.post('/api/admin/affiliations/domains', {
        domain: `d${uuid().slice(0, 8)}.example`,
        organisation: 'Org',
        stakeholderCategory: 'civil_society',
      }),
  },
  {
    route: 'DELETE /api/admin/affiliations/domains/:domain',
    status: statuses(['admin'], 200),
    run: async (c) => {
      const domain = `x${uuid().slice(0, 8)}.example`;
      await ctx.db.pool.query(
        `insert into organisation_domains (domain, organisation, stakeholder_category) values ($1, 'Org', 'civil_society')`,
        [domain],
      );
      return c.delete(`/api/admin/affiliations/domains/${domain}`);
    },
  },
  {
    route: 'GET /api/admin/affiliations/verified-users',
    status: statuses(['admin'], 200),
    run: (c) => c.get('/api/admin/affiliations/verified-users'),
  },
  {
    route: 'PUT /api/admin/affiliations/focal-points/:userId',
    variant: 'a user whose affiliation is not verified',
    status: statuses(['admin'], 409),
    run: (c) => c.put(`/api/admin/affiliations/focal-points/${bystander.id}`),
  },
  {
    route: 'DELETE /api/admin/affiliations/focal-points/:userId',
    status: statuses(['admin'], 200),
    run: (c) => c.delete(`/api/admin/affiliations/focal-points/${bystander.id}`),
  },
  {
    route: 'DELETE /api/admin/affiliations/:userId/verification',
    status: statuses(['admin'], 200),
    run: (c) => c.delete(`/api/admin/affiliations/${bystander.id}/verification`),
  },
  // The in-app notifications menu: your own notifications only (someone else's ids are ignored)
  {
    route: 'GET /api/me/notifications',
    status: statuses(signedIn, 200),
    run: (c) => c.get('/api/me/notifications'),
  },
  {
    route: 'POST /api/me/notifications/read',
    status: statuses(signedIn, 200),
    run: (c) => c.post('/api/me/notifications/read', { all: true }),
  },
  {
    route: 'GET /api/mail/unsubscribe',
    status: all(200),
    run: async (c) => raw(c, `/api/mail/unsubscribe?token=${await bystanderToken()}`),
  },
  {
    route: 'GET /api/mail/unsubscribe',
    variant: 'invalid token',
    status: all(400),
    run: (c) => raw(c, `/api/mail/unsubscribe?token=${bystander.id}.replies.forged`),
  },
  {
    route: 'POST /api/mail/unsubscribe',
    status: all(200),
    run: async (c) => c.post(`/api/mail/unsubscribe?token=${await bystanderToken()}`),
  },
  {
    route: 'POST /api/mail/unsubscribe',
    variant: 'invalid token',
    status: all(400),
    run: (c) => c.post(`/api/mail/unsubscribe?token=${bystander.id}.replies.forged`),
  },

  // Spaces and questions
  {
    route: 'GET /api/spaces',
    status: all(200),
    run: (c) => c.get('/api/spaces'),
    check: (role, body) => {
      const slugs = JSON.stringify(body.spaces);
      expect(slugs).toContain(`"${space.slug}"`);
      // A draft is listed only to those who may read it.
      if ((staff as readonly Role[]).includes(role)) expect(slugs).toContain(`"${draft.slug}"`);
      else expect(slugs).not.toContain(`"${draft.slug}"`);
    },
  },
  { route: 'GET /api/spaces/:slug', variant: 'open', status: all(200), run: (c) => c.get(`/api/spaces/${space.slug}`) },
  {
    route: 'GET /api/spaces/:slug',
    variant: 'draft',
    status: statuses(staff, 200, hidden),
    run: (c) => c.get(`/api/spaces/${draft.slug}`),
  },
  {
    route: 'POST /api/spaces',
    status: statuses(['admin'], 201),
    run: (c) => c.post('/api/spaces', { slug: `m-${uuid().slice(0, 8)}`, code: 'M', title: 'Matrix' }),
  },
  {
    route: 'PATCH /api/spaces/:slug',
    variant: 'title',
    status: statuses(['admin'], 200),
    run: (c) => c.patch(`/api/spaces/${space.slug}`, { title: space.title }),
  },
  {
    route: 'PATCH /api/spaces/:slug',
    variant: 'background',
    status: statuses(chairs, 200),
    run: (c) => c.patch(`/api/spaces/${space.slug}`, { background: 'Background, edited.' }),
  },
  {
    route: 'PATCH /api/spaces/:slug',
    variant: 'draft, background',
    // The moderator may read the draft, so is told "forbidden".
    status: statuses(chairs, 200, { ...hiddenAfterSignIn, moderator: 403 }),
    run: (c) => c.patch(`/api/spaces/${draft.slug}`, { background: 'Draft background, edited.' }),
  },
  {
    route: 'POST /api/spaces/:slug/duplicate',
    status: statuses(['admin'], 201),
    run: (c) =>
      c.post(`/api/spaces/${space.slug}/duplicate`, {
        slug: `d-${uuid().slice(0, 8)}`,
        code: `D ${uuid().slice(0, 8)}`,
        title: 'Matrix copy',
      }),
  },
  {
    route: 'POST /api/spaces/:slug/duplicate',
    variant: 'draft',
    // A guest is asked to sign in before anything is looked up; staff may read the draft, not copy it.
    status: statuses(['admin'], 201, { ...hiddenAfterSignIn, moderator: 403, chair: 403 }),
    run: (c) =>
      c.post(`/api/spaces/${draft.slug}/duplicate`, {
        slug: `d-${uuid().slice(0, 8)}`,
        code: `D ${uuid().slice(0, 8)}`,
        title: 'Matrix copy of a draft',
        copyRoles: true,
      }),
  },
  {
    route: 'POST /api/spaces/:slug/questions',
    status: statuses(chairs, 201),
    run: async (c) => {
      const res = await c.post(`/api/spaces/${space.slug}/questions`, { text: 'Another question?' });
      if (res.status < 300) await ctx.db.pool.query(`delete from questions where text = 'Another question?'`);
      return res;
    },
  },
  {
    route: 'PATCH /api/spaces/:slug/questions/:id',
    status: statuses(chairs, 200),
    run: async (c) => {
      const id = await newQuestion();
      const res = await c.patch(`/api/spaces/${space.slug}/questions/${id}`, { text: 'Reworded?' });
      await ctx.db.pool.query('delete from questions where id = $1', [id]);
      return res;
    },
  },
  {
    route: 'DELETE /api/spaces/:slug/questions/:id',
    status: statuses(chairs, 200),
    run: async (c) => {
      const id = await newQuestion();
      const res = await c.delete(`/api/spaces/${space.slug}/questions/${id}`);
      await ctx.db.pool.query('delete from questions where id = $1', [id]);
      return res;
    },
  },
  {
    route: 'GET /api/spaces/:slug/roles',
    status: statuses(['admin'], 200),
    run: (c) => c.get(`/api/spaces/${space.slug}/roles`),
  },
  {
    route: 'PUT /api/spaces/:slug/roles',
    status: statuses(['admin'], 200),
    run: async (c) => {
      const res = await c.put(`/api/spaces/${space.slug}/roles`, { email: bystander.email, role: 'chair' });
      await ctx.db.pool.query('delete from space_roles where user_id = $1', [bystander.id]);
      return res;
    },
  },
  {
    route: 'DELETE /api/spaces/:slug/roles',
    status: statuses(['admin'], 200),
    run: (c) => c.delete(`/api/spaces/${space.slug}/roles`, { email: bystander.email, role: 'chair' }),
  },
  {
    route: 'PUT /api/spaces/:slug/seen',
    status: statuses(signedIn, 200),
    run: (c) => c.put(`/api/spaces/${space.slug}/seen`),
  },
  {
    route: 'PUT /api/spaces/:slug/seen',
    variant: 'draft',
    status: statuses(staff, 200, hiddenAfterSignIn),
    run: (c) => c.put(`/api/spaces/${draft.slug}/seen`),
  },
  // Following a space or a question: anyone signed in who may read the space
  {
    route: 'PUT /api/spaces/:slug/follow',
    status: statuses(signedIn, 200),
    run: (c) => c.put(`/api/spaces/${space.slug}/follow`),
  },
  {
    route: 'PUT /api/spaces/:slug/follow',
    variant: 'draft',
    status: statuses(staff, 200, hiddenAfterSignIn),
    run: (c) => c.put(`/api/spaces/${draft.slug}/follow`),
  },
  {
    route: 'DELETE /api/spaces/:slug/follow',
    status: statuses(signedIn, 200),
    run: (c) => c.delete(`/api/spaces/${space.slug}/follow`),
  },
  {
    route: 'PUT /api/spaces/:slug/questions/:id/follow',
    status: statuses(signedIn, 200),
    run: (c) => c.put(`/api/spaces/${space.slug}/questions/${question}/follow`),
  },
  {
    route: 'DELETE /api/spaces/:slug/questions/:id/follow',
    status: statuses(signedIn, 200),
    run: (c) => c.delete(`/api/spaces/${space.slug}/questions/${question}/follow`),
  },
  { route: 'GET /api/me/follows', status: statuses(signedIn, 200), run: (c) => c.get('/api/me/follows') },
  // Your own data (a download), and deleting your account (a wrong password changes nothing)
  { route: 'GET /api/me/data', status: statuses(signedIn, 200), run: (c) => c.get('/api/me/data') },
  {
    route: 'POST /api/me/deletion',
    variant: 'wrong password',
    status: statuses(
      signedIn.filter((r) => r !== 'admin'),
      400,
      { admin: 409 },
    ),
    run: (c) => c.post('/api/me/deletion', { password: 'not the password at all' }),
  },
  // No METRICS_TOKEN in the tests: the metrics are not served on the app's port at all
  { route: 'GET /metrics', status: all(404), run: (c) => c.get('/metrics') },
  { route: 'GET /api/tags', status: all(200), run: (c) => c.get('/api/tags') },
  {
    route: 'POST /api/preview',
    status: statuses(signedIn, 200),
    run: (c) => c.post('/api/preview', { body: '**hi**' }),
  },

  // Comments
  {
    route: 'GET /api/spaces/:slug/comments',
    status: all(200),
    run: (c) => c.get(`/api/spaces/${space.slug}/comments?limit=500`),
    check: (role, body) => {
      const listed = texts(body, 'comments');
      expect(listed).toContain('PUBLISHED');
      // Pending text is shown to its author only (staff read it in the queue).
      if (role === 'author') expect(listed).toContain('PENDING-IN-SPACE');
      else expect(listed).not.toContain('PENDING-IN-SPACE');
      for (const c of body.comments) if (role !== 'author') expect(c.status).toBe('approved');
    },
  },
  {
    route: 'GET /api/spaces/:slug/comments',
    variant: 'draft',
    status: statuses(staff, 200, hidden),
    run: (c) => c.get(`/api/spaces/${draft.slug}/comments`),
  },
  {
    route: 'POST /api/spaces/:slug/comments',
    status: statuses(signedIn, 201),
    run: (c) =>
      c.post(`/api/spaces/${space.slug}/comments`, {
        questionId: question,
        body: 'An answer.',
        language: 'en',
        clientId: uuid(),
      }),
  },
  {
    route: 'POST /api/spaces/:slug/comments',
    variant: 'draft',
    // Staff may read the draft but it takes no comments yet: 409 space_not_open.
    status: statuses([], 201, { ...hiddenAfterSignIn, moderator: 409, chair: 409, admin: 409 }),
    run: (c) => c.post(`/api/spaces/${draft.slug}/comments`, { body: 'An answer.', language: 'en', clientId: uuid() }),
  },
  {
    route: 'PATCH /api/comments/:id',
    // Someone else's pending comment does not exist for a viewer who may not read it.
    status: statuses(['author'], 200, unreadable),
    run: async (c) => {
      const comment = await pending();
      return c.patch(`/api/comments/${comment.id}`, { body: 'Edited.', version: comment.version });
    },
  },
  {
    route: 'DELETE /api/comments/:id',
    status: statuses(['author'], 200, unreadable),
    run: async (c) => c.delete(`/api/comments/${(await pending()).id}`),
  },
  {
    route: 'POST /api/comments/:id/reports',
    status: statuses(['participant', 'moderator', 'chair', 'admin', 'otherModerator'], 201),
    run: async (c) => c.post(`/api/comments/${(await approved()).id}/reports`, { category: 'spam' }),
  },
  {
    route: 'POST /api/comments/:id/reports',
    variant: 'pending',
    // Someone else's pending comment is not found; its author may read it but not report it.
    status: statuses([], 0, { ...unreadable, author: 403 }),
    run: async (c) => c.post(`/api/comments/${(await pending()).id}/reports`, { category: 'spam' }),
  },
  {
    route: 'POST /api/comments/:id/attachments',
    status: statuses(['author'], 201, unreadable),
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
    route: 'GET /api/attachments/:id',
    variant: 'pending comment',
    status: statuses(['author', 'moderator', 'chair', 'admin'], 200, hidden),
    run: async (c) => raw(c, `/api/attachments/${await withAttachment('pending')}`),
  },
  {
    route: 'GET /api/attachments/:id',
    variant: 'published comment',
    status: all(200),
    run: async (c) => raw(c, `/api/attachments/${await withAttachment('approved')}`),
  },
  {
    route: 'DELETE /api/attachments/:id',
    status: statuses(['author'], 200, unreadable),
    run: async (c) => c.delete(`/api/attachments/${await withAttachment('pending')}`),
  },
  {
    route: 'GET /api/me/comments',
    status: statuses(signedIn, 200),
    run: (c) => c.get('/api/me/comments'),
    check: (role, body) => {
      const listed = texts(body, 'comments');
      if (role === 'author') expect(listed).toContain('PENDING-IN-SPACE');
      else expect(listed).not.toMatch(/PENDING-IN-SPACE|PENDING-IN-DRAFT|PUBLISHED/);
    },
  },

  // Moderation
  {
    route: 'GET /api/spaces/:slug/moderation/queue',
    status: statuses(staff, 200),
    run: (c) => c.get(`/api/spaces/${space.slug}/moderation/queue?limit=200`),
    check: (_role, body) => {
      expect(body.items.length).toBeGreaterThan(0);
      for (const item of body.items) expect(item.space.slug).toBe(space.slug);
    },
  },
  {
    route: 'GET /api/spaces/:slug/moderation/queue',
    variant: 'draft',
    status: statuses(staff, 200, hiddenAfterSignIn),
    run: (c) => c.get(`/api/spaces/${draft.slug}/moderation/queue`),
  },
  {
    route: 'GET /api/moderation/queue',
    status: statuses(['moderator', 'chair', 'admin', 'otherModerator'], 200),
    run: (c) => c.get('/api/moderation/queue?limit=200'),
    check: (role, body) => {
      const listed = texts(body, 'items');
      const slugs = new Set(body.items.map((i: { space: { slug: string } }) => i.space.slug));
      if (role === 'otherModerator') {
        // Only the one space they moderate.
        expect(listed).toContain('PENDING-ELSEWHERE');
        expect(listed).not.toMatch(/PENDING-IN-SPACE|PENDING-IN-DRAFT/);
        expect(slugs.size).toBe(1);
      } else if (role === 'admin') {
        expect(listed).toMatch(/PENDING-IN-SPACE/);
        expect(listed).toMatch(/PENDING-ELSEWHERE/);
      } else {
        expect(listed).toContain('PENDING-IN-SPACE');
        expect(listed).toContain('PENDING-IN-DRAFT');
        expect(listed).not.toContain('PENDING-ELSEWHERE');
        expect([...slugs].sort()).toEqual([space.slug, draft.slug].sort());
      }
    },
  },
  {
    route: 'POST /api/comments/:id/decision',
    // A guest is not asked to sign in here: the pending comment is simply not found.
    status: statuses(mods, 200, unreadable),
    run: async (c) => {
      const comment = await pending();
      return c.post(`/api/comments/${comment.id}/decision`, { action: 'approve', version: comment.version });
    },
  },
  {
    route: 'POST /api/spaces/:slug/moderation/bulk',
    status: statuses(mods, 200),
    run: async (c) =>
      c.post(`/api/spaces/${space.slug}/moderation/bulk`, { ids: [(await pending()).id], action: 'approve' }),
  },
  {
    route: 'PUT /api/comments/:id/highlight',
    status: statuses(chairs, 200),
    run: async (c) => c.put(`/api/comments/${(await approved()).id}/highlight`),
  },
  {
    route: 'DELETE /api/comments/:id/highlight',
    status: statuses(chairs, 200),
    run: async (c) => c.delete(`/api/comments/${(await approved()).id}/highlight`),
  },
  // Staff-only notes: a guest is asked to sign in before anything is looked up; a comment or
  // space the viewer may not read is 404; a participant who may read it is refused with 403.
  {
    route: 'GET /api/comments/:id/staff-notes',
    status: statuses(staff, 200),
    run: async (c) => c.get(`/api/comments/${(await approved()).id}/staff-notes`),
    check: (_role, body) => expect(body.notes).toEqual([]),
  },
  {
    route: 'GET /api/comments/:id/staff-notes',
    variant: 'pending',
    status: statuses(staff, 200, unreadable),
    run: async (c) => c.get(`/api/comments/${(await pending()).id}/staff-notes`),
  },
  {
    route: 'POST /api/comments/:id/staff-notes',
    status: statuses(staff, 201),
    run: async (c) => c.post(`/api/comments/${(await approved()).id}/staff-notes`, { body: 'Known troll.' }),
  },
  {
    route: 'POST /api/comments/:id/staff-notes',
    variant: 'pending',
    status: statuses(staff, 201, unreadable),
    run: async (c) => c.post(`/api/comments/${(await pending()).id}/staff-notes`, { body: 'Check the link.' }),
  },
  // Translations: the space's staff, of published text only; a guest 401 before anything is
  // looked up, a comment the viewer may not read 404, one they may read but not translate 403.
  {
    route: 'PUT /api/comments/:id/translations/:lang',
    status: statuses(staff, 201),
    run: async (c) => c.put(`/api/comments/${(await approved()).id}/translations/fr`, { body: 'Traduction.' }),
  },
  {
    route: 'PUT /api/comments/:id/translations/:lang',
    variant: 'pending',
    status: statuses([], 0, unreadable),
    run: async (c) => c.put(`/api/comments/${(await pending()).id}/translations/fr`, { body: 'Traduction.' }),
  },
  {
    route: 'DELETE /api/comments/:id/translations/:lang',
    status: statuses(staff, 200),
    run: async (c) => {
      const { id } = await approved();
      expect((await cast.admin.client.put(`/api/comments/${id}/translations/es`, { body: 'Traducción.' })).status).toBe(
        201,
      );
      return c.delete(`/api/comments/${id}/translations/es`);
    },
  },
  {
    route: 'DELETE /api/comments/:id/translations/:lang',
    variant: 'pending',
    status: statuses([], 0, unreadable),
    run: async (c) => c.delete(`/api/comments/${(await pending()).id}/translations/es`),
  },
  {
    route: 'GET /api/spaces/:slug/authors/:userId/staff-notes',
    status: statuses(staff, 200),
    run: (c) => c.get(`/api/spaces/${space.slug}/authors/${cast.author.user.id}/staff-notes`),
  },
  {
    route: 'GET /api/spaces/:slug/authors/:userId/staff-notes',
    variant: 'draft',
    status: statuses(staff, 200, hiddenAfterSignIn),
    run: (c) => c.get(`/api/spaces/${draft.slug}/authors/${cast.author.user.id}/staff-notes`),
  },
  {
    route: 'GET /api/spaces/:slug/authors/:userId/staff-notes',
    variant: 'unknown author',
    status: statuses([], 0, { anonymous: 401, participant: 403, author: 403, otherModerator: 403, others: 404 }),
    run: (c) => c.get(`/api/spaces/${space.slug}/authors/${uuid()}/staff-notes`),
  },
  {
    route: 'POST /api/spaces/:slug/authors/:userId/staff-notes',
    status: statuses(staff, 201),
    run: (c) =>
      c.post(`/api/spaces/${space.slug}/authors/${cast.author.user.id}/staff-notes`, { body: 'Speaks for IOM.' }),
  },
  {
    route: 'POST /api/spaces/:slug/authors/:userId/staff-notes',
    variant: 'draft',
    status: statuses(staff, 201, hiddenAfterSignIn),
    run: (c) => c.post(`/api/spaces/${draft.slug}/authors/${cast.author.user.id}/staff-notes`, { body: 'Draft note.' }),
  },
  {
    route: 'GET /api/spaces/:slug/moderation/log',
    status: statuses(staff, 200),
    run: (c) => c.get(`/api/spaces/${space.slug}/moderation/log`),
  },
  {
    route: 'GET /api/spaces/:slug/moderation/log',
    variant: 'draft',
    status: statuses(staff, 200, hiddenAfterSignIn),
    run: (c) => c.get(`/api/spaces/${draft.slug}/moderation/log`),
  },

  // Participation and exports
  {
    route: 'GET /api/spaces/:slug/participation',
    status: statuses(staff, 200),
    run: (c) => c.get(`/api/spaces/${space.slug}/participation`),
  },
  {
    route: 'GET /api/spaces/:slug/participation',
    variant: 'draft',
    status: statuses(staff, 200, hiddenAfterSignIn),
    run: (c) => c.get(`/api/spaces/${draft.slug}/participation`),
  },
  {
    route: 'GET /api/spaces/:slug/participation/sentence',
    status: statuses(staff, 200),
    run: (c) => c.get(`/api/spaces/${space.slug}/participation/sentence?lang=fr`),
  },
  {
    route: 'GET /api/spaces/:slug/export/origin',
    status: statuses(staff, 200),
    run: (c) => c.get(`/api/spaces/${space.slug}/export/origin`),
  },
  ...exportCases,
  {
    route: 'GET /api/spaces/:slug/export',
    variant: 'draft',
    status: statuses(staff, 200, hiddenAfterSignIn),
    run: (c) => raw(c, `/api/spaces/${draft.slug}/export?format=json`),
  },

  // Background notes
  {
    route: 'GET /api/spaces/:slug/notes',
    status: statuses(staff, 200),
    run: (c) => c.get(`/api/spaces/${space.slug}/notes`),
    check: (_role, body) => expect(JSON.stringify(body)).not.toContain(draftNoteId),
  },
  {
    route: 'GET /api/spaces/:slug/notes',
    variant: 'draft',
    status: statuses(staff, 200, hiddenAfterSignIn),
    run: (c) => c.get(`/api/spaces/${draft.slug}/notes`),
  },
  {
    route: 'POST /api/spaces/:slug/notes',
    status: statuses(chairs, 201),
    run: (c) => c.post(`/api/spaces/${space.slug}/notes`, {}),
  },
  {
    route: 'GET /api/spaces/:slug/notes/gaps',
    status: statuses(staff, 200),
    run: (c) => c.get(`/api/spaces/${space.slug}/notes/gaps`),
  },
  {
    route: 'GET /api/notes/:id',
    // A note is its space's staff's: to anyone else it does not exist (404), a guest included.
    status: statuses(staff, 200, hiddenAfterSignIn),
    run: (c) => c.get(`/api/notes/${noteId}`),
  },
  {
    route: 'GET /api/notes/:id',
    variant: 'note of a draft',
    // 404 to whoever may not read the draft: a note must not reveal that the draft exists.
    status: statuses(staff, 200, hiddenAfterSignIn),
    run: (c) => c.get(`/api/notes/${draftNoteId}`),
  },
  {
    route: 'GET /api/notes/:id/versions',
    variant: 'note of a draft',
    status: statuses(staff, 200, hiddenAfterSignIn),
    run: (c) => c.get(`/api/notes/${draftNoteId}/versions`),
  },
  {
    route: 'GET /api/notes/:id/export',
    variant: 'note of a draft',
    status: statuses(staff, 200, hiddenAfterSignIn),
    run: (c) => raw(c, `/api/notes/${draftNoteId}/export?format=md`),
  },
  {
    route: 'GET /api/spaces/:slug/notes/gaps',
    variant: 'draft',
    status: statuses(staff, 200, hiddenAfterSignIn),
    run: (c) => c.get(`/api/spaces/${draft.slug}/notes/gaps`),
  },
  {
    route: 'PUT /api/notes/:id',
    status: statuses(chairs, 200, { ...hiddenAfterSignIn, moderator: 403 }),
    run: async (c) => {
      const { note } = (await cast.chair.client.get(`/api/notes/${noteId}`)).body;
      return c.put(`/api/notes/${noteId}`, {
        title: note.title,
        targetWords: note.targetWords,
        version: note.version,
        sections: note.sections.map((s: { id: string; title: string; bodyMd: string; commentIds: string[] }) => ({
          id: s.id,
          title: s.title,
          bodyMd: s.bodyMd,
          commentIds: s.commentIds,
        })),
      });
    },
  },
  {
    route: 'GET /api/notes/:id/key-messages',
    status: statuses(staff, 200, hiddenAfterSignIn),
    run: (c) => c.get(`/api/notes/${noteId}/key-messages?group=objective`),
    check: (_role, body) => expect(JSON.stringify(body)).not.toContain('PENDING-IN-SPACE'),
  },
  {
    route: 'GET /api/notes/:id/versions',
    status: statuses(staff, 200, hiddenAfterSignIn),
    run: (c) => c.get(`/api/notes/${noteId}/versions`),
  },
  {
    route: 'GET /api/notes/:id/versions/:version',
    status: statuses(staff, 200, hiddenAfterSignIn),
    run: (c) => c.get(`/api/notes/${noteId}/versions/1`),
  },
  {
    route: 'POST /api/notes/:id/versions/:version/restore',
    status: statuses(chairs, 200, { ...hiddenAfterSignIn, moderator: 403 }),
    run: (c) => c.post(`/api/notes/${noteId}/versions/1/restore`),
  },
  {
    route: 'PATCH /api/notes/:id/versions/:version',
    status: statuses(chairs, 200, { ...hiddenAfterSignIn, moderator: 403 }),
    run: (c) => c.patch(`/api/notes/${noteId}/versions/1`, { name: 'Draft for the Bureau' }),
  },
  {
    route: 'POST /api/notes/:id/preview',
    status: statuses(staff, 200, hiddenAfterSignIn),
    run: (c) => c.post(`/api/notes/${noteId}/preview`, { title: 'Preview', sections: [] }),
    check: (_role, body) => expect(JSON.stringify(body)).not.toContain('PENDING-IN-SPACE'),
  },
  // The outcome: public once published (a draft's to its staff only); publishing and
  // unpublishing are the chairs' (a moderator reads the note but may not: 403).
  {
    route: 'GET /api/spaces/:slug/outcome',
    status: all(200),
    run: (c) => c.get(`/api/spaces/${space.slug}/outcome`),
  },
  {
    route: 'GET /api/spaces/:slug/outcome',
    variant: 'draft',
    status: statuses(staff, 200, hidden),
    run: (c) => c.get(`/api/spaces/${draft.slug}/outcome`),
  },
  {
    route: 'PUT /api/notes/:id/outcome',
    status: statuses(chairs, 200, { ...hiddenAfterSignIn, moderator: 403 }),
    run: async (c) => c.put(`/api/notes/${noteId}/outcome`, { version: await currentVersion(), language: 'en' }),
  },
  {
    route: 'DELETE /api/notes/:id/outcome',
    status: statuses(chairs, 200, { ...hiddenAfterSignIn, moderator: 403 }),
    run: async (c) => {
      const version = await currentVersion();
      expect((await cast.chair.client.put(`/api/notes/${noteId}/outcome`, { version })).status).toBe(200);
      return c.delete(`/api/notes/${noteId}/outcome`);
    },
  },
  {
    route: 'GET /api/notes/:id/export',
    variant: 'md',
    status: statuses(staff, 200, hiddenAfterSignIn),
    run: (c) => raw(c, `/api/notes/${noteId}/export?format=md`),
  },
  {
    route: 'GET /api/notes/:id/export',
    variant: 'docx',
    status: statuses(staff, 200, hiddenAfterSignIn),
    run: (c) => raw(c, `/api/notes/${noteId}/export?format=docx`),
  },
];

/** Every "METHOD /path" the app answers (HEAD is fastify's automatic twin of GET). */
function appRoutes(): string[] {
  const found: string[] = [];
  const stack: string[] = [];
  for (const line of ctx.app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^((?:│ {3}| {4})*)(?:├── |└── )(.*?)(?: \(([^)]*)\))?$/.exec(line);
    if (!m) continue;
    const depth = (m[1] ?? '').length / 4;
    stack.length = depth;
    const path = (stack[depth - 1] ?? '') + (m[2] ?? '');
    stack[depth] = path;
    for (const method of (m[3] ?? '').split(', ').filter(Boolean))
      if (method !== 'HEAD') found.push(`${method} ${path}`);
  }
  return [...new Set(found)].sort();
}

describe('the table covers the app', () => {
  it('has a row for every route the app serves, and none for a route it does not', async () => {
    const routes = appRoutes();
    expect(routes.length).toBeGreaterThan(50);
    const covered = new Set(cases.map((c) => c.route));
    expect(
      routes.filter((r) => !covered.has(r)),
      'routes without an authorization row',
    ).toEqual([]);
    expect(
      [...covered].filter((r) => !routes.includes(r)),
      'rows for routes that do not exist',
    ).toEqual([]);
    // The OpenAPI document describes a subset of the same routes.
    const doc = (await ctx.client().get('/api/openapi.json')).body;
    const documented = Object.entries(doc.paths as Record<string, object>).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    expect(documented.filter((r) => !routes.includes(r))).toEqual([]);
  });
});

const matrix = cases.flatMap((c) =>
  ROLES.map((role) => ({ ...c, role, label: `${c.route}${c.variant ? ` (${c.variant})` : ''}`, want: c.status[role] })),
);

describe('authorization table', () => {
  it.each(matrix)('$label as $role → $want', async ({ run, check, role, want }) => {
    const res = await run(client(role), role);
    expect(
      res.status,
      `${role}: got ${res.status} ${typeof res.body === 'string' ? res.body.slice(0, 200) : JSON.stringify(res.body)?.slice(0, 200)}`,
    ).toBe(want);
    if (res.status >= 400 && typeof res.body === 'object' && res.body !== null) {
      expect(res.body).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
    }
    if (res.status < 300) check?.(role, res.body);
  });
});
