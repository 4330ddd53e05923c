import { beforeAll, describe, expect, it } from 'vitest';
import { type TestClient, setupApp } from '../helpers/app.js';
import { type Cast, insertComment, makeCast, makeSpace, makeUser, uuid, withTaxonomy } from '../helpers/factories.js';

const ctx = await setupApp();

type Fixture = Awaited<ReturnType<typeof makeSpace>>;
let pre: Fixture;
let post: Fixture;
let cast: Cast;

beforeAll(async () => {
  await withTaxonomy(ctx);
  pre = await makeSpace(ctx, { moderationMode: 'pre' });
  post = await makeSpace(ctx, { moderationMode: 'post' });
  cast = await makeCast(ctx, pre.space.id);
});

const draft = (overrides: Record<string, unknown> = {}) => ({
  body: `A contribution ${Math.random().toString(36).slice(2)}`,
  language: 'en',
  clientId: uuid(),
  ...overrides,
});

const list = async (client: TestClient, slug: string, query = '') => {
  const res = await client.get(`/api/spaces/${slug}/comments${query}`);
  expect(res.status).toBe(200);
  return res.body as {
    comments: { id: string; status: string; bodyHtml: string; [k: string]: unknown }[];
    nextCursor: string | null;
  };
};
const ids = (page: { comments: { id: string }[] }) => page.comments.map((c) => c.id);

const eventsFor = async (commentId: string) =>
  (
    await ctx.db.pool.query(
      `select kind, audience, payload from events
        where payload->>'commentId' = $1 or payload->'comment'->>'id' = $1 order by id`,
      [commentId],
    )
  ).rows as { kind: string; audience: string; payload: Record<string, any> }[];

const fieldsOf = (body: any): string[] => body.error.details.fields.map((f: { field: string }) => f.field);

describe('posting', () => {
  it('keeps a new comment in a pre-moderated space pending: the author sees it marked, nobody else does', async () => {
    const res = await cast.author.client.post(`/api/spaces/${pre.space.slug}/comments`, draft());
    expect(res.status).toBe(201);
    const c = res.body.comment;
    expect(c).toMatchObject({ status: 'pending', version: 1, author: { displayName: 'Ada Author' } });
    expect(c.abilities).toMatchObject({ edit: true, withdraw: true, attach: true, report: false });

    const own = await list(cast.author.client, pre.space.slug);
    expect(own.comments.find((x) => x.id === c.id)?.status).toBe('pending');
    for (const client of [cast.anonymous, cast.participant.client, cast.moderator.client, cast.admin.client]) {
      expect(ids(await list(client, pre.space.slug))).not.toContain(c.id);
    }

    const events = await eventsFor(c.id);
    expect(events).toEqual([
      { kind: 'comment.submitted', audience: 'staff', payload: { commentId: c.id, kind: 'submission' } },
    ]);
    const audit = await ctx.db.pool.query('select action, to_status from moderation_events where comment_id = $1', [
      c.id,
    ]);
    expect(audit.rows).toEqual([{ action: 'submit', to_status: 'pending' }]);
    const revisions = await ctx.db.pool.query('select version, status from comment_revisions where comment_id = $1', [
      c.id,
    ]);
    expect(revisions.rows).toEqual([{ version: 1, status: 'pending' }]);
  });

  it('publishes at once in a post-moderated space and announces only the published view', async () => {
    const res = await cast.author.client.post(`/api/spaces/${post.space.slug}/comments`, draft());
    expect(res.status).toBe(201);
    expect(res.body.comment.status).toBe('approved');
    expect(ids(await list(cast.anonymous, post.space.slug))).toContain(res.body.comment.id);
    const events = await eventsFor(res.body.comment.id);
    expect(events.map((e) => [e.kind, e.audience])).toEqual([
      ['comment.published', 'public'],
      ['comment.submitted', 'staff'],
    ]);
    // The public payload is the guest's view: no markdown source, no author-only fields.
    expect(events[0]?.payload.comment).not.toHaveProperty('bodyMd');
    expect(events[0]?.payload.comment.abilities.edit).toBe(false);
  });

  it('stores tags given by code or slug, and refuses unknown ones naming tags', async () => {
    const ok = await cast.author.client.post(
      `/api/spaces/${post.space.slug}/comments`,
      draft({ tags: ['16', 'gcm-20'] }),
    );
    expect(ok.status).toBe(201);
    expect(ok.body.comment.tags.map((t: { code: string }) => t.code).sort()).toEqual(['16', '20']);
    const bad = await cast.author.client.post(
      `/api/spaces/${post.space.slug}/comments`,
      draft({ tags: ['16', 'nope'] }),
    );
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(['tags']);
  });

  it('refuses guests with 401', async () => {
    const res = await cast.anonymous.post(`/api/spaces/${pre.space.slug}/comments`, draft());
    expect(res.status).toBe(401);
  });
});

describe('idempotent clientId', () => {
  it('returns the first comment with 200 when the same clientId comes again', async () => {
    const body = draft();
    const first = await cast.author.client.post(`/api/spaces/${pre.space.slug}/comments`, body);
    expect(first.status).toBe(201);
    const again = await cast.author.client.post(`/api/spaces/${pre.space.slug}/comments`, { ...body, body: 'changed' });
    expect(again.status).toBe(200);
    expect(again.body.comment.id).toBe(first.body.comment.id);
    expect(again.body.comment.bodyMd).toBe(body.body);
  });

  it('writes one comment when two identical requests race', async () => {
    const body = draft();
    const [a, b] = await Promise.all([
      cast.author.client.post(`/api/spaces/${pre.space.slug}/comments`, body),
      cast.author.client.post(`/api/spaces/${pre.space.slug}/comments`, body),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(a.body.comment.id).toBe(b.body.comment.id);
    const { rows } = await ctx.db.pool.query('select count(*)::int as n from comments where client_id = $1', [
      body.clientId,
    ]);
    expect(rows[0].n).toBe(1);
    const events = await eventsFor(a.body.comment.id);
    expect(events).toHaveLength(1);
  });

  it.each([
    ['the space closed', { status: 'closed' }, 409],
    ['the space was archived', { status: 'archived' }, 409],
    ['its closing date passed', { closes_at: new Date(Date.now() - 60_000) }, 409],
    ['its language stopped being accepted', { accepted_languages: ['fr'] }, 400],
  ])('returns the original comment with 200 when the retry comes after %s', async (_label, change, refused) => {
    const { space } = await makeSpace(ctx, { moderationMode: 'pre' });
    const body = draft({ language: 'en' });
    const first = await cast.author.client.post(`/api/spaces/${space.slug}/comments`, body);
    expect(first.status).toBe(201);
    const [column, value] = Object.entries(change)[0] as [string, unknown];
    await ctx.db.pool.query(`update spaces set ${column} = $1 where id = $2`, [value, space.id]);
    // The change is real: a new comment is refused now.
    const fresh = await cast.author.client.post(`/api/spaces/${space.slug}/comments`, draft({ language: 'en' }));
    expect(fresh.status).toBe(refused);

    const retry = await cast.author.client.post(`/api/spaces/${space.slug}/comments`, body);
    expect(retry.status).toBe(200);
    expect(retry.body.comment).toMatchObject({ id: first.body.comment.id, bodyMd: body.body, status: 'pending' });
    const { rows } = await ctx.db.pool.query('select count(*)::int as n from comments where space_id = $1', [space.id]);
    expect(rows[0].n).toBe(1);
  });

  it('lets another author use the same clientId', async () => {
    const body = draft();
    const a = await cast.author.client.post(`/api/spaces/${pre.space.slug}/comments`, body);
    const b = await cast.participant.client.post(`/api/spaces/${pre.space.slug}/comments`, body);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.comment.id).not.toBe(b.body.comment.id);
  });
});

describe('spaces that do not accept comments', () => {
  const day = 86_400_000;
  it.each([
    ['closed', { status: 'closed' as const }, 'closed'],
    ['archived', { status: 'archived' as const }, 'archived'],
    ['not yet open', { opensAt: new Date(Date.now() + day) }, 'not_yet_open'],
    ['past closesAt', { closesAt: new Date(Date.now() - day) }, 'closed'],
  ])('refuses a post in a %s space with 409 space_not_open', async (_label, overrides, reason) => {
    const { space } = await makeSpace(ctx, overrides);
    const res = await cast.author.client.post(`/api/spaces/${space.slug}/comments`, draft());
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('space_not_open');
    expect(res.body.error.details.reason).toBe(reason);
    expect(res.body.error.message.length).toBeGreaterThan(10);
    const { rows } = await ctx.db.pool.query('select count(*)::int as n from comments where space_id = $1', [space.id]);
    expect(rows[0].n).toBe(0);
  });

  it('refuses a draft: 404 to those who cannot see it, 409 to an administrator', async () => {
    const { space } = await makeSpace(ctx, { status: 'draft' });
    expect((await cast.author.client.post(`/api/spaces/${space.slug}/comments`, draft())).status).toBe(404);
    const res = await cast.admin.client.post(`/api/spaces/${space.slug}/comments`, draft());
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'space_not_open', details: { reason: 'draft' } });
  });
});

describe('validation', () => {
  it('refuses a question of another space, naming questionId', async () => {
    const res = await cast.author.client.post(
      `/api/spaces/${pre.space.slug}/comments`,
      draft({ questionId: post.questions[0]?.id }),
    );
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual(['questionId']);
  });

  it('refuses a parent of another space, naming parentId', async () => {
    const other = await insertComment(ctx, {
      spaceId: post.space.id,
      authorId: cast.participant.user.id,
      status: 'approved',
    });
    const res = await cast.author.client.post(`/api/spaces/${pre.space.slug}/comments`, draft({ parentId: other.id }));
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual(['parentId']);
  });

  it("refuses a reply to someone else's pending comment, naming parentId", async () => {
    const hidden = await insertComment(ctx, { spaceId: pre.space.id, authorId: cast.participant.user.id });
    const res = await cast.author.client.post(`/api/spaces/${pre.space.slug}/comments`, draft({ parentId: hidden.id }));
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual(['parentId']);
    // The same reply is fine for its own author.
    const own = await cast.participant.client.post(
      `/api/spaces/${pre.space.slug}/comments`,
      draft({ parentId: hidden.id }),
    );
    expect(own.status).toBe(201);
  });

  it("makes a reply inherit its parent's question, and refuses a different one", async () => {
    const q = pre.questions[1];
    const parent = await insertComment(ctx, {
      spaceId: pre.space.id,
      authorId: cast.participant.user.id,
      status: 'approved',
      questionId: q?.id ?? null,
    });
    const reply = await cast.author.client.post(
      `/api/spaces/${pre.space.slug}/comments`,
      draft({ parentId: parent.id }),
    );
    expect(reply.status).toBe(201);
    expect(reply.body.comment).toMatchObject({
      questionId: q?.id,
      parentId: parent.id,
      inReplyTo: { id: parent.id, authorName: 'Pat Participant' },
    });
    const wrong = await cast.author.client.post(
      `/api/spaces/${pre.space.slug}/comments`,
      draft({ parentId: parent.id, questionId: pre.questions[0]?.id }),
    );
    expect(wrong.status).toBe(400);
    expect(fieldsOf(wrong.body)).toEqual(['questionId']);
  });

  it('bounds the body: empty and 20,001 characters refused naming body, 20,000 accepted', async () => {
    for (const body of ['', '   \n ', 'x'.repeat(20_001)]) {
      const res = await cast.author.client.post(`/api/spaces/${pre.space.slug}/comments`, draft({ body }));
      expect(res.status).toBe(400);
      expect(fieldsOf(res.body)).toEqual(['body']);
    }
    const max = await cast.author.client.post(
      `/api/spaces/${pre.space.slug}/comments`,
      draft({ body: 'x'.repeat(20_000) }),
    );
    expect(max.status).toBe(201);
  });

  it('refuses unknown fields, naming them', async () => {
    const res = await cast.author.client.post(`/api/spaces/${pre.space.slug}/comments`, draft({ status: 'approved' }));
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual(['status']);
  });

  it('refuses a language the space does not accept, naming language', async () => {
    const { space } = await makeSpace(ctx, { acceptedLanguages: ['en', 'fr'] });
    const res = await cast.author.client.post(`/api/spaces/${space.slug}/comments`, draft({ language: 'es' }));
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual(['language']);
    expect(
      (await cast.author.client.post(`/api/spaces/${space.slug}/comments`, draft({ language: 'fr' }))).status,
    ).toBe(201);
  });
});

describe('markdown', () => {
  it('comes back inert: no script, no event handler, no javascript: link, raw HTML shown as text', async () => {
    const body = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '[x](javascript:alert(1))',
      '<a href="javascript:alert(2)">raw</a> <iframe src="https://evil.example"></iframe>',
    ].join('\n\n');
    const res = await cast.author.client.post(`/api/spaces/${post.space.slug}/comments`, draft({ body }));
    expect(res.status).toBe(201);
    const html: string = res.body.comment.bodyHtml;
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<iframe/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<[^>]*\son\w+\s*=/i);
    expect(html).not.toMatch(/<a[^>]*href\s*=\s*["']?\s*javascript:/i);
    expect(html).toContain('&lt;script&gt;');
    expect(res.body.comment.bodyMd).toBe(body);
  });

  it('gives links rel="nofollow ugc noopener noreferrer" and renders footnotes anchored to the comment', async () => {
    const body = 'See [the report](https://example.org/r) and iom.int.[^1]\n\n[^1]: A footnote.';
    const res = await cast.author.client.post(`/api/spaces/${post.space.slug}/comments`, draft({ body }));
    const { id, bodyHtml } = res.body.comment;
    expect(bodyHtml).toContain('<a href="https://example.org/r" rel="nofollow ugc noopener noreferrer">');
    expect(bodyHtml).toContain('class="footnotes"');
    expect(bodyHtml).toContain(`id="fn-${id}-1"`);
  });
});

describe('listing', () => {
  let space: Fixture;
  const c: Record<string, string> = {};

  beforeAll(async () => {
    space = await makeSpace(ctx, { moderationMode: 'post' });
    const [q1, q2] = space.questions;
    const author = cast.author.client;
    const mk = async (name: string, overrides: Record<string, unknown>) => {
      const res = await author.post(`/api/spaces/${space.space.slug}/comments`, draft(overrides));
      expect(res.status).toBe(201);
      c[name] = res.body.comment.id;
    };
    await mk('q1en', { questionId: q1?.id, tags: ['16'] });
    await mk('q1fr', { questionId: q1?.id, language: 'fr' });
    await mk('q2es', { questionId: q2?.id, language: 'es', tags: ['gcm-20'] });
    await mk('general', {});
    await ctx.db.pool.query('update comments set highlighted = true where id = $1', [c.q1fr]);
  });

  it.each([
    ['questionId', (s: Fixture) => `?questionId=${s.questions[0]?.id}`, ['q1en', 'q1fr']],
    ['questionId=none', () => '?questionId=none', ['general']],
    ['language', () => '?language=es', ['q2es']],
    ['tag by code', () => '?tag=16', ['q1en']],
    ['tag by slug', () => '?tag=gcm-20', ['q2es']],
    ['unknown tag', () => '?tag=zzz', []],
    ['highlighted', () => '?highlighted=true', ['q1fr']],
  ])('filters by %s', async (_label, query, expected) => {
    const page = await list(cast.anonymous, space.space.slug, query(space));
    expect(ids(page)).toEqual(expected.map((k) => c[k]));
  });

  it('refuses a bad filter value with 400', async () => {
    const res = await cast.anonymous.get(`/api/spaces/${space.space.slug}/comments?questionId=42`);
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual(['questionId']);
    expect((await cast.anonymous.get(`/api/spaces/${space.space.slug}/comments?limit=501`)).status).toBe(400);
  });

  it('answers 404 for an unknown space and for a draft', async () => {
    expect((await cast.anonymous.get('/api/spaces/no-such-space/comments')).status).toBe(404);
    const { space: d } = await makeSpace(ctx, { status: 'draft' });
    expect((await cast.participant.client.get(`/api/spaces/${d.slug}/comments`)).status).toBe(404);
  });
});

describe('cursor pagination', () => {
  it('walks 3 pages of 2 without duplicates or gaps, in created order, even within one millisecond', async () => {
    const { space } = await makeSpace(ctx);
    const same = new Date('2025-03-01T10:00:00.000Z');
    const rows = [];
    // Three share one instant (order falls to the id); three carry microseconds from now().
    for (let i = 0; i < 3; i++) {
      rows.push(
        await insertComment(ctx, {
          spaceId: space.id,
          authorId: cast.participant.user.id,
          status: 'approved',
          createdAt: same,
        }),
      );
    }
    for (let i = 0; i < 3; i++) {
      rows.push(
        await insertComment(ctx, { spaceId: space.id, authorId: cast.participant.user.id, status: 'approved' }),
      );
    }
    // Two more share one millisecond but not one microsecond, which a millisecond cursor cannot tell apart.
    await ctx.db.pool.query(
      `update comments set created_at = '2025-03-01T10:00:00.001Z'::timestamptz + (interval '1 microsecond' * (3 - $2::int))
        where id = $1`,
      [rows[3]?.id, 1],
    );
    await ctx.db.pool.query(
      `update comments set created_at = '2025-03-01T10:00:00.001Z'::timestamptz + (interval '1 microsecond' * (3 - $2::int))
        where id = $1`,
      [rows[4]?.id, 2],
    );
    const expected = (
      await ctx.db.pool.query('select id from comments where space_id = $1 order by created_at, id', [space.id])
    ).rows.map((r) => r.id);
    expect(expected).toHaveLength(6);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await list(cast.anonymous, space.slug, `?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.comments).toHaveLength(2);
      seen.push(...ids(page));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 5);
    expect(pages).toBe(3);
    expect(seen).toEqual(expected);
  });

  it('refuses a forged cursor with 400', async () => {
    const res = await cast.anonymous.get(`/api/spaces/${pre.space.slug}/comments?cursor=bm9wZQ`);
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual(['cursor']);
  });
});

describe('full-text search', () => {
  let space: Fixture;
  let fr: string;
  let es: string;
  beforeAll(async () => {
    space = await makeSpace(ctx);
    const a = cast.participant.user.id;
    fr = (
      await insertComment(ctx, {
        spaceId: space.space.id,
        authorId: a,
        status: 'approved',
        language: 'fr',
        body: 'Les migrations circulaires renforcent les communautés zanzibar.',
      })
    ).id;
    es = (
      await insertComment(ctx, {
        spaceId: space.space.id,
        authorId: a,
        status: 'approved',
        language: 'es',
        body: 'Las políticas protegen a los trabajadores migrantes.',
      })
    ).id;
    for (const status of ['pending', 'rejected', 'withdrawn'] as const) {
      await insertComment(ctx, {
        spaceId: space.space.id,
        authorId: a,
        status,
        body: `Unpublished zanzibar ${status}.`,
      });
    }
  });

  const search = (client: TestClient, q: string) => list(client, space.space.slug, `?q=${encodeURIComponent(q)}`);

  it('finds a French comment by another form of the word, and a Spanish one', async () => {
    expect(ids(await search(cast.anonymous, 'migration'))).toContain(fr);
    expect(ids(await search(cast.anonymous, 'trabajador'))).toEqual([es]);
  });

  it("never returns someone else's unpublished comments, but returns the viewer's own pending one", async () => {
    expect(ids(await search(cast.anonymous, 'zanzibar'))).toEqual([fr]);
    expect(ids(await search(cast.moderator.client, 'zanzibar'))).toEqual([fr]);
    const own = await search(cast.participant.client, 'zanzibar');
    expect(own.comments.map((c) => c.status).sort()).toEqual(['approved', 'pending', 'rejected']);
  });
});

describe('editing', () => {
  const edit = (client: TestClient, id: string, body: Record<string, unknown>) =>
    client.patch(`/api/comments/${id}`, body);

  it('refuses a stale version with 409 and the current comment', async () => {
    const created = await cast.author.client.post(`/api/spaces/${pre.space.slug}/comments`, draft());
    const id = created.body.comment.id;
    expect((await edit(cast.author.client, id, { body: 'second', version: 1 })).status).toBe(200);
    const stale = await edit(cast.author.client, id, { body: 'third', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('conflict');
    expect(stale.body.error.details.comment).toMatchObject({ id, version: 2, bodyMd: 'second' });
  });

  it('edits a pending comment in place, superseding the previous revision', async () => {
    const created = await cast.author.client.post(`/api/spaces/${pre.space.slug}/comments`, draft());
    const id = created.body.comment.id;
    const res = await edit(cast.author.client, id, { body: 'Better *words*', version: 1, tags: ['7'] });
    expect(res.status).toBe(200);
    expect(res.body.comment).toMatchObject({ status: 'pending', version: 2, bodyMd: 'Better *words*', editedAt: null });
    expect(res.body.comment.bodyHtml).toContain('<em>words</em>');
    expect(res.body.comment.tags.map((t: { code: string }) => t.code)).toEqual(['7']);
    const revisions = await ctx.db.pool.query(
      'select version, status from comment_revisions where comment_id = $1 order by version',
      [id],
    );
    expect(revisions.rows).toEqual([
      { version: 1, status: 'superseded' },
      { version: 2, status: 'pending' },
    ]);
  });

  it('keeps the published text public when an approved comment is edited in a pre-moderated space', async () => {
    const row = await insertComment(ctx, {
      spaceId: pre.space.id,
      authorId: cast.author.user.id,
      status: 'approved',
      body: 'Published words.',
    });
    const res = await edit(cast.author.client, row.id, { body: 'Revised words.', version: 1 });
    expect(res.status).toBe(200);
    expect(res.body.comment).toMatchObject({ status: 'approved', version: 2, bodyMd: 'Published words.' });
    expect(res.body.comment.pendingRevision).toMatchObject({ version: 2, bodyMd: 'Revised words.' });
    expect(res.body.comment.abilities.attach).toBe(true);

    for (const client of [cast.anonymous, cast.participant.client]) {
      const seen = (await list(client, pre.space.slug)).comments.find((c) => c.id === row.id);
      expect(seen?.bodyHtml).toContain('Published words.');
      expect(JSON.stringify(seen)).not.toContain('Revised');
    }
    const mine = (await list(cast.author.client, pre.space.slug)).comments.find((c) => c.id === row.id);
    expect(mine?.pendingRevision).toMatchObject({ bodyMd: 'Revised words.' });

    // A second edit replaces the waiting one.
    const again = await edit(cast.author.client, row.id, { body: 'Revised again.', version: 2 });
    expect(again.status).toBe(200);
    expect(again.body.comment.pendingRevision).toMatchObject({ version: 3, bodyMd: 'Revised again.' });
    const { rows } = await ctx.db.pool.query(
      `select c.body_md, r.version, r.status from comments c join comment_revisions r on r.comment_id = c.id
        where c.id = $1 order by r.version`,
      [row.id],
    );
    expect(rows.map((r) => [r.version, r.status])).toEqual([
      [1, 'approved'],
      [2, 'superseded'],
      [3, 'pending'],
    ]);
    expect(rows[0].body_md).toBe('Published words.');
    const events = await eventsFor(row.id);
    expect(events.map((e) => [e.kind, e.audience, e.payload.kind])).toEqual([
      ['comment.submitted', 'staff', 'revision'],
      ['comment.submitted', 'staff', 'revision'],
    ]);
  });

  it('changes published text at once in a post-moderated space and announces it', async () => {
    const row = await insertComment(ctx, { spaceId: post.space.id, authorId: cast.author.user.id, status: 'approved' });
    const res = await edit(cast.author.client, row.id, { body: 'Now corrected.', version: 1 });
    expect(res.status).toBe(200);
    expect(res.body.comment).toMatchObject({ status: 'approved', version: 2, bodyMd: 'Now corrected.' });
    expect(res.body.comment.editedAt).not.toBeNull();
    const seen = (await list(cast.anonymous, post.space.slug)).comments.find((c) => c.id === row.id);
    expect(seen?.bodyHtml).toContain('Now corrected.');
    const events = await eventsFor(row.id);
    expect(events.map((e) => [e.kind, e.audience])).toEqual([['comment.updated', 'public']]);
  });

  it('resubmits a rejected comment: pending again', async () => {
    const row = await insertComment(ctx, {
      spaceId: pre.space.id,
      authorId: cast.author.user.id,
      status: 'rejected',
      reason: 'Off topic',
    });
    const res = await edit(cast.author.client, row.id, { body: 'On topic now.', version: 1 });
    expect(res.status).toBe(200);
    expect(res.body.comment).toMatchObject({ status: 'pending', version: 2 });
    const events = await eventsFor(row.id);
    expect(events.map((e) => e.kind)).toEqual(['comment.submitted']);
  });

  it('lets only the author edit, and only while the space is open', async () => {
    const approved = await insertComment(ctx, {
      spaceId: pre.space.id,
      authorId: cast.author.user.id,
      status: 'approved',
    });
    const pending = await insertComment(ctx, { spaceId: pre.space.id, authorId: cast.author.user.id });
    expect((await edit(cast.anonymous, approved.id, { body: 'x', version: 1 })).status).toBe(401);
    expect((await edit(cast.participant.client, approved.id, { body: 'x', version: 1 })).status).toBe(403);
    expect((await edit(cast.admin.client, approved.id, { body: 'x', version: 1 })).status).toBe(403);
    expect((await edit(cast.participant.client, pending.id, { body: 'x', version: 1 })).status).toBe(404);

    const closed = await makeSpace(ctx, { status: 'closed' });
    const old = await insertComment(ctx, {
      spaceId: closed.space.id,
      authorId: cast.author.user.id,
      status: 'approved',
    });
    const res = await edit(cast.author.client, old.id, { body: 'x', version: 1 });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('space_not_open');
  });
});

describe('withdrawing', () => {
  it('hides the comment from everyone else, keeps it in the database, and tells the queues', async () => {
    const row = await insertComment(ctx, {
      spaceId: post.space.id,
      authorId: cast.author.user.id,
      status: 'approved',
      body: 'Withdrawable quixotic text.',
    });
    expect((await cast.participant.client.delete(`/api/comments/${row.id}`)).status).toBe(403);
    const res = await cast.author.client.delete(`/api/comments/${row.id}`);
    expect(res.status).toBe(200);
    expect(res.body.comment).toMatchObject({ status: 'withdrawn', version: 2 });

    for (const client of [cast.anonymous, cast.participant.client, cast.author.client]) {
      expect(ids(await list(client, post.space.slug))).not.toContain(row.id);
      expect(ids(await list(client, post.space.slug, '?q=quixotic'))).toEqual([]);
    }
    const { rows } = await ctx.db.pool.query('select status from comments where id = $1', [row.id]);
    expect(rows).toEqual([{ status: 'withdrawn' }]);
    const events = await eventsFor(row.id);
    expect(events.map((e) => [e.kind, e.audience])).toEqual([
      ['comment.withdrawn', 'public'],
      ['comment.decided', 'staff'],
    ]);
    expect((await cast.author.client.delete(`/api/comments/${row.id}`)).status).toBe(403);
  });

  it('withdraws a pending comment without a public event', async () => {
    const row = await insertComment(ctx, { spaceId: pre.space.id, authorId: cast.author.user.id });
    expect((await cast.author.client.delete(`/api/comments/${row.id}`)).status).toBe(200);
    expect((await eventsFor(row.id)).map((e) => e.kind)).toEqual(['comment.decided']);
  });
});

describe('reporting', () => {
  it('accepts one report per person on a published comment', async () => {
    const row = await insertComment(ctx, { spaceId: pre.space.id, authorId: cast.author.user.id, status: 'approved' });
    const first = await cast.participant.client.post(`/api/comments/${row.id}/reports`, {
      reason: 'Insulting language',
    });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ ok: true });
    const second = await cast.participant.client.post(`/api/comments/${row.id}/reports`, { reason: 'Again' });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('already_reported');
    const { rows } = await ctx.db.pool.query('select count(*)::int as n from reports where comment_id = $1', [row.id]);
    expect(rows[0].n).toBe(1);
    expect((await eventsFor(row.id)).map((e) => [e.kind, e.audience])).toEqual([['comment.reported', 'staff']]);
    const audit = await ctx.db.pool.query('select action, reason from moderation_events where comment_id = $1', [
      row.id,
    ]);
    expect(audit.rows).toEqual([{ action: 'report', reason: 'Insulting language' }]);
  });

  it('refuses the author (403), guests (401), and a comment that is not published (404 / 403)', async () => {
    const approved = await insertComment(ctx, {
      spaceId: pre.space.id,
      authorId: cast.author.user.id,
      status: 'approved',
    });
    const pending = await insertComment(ctx, { spaceId: pre.space.id, authorId: cast.author.user.id });
    const reason = { reason: 'Spam link' };
    expect((await cast.author.client.post(`/api/comments/${approved.id}/reports`, reason)).status).toBe(403);
    expect((await cast.anonymous.post(`/api/comments/${approved.id}/reports`, reason)).status).toBe(401);
    expect((await cast.participant.client.post(`/api/comments/${pending.id}/reports`, reason)).status).toBe(404);
    expect((await cast.moderator.client.post(`/api/comments/${pending.id}/reports`, reason)).status).toBe(403);
    expect((await cast.participant.client.post(`/api/comments/${approved.id}/reports`, { reason: '' })).status).toBe(
      400,
    );
  });
});

describe('my contributions', () => {
  it('lists my comments in every space, newest first, every status, with their space', async () => {
    const me = await makeUser(ctx);
    const t = (m: number) => new Date(Date.UTC(2025, 0, 1, 0, m));
    const made = [
      await insertComment(ctx, { spaceId: pre.space.id, authorId: me.user.id, status: 'pending', createdAt: t(1) }),
      await insertComment(ctx, { spaceId: post.space.id, authorId: me.user.id, status: 'approved', createdAt: t(2) }),
      await insertComment(ctx, { spaceId: pre.space.id, authorId: me.user.id, status: 'rejected', createdAt: t(3) }),
      await insertComment(ctx, { spaceId: post.space.id, authorId: me.user.id, status: 'withdrawn', createdAt: t(4) }),
    ];
    await insertComment(ctx, { spaceId: pre.space.id, authorId: cast.participant.user.id, status: 'approved' });

    const res = await me.client.get('/api/me/comments');
    expect(res.status).toBe(200);
    expect(res.body.comments.map((c: { id: string }) => c.id)).toEqual(made.map((c) => c.id).reverse());
    expect(res.body.comments.map((c: { status: string }) => c.status)).toEqual([
      'withdrawn',
      'rejected',
      'approved',
      'pending',
    ]);
    expect(res.body.comments[1].space).toEqual({
      id: pre.space.id,
      slug: pre.space.slug,
      code: pre.space.code,
      title: pre.space.title,
    });
    expect(res.body.nextCursor).toBeNull();

    const first = await me.client.get('/api/me/comments?limit=3');
    expect(first.body.comments).toHaveLength(3);
    const rest = await me.client.get(`/api/me/comments?limit=3&cursor=${first.body.nextCursor}`);
    expect(rest.body.comments.map((c: { id: string }) => c.id)).toEqual([made[0]?.id]);
  });

  it('needs a signed-in user', async () => {
    expect((await cast.anonymous.get('/api/me/comments')).status).toBe(401);
  });
});

describe('OpenAPI', () => {
  it('documents every comment route with its schemas', async () => {
    const doc = (await cast.anonymous.get('/api/openapi.json')).body;
    const paths = doc.paths;
    expect(Object.keys(paths['/api/spaces/{slug}/comments']).sort()).toEqual(['get', 'post']);
    expect(Object.keys(paths['/api/comments/{id}']).sort()).toEqual(['delete', 'patch']);
    expect(paths['/api/comments/{id}/reports']).toHaveProperty('post');
    expect(paths['/api/me/comments']).toHaveProperty('get');
    expect(paths['/api/spaces/{slug}/comments'].post.requestBody.content['application/json'].schema).toBeDefined();
  });
});
