import { describe, expect, it, vi } from 'vitest';
import { type TestClient, setupApp } from '../helpers/app.js';
import {
  grantRole,
  insertComment,
  makeAdmin,
  makeCast,
  makeSpace,
  makeUser,
  uuid,
  withTaxonomy,
} from '../helpers/factories.js';

const ctx = await setupApp();

const DAY = 86_400_000;

type Node = { slug: string; counts: { comments: number; questions: number; new: number | null }; children: Node[] };

async function listNodes(client: TestClient): Promise<Node[]> {
  const res = await client.get('/api/spaces');
  expect(res.status).toBe(200);
  return res.body.spaces;
}

const findNode = (nodes: Node[], slug: string): Node | undefined =>
  nodes.flatMap((n) => [n, ...n.children]).find((n) => n.slug === slug);

async function eventsOf(spaceId: string): Promise<{ kind: string; audience: string; payload: any }[]> {
  const { rows } = await ctx.db.pool.query(
    'select kind, audience, payload from events where space_id = $1 order by id',
    [spaceId],
  );
  return rows;
}

describe('GET /api/spaces', () => {
  it('lists sessions with their roundtables in position order, counting only approved comments', async () => {
    const { space: session } = await makeSpace(ctx, { questionCount: 0 });
    const { space: rt1, questions: q1 } = await makeSpace(ctx, { parentId: session.id, position: 2, questionCount: 2 });
    const { space: rt2 } = await makeSpace(ctx, { parentId: session.id, position: 1, questionCount: 1 });
    const [a, b, reader] = await Promise.all([makeUser(ctx), makeUser(ctx), makeUser(ctx)]);
    const first = q1[0];
    await insertComment(ctx, { spaceId: rt1.id, authorId: a.user.id, status: 'approved', questionId: first?.id });
    await insertComment(ctx, { spaceId: rt1.id, authorId: a.user.id, status: 'approved' });
    await insertComment(ctx, { spaceId: rt1.id, authorId: b.user.id, status: 'approved', questionId: first?.id });
    for (const status of ['pending', 'rejected', 'withdrawn'] as const) {
      await insertComment(ctx, { spaceId: rt1.id, authorId: b.user.id, status, questionId: first?.id });
    }

    const anon = await listNodes(ctx.client());
    const node = anon.find((n) => n.slug === session.slug);
    expect(node?.children.map((c) => c.slug)).toEqual([rt2.slug, rt1.slug]);
    // Roundtables appear only under their session, never at the top level.
    expect(anon.map((n) => n.slug)).not.toContain(rt1.slug);
    expect(node?.counts).toEqual({ comments: 0, questions: 0, new: null });
    expect(findNode(anon, rt1.slug)?.counts).toEqual({ comments: 3, questions: 2, new: null });
    expect(findNode(anon, rt2.slug)?.counts).toEqual({ comments: 0, questions: 1, new: null });

    // Never visited: every approved comment is new, except the viewer's own.
    expect(findNode(await listNodes(reader.client), rt1.slug)?.counts.new).toBe(3);
    expect(findNode(await listNodes(a.client), rt1.slug)?.counts.new).toBe(1);
    expect(findNode(await listNodes(b.client), rt1.slug)?.counts.new).toBe(2);

    const detail = await reader.client.get(`/api/spaces/${rt1.slug}`);
    expect(detail.body.space.counts).toEqual({ comments: 3, questions: 2, new: 3 });
    expect(detail.body.space.questions.map((q: any) => q.counts)).toEqual([
      { comments: 2, new: 2 },
      { comments: 0, new: 0 },
    ]);
    expect(detail.body.space.parent).toEqual({
      slug: session.slug,
      code: session.code,
      title: session.title,
      lang: { title: 'en' },
    });
    const parent = await ctx.client().get(`/api/spaces/${session.slug}`);
    expect(parent.body.space.children.map((c: any) => c.slug)).toEqual([rt2.slug, rt1.slug]);
  });

  it('runs a fixed number of queries whatever the number of spaces', async () => {
    const { client } = await makeUser(ctx);
    const countQueries = async () => {
      const spy = vi.spyOn(ctx.db.pool, 'query');
      try {
        await listNodes(client);
        return spy.mock.calls.length;
      } finally {
        spy.mockRestore();
      }
    };
    const before = await countQueries();
    const author = await makeUser(ctx);
    for (let i = 0; i < 4; i++) {
      const { space: session } = await makeSpace(ctx, { questionCount: 2 });
      const { space: rt } = await makeSpace(ctx, { parentId: session.id, questionCount: 2 });
      await insertComment(ctx, { spaceId: rt.id, authorId: author.user.id, status: 'approved' });
    }
    expect(await countQueries()).toBe(before);
  });
});

describe('new counts and PUT /api/spaces/:slug/seen', () => {
  it('restarts new counts at zero, counts later comments by others, and never the viewer’s own', async () => {
    const { space, questions } = await makeSpace(ctx);
    const [other, reader] = await Promise.all([makeUser(ctx), makeUser(ctx)]);
    const q = questions[0]?.id;
    await insertComment(ctx, { spaceId: space.id, authorId: other.user.id, status: 'approved', questionId: q });
    await insertComment(ctx, { spaceId: space.id, authorId: other.user.id, status: 'approved' });

    const before = await reader.client.get(`/api/spaces/${space.slug}`);
    expect(before.body.space.counts.new).toBe(2);
    expect(before.body.space.questions[0].counts.new).toBe(1);

    const seen = await reader.client.put(`/api/spaces/${space.slug}/seen`);
    expect(seen.status).toBe(200);
    expect(seen.body).toEqual({ ok: true });

    const after = await reader.client.get(`/api/spaces/${space.slug}`);
    expect(after.body.space.counts).toMatchObject({ comments: 2, new: 0 });
    expect(after.body.space.questions[0].counts).toEqual({ comments: 1, new: 0 });
    expect(findNode(await listNodes(reader.client), space.slug)?.counts.new).toBe(0);

    await insertComment(ctx, { spaceId: space.id, authorId: other.user.id, status: 'approved', questionId: q });
    await insertComment(ctx, { spaceId: space.id, authorId: reader.user.id, status: 'approved', questionId: q });
    for (const status of ['pending', 'rejected', 'withdrawn'] as const) {
      await insertComment(ctx, { spaceId: space.id, authorId: other.user.id, status, questionId: q });
    }
    const later = await reader.client.get(`/api/spaces/${space.slug}`);
    expect(later.body.space.counts).toMatchObject({ comments: 4, new: 1 });
    expect(later.body.space.questions[0].counts).toEqual({ comments: 3, new: 1 });
    // Marking one viewer's visit changes nothing for another.
    expect((await other.client.get(`/api/spaces/${space.slug}`)).body.space.counts.new).toBe(1);
  });

  it('counts a comment approved after the visit as new, though it was written before, and reports seenAt', async () => {
    const { space } = await makeSpace(ctx);
    const [other, reader] = await Promise.all([makeUser(ctx), makeUser(ctx)]);
    const waiting = await insertComment(ctx, { spaceId: space.id, authorId: other.user.id, status: 'pending' });
    expect((await reader.client.get(`/api/spaces/${space.slug}`)).body.space.seenAt).toBeNull();
    await reader.client.put(`/api/spaces/${space.slug}/seen`);
    const visited = await reader.client.get(`/api/spaces/${space.slug}`);
    expect(visited.body.space.counts.new).toBe(0);
    expect(Date.parse(visited.body.space.seenAt)).toBeGreaterThan(Date.parse(waiting.createdAt.toISOString()) - 1);

    await ctx.db.pool.query(
      "update comments set status = 'approved', decided_at = now() + interval '1 second' where id = $1",
      [waiting.id],
    );
    const after = await reader.client.get(`/api/spaces/${space.slug}`);
    expect(after.body.space.counts.new).toBe(1);
    const list = await reader.client.get(`/api/spaces/${space.slug}/comments`);
    expect(Date.parse(list.body.comments[0].publishedAt)).toBeGreaterThan(Date.parse(after.body.space.seenAt));
  });

  it('needs a signed-in reader', async () => {
    const { space } = await makeSpace(ctx);
    expect((await ctx.client().put(`/api/spaces/${space.slug}/seen`)).status).toBe(401);
    const { space: draft } = await makeSpace(ctx, { status: 'draft' });
    const { client } = await makeUser(ctx);
    expect((await client.put(`/api/spaces/${draft.slug}/seen`)).status).toBe(404);
  });
});

describe('drafts', () => {
  it('are hidden from guests and participants, in the list and in detail, and shown to admins and their staff', async () => {
    const { space: draft } = await makeSpace(ctx, { status: 'draft' });
    const { space: session } = await makeSpace(ctx, { questionCount: 0 });
    const { space: draftChild } = await makeSpace(ctx, { status: 'draft', parentId: session.id });
    const [participant, admin, moderator] = await Promise.all([makeUser(ctx), makeAdmin(ctx), makeUser(ctx)]);
    await grantRole(ctx, draft.id, moderator.user.id, 'moderator');

    for (const client of [ctx.client(), participant.client]) {
      const nodes = await listNodes(client);
      expect(findNode(nodes, draft.slug)).toBeUndefined();
      expect(findNode(nodes, draftChild.slug)).toBeUndefined();
      expect((await client.get(`/api/spaces/${draft.slug}`)).status).toBe(404);
      expect((await client.get(`/api/spaces/${draftChild.slug}`)).status).toBe(404);
      const parent = await client.get(`/api/spaces/${session.slug}`);
      expect(parent.body.space.children).toEqual([]);
    }

    const adminNodes = await listNodes(admin.client);
    expect(findNode(adminNodes, draft.slug)).toBeDefined();
    expect(adminNodes.find((n) => n.slug === session.slug)?.children.map((c) => c.slug)).toEqual([draftChild.slug]);
    expect((await admin.client.get(`/api/spaces/${draft.slug}`)).body.space.status).toBe('draft');

    expect(findNode(await listNodes(moderator.client), draft.slug)).toBeDefined();
    expect((await moderator.client.get(`/api/spaces/${draft.slug}`)).status).toBe(200);
  });
});

describe('GET /api/spaces/:slug', () => {
  it('reports each role’s abilities, and the background source only to editors', async () => {
    const { space } = await makeSpace(ctx);
    const cast = await makeCast(ctx, space.id);
    const none = {
      post: false,
      moderate: false,
      highlight: false,
      export: false,
      edit: false,
      editContent: false,
      manageRoles: false,
    };
    const expected: [string, TestClient, typeof none][] = [
      ['anonymous', cast.anonymous, none],
      ['participant', cast.participant.client, { ...none, post: true }],
      ['otherModerator', cast.otherModerator.client, { ...none, post: true }],
      ['moderator', cast.moderator.client, { ...none, post: true, moderate: true, export: true }],
      [
        'chair',
        cast.chair.client,
        { ...none, post: true, moderate: true, highlight: true, export: true, editContent: true },
      ],
      [
        'admin',
        cast.admin.client,
        { post: true, moderate: true, highlight: true, export: true, edit: true, editContent: true, manageRoles: true },
      ],
    ];
    for (const [who, client, abilities] of expected) {
      const res = await client.get(`/api/spaces/${space.slug}`);
      expect(res.status, who).toBe(200);
      expect(res.body.space.abilities, who).toEqual(abilities);
      expect('backgroundMd' in res.body.space, who).toBe(abilities.editContent);
    }
  });

  it('lists moderators and chairs, including those of the parent session, once each', async () => {
    const { space: session } = await makeSpace(ctx, { questionCount: 0 });
    const { space: rt } = await makeSpace(ctx, { parentId: session.id });
    const [both, own, chair] = await Promise.all([
      makeUser(ctx, { displayName: 'Bea Both', affiliation: 'IOM' }),
      makeUser(ctx, { displayName: 'Oli Own', affiliation: 'UNHCR' }),
      makeUser(ctx, { displayName: 'Cid Chair', affiliation: 'Mexico' }),
    ]);
    await grantRole(ctx, session.id, both.user.id, 'moderator');
    await grantRole(ctx, rt.id, both.user.id, 'moderator');
    await grantRole(ctx, rt.id, own.user.id, 'moderator');
    await grantRole(ctx, session.id, chair.user.id, 'chair');

    const res = await ctx.client().get(`/api/spaces/${rt.slug}`);
    expect(res.body.space.moderators).toEqual([
      { displayName: 'Bea Both', affiliation: 'IOM' },
      { displayName: 'Oli Own', affiliation: 'UNHCR' },
    ]);
    expect(res.body.space.chairs).toEqual([{ displayName: 'Cid Chair', affiliation: 'Mexico' }]);
    // The session's chair chairs its roundtables too.
    expect((await chair.client.get(`/api/spaces/${rt.slug}`)).body.space.abilities.editContent).toBe(true);
  });

  it('reports closed and not-yet-open spaces as not open, and refuses nobody a read', async () => {
    const { space: closed } = await makeSpace(ctx, { status: 'closed' });
    const { space: future } = await makeSpace(ctx, { opensAt: new Date(Date.now() + DAY) });
    const { space: past } = await makeSpace(ctx, {
      opensAt: new Date(Date.now() - 2 * DAY),
      closesAt: new Date(Date.now() - DAY),
    });
    const { space: open } = await makeSpace(ctx);
    const { client } = await makeUser(ctx);
    for (const s of [closed, future, past]) {
      const res = await client.get(`/api/spaces/${s.slug}`);
      expect(res.status, s.slug).toBe(200);
      expect(res.body.space.isOpen, s.slug).toBe(false);
      expect(res.body.space.abilities.post, s.slug).toBe(false);
    }
    const nodes = await listNodes(client);
    expect(findNode(nodes, closed.slug)).toMatchObject({ isOpen: false });
    expect(findNode(nodes, future.slug)).toMatchObject({ isOpen: false });
    const ok = await client.get(`/api/spaces/${open.slug}`);
    expect(ok.body.space.isOpen).toBe(true);
    expect(ok.body.space.abilities.post).toBe(true);
  });

  it('answers an unknown slug with 404', async () => {
    const res = await ctx.client().get('/api/spaces/no-such-space');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });
});

let slugCounter = 0;
const newSlug = () => `created-${++slugCounter}-${Math.random().toString(36).slice(2, 6)}`;

describe('POST /api/spaces', () => {
  it('creates a draft by default, renders the background, and announces nothing', async () => {
    const { client } = await makeAdmin(ctx);
    const slug = newSlug();
    const res = await client.post('/api/spaces', {
      slug,
      code: 'RT 9.9',
      title: 'A new roundtable',
      background:
        'Some **context**.\n\n<script>alert(1)</script>\n\n[click](javascript:alert(1)) <img src=x onerror=alert(1)>',
    });
    expect(res.status).toBe(201);
    const space = res.body.space;
    expect(space).toMatchObject({ slug, code: 'RT 9.9', status: 'draft', isOpen: false, parent: null, questions: [] });
    expect(space.backgroundHtml).toContain('<strong>context</strong>');
    // The markup survives only as visible text: no element, attribute or link carries it.
    expect(space.backgroundHtml).toContain('&lt;script&gt;');
    expect(space.backgroundHtml).not.toMatch(/<script|<img|<[^>]*\sonerror=|href="javascript:/i);
    expect(space.backgroundMd).toContain('<script>');
    expect(await eventsOf(space.id)).toEqual([]);
    // Not visible to the public while a draft.
    expect((await ctx.client().get(`/api/spaces/${slug}`)).status).toBe(404);
  });

  it('creates an open roundtable inside a session and announces it', async () => {
    const { client } = await makeAdmin(ctx);
    const { space: session } = await makeSpace(ctx, { questionCount: 0 });
    const slug = newSlug();
    const res = await client.post('/api/spaces', {
      slug,
      code: 'RT 1.3',
      title: 'Third roundtable',
      parentSlug: session.slug,
      status: 'open',
      opensAt: new Date(Date.now() - DAY).toISOString(),
      closesAt: new Date(Date.now() + DAY).toISOString(),
    });
    expect(res.status).toBe(201);
    expect(res.body.space.parent.slug).toBe(session.slug);
    expect(res.body.space.isOpen).toBe(true);
    expect(await eventsOf(res.body.space.id)).toEqual([
      { kind: 'space.changed', audience: 'public', payload: { slug } },
    ]);
    const node = (await listNodes(ctx.client())).find((n) => n.slug === session.slug);
    expect(node?.children.map((c) => c.slug)).toContain(slug);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const { client } = await makeAdmin(ctx);
    const { space: session } = await makeSpace(ctx, { questionCount: 0 });
    const { space: rt } = await makeSpace(ctx, { parentId: session.id });
    const base = () => ({ slug: newSlug(), code: 'X', title: 'X' });
    const cases: [string, Record<string, unknown>, number, string][] = [
      ['bad slug', { ...base(), slug: 'Not A Slug!' }, 400, 'slug'],
      ['taken slug', { ...base(), slug: rt.slug }, 409, 'slug'],
      ['unknown parent', { ...base(), parentSlug: 'no-such-session' }, 400, 'parentSlug'],
      ['parent is a roundtable', { ...base(), parentSlug: rt.slug }, 400, 'parentSlug'],
      [
        'closes before it opens',
        { ...base(), opensAt: '2030-01-02T00:00:00Z', closesAt: '2030-01-01T00:00:00Z' },
        400,
        'closesAt',
      ],
      ['unknown field', { ...base(), colour: 'blue' }, 400, 'colour'],
      ['missing title', { slug: newSlug(), code: 'X' }, 400, 'title'],
    ];
    for (const [name, body, status, field] of cases) {
      const res = await client.post('/api/spaces', body);
      expect(res.status, name).toBe(status);
      expect(
        res.body.error.details.fields.map((f: { field: string }) => f.field),
        name,
      ).toContain(field);
      if (name !== 'taken slug') {
        const { rowCount } = await ctx.db.pool.query('select 1 from spaces where slug = $1', [body.slug]);
        expect(rowCount, name).toBe(0);
      }
    }
    const taken = await client.post('/api/spaces', { ...base(), slug: rt.slug });
    expect(taken.body.error.code).toBe('slug_taken');
  });

  it('is for administrators only', async () => {
    const { space } = await makeSpace(ctx);
    const cast = await makeCast(ctx, space.id);
    const body = () => ({ slug: newSlug(), code: 'X', title: 'X' });
    expect((await cast.anonymous.post('/api/spaces', body())).status).toBe(401);
    for (const who of [cast.participant, cast.moderator, cast.chair]) {
      expect((await who.client.post('/api/spaces', body())).status).toBe(403);
    }
  });
});

describe('PATCH /api/spaces/:slug', () => {
  it('lets a chair edit the background and summary, and nothing else', async () => {
    const { space } = await makeSpace(ctx);
    const cast = await makeCast(ctx, space.id);
    const ok = await cast.chair.client.patch(`/api/spaces/${space.slug}`, {
      background: 'New *background* <script>alert(1)</script>',
      summary: 'Shorter.',
    });
    expect(ok.status).toBe(200);
    expect(ok.body.space.backgroundHtml).toContain('<em>background</em>');
    expect(ok.body.space.backgroundHtml).not.toContain('<script');
    expect(ok.body.space.summary).toBe('Shorter.');

    const refused = await cast.chair.client.patch(`/api/spaces/${space.slug}`, {
      background: 'Sneaky',
      status: 'closed',
      title: 'Renamed',
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.details.fields.map((f: { field: string }) => f.field).sort()).toEqual([
      'status',
      'title',
    ]);
    const after = await ctx.client().get(`/api/spaces/${space.slug}`);
    expect(after.body.space).toMatchObject({ status: 'open', title: space.title });
    expect(after.body.space.backgroundHtml).not.toContain('Sneaky');

    expect((await cast.moderator.client.patch(`/api/spaces/${space.slug}`, { summary: 'x' })).status).toBe(403);
    expect((await cast.participant.client.patch(`/api/spaces/${space.slug}`, { summary: 'x' })).status).toBe(403);
    expect((await cast.anonymous.patch(`/api/spaces/${space.slug}`, { summary: 'x' })).status).toBe(401);
  });

  it('lets an admin change any setting, with the same date validation', async () => {
    const { space } = await makeSpace(ctx);
    const { client } = await makeAdmin(ctx);
    const closed = await client.patch(`/api/spaces/${space.slug}`, {
      status: 'closed',
      moderationMode: 'post',
      contactEmail: 'help@example.org',
    });
    expect(closed.status).toBe(200);
    expect(closed.body.space).toMatchObject({
      status: 'closed',
      isOpen: false,
      moderationMode: 'post',
      contactEmail: 'help@example.org',
    });
    const bad = await client.patch(`/api/spaces/${space.slug}`, {
      closesAt: new Date((space.opensAt?.getTime() ?? Date.now()) - DAY).toISOString(),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields[0].field).toBe('closesAt');
    expect((await client.patch(`/api/spaces/${space.slug}`, { parentSlug: 'x' })).status).toBe(400);
  });

  it('announces a draft only once it leaves draft', async () => {
    const { space } = await makeSpace(ctx, { status: 'draft' });
    const { client } = await makeAdmin(ctx);
    expect((await client.patch(`/api/spaces/${space.slug}`, { title: 'Still a draft' })).status).toBe(200);
    expect(await eventsOf(space.id)).toEqual([]);
    expect((await client.patch(`/api/spaces/${space.slug}`, { status: 'open' })).status).toBe(200);
    expect(await eventsOf(space.id)).toEqual([
      { kind: 'space.changed', audience: 'public', payload: { slug: space.slug } },
    ]);
    expect((await ctx.client().get(`/api/spaces/${space.slug}`)).status).toBe(200);
  });
});

describe('a roundtable under a session still in draft', () => {
  const fieldsOf = (body: any) => body.error.details.fields.map((f: { field: string }) => f.field);

  it('cannot leave draft before its session does: 409 naming the status field and the session', async () => {
    const { client } = await makeAdmin(ctx);
    const { space: session } = await makeSpace(ctx, { status: 'draft', questionCount: 0 });
    const { space: rt } = await makeSpace(ctx, { parentId: session.id, status: 'draft' });
    for (const status of ['open', 'closed', 'archived'] as const) {
      const refused = await client.patch(`/api/spaces/${rt.slug}`, { status, title: 'Renamed meanwhile' });
      expect(refused.status, status).toBe(409);
      expect(refused.body.error.code).toBe('session_draft');
      expect(fieldsOf(refused.body)).toEqual(['status']);
      expect(refused.body.error.message).toContain(session.code);
      expect(refused.body.error.details.fields[0].message).toContain('open the session first');
    }
    // Nothing was written, not even the other field of the refused request; nothing announced.
    const { rows } = await ctx.db.pool.query('select status, title from spaces where id = $1', [rt.id]);
    expect(rows[0]).toEqual({ status: 'draft', title: rt.title });
    expect(await eventsOf(rt.id)).toEqual([]);
    // A draft roundtable of a draft session is edited as before.
    expect((await client.patch(`/api/spaces/${rt.slug}`, { title: 'Still a draft' })).status).toBe(200);

    // Once the session is open, so may the roundtable be; visitors then see it under its session.
    expect((await client.patch(`/api/spaces/${session.slug}`, { status: 'open' })).status).toBe(200);
    const opened = await client.patch(`/api/spaces/${rt.slug}`, { status: 'open' });
    expect(opened.status).toBe(200);
    const node = (await listNodes(ctx.client())).find((n) => n.slug === session.slug);
    expect(node?.children.map((c) => c.slug)).toEqual([rt.slug]);
    expect((await ctx.client().get(`/api/spaces/${rt.slug}`)).body.space.parent.slug).toBe(session.slug);
  });

  it('is not created visible either, and a stand-alone space or an open session is not concerned', async () => {
    const { client } = await makeAdmin(ctx);
    const { space: session } = await makeSpace(ctx, { status: 'draft', questionCount: 0 });
    const slug = newSlug();
    const refused = await client.post('/api/spaces', {
      slug,
      code: 'RT 5.1',
      title: 'Too early',
      parentSlug: session.slug,
      status: 'open',
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('session_draft');
    expect(fieldsOf(refused.body)).toEqual(['status']);
    expect((await ctx.db.pool.query('select 1 from spaces where slug = $1', [slug])).rowCount).toBe(0);
    // As a draft it may be prepared inside the draft session.
    const draft = await client.post('/api/spaces', { slug, code: 'RT 5.1', title: 'Later', parentSlug: session.slug });
    expect(draft.status).toBe(201);
    // A stand-alone draft opens on its own.
    const { space: alone } = await makeSpace(ctx, { status: 'draft' });
    expect((await client.patch(`/api/spaces/${alone.slug}`, { status: 'open' })).status).toBe(200);
  });
});

describe('guiding questions', () => {
  const texts = (res: { body: { questions: { text: string; position: number }[] } }) =>
    res.body.questions.map((q) => q.text);
  const positions = (res: { body: { questions: { position: number }[] } }) => res.body.questions.map((q) => q.position);

  it('inserts, moves and deletes while keeping positions 1..n', async () => {
    const { space, questions } = await makeSpace(ctx, { questionCount: 3 });
    const cast = await makeCast(ctx, space.id);
    const chair = cast.chair.client;
    const base = `/api/spaces/${space.slug}/questions`;
    const [q1, q2, q3] = questions.map((q) => q.text);

    const appended = await chair.post(base, { text: 'Fourth?' });
    expect(appended.status).toBe(201);
    expect(texts(appended)).toEqual([q1, q2, q3, 'Fourth?']);

    const inserted = await chair.post(base, { text: 'Zeroth?', position: 1 });
    expect(texts(inserted)).toEqual(['Zeroth?', q1, q2, q3, 'Fourth?']);
    expect(positions(inserted)).toEqual([1, 2, 3, 4, 5]);
    const zeroth = inserted.body.questions[0].id;

    const moved = await chair.patch(`${base}/${zeroth}`, { position: 4, text: 'Fourth, reworded?' });
    expect(moved.status).toBe(200);
    expect(texts(moved)).toEqual([q1, q2, q3, 'Fourth, reworded?', 'Fourth?']);
    expect(positions(moved)).toEqual([1, 2, 3, 4, 5]);

    const toEnd = await chair.patch(`${base}/${questions[0]?.id}`, { position: 99 });
    expect(texts(toEnd)).toEqual([q2, q3, 'Fourth, reworded?', 'Fourth?', q1]);

    const deleted = await chair.delete(`${base}/${questions[2]?.id}`);
    expect(deleted.status).toBe(200);
    expect(texts(deleted)).toEqual([q2, 'Fourth, reworded?', 'Fourth?', q1]);
    expect(positions(deleted)).toEqual([1, 2, 3, 4]);

    const detail = await ctx.client().get(`/api/spaces/${space.slug}`);
    expect(detail.body.space.questions.map((q: { text: string }) => q.text)).toEqual(texts(deleted));
    expect(detail.body.space.counts.questions).toBe(4);

    // Every change is announced with the public list (no viewer-specific counts).
    const events = (await eventsOf(space.id)).filter((e) => e.kind === 'question.changed');
    expect(events).toHaveLength(5);
    expect(events.every((e) => e.audience === 'public')).toBe(true);
    expect(events.at(-1)?.payload.questions.map((q: { text: string }) => q.text)).toEqual(texts(deleted));
    expect(events.at(-1)?.payload.questions[0].counts.new).toBeNull();
  });

  it('keeps positions distinct under concurrent edits', async () => {
    const { space, questions } = await makeSpace(ctx, { questionCount: 4 });
    const { client } = await makeAdmin(ctx);
    const base = `/api/spaces/${space.slug}/questions`;
    const results = await Promise.all([
      client.post(base, { text: 'A?' }),
      client.post(base, { text: 'B?' }),
      client.patch(`${base}/${questions[0]?.id}`, { position: 3 }),
      client.post(base, { text: 'C?', position: 2 }),
      client.patch(`${base}/${questions[3]?.id}`, { position: 1 }),
      client.post(base, { text: 'D?' }),
    ]);
    expect(results.map((r) => r.status)).toEqual([201, 201, 200, 201, 200, 201]);
    const { rows } = await ctx.db.pool.query('select position from questions where space_id = $1 order by position', [
      space.id,
    ]);
    expect(rows.map((r) => r.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('refuses to delete an answered question, unless every answer was withdrawn', async () => {
    const { space, questions } = await makeSpace(ctx, { questionCount: 2 });
    const [chair, author] = await Promise.all([makeUser(ctx), makeUser(ctx)]);
    await grantRole(ctx, space.id, chair.user.id, 'chair');
    const [answered, withdrawnOnly] = questions;
    await insertComment(ctx, { spaceId: space.id, authorId: author.user.id, questionId: answered?.id });
    await insertComment(ctx, {
      spaceId: space.id,
      authorId: author.user.id,
      questionId: withdrawnOnly?.id,
      status: 'withdrawn',
    });
    const refused = await chair.client.delete(`/api/spaces/${space.slug}/questions/${answered?.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('question_has_comments');
    const ok = await chair.client.delete(`/api/spaces/${space.slug}/questions/${withdrawnOnly?.id}`);
    expect(ok.status).toBe(200);
    expect(ok.body.questions.map((q: { id: string }) => q.id)).toEqual([answered?.id]);
  });

  it('answers 404 for a question of another space, and refuses non-editors', async () => {
    const { space } = await makeSpace(ctx);
    const { questions: foreign } = await makeSpace(ctx);
    const cast = await makeCast(ctx, space.id);
    const base = `/api/spaces/${space.slug}/questions`;
    expect((await cast.admin.client.patch(`${base}/${foreign[0]?.id}`, { text: 'Hijacked?' })).status).toBe(404);
    expect((await cast.admin.client.delete(`${base}/${foreign[0]?.id}`)).status).toBe(404);
    expect((await cast.admin.client.patch(`${base}/${uuid()}`, { position: 1 })).status).toBe(404);
    expect((await cast.anonymous.post(base, { text: 'Q?' })).status).toBe(401);
    for (const who of [cast.participant, cast.moderator, cast.otherModerator]) {
      expect((await who.client.post(base, { text: 'Q?' })).status).toBe(403);
    }
    expect((await cast.chair.client.post(base, { text: '   ' })).status).toBe(400);
    expect((await cast.chair.client.post(base, { text: 'Q?', position: 0 })).status).toBe(400);
  });

  it('does not announce question changes in a draft', async () => {
    const { space } = await makeSpace(ctx, { status: 'draft', questionCount: 0 });
    const { client } = await makeAdmin(ctx);
    expect((await client.post(`/api/spaces/${space.slug}/questions`, { text: 'Secret?' })).status).toBe(201);
    expect(await eventsOf(space.id)).toEqual([]);
  });
});

describe('roles', () => {
  it('grants and revokes by email in any letter case, idempotently, and announces the change', async () => {
    const { space } = await makeSpace(ctx);
    const [admin, person] = await Promise.all([
      makeAdmin(ctx),
      makeUser(ctx, { displayName: 'Rae Roles', affiliation: 'OECD' }),
    ]);
    const url = `/api/spaces/${space.slug}/roles`;
    const body = { email: person.user.email.toUpperCase(), role: 'moderator' };

    expect((await admin.client.get(url)).body.roles).toEqual([]);
    const granted = await admin.client.put(url, body);
    expect(granted.status).toBe(200);
    expect(granted.body.roles).toEqual([
      expect.objectContaining({ role: 'moderator', user: expect.objectContaining({ email: person.user.email }) }),
    ]);
    const again = await admin.client.put(url, body);
    expect(again.status).toBe(200);
    expect(again.body.roles).toHaveLength(1);

    const seen = await person.client.get(`/api/spaces/${space.slug}`);
    expect(seen.body.space.abilities.moderate).toBe(true);
    expect(seen.body.space.moderators).toEqual([{ displayName: 'Rae Roles', affiliation: 'OECD' }]);

    const chair = await admin.client.put(url, { ...body, role: 'chair' });
    expect(chair.body.roles.map((r: { role: string }) => r.role).sort()).toEqual(['chair', 'moderator']);

    const revoked = await admin.client.delete(url, body);
    expect(revoked.status).toBe(200);
    expect(revoked.body.roles.map((r: { role: string }) => r.role)).toEqual(['chair']);
    const after = await person.client.get(`/api/spaces/${space.slug}`);
    expect(after.body.space.moderators).toEqual([]);
    expect(after.body.space.abilities.highlight).toBe(true);

    const kinds = (await eventsOf(space.id)).map((e) => [e.kind, e.audience, e.payload]);
    expect(kinds).toEqual(Array(3).fill(['space.changed', 'public', { slug: space.slug }]));
  });

  it('answers an unknown email with 404 naming the field, and is for administrators only', async () => {
    const { space } = await makeSpace(ctx);
    const cast = await makeCast(ctx, space.id);
    const url = `/api/spaces/${space.slug}/roles`;
    const unknown = await cast.admin.client.put(url, { email: 'nobody@example.org', role: 'chair' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.details.fields[0].field).toBe('email');
    const bad = await cast.admin.client.put(url, { email: cast.participant.user.email, role: 'owner' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields[0].field).toBe('role');

    const body = { email: cast.participant.user.email, role: 'moderator' };
    expect((await cast.anonymous.get(url)).status).toBe(401);
    expect((await cast.anonymous.put(url, body)).status).toBe(401);
    for (const who of [cast.participant, cast.moderator, cast.chair]) {
      expect((await who.client.get(url)).status).toBe(403);
      expect((await who.client.put(url, body)).status).toBe(403);
      expect((await who.client.delete(url, body)).status).toBe(403);
    }
    expect((await cast.admin.client.get(url)).body.roles).toHaveLength(2);
  });
});

describe('GET /api/tags', () => {
  it('lists the taxonomy in order', async () => {
    await withTaxonomy(ctx);
    const res = await ctx.client().get('/api/tags');
    expect(res.status).toBe(200);
    expect(res.body.tags).toHaveLength(23);
    expect(res.body.tags.map((t: { code: string }) => t.code).slice(0, 3)).toEqual(['1', '2', '3']);
    expect(res.body.tags[15]).toMatchObject({ code: '16', slug: 'gcm-16' });
    expect(res.body.tags[0].labelFr).toBeTruthy();
  });
});

describe('OpenAPI', () => {
  it('documents every spaces route', async () => {
    const res = await ctx.client().get('/api/openapi.json');
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/spaces',
        '/api/spaces/{slug}',
        '/api/spaces/{slug}/questions',
        '/api/spaces/{slug}/questions/{id}',
        '/api/spaces/{slug}/roles',
        '/api/spaces/{slug}/seen',
        '/api/tags',
      ]),
    );
  });
});
