import { describe, expect, it, vi } from 'vitest';
import { renderMarkdown } from '../../server/src/markdown.js';
import { setupApp } from '../helpers/app.js';
import { type Person, grantRole, insertComment, makeCast, makeSpace, makeUser, uuid } from '../helpers/factories.js';

const ctx = await setupApp();
const { space } = await makeSpace(ctx);
const cast = await makeCast(ctx, space.id);
const { moderator, chair, admin, author, participant, otherModerator, anonymous } = cast;

const rows = async <T = any>(text: string, params: unknown[] = []): Promise<T[]> =>
  (await ctx.db.pool.query(text, params)).rows as T[];
const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000);
let bodies = 0;
/** A body nobody else's text contains, so it can be searched for in event payloads. */
const body = (label: string) => `${label} text number ${++bodies} ${uuid()}`;

/** A space of its own, so queue contents and order do not depend on other tests. */
async function freshSpace(overrides: Parameters<typeof makeSpace>[1] = {}) {
  const made = await makeSpace(ctx, overrides);
  await grantRole(ctx, made.space.id, moderator.user.id, 'moderator');
  await grantRole(ctx, made.space.id, chair.user.id, 'chair');
  return made;
}

const comment = (spaceId: string, values: Partial<Parameters<typeof insertComment>[1]> = {}) =>
  insertComment(ctx, { spaceId, authorId: author.user.id, body: body('comment'), ...values });

/** An edit of a published comment waiting in the queue, as the comment routes leave it. */
async function addRevision(commentId: string, text: string, createdAt?: Date): Promise<number> {
  const [c] = await rows<{ version: number }>('select version from comments where id = $1', [commentId]);
  const version = (c?.version ?? 0) + 1;
  await rows(
    `insert into comment_revisions (comment_id, version, body_md, body_html, language, status, created_at)
     values ($1, $2, $3, $4, 'en', 'pending', coalesce($5::timestamptz, now()))`,
    [commentId, version, text, renderMarkdown(text), createdAt?.toISOString() ?? null],
  );
  await rows('update comments set version = $2 where id = $1', [commentId, version]);
  return version;
}

const addReport = (commentId: string, reporter: Person, reason: string, createdAt = new Date()) =>
  rows('insert into reports (comment_id, reporter_id, reason, created_at) values ($1, $2, $3, $4)', [
    commentId,
    reporter.user.id,
    reason,
    createdAt.toISOString(),
  ]);

async function currentVersion(id: string): Promise<number> {
  const [c] = await rows<{ version: number }>('select version from comments where id = $1', [id]);
  return c?.version ?? 0;
}

async function decide(who: Person, id: string, action: string, extra: { reason?: string; version?: number } = {}) {
  const version = extra.version ?? (await currentVersion(id));
  return who.client.post(`/api/comments/${id}/decision`, { action, version, ...extra });
}

const queue = (who: Person, slug: string, query = 'status=pending') =>
  who.client.get(`/api/spaces/${slug}/moderation/queue?${query}`);

const eventsFor = (commentId: string, kind?: string) =>
  rows(
    `select kind, audience, audience_user_id, payload from events
     where (payload->>'commentId' = $1 or payload->'comment'->>'id' = $1) and ($2::text is null or kind = $2)
     order by id`,
    [commentId, kind ?? null],
  );

/** The comment ids an anonymous visitor sees in the space's list, or null while that route is missing. */
async function publicIds(slug: string): Promise<string[] | null> {
  const res = await anonymous.get(`/api/spaces/${slug}/comments?limit=500`);
  if (res.status === 404 && res.body.error?.message === 'Route not found.') return null;
  expect(res.status).toBe(200);
  return res.body.comments.map((c: { id: string }) => c.id);
}

describe('the queue', () => {
  it('lists pending submissions and edits of published comments, oldest first, with counts', async () => {
    const { space: s } = await freshSpace();
    const first = await comment(s.id, { createdAt: ago(180) });
    const published = await comment(s.id, { status: 'approved', createdAt: ago(600) });
    const proposed = body('proposed edit');
    const proposedAt = ago(120);
    const revisionVersion = await addRevision(published.id, proposed, proposedAt);
    const last = await comment(s.id, { createdAt: ago(60) });
    await comment(s.id, { status: 'approved', createdAt: ago(90) });
    await comment(s.id, { status: 'rejected', createdAt: ago(100), reason: 'Off topic' });
    await comment(s.id, { status: 'withdrawn', createdAt: ago(110) });

    const res = await queue(moderator, s.slug);
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: any) => [i.comment.id, i.kind])).toEqual([
      [first.id, 'submission'],
      [published.id, 'revision'],
      [last.id, 'submission'],
    ]);
    // One count per tab; withdrawn comments are in none of them.
    expect(res.body.counts).toEqual({ pending: 3, reported: 0, rejected: 1, approved: 2 });
    expect(res.body.nextCursor).toBeNull();

    const edit = res.body.items[1];
    expect(edit.revision).toEqual({
      version: revisionVersion,
      publishedMd: published.bodyMd,
      proposedMd: proposed,
      proposedHtml: expect.stringContaining(proposed),
    });
    expect(edit.waitingSince).toBe(proposedAt.toISOString());
    expect(res.body.items[0].waitingSince).toBe(first.createdAt.toISOString());
    // The published text stays the comment's text; the proposal rides along for the moderator.
    expect(edit.comment.bodyMd).toBe(published.bodyMd);
    expect(edit.comment.pendingRevision.bodyMd).toBe(proposed);
    expect(edit.comment.abilities.decide).toBe(true);
  });

  it('pages with a keyset cursor without repeating or skipping items', async () => {
    const { space: s } = await freshSpace();
    // Same millisecond for several items: the id breaks the tie.
    const at = ago(30);
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await comment(s.id, { createdAt: i < 3 ? at : ago(20 - i) }));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: any = await queue(moderator, s.slug, `status=pending&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items.map((i: any) => i.comment.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen)).toEqual(new Set(made.map((c) => c.id)));
    const sameTime = made
      .slice(0, 3)
      .map((c) => c.id)
      .sort();
    expect(seen.slice(0, 3)).toEqual(sameTime);
    expect((await queue(moderator, s.slug, 'cursor=not-a-cursor')).status).toBe(400);
  });

  it('gives each item its context: question, parent excerpt, author record, reports', async () => {
    const { space: s, questions: qs } = await freshSpace();
    const question = qs[1];
    const long = `**Bold opening** of a long parent. ${'Many words follow here. '.repeat(30)}`;
    const parent = await comment(s.id, { status: 'approved', body: long, questionId: question.id });
    await comment(s.id, { status: 'rejected', reason: 'Duplicate' });
    const reply = await comment(s.id, { parentId: parent.id, questionId: question.id });

    const res = await queue(moderator, s.slug);
    const item = res.body.items.find((i: any) => i.comment.id === reply.id);
    expect(item.question).toEqual({ id: question.id, position: question.position, text: question.text });
    expect(item.space).toEqual({ slug: s.slug, code: s.code, title: s.title });
    expect(item.parent).toMatchObject({ id: parent.id, authorName: 'Ada Author', status: 'approved' });
    expect(item.parent.excerpt.startsWith('Bold opening of a long parent.')).toBe(true);
    expect(item.parent.excerpt).not.toContain('**');
    expect(item.parent.excerpt.length).toBeLessThanOrEqual(200);
    expect(item.authorRecord.approved).toBeGreaterThanOrEqual(1);
    expect(item.authorRecord.rejected).toBeGreaterThanOrEqual(1);
    expect(item.authorRecord.pending).toBeGreaterThanOrEqual(1);
    // The record covers the spaces in view: elsewhere the moderator may not see the author's
    // unpublished work, not even as a count.
    const { space: elsewhere } = await makeSpace(ctx);
    await comment(elsewhere.id, { status: 'rejected', reason: 'Elsewhere' });
    await comment(elsewhere.id);
    const [record] = await rows(
      `select count(*) filter (where status = 'approved')::int as approved,
              count(*) filter (where status = 'rejected')::int as rejected,
              count(*) filter (where status = 'pending')::int as pending
       from comments where author_id = $1 and space_id = $2`,
      [author.user.id, s.id],
    );
    expect(record).toEqual({ approved: 1, rejected: 1, pending: 1 });
    expect(
      (await queue(moderator, s.slug)).body.items.find((i: any) => i.comment.id === reply.id).authorRecord,
    ).toEqual(record);
    expect(item.reports).toEqual([]);
    expect(item.revision).toBeNull();
    expect(item.decidedBy).toBeNull();
  });

  it('lists reported comments by their first open report, with reasons and reporters', async () => {
    const { space: s } = await freshSpace();
    const later = await comment(s.id, { status: 'approved' });
    const earlier = await comment(s.id, { status: 'approved' });
    const resolved = await comment(s.id, { status: 'approved' });
    await addReport(later.id, participant, 'Personal attack', ago(10));
    const firstReport = ago(40);
    await addReport(earlier.id, participant, 'Spam link', firstReport);
    await addReport(earlier.id, chair, 'Advertising', ago(5));
    await addReport(resolved.id, participant, 'Old complaint', ago(50));
    await rows('update reports set resolved_at = now(), resolved_by = $2 where comment_id = $1', [
      resolved.id,
      moderator.user.id,
    ]);

    const res = await queue(moderator, s.slug, 'status=reported');
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: any) => i.comment.id)).toEqual([earlier.id, later.id]);
    expect(res.body.items[0].kind).toBe('reported');
    expect(res.body.items[0].reports).toEqual([
      { category: 'other', note: 'Spam link', reporter: 'Pat Participant', createdAt: firstReport.toISOString() },
      { category: 'other', note: 'Advertising', reporter: 'Cha Chair', createdAt: expect.any(String) },
    ]);
    expect(res.body.items[0].waitingSince).toBe(firstReport.toISOString());
    expect(res.body.counts.reported).toBe(2);
  });

  it('lists rejected comments with who decided, and approved ones newest decision first', async () => {
    const { space: s } = await freshSpace();
    const a = await comment(s.id);
    const b = await comment(s.id);
    const c = await comment(s.id);
    expect((await decide(moderator, a.id, 'approve')).status).toBe(200);
    expect((await decide(moderator, b.id, 'approve')).status).toBe(200);
    expect((await decide(admin, c.id, 'reject', { reason: 'Off topic' })).status).toBe(200);

    const rejected = await queue(chair, s.slug, 'status=rejected');
    expect(rejected.status).toBe(200);
    expect(rejected.body.items).toHaveLength(1);
    expect(rejected.body.items[0]).toMatchObject({
      kind: 'decided',
      decidedBy: 'Administrator',
      decidedAt: expect.any(String),
      comment: { id: c.id, status: 'rejected', reason: 'Off topic' },
    });

    const approved = await queue(moderator, s.slug, 'status=approved');
    expect(approved.body.items.map((i: any) => i.comment.id)).toEqual([b.id, a.id]);
    expect(approved.body.items[0]).toMatchObject({ kind: 'decided', decidedBy: 'Mo Moderator' });
    // Every tab has its count, the approved one too, and it is the number of items that tab lists.
    expect(approved.body.counts).toEqual({ pending: 0, reported: 0, rejected: 1, approved: 2 });
    expect(rejected.body.counts).toEqual(approved.body.counts);
    // Taking one down moves it from one count to the other.
    expect((await decide(moderator, a.id, 'reject', { reason: 'Duplicate' })).status).toBe(200);
    expect((await queue(moderator, s.slug, 'status=approved')).body.counts).toMatchObject({ rejected: 2, approved: 1 });
  });

  it('reads a page in a fixed number of queries, however many items it holds', async () => {
    const { space: s, questions: qs } = await freshSpace();
    const parent = await comment(s.id, { status: 'approved' });
    for (let i = 0; i < 10; i++) {
      await comment(s.id, { questionId: qs[i % 3].id, parentId: i % 2 ? parent.id : null });
    }
    for (let i = 0; i < 3; i++) {
      const published = await comment(s.id, { status: 'approved', parentId: parent.id });
      await addRevision(published.id, body('edit'));
    }
    const spy = vi.spyOn(ctx.db.pool, 'query');
    try {
      const small = await queue(moderator, s.slug, 'limit=2');
      const fewQueries = spy.mock.calls.length;
      expect(fewQueries).toBeGreaterThan(5);
      spy.mockClear();
      const large = await queue(moderator, s.slug, 'limit=20');
      expect(small.body.items).toHaveLength(2);
      expect(large.body.items).toHaveLength(13);
      expect(spy.mock.calls.length).toBe(fewQueries);
    } finally {
      spy.mockRestore();
    }
  });

  it('gathers every space the viewer moderates into one queue, and refuses people without a role', async () => {
    const { space: one } = await freshSpace();
    const { space: two } = await freshSpace();
    const session = await makeSpace(ctx, { questionCount: 0 });
    const { space: roundtable } = await makeSpace(ctx, { parentId: session.space.id, questionCount: 0 });
    const mod = await makeUser(ctx, { displayName: 'Multi Mod' });
    await grantRole(ctx, one.id, mod.user.id, 'moderator');
    await grantRole(ctx, two.id, mod.user.id, 'chair');
    await grantRole(ctx, session.space.id, mod.user.id, 'moderator');
    const inOne = await comment(one.id, { createdAt: ago(50) });
    const inTwo = await comment(two.id, { createdAt: ago(40) });
    const inRoundtable = await comment(roundtable.id, { createdAt: ago(30) });
    const elsewhere = await comment(space.id, { createdAt: ago(45) });

    const res = await mod.client.get('/api/moderation/queue');
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: any) => i.comment.id)).toEqual([inOne.id, inTwo.id, inRoundtable.id]);
    expect(res.body.items.map((i: any) => i.space.slug)).toEqual([one.slug, two.slug, roundtable.slug]);
    expect(res.body.counts.pending).toBe(3);
    // The cross-space counts add up the spaces in view, each tab alike.
    await comment(one.id, { status: 'approved' });
    await comment(roundtable.id, { status: 'approved' });
    await comment(space.id, { status: 'approved' });
    const approved = await mod.client.get('/api/moderation/queue?status=approved');
    expect(approved.body.items).toHaveLength(2);
    expect(approved.body.counts).toMatchObject({ pending: 3, approved: 2 });

    const all = await admin.client.get('/api/moderation/queue?limit=200');
    expect(all.body.items.map((i: any) => i.comment.id)).toEqual(
      expect.arrayContaining([inOne.id, inTwo.id, inRoundtable.id, elsewhere.id]),
    );
    expect((await participant.client.get('/api/moderation/queue')).status).toBe(403);
    expect((await anonymous.get('/api/moderation/queue')).status).toBe(401);
  });

  it('is for staff only', async () => {
    const slug = space.slug;
    expect((await queue(chair, slug)).status).toBe(200);
    expect((await queue(admin, slug)).status).toBe(200);
    expect((await queue(participant, slug)).status).toBe(403);
    expect((await queue(otherModerator, slug)).status).toBe(403);
    expect((await anonymous.get(`/api/spaces/${slug}/moderation/queue`)).status).toBe(401);
    const { space: draft } = await makeSpace(ctx, { status: 'draft' });
    expect((await queue(otherModerator, draft.slug)).status).toBe(404);
  });
});

describe('decisions', () => {
  it('approving a submission publishes it, to the public and in the events', async () => {
    const c = await comment(space.id);
    expect(await publicIds(space.slug).then((ids) => ids?.includes(c.id) ?? false)).toBe(false);

    const res = await decide(moderator, c.id, 'approve');
    expect(res.status).toBe(200);
    expect(res.body.comment).toMatchObject({ id: c.id, status: 'approved', version: 2, bodyMd: c.bodyMd });

    const ids = await publicIds(space.slug);
    if (ids) expect(ids).toContain(c.id);
    const [row] = await rows('select status, decided_by, reason from comments where id = $1', [c.id]);
    expect(row).toEqual({ status: 'approved', decided_by: moderator.user.id, reason: null });

    const events = await eventsFor(c.id);
    const published = events.find((e) => e.kind === 'comment.published');
    expect(published.audience).toBe('public');
    expect(published.payload.comment).toMatchObject({ id: c.id, status: 'approved' });
    expect(published.payload.comment.bodyHtml).toContain(c.bodyMd);
    expect(published.payload.comment).not.toHaveProperty('bodyMd');
    expect(events.find((e) => e.kind === 'comment.decided')).toMatchObject({
      audience: 'staff',
      payload: { commentId: c.id, action: 'approve', status: 'approved', version: 2, decidedBy: 'Mo Moderator' },
    });
    expect(events.find((e) => e.kind === 'comment.status')).toMatchObject({
      audience: 'user',
      audience_user_id: author.user.id,
      payload: { status: 'approved', reason: null, revision: false },
    });
    const [counts] = await rows(
      `select payload from events where kind = 'queue.counts' and space_id = $1 order by id desc limit 1`,
      [space.id],
    );
    expect(counts.payload).toEqual({ pending: expect.any(Number), reported: expect.any(Number) });
    const [revision] = await rows('select status from comment_revisions where comment_id = $1', [c.id]);
    expect(revision.status).toBe('approved');
  });

  it('rejecting needs a reason, which the author receives', async () => {
    const c = await comment(space.id);
    const missing = await moderator.client.post(`/api/comments/${c.id}/decision`, { action: 'reject', version: 1 });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.fields.map((f: any) => f.field)).toContain('reason');
    const blank = await decide(moderator, c.id, 'reject', { reason: '   ' });
    expect(blank.status).toBe(400);
    expect(await currentVersion(c.id)).toBe(1);

    const res = await decide(moderator, c.id, 'reject', { reason: 'Please stay on the question.' });
    expect(res.status).toBe(200);
    expect(res.body.comment).toMatchObject({ status: 'rejected', reason: 'Please stay on the question.' });
    const [status] = await eventsFor(c.id, 'comment.status');
    expect(status).toMatchObject({
      audience: 'user',
      audience_user_id: author.user.id,
      payload: {
        commentId: c.id,
        status: 'rejected',
        reason: 'Please stay on the question.',
        version: 2,
        revision: false,
      },
    });
    expect((await eventsFor(c.id)).filter((e) => e.audience === 'public')).toEqual([]);
    const ids = await publicIds(space.slug);
    if (ids) expect(ids).not.toContain(c.id);
  });

  it('two moderators deciding at once: exactly one wins, the other gets 409 naming the winner', async () => {
    const c = await comment(space.id);
    const [a, b] = await Promise.all([
      moderator.client.post(`/api/comments/${c.id}/decision`, { action: 'approve', version: 1 }),
      admin.client.post(`/api/comments/${c.id}/decision`, { action: 'reject', version: 1, reason: 'No' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const [winner, loser] = a.status === 200 ? [a, b] : [b, a];
    const winnerName = a.status === 200 ? 'Mo Moderator' : 'Administrator';
    const winnerVerb = a.status === 200 ? 'approved' : 'rejected';
    expect(loser.body.error.code).toBe('conflict');
    expect(loser.body.error.message).toContain(`Already ${winnerVerb} by ${winnerName}`);
    expect(loser.body.error.details).toMatchObject({
      decidedBy: winnerName,
      decidedAt: expect.any(String),
      comment: { id: c.id, status: winner.body.comment.status, version: 2 },
    });
    const audit = await rows(`select action from moderation_events where comment_id = $1`, [c.id]);
    expect(audit).toHaveLength(1);
    expect(await eventsFor(c.id, 'comment.decided')).toHaveLength(1);
  });

  it('refuses a stale version with 409 and the current state', async () => {
    const c = await comment(space.id, { status: 'approved' });
    await addRevision(c.id, body('edit'));
    const res = await decide(moderator, c.id, 'approve', { version: 1 });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('conflict');
    expect(res.body.error.message).toMatch(/changed since you loaded it/);
    expect(res.body.error.details.comment).toMatchObject({ id: c.id, version: 2, pendingRevision: { version: 2 } });
    expect(res.body.error.details.decidedBy).toBeNull();
    expect((await decide(moderator, c.id, 'approve', { version: 0 })).status).toBe(400);
  });

  it('approving an edit replaces the published text; the comment stays published', async () => {
    const c = await comment(space.id, { status: 'approved' });
    const proposed = body('approved edit');
    const revision = await addRevision(c.id, proposed);
    const res = await decide(moderator, c.id, 'approve');
    expect(res.status).toBe(200);
    expect(res.body.comment).toMatchObject({ status: 'approved', bodyMd: proposed, pendingRevision: null, version: 3 });
    expect(res.body.comment.editedAt).not.toBeNull();
    const revisions = await rows(
      'select version, status from comment_revisions where comment_id = $1 order by version',
      [c.id],
    );
    expect(revisions).toEqual([
      { version: 1, status: 'approved' },
      { version: revision, status: 'approved' },
    ]);
    const updated = await eventsFor(c.id, 'comment.updated');
    expect(updated).toHaveLength(1);
    expect(updated[0].audience).toBe('public');
    expect(updated[0].payload.comment.bodyHtml).toContain(proposed);
    expect(updated[0].payload.comment).not.toHaveProperty('pendingRevision');
    const [status] = await eventsFor(c.id, 'comment.status');
    expect(status.payload).toMatchObject({ status: 'approved', revision: true });
  });

  it('rejecting an edit keeps the published text', async () => {
    const c = await comment(space.id, { status: 'approved' });
    const proposed = body('rejected edit');
    await addRevision(c.id, proposed);
    const res = await decide(moderator, c.id, 'reject', { reason: 'The edit removes the sources.' });
    expect(res.status).toBe(200);
    expect(res.body.comment).toMatchObject({ status: 'approved', bodyMd: c.bodyMd, pendingRevision: null, version: 3 });
    const [revision] = await rows(
      `select status, reason from comment_revisions where comment_id = $1 and version = 2`,
      [c.id],
    );
    expect(revision).toEqual({ status: 'rejected', reason: 'The edit removes the sources.' });
    const [status] = await eventsFor(c.id, 'comment.status');
    expect(status.payload).toMatchObject({
      status: 'rejected',
      reason: 'The edit removes the sources.',
      revision: true,
    });
    expect((await eventsFor(c.id)).filter((e) => e.audience === 'public')).toEqual([]);
    const [audit] = await rows('select from_status, to_status, data from moderation_events where comment_id = $1', [
      c.id,
    ]);
    expect(audit).toMatchObject({ from_status: 'pending', to_status: 'rejected', data: { revision: 2 } });
  });

  it('takes a published comment down after reports, resolving them, and restores it', async () => {
    const c = await comment(space.id, { status: 'approved' });
    await addReport(c.id, participant, 'Insulting');
    const down = await decide(moderator, c.id, 'reject', { reason: 'Insults another participant.' });
    expect(down.status).toBe(200);
    expect(down.body.comment.status).toBe('rejected');
    const [report] = await rows('select resolved_at, resolved_by from reports where comment_id = $1', [c.id]);
    expect(report.resolved_at).not.toBeNull();
    expect(report.resolved_by).toBe(moderator.user.id);
    expect((await eventsFor(c.id, 'comment.withdrawn'))[0]).toMatchObject({
      audience: 'public',
      payload: { commentId: c.id },
    });
    let ids = await publicIds(space.slug);
    if (ids) expect(ids).not.toContain(c.id);

    const back = await decide(admin, c.id, 'restore');
    expect(back.status).toBe(200);
    expect(back.body.comment).toMatchObject({ status: 'approved', reason: null, version: 3 });
    expect((await eventsFor(c.id, 'comment.published'))[0].audience).toBe('public');
    ids = await publicIds(space.slug);
    if (ids) expect(ids).toContain(c.id);
  });

  it('keeps a reported comment up when a moderator approves it, closing the reports', async () => {
    const c = await comment(space.id, { status: 'approved' });
    await addReport(c.id, participant, 'I disagree');
    const res = await decide(moderator, c.id, 'approve');
    expect(res.status).toBe(200);
    expect(res.body.comment.status).toBe('approved');
    const [report] = await rows('select resolved_by from reports where comment_id = $1', [c.id]);
    expect(report.resolved_by).toBe(moderator.user.id);
    expect((await decide(moderator, c.id, 'approve')).body.error.code).toBe('invalid_transition');
  });

  it('refuses decisions that do not fit the current status with 409 invalid_transition', async () => {
    const approved = await comment(space.id, { status: 'approved' });
    const pending = await comment(space.id);
    const rejected = await comment(space.id, { status: 'rejected', reason: 'x' });
    const withdrawn = await comment(space.id, { status: 'withdrawn' });
    const cases: [string, string, string][] = [
      [approved.id, 'approve', 'already published'],
      [approved.id, 'restore', 'Only a rejected comment'],
      [pending.id, 'restore', 'Only a rejected comment'],
      [rejected.id, 'approve', 'restore it'],
      [rejected.id, 'reject', 'already rejected'],
      [withdrawn.id, 'approve', 'withdrew'],
      [withdrawn.id, 'restore', 'withdrew'],
    ];
    for (const [id, action, words] of cases) {
      const res = await decide(moderator, id, action, { reason: action === 'reject' ? 'again' : undefined });
      expect(res.status, `${action} ${id}`).toBe(409);
      expect(res.body.error.code).toBe('invalid_transition');
      expect(res.body.error.message).toContain(words);
    }
    const unchanged = await rows('select version from comments where id = any($1)', [
      [approved.id, pending.id, rejected.id, withdrawn.id],
    ]);
    expect(unchanged.every((r) => r.version === 1)).toBe(true);
  });

  it('decides many at once and reports each outcome, committing the valid ones', async () => {
    const { space: s } = await freshSpace();
    const { space: elsewhere } = await freshSpace();
    const a = await comment(s.id);
    const b = await comment(s.id, { status: 'approved' });
    await addRevision(b.id, body('bulk edit'));
    const already = await comment(s.id, { status: 'approved' });
    const foreign = await comment(elsewhere.id);
    const unknown = uuid();
    const ids = [a.id, already.id, unknown, b.id, foreign.id];

    const res = await moderator.client.post(`/api/spaces/${s.slug}/moderation/bulk`, { ids, action: 'approve' });
    expect(res.status).toBe(200);
    expect(res.body.results).toEqual([
      { id: a.id, ok: true, status: 'approved' },
      { id: already.id, ok: false, error: { code: 'invalid_transition', message: expect.any(String) } },
      { id: unknown, ok: false, error: { code: 'not_found', message: expect.any(String) } },
      { id: b.id, ok: true, status: 'approved' },
      { id: foreign.id, ok: false, error: { code: 'not_found', message: expect.any(String) } },
    ]);
    const states = await rows('select id, status, version from comments where id = any($1)', [
      [a.id, b.id, already.id, foreign.id],
    ]);
    const byId = new Map(states.map((r) => [r.id, r]));
    expect(byId.get(a.id)).toMatchObject({ status: 'approved', version: 2 });
    expect(byId.get(b.id)).toMatchObject({ status: 'approved', version: 3 });
    expect(byId.get(already.id)).toMatchObject({ version: 1 });
    expect(byId.get(foreign.id)).toMatchObject({ status: 'pending', version: 1 });
    const audit = await rows('select comment_id from moderation_events where space_id = $1', [s.id]);
    expect(audit.map((r) => r.comment_id).sort()).toEqual([a.id, b.id].sort());
    const counts = await rows(`select payload from events where kind = 'queue.counts' and space_id = $1`, [s.id]);
    expect(counts.map((r) => r.payload)).toEqual([{ pending: 0, reported: 0 }]);

    const noReason = await moderator.client.post(`/api/spaces/${s.slug}/moderation/bulk`, { ids, action: 'reject' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details.fields.map((f: any) => f.field)).toContain('reason');
    const tooMany = Array.from({ length: 201 }, () => uuid());
    expect(
      (await moderator.client.post(`/api/spaces/${s.slug}/moderation/bulk`, { ids: tooMany, action: 'approve' }))
        .status,
    ).toBe(400);
    for (const who of [chair, participant, otherModerator]) {
      expect(
        (await who.client.post(`/api/spaces/${s.slug}/moderation/bulk`, { ids: [a.id], action: 'reject', reason: 'r' }))
          .status,
      ).toBe(403);
    }
  });
});

describe('who may decide', () => {
  it('chairs read the queue but may not decide', async () => {
    const c = await comment(space.id);
    expect((await queue(chair, space.slug)).status).toBe(200);
    const res = await decide(chair, c.id, 'approve');
    expect(res.status).toBe(403);
    expect(await currentVersion(c.id)).toBe(1);
  });

  it('a moderator of another space gets 404 or 403 everywhere', async () => {
    const pending = await comment(space.id);
    const published = await comment(space.id, { status: 'approved' });
    expect((await decide(otherModerator, pending.id, 'approve')).status).toBe(404);
    expect((await decide(otherModerator, published.id, 'reject', { reason: 'x' })).status).toBe(403);
    expect((await otherModerator.client.put(`/api/comments/${published.id}/highlight`)).status).toBe(403);
    expect((await otherModerator.client.put(`/api/comments/${pending.id}/highlight`)).status).toBe(404);
    expect((await otherModerator.client.get(`/api/spaces/${space.slug}/moderation/log`)).status).toBe(403);
    expect((await participant.client.get(`/api/spaces/${space.slug}/moderation/log`)).status).toBe(403);
    expect((await decide(participant, published.id, 'approve')).status).toBe(403);
    expect(
      (await anonymous.post(`/api/comments/${published.id}/decision`, { action: 'approve', version: 1 })).status,
    ).toBe(401);
    expect(await currentVersion(published.id)).toBe(1);
  });
});

describe('highlights', () => {
  it('chairs mark published comments, idempotently, without touching the version', async () => {
    const c = await comment(space.id, { status: 'approved' });
    const on = await chair.client.put(`/api/comments/${c.id}/highlight`);
    expect(on.status).toBe(200);
    expect(on.body.comment).toMatchObject({ highlighted: true, version: 1 });
    expect((await chair.client.put(`/api/comments/${c.id}/highlight`)).body.comment.highlighted).toBe(true);
    const [row] = await rows('select highlighted_by, highlighted_at, version from comments where id = $1', [c.id]);
    expect(row.highlighted_by).toBe(chair.user.id);
    expect(row.version).toBe(1);
    const updated = await eventsFor(c.id, 'comment.updated');
    expect(updated).toHaveLength(1);
    expect(updated[0]).toMatchObject({ audience: 'public', payload: { comment: { id: c.id, highlighted: true } } });

    // A moderator's decision based on version 1 is still valid after curation.
    expect((await decide(moderator, c.id, 'reject', { reason: 'Off topic', version: 1 })).status).toBe(200);
    const again = await comment(space.id, { status: 'approved' });
    await admin.client.put(`/api/comments/${again.id}/highlight`);
    const off = await chair.client.delete(`/api/comments/${again.id}/highlight`);
    expect(off.status).toBe(200);
    expect(off.body.comment.highlighted).toBe(false);
    const audit = await rows('select action from moderation_events where comment_id = $1 order by id', [again.id]);
    expect(audit.map((r) => r.action)).toEqual(['highlight', 'unhighlight']);
  });

  it('refuses unpublished comments with 409 and people who are not chairs with 403', async () => {
    const pending = await comment(space.id);
    const res = await chair.client.put(`/api/comments/${pending.id}/highlight`);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('not_published');
    const published = await comment(space.id, { status: 'approved' });
    expect((await moderator.client.put(`/api/comments/${published.id}/highlight`)).status).toBe(403);
    expect((await participant.client.put(`/api/comments/${published.id}/highlight`)).status).toBe(403);
    expect((await anonymous.put(`/api/comments/${published.id}/highlight`)).status).toBe(401);
  });
});

describe('the audit log', () => {
  it('lists every decision with actor and reason, newest first, and cannot be rewritten', async () => {
    const { space: s } = await freshSpace();
    const a = await comment(s.id, { body: 'First **contribution** to audit.' });
    const b = await comment(s.id);
    await decide(moderator, a.id, 'approve');
    await decide(moderator, b.id, 'reject', { reason: 'Duplicate of another answer.' });
    await decide(admin, b.id, 'restore');

    const res = await chair.client.get(`/api/spaces/${s.slug}/moderation/log`);
    expect(res.status).toBe(200);
    expect(res.body.entries.map((e: any) => [e.action, e.commentId])).toEqual([
      ['restore', b.id],
      ['reject', b.id],
      ['approve', a.id],
    ]);
    expect(res.body.entries[1]).toMatchObject({
      actor: { displayName: 'Mo Moderator', affiliation: 'Example Organisation' },
      fromStatus: 'pending',
      toStatus: 'rejected',
      reason: 'Duplicate of another answer.',
      commentAuthor: 'Ada Author',
      createdAt: expect.any(String),
    });
    expect(res.body.entries[0]).toMatchObject({
      actor: { displayName: 'Administrator' },
      fromStatus: 'rejected',
      toStatus: 'approved',
    });
    expect(res.body.entries[2].commentExcerpt).toBe('First contribution to audit.');

    const page = await moderator.client.get(`/api/spaces/${s.slug}/moderation/log?limit=2`);
    expect(page.body.entries).toHaveLength(2);
    const next = await moderator.client.get(
      `/api/spaces/${s.slug}/moderation/log?limit=2&cursor=${page.body.nextCursor}`,
    );
    expect(next.body.entries.map((e: any) => e.action)).toEqual(['approve']);
    expect(next.body.nextCursor).toBeNull();
    const filtered = await moderator.client.get(`/api/spaces/${s.slug}/moderation/log?action=reject`);
    expect(filtered.body.entries.map((e: any) => e.commentId)).toEqual([b.id]);
    const byComment = await moderator.client.get(`/api/spaces/${s.slug}/moderation/log?commentId=${a.id}`);
    expect(byComment.body.entries.map((e: any) => e.action)).toEqual(['approve']);
    expect((await moderator.client.get(`/api/spaces/${s.slug}/moderation/log?cursor=abc`)).status).toBe(400);

    await expect(rows(`update moderation_events set reason = 'rewritten' where space_id = $1`, [s.id])).rejects.toThrow(
      /append-only/,
    );
    await expect(rows(`delete from moderation_events where space_id = $1`, [s.id])).rejects.toThrow(/append-only/);
  });
});

describe('public events', () => {
  it('never carry the text of a comment or an edit that was not published', async () => {
    // Every test above has run by now; check the whole events table.
    const unpublished = await rows<{ body_md: string }>(
      `select c.body_md from comments c
       where c.status in ('pending', 'rejected')
         and not exists (select 1 from moderation_events m
                         where m.comment_id = c.id and 'approved' in (m.from_status, m.to_status))
       union all
       select r.body_md from comment_revisions r
       where r.status in ('pending', 'rejected') and r.version > 1`,
    );
    const texts = unpublished.map((r) => r.body_md);
    expect(texts.length).toBeGreaterThan(10);
    const payloads = (await rows<{ p: string }>(`select payload::text as p from events where audience = 'public'`)).map(
      (r) => r.p,
    );
    expect(payloads.length).toBeGreaterThan(5);
    for (const text of texts) expect(payloads.filter((p) => p.includes(text))).toEqual([]);
  });
});

describe('the OpenAPI document', () => {
  it('lists every moderation route with its schemas', async () => {
    const res = await anonymous.get('/api/openapi.json');
    expect(res.status).toBe(200);
    const paths = res.body.paths;
    expect(paths['/api/spaces/{slug}/moderation/queue'].get.parameters.map((p: any) => p.name)).toEqual(
      expect.arrayContaining(['slug', 'status', 'cursor', 'limit']),
    );
    expect(paths['/api/moderation/queue'].get.responses['200']).toBeDefined();
    expect(paths['/api/comments/{id}/decision'].post.requestBody).toBeDefined();
    expect(paths['/api/spaces/{slug}/moderation/bulk'].post.requestBody).toBeDefined();
    expect(Object.keys(paths['/api/comments/{id}/highlight'])).toEqual(expect.arrayContaining(['put', 'delete']));
    expect(paths['/api/spaces/{slug}/moderation/log'].get.responses['200']).toBeDefined();
  });
});
