import { describe, expect, it } from 'vitest';
import { setupApp } from '../helpers/app.js';
import { grantRole, insertComment, makeAdmin, makeCast, makeSpace, makeUser } from '../helpers/factories.js';

/** POST /api/spaces/:slug/duplicate: the next roundtable, started from an existing one. */
const ctx = await setupApp();

let n = 0;
const fresh = () => {
  n += 1;
  const tag = `${n}-${Math.random().toString(36).slice(2, 6)}`;
  return { slug: `copy-${tag}`, code: `RT C.${tag}`, title: `Copied roundtable ${tag}` };
};

const fieldsOf = (body: any) => body.error.details.fields.map((f: { field: string }) => f.field);

async function rolesOf(spaceId: string) {
  const { rows } = await ctx.db.pool.query<{ user_id: string; role: string }>(
    'select user_id, role from space_roles where space_id = $1 order by user_id, role',
    [spaceId],
  );
  return rows;
}

describe('POST /api/spaces/:slug/duplicate', () => {
  it('copies settings, background and questions into a new draft of the same session, without comments or dates', async () => {
    const { client, user: admin } = await makeAdmin(ctx);
    const { space: session } = await makeSpace(ctx, { questionCount: 0 });
    const { space: sibling } = await makeSpace(ctx, { parentId: session.id, position: 1 });
    const { space: source, questions } = await makeSpace(ctx, {
      parentId: session.id,
      position: 2,
      summary: 'What the roundtable is about.',
      backgroundMd: 'The **background**, with a [link](https://example.org).',
      moderationMode: 'post',
      acceptedLanguages: ['en', 'es'],
      disclaimer: 'Views are the participants’ own.',
      contactEmail: 'rt@example.org',
      questionCount: 4,
    });
    const someone = await makeUser(ctx);
    await insertComment(ctx, { spaceId: source.id, authorId: someone.user.id, status: 'approved', body: 'An answer.' });
    const { rows: eventsBefore } = await ctx.db.pool.query('select max(id)::text as id from events');

    const body = fresh();
    const res = await client.post(`/api/spaces/${source.slug}/duplicate`, body);
    expect(res.status).toBe(201);
    const copy = res.body.space;
    expect(copy).toMatchObject({
      slug: body.slug,
      code: body.code,
      title: body.title,
      status: 'draft',
      isOpen: false,
      opensAt: null,
      closesAt: null,
      summary: 'What the roundtable is about.',
      backgroundMd: 'The **background**, with a [link](https://example.org).',
      moderationMode: 'post',
      acceptedLanguages: ['en', 'es'],
      disclaimer: 'Views are the participants’ own.',
      contactEmail: 'rt@example.org',
      parent: { slug: session.slug },
      moderators: [],
      chairs: [],
    });
    expect(copy.backgroundHtml).toContain('<strong>background</strong>');
    expect(copy.questions.map((q: { position: number; text: string }) => [q.position, q.text])).toEqual(
      questions.map((q) => [q.position, q.text]),
    );
    expect(copy.questions.every((q: { counts: { comments: number } }) => q.counts.comments === 0)).toBe(true);
    // New question rows, not the source's.
    expect(copy.questions.map((q: { id: string }) => q.id)).not.toContain(questions[0]?.id);

    const { rows: made } = await ctx.db.pool.query(
      'select id, parent_id, position, created_by from spaces where slug = $1',
      [body.slug],
    );
    // Last among its session's roundtables.
    expect(made[0]).toMatchObject({ parent_id: session.id, position: 3, created_by: admin.id });
    const { rows: comments } = await ctx.db.pool.query('select 1 from comments where space_id = $1', [made[0].id]);
    expect(comments).toHaveLength(0);
    // A draft is announced to nobody.
    const { rows: eventsAfter } = await ctx.db.pool.query(
      'select kind from events where id > coalesce($1::bigint, 0) and space_id = $2',
      [eventsBefore[0].id, made[0].id],
    );
    expect(eventsAfter).toEqual([]);
    // The source is untouched; visitors see neither the copy nor anything new in the session.
    const after = await ctx.client().get(`/api/spaces/${source.slug}`);
    expect(after.body.space.questions).toHaveLength(4);
    expect((await ctx.client().get(`/api/spaces/${body.slug}`)).status).toBe(404);
    const list = (await ctx.client().get('/api/spaces')).body.spaces;
    const node = list.find((s: { slug: string }) => s.slug === session.slug);
    expect(node.children.map((c: { slug: string }) => c.slug)).toEqual([sibling.slug, source.slug]);
  });

  it('copies the space’s own moderators and chairs only when asked', async () => {
    const { client, user: admin } = await makeAdmin(ctx);
    const { space: session } = await makeSpace(ctx, { questionCount: 0 });
    const { space: source } = await makeSpace(ctx, { parentId: session.id });
    const [mod, chair, sessionChair] = await Promise.all([makeUser(ctx), makeUser(ctx), makeUser(ctx)]);
    await grantRole(ctx, source.id, mod.user.id, 'moderator');
    await grantRole(ctx, source.id, chair.user.id, 'chair');
    await grantRole(ctx, source.id, chair.user.id, 'moderator');
    await grantRole(ctx, session.id, sessionChair.user.id, 'chair');

    const without = await client.post(`/api/spaces/${source.slug}/duplicate`, fresh());
    expect(without.status).toBe(201);
    expect(await rolesOf(without.body.space.id)).toEqual([]);
    // The session's chair still chairs the copy, through the session.
    expect(without.body.space.chairs.map((c: { displayName: string }) => c.displayName)).toEqual([
      sessionChair.user.displayName,
    ]);

    const withRoles = await client.post(`/api/spaces/${source.slug}/duplicate`, { ...fresh(), copyRoles: true });
    expect(withRoles.status).toBe(201);
    expect(await rolesOf(withRoles.body.space.id)).toEqual(await rolesOf(source.id));
    const { rows } = await ctx.db.pool.query('select distinct granted_by from space_roles where space_id = $1', [
      withRoles.body.space.id,
    ]);
    expect(rows).toEqual([{ granted_by: admin.id }]);
    // The copied moderator works the copy's queue.
    expect((await mod.client.get(`/api/spaces/${withRoles.body.space.slug}/moderation/queue`)).status).toBe(200);
  });

  it('duplicates a session as a stand-alone draft, without its roundtables', async () => {
    const { client } = await makeAdmin(ctx);
    const { space: session } = await makeSpace(ctx, { questionCount: 1 });
    await makeSpace(ctx, { parentId: session.id });
    const res = await client.post(`/api/spaces/${session.slug}/duplicate`, fresh());
    expect(res.status).toBe(201);
    expect(res.body.space).toMatchObject({ parent: null, children: [], status: 'draft' });
    expect(res.body.space.questions).toHaveLength(1);
  });

  it('refuses a taken address or code with 409 naming the field, and bad input with 400 naming the field', async () => {
    const { client } = await makeAdmin(ctx);
    const { space: source } = await makeSpace(ctx);
    const { space: other } = await makeSpace(ctx);
    const count = async () => Number((await ctx.db.pool.query('select count(*) from spaces')).rows[0].count);
    const before = await count();
    const cases: [string, Record<string, unknown>, number, string, string?][] = [
      ['taken slug', { ...fresh(), slug: other.slug }, 409, 'slug', 'slug_taken'],
      ['taken code', { ...fresh(), code: other.code }, 409, 'code', 'code_taken'],
      ['taken code, other letter case', { ...fresh(), code: other.code.toLowerCase() }, 409, 'code', 'code_taken'],
      ['the source’s own code', { ...fresh(), code: source.code }, 409, 'code', 'code_taken'],
      ['bad slug', { ...fresh(), slug: 'Not A Slug' }, 400, 'slug'],
      ['missing title', { slug: fresh().slug, code: fresh().code }, 400, 'title'],
      ['empty code', { ...fresh(), code: '   ' }, 400, 'code'],
      ['copyRoles not a boolean', { ...fresh(), copyRoles: 'yes' }, 400, 'copyRoles'],
      ['unknown field', { ...fresh(), status: 'open' }, 400, 'status'],
    ];
    for (const [name, body, status, field, code] of cases) {
      const res = await client.post(`/api/spaces/${source.slug}/duplicate`, body);
      expect(res.status, name).toBe(status);
      expect(fieldsOf(res.body), name).toContain(field);
      if (code) expect(res.body.error.code, name).toBe(code);
    }
    expect(await count()).toBe(before);
  });

  it('writes nothing when a step fails midway (one transaction)', async () => {
    const { client } = await makeAdmin(ctx);
    const { space: source } = await makeSpace(ctx, { questionCount: 3 });
    const mod = await makeUser(ctx);
    await grantRole(ctx, source.id, mod.user.id, 'moderator');
    // The roles step fails after the space and its questions were inserted.
    await ctx.db.pool.query(`
      create or replace function pg_temp_fail_roles() returns trigger language plpgsql as $$
      begin raise exception 'roles step failed'; end $$`);
    await ctx.db.pool.query(
      'create trigger fail_roles before insert on space_roles for each row execute function pg_temp_fail_roles()',
    );
    try {
      const body = { ...fresh(), copyRoles: true };
      const res = await client.post(`/api/spaces/${source.slug}/duplicate`, body);
      expect(res.status).toBe(500);
      const { rowCount } = await ctx.db.pool.query('select 1 from spaces where slug = $1', [body.slug]);
      expect(rowCount).toBe(0);
      const { rows } = await ctx.db.pool.query(
        `select count(*)::int as n from questions q left join spaces s on s.id = q.space_id where s.id is null`,
      );
      expect(rows[0].n).toBe(0);
    } finally {
      await ctx.db.pool.query('drop trigger fail_roles on space_roles');
      await ctx.db.pool.query('drop function pg_temp_fail_roles()');
    }
  });

  it('two copies asking for the same code at once: one is made, the other is told the code is taken', async () => {
    const { client } = await makeAdmin(ctx);
    const { space: source } = await makeSpace(ctx);
    const a = fresh();
    const b = { ...fresh(), code: a.code };
    const results = await Promise.all([
      client.post(`/api/spaces/${source.slug}/duplicate`, a),
      client.post(`/api/spaces/${source.slug}/duplicate`, b),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.status === 409)?.body.error.code).toBe('code_taken');
    const { rows } = await ctx.db.pool.query('select count(*)::int as n from spaces where code = $1', [a.code]);
    expect(rows[0].n).toBe(1);
  });

  it('is for administrators: a guest is asked to sign in, a draft stays hidden, staff are refused', async () => {
    const { space } = await makeSpace(ctx);
    const { space: draft } = await makeSpace(ctx, { status: 'draft' });
    const cast = await makeCast(ctx, space.id);
    await grantRole(ctx, draft.id, cast.chair.user.id, 'chair');
    // A guest: 401 before anything is looked up, an unknown slug included.
    for (const slug of [space.slug, draft.slug, 'no-such-space']) {
      expect((await cast.anonymous.post(`/api/spaces/${slug}/duplicate`, fresh())).status, slug).toBe(401);
    }
    for (const who of [cast.participant, cast.moderator, cast.chair, cast.otherModerator]) {
      expect((await who.client.post(`/api/spaces/${space.slug}/duplicate`, fresh())).status).toBe(403);
    }
    // A draft the viewer may not read does not exist for them; its chair may read it but not copy it.
    expect((await cast.participant.client.post(`/api/spaces/${draft.slug}/duplicate`, fresh())).status).toBe(404);
    expect((await cast.chair.client.post(`/api/spaces/${draft.slug}/duplicate`, fresh())).status).toBe(403);
    expect((await cast.admin.client.post(`/api/spaces/no-such-space/duplicate`, fresh())).status).toBe(404);
    expect((await cast.admin.client.post(`/api/spaces/${draft.slug}/duplicate`, fresh())).status).toBe(201);
  });

  it('is documented in the OpenAPI document', async () => {
    const doc = (await ctx.client().get('/api/openapi.json')).body;
    const op = doc.paths['/api/spaces/{slug}/duplicate']?.post;
    expect(op).toBeDefined();
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['201', '400', '401', '403', '404', '409']));
  });
});
