import { beforeAll, describe, expect, it } from 'vitest';
import { type TestClient, setupApp } from '../helpers/app.js';
import { type Cast, grantRole, insertComment, makeCast, makeSpace, makeUser, uuid } from '../helpers/factories.js';
import { LiveClient, startInstance } from '../helpers/live.js';
import { PDF, multipartBody } from '../helpers/multipart.js';

/**
 * Nothing unpublished is ever visible to someone who may not see it, in any place the API
 * shows content: lists, counts, new counts, search, attachments, reply context, live messages.
 * Each unpublished comment carries a unique word; none of those words may appear anywhere a
 * guest, another participant or another space's moderator can look.
 */
const ctx = await setupApp();
let cast: Cast;
let space: Awaited<ReturnType<typeof makeSpace>>['space'];
let question: string;
const secrets = { pending: 'zanzibarpending', rejected: 'quixoticrejected', withdrawn: 'xylophonewithdrawn' };
const attachmentIds: Record<string, string> = {};
let replyId = '';

async function upload(c: TestClient, commentId: string) {
  const { payload, contentType } = multipartBody([{ filename: 'paper.pdf', data: PDF }]);
  const res = await ctx.app.inject({
    method: 'POST',
    url: `/api/comments/${commentId}/attachments`,
    payload,
    headers: { 'content-type': contentType, origin: ctx.config.appOrigin, cookie: c.cookieHeader },
  });
  return res.json().attachment.id as string;
}

beforeAll(async () => {
  const made = await makeSpace(ctx, { moderationMode: 'pre' });
  space = made.space;
  question = made.questions[0]?.id ?? '';
  cast = await makeCast(ctx, space.id);
  const author = cast.author.client;
  await author.put(`/api/spaces/${space.slug}/seen`);
  for (const status of ['pending', 'rejected', 'withdrawn'] as const) {
    // Through the API, so every write path (events included) is exercised.
    const created = await author.post(`/api/spaces/${space.slug}/comments`, {
      questionId: question,
      body: `My ${secrets[status]} contribution, in several words.`,
      language: 'en',
      clientId: uuid(),
    });
    const id = created.body.comment.id as string;
    attachmentIds[status] = await upload(author, id);
    if (status === 'rejected') {
      await cast.moderator.client.post(`/api/comments/${id}/decision`, {
        action: 'reject',
        reason: 'Not identified',
        version: created.body.comment.version,
      });
    }
    if (status === 'withdrawn') await author.delete(`/api/comments/${id}`);
  }
  // A published reply to the pending comment must not reveal its parent.
  const { rows } = await ctx.db.pool.query("select id from comments where body_md like '%zanzibarpending%'");
  const reply = await insertComment(ctx, {
    spaceId: space.id,
    authorId: cast.participant.user.id,
    questionId: question,
    parentId: rows[0].id,
    status: 'approved',
    body: 'A published reply.',
  });
  replyId = reply.id;
  // An edit waiting for moderation on a published comment must not leak either.
  const published = await insertComment(ctx, {
    spaceId: space.id,
    authorId: cast.author.user.id,
    questionId: question,
    status: 'approved',
    body: 'The published text.',
  });
  await author.patch(`/api/comments/${published.id}`, { body: 'An edit with jabberwockyrevision.', version: 1 });
});

const outsiders = () =>
  [
    ['a guest', cast.anonymous],
    ['another participant', cast.participant.client],
    ["another space's moderator", cast.otherModerator.client],
  ] as const;
const allSecrets = () => [...Object.values(secrets), 'jabberwockyrevision'];

const expectClean = (label: string, text: string) => {
  for (const s of allSecrets()) expect(text, `${label} leaked ${s}`).not.toContain(s);
};

describe('unpublished content', () => {
  it('is absent from comment lists, with every filter', async () => {
    for (const [who, c] of outsiders()) {
      for (const query of ['', `?questionId=${question}`, '?language=en', '?limit=500', '?highlighted=true']) {
        const res = await c.get(`/api/spaces/${space.slug}/comments${query}`);
        expect(res.status).toBe(200);
        expectClean(`${who} list ${query}`, res.raw);
      }
    }
  });

  it('is absent from search', async () => {
    for (const [who, c] of outsiders()) {
      for (const s of allSecrets()) {
        const res = await c.get(`/api/spaces/${space.slug}/comments?q=${s}`);
        expect(res.body.comments, `${who} searching ${s}`).toEqual([]);
      }
    }
  });

  it('is not counted, neither in totals nor in new counts', async () => {
    for (const [, c] of outsiders()) {
      const detail = await c.get(`/api/spaces/${space.slug}`);
      // Two published: the reply and the published text of the edited comment.
      expect(detail.body.space.counts.comments).toBe(2);
      expect(detail.body.space.questions[0].counts.comments).toBe(2);
      if (detail.body.space.counts.new !== null) expect(detail.body.space.counts.new).toBeLessThanOrEqual(2);
      const list = await c.get('/api/spaces');
      const node = list.body.spaces.find((s: { slug: string }) => s.slug === space.slug);
      expect(node.counts.comments).toBe(2);
    }
  });

  it('keeps its attachments from anyone who may not see the comment', async () => {
    for (const [who, c] of outsiders()) {
      for (const status of Object.keys(attachmentIds)) {
        const res = await c.get(`/api/attachments/${attachmentIds[status]}`);
        expect(res.status, `${who} downloading the ${status} comment's paper`).toBe(404);
      }
    }
    // The author still has their own pending paper.
    expect((await cast.author.client.get(`/api/attachments/${attachmentIds.pending}`)).status).toBe(200);
  });

  it('is not named in the "in reply to" of a published reply', async () => {
    for (const [, c] of outsiders()) {
      const res = await c.get(`/api/spaces/${space.slug}/comments`);
      const reply = res.body.comments.find((x: { id: string }) => x.id === replyId);
      expect(reply.inReplyTo).toBeNull();
      expect(JSON.stringify(reply)).not.toContain(cast.author.user.displayName);
    }
  });

  it('shows only the published text of a comment whose edit waits for moderation', async () => {
    for (const [who, c] of outsiders()) {
      const res = await c.get(`/api/spaces/${space.slug}/comments`);
      expect(res.raw, who).toContain('The published text.');
      const edited = res.body.comments.find((x: { bodyHtml: string }) => x.bodyHtml.includes('The published text.'));
      expect(edited).not.toHaveProperty('pendingRevision');
      expect(edited).not.toHaveProperty('bodyMd');
    }
  });

  it('keeps a file added with an edit awaiting moderation private until that edit is approved', async () => {
    const author = cast.author.client;
    const created = await author.post(`/api/spaces/${space.slug}/comments`, {
      questionId: question,
      body: 'Published first.',
      language: 'en',
      clientId: uuid(),
    });
    const id = created.body.comment.id as string;
    await cast.moderator.client.post(`/api/comments/${id}/decision`, {
      action: 'approve',
      version: created.body.comment.version,
    });
    let version = (await author.get(`/api/spaces/${space.slug}/comments`)).body.comments.find(
      (c: { id: string }) => c.id === id,
    ).version;
    const edit = await author.patch(`/api/comments/${id}`, { body: 'Edited, with a paper.', version });
    version = edit.body.comment.version;
    const fileId = await upload(author, id);
    const visibleTo = async (c: TestClient) => {
      const list = await c.get(`/api/spaces/${space.slug}/comments`);
      const found = list.body.comments.find((x: { id: string }) => x.id === id);
      return { listed: found.attachments.length, download: (await c.get(`/api/attachments/${fileId}`)).status };
    };
    for (const [who, c] of outsiders()) expect(await visibleTo(c), who).toEqual({ listed: 0, download: 404 });
    expect(await visibleTo(author)).toEqual({ listed: 1, download: 200 });

    // A rejected edit keeps its file private.
    const rejected = await cast.moderator.client.post(`/api/comments/${id}/decision`, {
      action: 'reject',
      reason: 'Please cite sources',
      version,
    });
    expect(rejected.status).toBe(200);
    for (const [who, c] of outsiders()) expect(await visibleTo(c), who).toEqual({ listed: 0, download: 404 });

    // The next edit, once approved, publishes the file with it.
    const again = await author.patch(`/api/comments/${id}`, {
      body: 'Edited again, sources cited.',
      version: rejected.body.comment.version,
    });
    await cast.moderator.client.post(`/api/comments/${id}/decision`, {
      action: 'approve',
      version: again.body.comment.version,
    });
    for (const [who, c] of outsiders()) expect(await visibleTo(c), who).toEqual({ listed: 1, download: 200 });
  });

  it("stays out of other people's contributions lists", async () => {
    for (const [, c] of outsiders().slice(1)) expectClean('me/comments', (await c.get('/api/me/comments')).raw);
  });

  it('never reaches a guest, a participant or another space staff over the live channel, even on replay', async () => {
    const instance = await startInstance(ctx.db.db, ctx.config);
    const sockets: LiveClient[] = [];
    try {
      for (const [, c] of outsiders()) {
        const s = await LiveClient.connect(instance.url, {
          origin: ctx.config.appOrigin,
          ...(c.cookieHeader ? { cookie: c.cookieHeader } : {}),
        });
        sockets.push(s);
        await s.subscribe(space.slug, 0);
      }
      // Something new, published, so each socket has a marker to wait for.
      const comment = await cast.author.client.post(`/api/spaces/${space.slug}/comments`, {
        questionId: question,
        body: 'Published at last.',
        language: 'en',
        clientId: uuid(),
      });
      await cast.moderator.client.post(`/api/comments/${comment.body.comment.id}/decision`, {
        action: 'approve',
        version: comment.body.comment.version,
      });
      for (const s of sockets) {
        await s.waitFor((m) => m.type === 'event' && m.kind === 'comment.published');
        expectClean('live', JSON.stringify(s.messages));
        expect(s.events().some((e) => e.kind === 'comment.submitted' || e.kind === 'comment.status')).toBe(false);
      }
    } finally {
      for (const s of sockets) s.close();
      await instance.app.close();
    }
  });
});

/**
 * A published reply to a comment that is not (or no longer) published answers its question as far
 * as anyone who may not read the parent can tell: no parentId (which would reveal that the hidden
 * parent exists, and which the client cannot attach to anything), no "in reply to". The parent's
 * author and the space's staff, who may read the parent, keep the real thread.
 */
describe('replies to a comment that is not published', () => {
  let threads: Awaited<ReturnType<typeof makeSpace>>;
  let q: string;
  beforeAll(async () => {
    threads = await makeSpace(ctx, { moderationMode: 'pre' });
    q = threads.questions[0]?.id ?? '';
    await grantRole(ctx, threads.space.id, cast.moderator.user.id, 'moderator');
  });

  const post = async (c: TestClient, extra: Record<string, unknown> = {}) => {
    const res = await c.post(`/api/spaces/${threads.space.slug}/comments`, {
      questionId: q,
      body: `Words ${uuid()}`,
      language: 'en',
      clientId: uuid(),
      ...extra,
    });
    expect(res.status, res.raw).toBe(201);
    return res.body.comment as { id: string; version: number };
  };
  const decide = async (c: { id: string }, action: 'approve' | 'reject') => {
    const [row] = (await ctx.db.pool.query('select version from comments where id = $1', [c.id])).rows;
    const res = await cast.moderator.client.post(`/api/comments/${c.id}/decision`, {
      action,
      version: row.version,
      ...(action === 'reject' ? { reason: 'Taken down' } : {}),
    });
    expect(res.status, res.raw).toBe(200);
  };
  const seenBy = async (c: TestClient, replyId: string) => {
    const res = await c.get(`/api/spaces/${threads.space.slug}/comments`);
    expect(res.status).toBe(200);
    const reply = res.body.comments.find((x: { id: string }) => x.id === replyId);
    expect(reply, 'the published reply is listed').toBeDefined();
    return reply as { parentId: string | null; questionId: string | null; inReplyTo: { id: string } | null };
  };

  /** Guests, other participants, another space's moderator and the replier may not read the parent. */
  const expectOrphanedFor = async (replyId: string, parentId: string, replier?: TestClient) => {
    const stranger = await makeUser(ctx);
    const viewers: (readonly [string, TestClient])[] = [...outsiders(), ['a stranger', stranger.client]];
    if (replier) viewers.push(['the replier', replier]);
    for (const [who, c] of viewers) {
      const reply = await seenBy(c, replyId);
      expect(reply, who).toMatchObject({ parentId: null, questionId: q, inReplyTo: null });
      expect(JSON.stringify(reply), who).not.toContain(parentId);
    }
    if (replier) {
      const mine = await replier.get('/api/me/comments');
      const own = mine.body.comments.find((x: { id: string }) => x.id === replyId);
      expect(own).toMatchObject({ parentId: null, inReplyTo: null });
    }
  };
  const expectThreadedFor = async (replyId: string, parentId: string) => {
    for (const [who, c] of [
      ["the parent's author", cast.author.client],
      ['a moderator of the space', cast.moderator.client],
      ['an administrator', cast.admin.client],
    ] as const) {
      const reply = await seenBy(c, replyId);
      expect(reply, who).toMatchObject({ parentId, questionId: q, inReplyTo: { id: parentId } });
    }
  };

  it('a pending parent: hidden from outsiders, in the list and in the live comment.published', async () => {
    const instance = await startInstance(ctx.db.db, ctx.config);
    const guest = await LiveClient.connect(instance.url, { origin: ctx.config.appOrigin });
    try {
      await guest.subscribe(threads.space.slug);
      const parent = await post(cast.author.client);
      const reply = await post(cast.author.client, { parentId: parent.id, questionId: null });
      await decide(reply, 'approve');
      const published = await guest.waitFor(
        (m) => m.type === 'event' && m.kind === 'comment.published' && (m.data as any).comment.id === reply.id,
      );
      expect((published as any).data.comment).toMatchObject({ parentId: null, questionId: q, inReplyTo: null });
      expect(JSON.stringify(guest.messages)).not.toContain(parent.id);

      await expectOrphanedFor(reply.id, parent.id);
      await expectThreadedFor(reply.id, parent.id);
    } finally {
      guest.close();
      await instance.app.close();
    }
  });

  it('a parent taken down after the reply was published', async () => {
    const parent = await post(cast.author.client);
    await decide(parent, 'approve');
    const reply = await post(cast.participant.client, { parentId: parent.id });
    await decide(reply, 'approve');
    expect((await seenBy(cast.anonymous, reply.id)).parentId).toBe(parent.id);
    await decide(parent, 'reject');
    await expectOrphanedFor(reply.id, parent.id, cast.participant.client);
    await expectThreadedFor(reply.id, parent.id);
  });

  it('a parent withdrawn by its author after the reply was published', async () => {
    const parent = await post(cast.author.client);
    await decide(parent, 'approve');
    const reply = await post(cast.participant.client, { parentId: parent.id });
    await decide(reply, 'approve');
    expect((await cast.author.client.delete(`/api/comments/${parent.id}`)).status).toBe(200);
    await expectOrphanedFor(reply.id, parent.id, cast.participant.client);
    await expectThreadedFor(reply.id, parent.id);
  });
});

/**
 * Staff-only notes (on a comment and on its author) are never visible to participants or guests:
 * not in lists, search, a comment, contributions, the space, nor over the live channel; and never in
 * exports, whoever asks for them.
 */
describe('staff notes', () => {
  const noteSecret = 'stafffnotewombat';
  const authorSecret = 'stafffauthorokapi';
  let publishedId = '';

  beforeAll(async () => {
    const c = await insertComment(ctx, {
      spaceId: space.id,
      authorId: cast.author.user.id,
      questionId: question,
      status: 'approved',
      body: 'A published comment with a note.',
    });
    publishedId = c.id;
    const note = await cast.moderator.client.post(`/api/comments/${c.id}/staff-notes`, {
      body: `On it: ${noteSecret}`,
    });
    expect(note.status).toBe(201);
    const onAuthor = await cast.chair.client.post(
      `/api/spaces/${space.slug}/authors/${cast.author.user.id}/staff-notes`,
      {
        body: `About them: ${authorSecret}`,
      },
    );
    expect(onAuthor.status).toBe(201);
  });

  const viewers = () =>
    [
      ['a guest', cast.anonymous],
      ['a participant', cast.participant.client],
      ['the author', cast.author.client],
      ["another space's moderator", cast.otherModerator.client],
    ] as const;
  const clean = (label: string, text: string) => {
    expect(text, `${label} leaked the comment note`).not.toContain(noteSecret);
    expect(text, `${label} leaked the author note`).not.toContain(authorSecret);
  };

  it('never reach participants or guests: lists, search, the space, contributions, the note routes', async () => {
    for (const [who, c] of viewers()) {
      clean(who, (await c.get(`/api/spaces/${space.slug}/comments`)).raw);
      clean(who, (await c.get(`/api/spaces/${space.slug}/comments?q=${noteSecret}`)).raw);
      clean(who, (await c.get(`/api/spaces/${space.slug}/comments?q=${authorSecret}`)).raw);
      clean(who, (await c.get(`/api/spaces/${space.slug}`)).raw);
      clean(who, (await c.get('/api/spaces')).raw);
      if (c !== cast.anonymous) clean(who, (await c.get('/api/me/comments')).raw);
      const notes = await c.get(`/api/comments/${publishedId}/staff-notes`);
      expect(notes.status, who).toBe(c === cast.anonymous ? 401 : 403);
      clean(who, notes.raw);
      const authorNotes = await c.get(`/api/spaces/${space.slug}/authors/${cast.author.user.id}/staff-notes`);
      expect(authorNotes.status, who).toBe(c === cast.anonymous ? 401 : 403);
      clean(who, authorNotes.raw);
    }
    // The search finds nothing either: notes are not part of any comment's text.
    const search = await cast.moderator.client.get(`/api/spaces/${space.slug}/comments?q=${noteSecret}`);
    expect(search.body.comments).toEqual([]);
  });

  it('are in no export, not even the staff’s own', async () => {
    for (const format of ['csv', 'json', 'md', 'docx', 'xlsx']) {
      const res = await ctx.app.inject({
        method: 'GET',
        url: `/api/spaces/${space.slug}/export?format=${format}`,
        headers: { cookie: cast.moderator.client.cookieHeader ?? '' },
      });
      expect(res.statusCode, format).toBe(200);
      clean(format, res.rawPayload.toString('latin1'));
    }
  });

  it('are never in a live event, for anyone', async () => {
    const { rows } = await ctx.db.pool.query('select payload::text as p from events');
    for (const r of rows) clean('events', r.p as string);
  });
});
