import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { DeletionPolicy } from '../../server/src/commands/personalData.js';
import { type TestContext, setupApp } from '../helpers/app.js';
import { attachPdf, queryRows } from '../helpers/exports.js';
import { type Cast, type Person, insertComment, makeCast, makeSpace, makeUser } from '../helpers/factories.js';

/**
 * Personal data: GET /api/me/data holds the person's data and nothing of others; POST
 * /api/me/deletion under each DELETION_POLICY; afterwards the exports, the space page and search
 * no longer hold the person's name, affiliation or email, and the audit trail keeps its entries.
 */
const PASSWORD = 'correct horse battery staple';

interface World {
  ctx: TestContext;
  slug: string;
  cast: Cast;
  zelda: Person;
  other: Person;
  published: string;
  rejected: string;
  pending: string;
}

async function world(policy: DeletionPolicy): Promise<World> {
  const ctx = await setupApp({ deletionPolicy: policy });
  const { space } = await makeSpace(ctx, { moderationMode: 'post' });
  const cast = await makeCast(ctx, space.id);
  const zelda = await makeUser(ctx, {
    displayName: 'Zelda Quintessa',
    affiliation: 'Quintessa Remittance Institute',
    email: `zelda.${policy}@example.org`,
  });
  const other = await makeUser(ctx, { displayName: 'Oscar Otherperson', affiliation: 'Other Org' });
  const published = await insertComment(ctx, {
    spaceId: space.id,
    authorId: zelda.user.id,
    status: 'approved',
    body: 'Remittance corridors need xylophonic transparency.',
  });
  const rejected = await insertComment(ctx, {
    spaceId: space.id,
    authorId: zelda.user.id,
    status: 'rejected',
    body: 'A rejected thought of mine.',
    reason: 'Off topic',
  });
  const pending = await insertComment(ctx, {
    spaceId: space.id,
    authorId: zelda.user.id,
    status: 'pending',
    body: 'A pending thought of mine.',
  });
  const others = await insertComment(ctx, {
    spaceId: space.id,
    authorId: other.user.id,
    status: 'approved',
    body: 'Oscar’s published view on diaspora bonds.',
  });
  await attachPdf(ctx, published.id, zelda.user.id, 'Zelda paper.pdf');
  // Posted through the API in a post-moderated space: published at once, with a live event naming her.
  const live = await zelda.client.post(`/api/spaces/${space.slug}/comments`, {
    body: 'Posted live: xylophonic corridors again.',
    language: 'en',
    clientId: crypto.randomUUID(),
  });
  expect(live.status).toBe(201);
  const report = await zelda.client.post(`/api/comments/${others.id}/reports`, {
    category: 'other',
    note: 'My own report note.',
  });
  expect(report.status).toBeLessThan(300);
  await queryRows(ctx)(
    `insert into staff_notes (space_id, subject_user_id, writer_id, body) values ($1, $2, $3, 'Private staff note on Zelda')`,
    [space.id, zelda.user.id, cast.moderator.user.id],
  );
  await queryRows(ctx)(
    `insert into moderation_events (space_id, comment_id, actor_id, action, from_status, to_status)
     values ($1, $2, $3, 'approve', 'pending', 'approved')`,
    [space.id, published.id, cast.moderator.user.id],
  );
  return {
    ctx,
    slug: space.slug,
    cast,
    zelda,
    other,
    published: published.id,
    rejected: rejected.id,
    pending: pending.id,
  };
}

const IDENTIFYING = (w: World) => [w.zelda.user.email, 'Zelda Quintessa', 'Quintessa Remittance Institute'];

async function exportText(w: World, format: 'csv' | 'json' | 'docx'): Promise<string> {
  const res = await w.ctx.app.inject({
    method: 'GET',
    url: `/api/spaces/${w.slug}/export?format=${format}`,
    headers: { cookie: w.cast.chair.client.cookieHeader },
  });
  expect(res.statusCode).toBe(200);
  if (format !== 'docx') return res.body;
  const files = unzipSync(new Uint8Array(res.rawPayload));
  return Object.entries(files)
    .filter(([name]) => name.endsWith('.xml'))
    .map(([, bytes]) => strFromU8(bytes))
    .join('\n');
}

const auditRows = (w: World) =>
  queryRows(w.ctx)<{ id: string; action: string; comment_id: string | null }>(
    'select id, action, comment_id from moderation_events order by id',
  );

describe.each(['anonymise', 'withdraw'] as const)('personal data (DELETION_POLICY=%s)', async (policy) => {
  const w = await world(policy);

  it('exports everything held about the person, their unpublished text included, and nothing of others', async () => {
    const res = await w.zelda.client.get('/api/me/data');
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="convene-personal-data\.json"/);
    const data = res.body;
    expect(data.profile).toMatchObject({
      email: w.zelda.user.email,
      displayName: 'Zelda Quintessa',
      affiliation: 'Quintessa Remittance Institute',
    });
    expect(data.profile.passwordHash).toBeUndefined();
    expect(data.sessions.some((s: { current: boolean }) => s.current)).toBe(true);
    const byId = new Map(data.comments.map((c: { id: string }) => [c.id, c]));
    expect(byId.get(w.published)).toMatchObject({
      status: 'approved',
      body: 'Remittance corridors need xylophonic transparency.',
    });
    expect(byId.get(w.rejected)).toMatchObject({
      status: 'rejected',
      body: 'A rejected thought of mine.',
      reason: 'Off topic',
    });
    expect(byId.get(w.pending)).toMatchObject({ status: 'pending', body: 'A pending thought of mine.' });
    expect(data.attachments).toEqual([
      expect.objectContaining({ filename: 'Zelda paper.pdf', url: expect.stringMatching(/^\/api\/attachments\//) }),
    ]);
    expect(data.reports).toEqual([expect.objectContaining({ category: 'other', note: 'My own report note.' })]);
    const raw = res.raw;
    for (const s of [
      'Oscar',
      'diaspora bonds',
      w.other.user.email,
      'Private staff note',
      w.cast.moderator.user.displayName,
      w.cast.moderator.user.id,
    ]) {
      expect(raw, `export holds "${s}"`).not.toContain(s);
    }
  });

  it('refuses deletion without the right password, naming the field', async () => {
    const res = await w.zelda.client.post('/api/me/deletion', { password: 'not my password' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.fields).toEqual([expect.objectContaining({ field: 'password' })]);
    expect((await w.zelda.client.get('/api/auth/me')).body.user.displayName).toBe('Zelda Quintessa');
  });

  it('deletes the account: no email or name left, sessions ended, audit trail intact', async () => {
    const before = await auditRows(w);
    const eventsText = async () =>
      (await queryRows(w.ctx)<{ p: string }>('select payload::text as p from events')).map((r) => r.p).join('\n');
    expect(await eventsText()).toContain('Zelda Quintessa');
    const res = await w.zelda.client.post('/api/me/deletion', { password: PASSWORD });
    expect(res.status).toBe(200);
    expect((await w.zelda.client.get('/api/auth/me')).body.user).toBeNull();
    const login = await w.ctx.client().post('/api/auth/login', { email: w.zelda.user.email, password: PASSWORD });
    expect(login.status).toBe(401);

    const [row] = await queryRows(w.ctx)('select * from users where id = $1', [w.zelda.user.id]);
    expect(row).toMatchObject({ display_name: 'Former participant', affiliation: '', country: null, disabled: true });
    expect(JSON.stringify(row)).not.toMatch(/zelda|quintessa/i);
    const left = await queryRows(w.ctx)<{ n: string }>(
      `select (select count(*) from sessions where user_id = $1) + (select count(*) from reports where reporter_id = $1)
            + (select count(*) from staff_notes where subject_user_id = $1)
            + (select count(*) from mail_messages where user_id = $1) as n`,
      [w.zelda.user.id],
    );
    expect(Number(left[0]?.n)).toBe(0);

    // The live events kept for replay no longer name her either.
    const replay = await eventsText();
    for (const s of IDENTIFYING(w)) expect(replay).not.toContain(s);
    if (policy === 'anonymise') expect(replay).toContain('Former participant');
    else expect(replay).not.toContain('xylophonic');

    const after = await auditRows(w);
    expect(after.slice(0, before.length)).toEqual(before);
    const added = after.slice(before.length);
    if (policy === 'withdraw') {
      expect(added.map((a) => a.action)).toEqual(['withdraw', 'withdraw', 'withdraw', 'withdraw']);
    } else {
      expect(added).toEqual([]);
    }
  });

  it('leaves the name, affiliation and email out of CSV, JSON and DOCX exports made afterwards', async () => {
    for (const format of ['csv', 'json', 'docx'] as const) {
      const text = await exportText(w, format);
      for (const s of IDENTIFYING(w)) expect(text, `${format} holds "${s}"`).not.toContain(s);
      expect(text).toContain('Oscar’s published view on diaspora bonds.');
      if (policy === 'anonymise') {
        expect(text, format).toContain('xylophonic transparency');
        expect(text, format).toContain('Former participant');
      } else {
        expect(text, format).not.toContain('xylophonic');
      }
    }
  });

  it('shows the space page and search without the person', async () => {
    const page = await w.ctx.client().get(`/api/spaces/${w.slug}/comments`);
    expect(page.status).toBe(200);
    for (const s of IDENTIFYING(w)) expect(page.raw).not.toContain(s);
    const search = await w.ctx.client().get(`/api/spaces/${w.slug}/comments?q=xylophonic`);
    expect(search.status).toBe(200);
    for (const s of IDENTIFYING(w)) expect(search.raw).not.toContain(s);
    if (policy === 'anonymise') {
      expect(search.raw).toContain('xylophonic transparency');
      expect(search.raw).toContain('Former participant');
    } else {
      expect(search.raw).not.toContain('xylophonic');
    }
    const [published] = await queryRows(w.ctx)<{ status: string; body_md: string }>(
      'select status, body_md from comments where id = $1',
      [w.published],
    );
    expect(published).toEqual(
      policy === 'withdraw'
        ? { status: 'withdrawn', body_md: '' }
        : { status: 'approved', body_md: 'Remittance corridors need xylophonic transparency.' },
    );
  });
});

describe('deleting an administrator', async () => {
  const ctx = await setupApp();
  const { makeAdmin } = await import('../helpers/factories.js');
  const admin = await makeAdmin(ctx);
  it('documents both routes in the OpenAPI document', async () => {
    const res = await ctx.client().get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.paths['/api/me/data'].get).toBeDefined();
    expect(res.body.paths['/api/me/deletion'].post.requestBody).toBeDefined();
  });
  it('refuses with 409 admin_account', async () => {
    const res = await admin.client.post('/api/me/deletion', { password: PASSWORD });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('admin_account');
  });
});
