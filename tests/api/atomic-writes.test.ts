import { beforeAll, describe, expect, it } from 'vitest';
import type { EventKind } from '../../server/src/commands/events.js';
import { type TestClient, type TestResponse, setupApp } from '../helpers/app.js';
import { type Person, grantRole, makeAdmin, makeSpace, makeUser, uuid, withTaxonomy } from '../helpers/factories.js';

/**
 * Every command that announces a change writes its rows, its audit entry and its events in one
 * transaction: when the events insert fails, nothing of the change remains. The failure is
 * planted by a trigger on `events` that exists only in this file's database, armed for one
 * event kind at a time: the last kind each command writes, so as much as possible was written
 * before it fails.
 */
// Every note save a version of its own (no coalescing of autosaves), so version 1 stays to restore.
const ctx = await setupApp({ noteVersionPauseMs: 0 });

await ctx.db.pool.query(`
  create table test_event_failures (kind text primary key);
  create function test_fail_events() returns trigger language plpgsql as $$
  begin
    if exists (select 1 from test_event_failures where kind in (new.kind, '*')) then
      raise exception 'planted failure at the events insert (%)', new.kind;
    end if;
    return new;
  end $$;
  create trigger test_fail_events before insert on events for each row execute function test_fail_events();
`);
const arm = (kind: EventKind) => ctx.db.pool.query('insert into test_event_failures values ($1)', [kind]);
const disarm = () => ctx.db.pool.query('delete from test_event_failures');

/** Every table a command may write (sessions, visits and rate-limit counters aside). */
const TABLES = [
  'comments',
  'comment_revisions',
  'comment_tags',
  'moderation_events',
  'reports',
  'attachments',
  'events',
  'notes',
  'note_sections',
  'note_section_items',
  'note_versions',
  'spaces',
  'questions',
  'space_roles',
];
/** Row count and a digest of every row of every table, to compare whole states. */
async function snapshot(): Promise<Record<string, { rows: number; digest: string }>> {
  const out: Record<string, { rows: number; digest: string }> = {};
  for (const table of TABLES) {
    const { rows } = await ctx.db.pool.query(
      `select count(*)::int as rows, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest
         from ${table} t`,
    );
    out[table] = rows[0];
  }
  return out;
}

let admin: Person;
let moderator: Person;
let chair: Person;
let pre: Awaited<ReturnType<typeof makeSpace>>;
let post: Awaited<ReturnType<typeof makeSpace>>;

beforeAll(async () => {
  await withTaxonomy(ctx);
  pre = await makeSpace(ctx, { moderationMode: 'pre' });
  post = await makeSpace(ctx, { moderationMode: 'post' });
  [admin, moderator, chair] = await Promise.all([makeAdmin(ctx), makeUser(ctx), makeUser(ctx)]);
  for (const s of [pre, post]) {
    await grantRole(ctx, s.space.id, moderator.user.id, 'moderator');
    await grantRole(ctx, s.space.id, chair.user.id, 'chair');
  }
});

type Fixture = typeof pre;
type Comment = { id: string; version: number };

const postComment = async (c: TestClient, f: Fixture, extra: Record<string, unknown> = {}): Promise<Comment> => {
  const res = await c.post(`/api/spaces/${f.space.slug}/comments`, {
    questionId: f.questions[0]?.id,
    body: `Words ${uuid()}`,
    language: 'en',
    tags: ['7'],
    clientId: uuid(),
    ...extra,
  });
  expect(res.status, res.raw).toBe(201);
  return res.body.comment;
};
const decide = async (c: Comment, action: 'approve' | 'reject'): Promise<Comment> => {
  const res = await moderator.client.post(`/api/comments/${c.id}/decision`, {
    action,
    version: c.version,
    ...(action === 'reject' ? { reason: 'Off topic' } : {}),
  });
  expect(res.status, res.raw).toBe(200);
  return res.body.comment;
};
const published = async (f: Fixture, author?: Person): Promise<Comment & { author: Person }> => {
  const who = author ?? (await makeUser(ctx));
  const c = await postComment(who.client, f);
  return { ...(f === pre ? await decide(c, 'approve') : c), author: who };
};
const newNote = async (f: Fixture) => {
  const res = await chair.client.post(`/api/spaces/${f.space.slug}/notes`, {});
  expect(res.status, res.raw).toBe(201);
  return res.body.note as { id: string; title: string; targetWords: number; version: number; sections: any[] };
};
const saveBody = (note: Awaited<ReturnType<typeof newNote>>, commentIds: string[], title = note.title) => ({
  title,
  targetWords: note.targetWords,
  version: note.version,
  sections: note.sections.map((s, i) => ({
    id: s.id,
    title: s.title,
    bodyMd: `Section ${i} text`,
    commentIds: i === 0 ? commentIds : [],
  })),
});

interface Case {
  /** The event kind whose insert fails: the last one the command writes. */
  fails: EventKind;
  /** Sets up the state (events may be written here) and returns the request under test. */
  prepare(): Promise<() => Promise<TestResponse>>;
  ok: number;
}

const cases: Record<string, Case> = {
  'comment create, pre-moderated (comment, revision, tags; then the audit row)': {
    fails: 'comment.submitted',
    ok: 201,
    prepare: async () => {
      const author = await makeUser(ctx);
      const body = { questionId: pre.questions[0]?.id, body: 'Held', language: 'en', tags: ['7'], clientId: uuid() };
      return () => author.client.post(`/api/spaces/${pre.space.slug}/comments`, body);
    },
  },
  'comment create, post-moderated (published, then submitted)': {
    fails: 'comment.submitted',
    ok: 201,
    prepare: async () => {
      const author = await makeUser(ctx);
      const body = { questionId: post.questions[0]?.id, body: 'Live', language: 'en', tags: ['7'], clientId: uuid() };
      return () => author.client.post(`/api/spaces/${post.space.slug}/comments`, body);
    },
  },
  'reply create': {
    fails: 'comment.submitted',
    ok: 201,
    prepare: async () => {
      const parent = await published(post);
      const author = await makeUser(ctx);
      const body = { parentId: parent.id, body: 'A reply', language: 'en', clientId: uuid() };
      return () => author.client.post(`/api/spaces/${post.space.slug}/comments`, body);
    },
  },
  'edit of a pending comment (in place, tags replaced)': {
    fails: 'comment.submitted',
    ok: 200,
    prepare: async () => {
      const author = await makeUser(ctx);
      const c = await postComment(author.client, pre);
      return () => author.client.patch(`/api/comments/${c.id}`, { body: 'Better', version: c.version, tags: ['16'] });
    },
  },
  'edit of a published comment in a pre-moderated space (a pending revision)': {
    fails: 'comment.submitted',
    ok: 200,
    prepare: async () => {
      const c = await published(pre);
      return () => c.author.client.patch(`/api/comments/${c.id}`, { body: 'Revised', version: c.version });
    },
  },
  'edit of a published comment in a post-moderated space (changed at once)': {
    fails: 'comment.updated',
    ok: 200,
    prepare: async () => {
      const c = await published(post);
      return () => c.author.client.patch(`/api/comments/${c.id}`, { body: 'Corrected', version: c.version });
    },
  },
  'edit of a rejected comment (resubmitted)': {
    fails: 'comment.submitted',
    ok: 200,
    prepare: async () => {
      const author = await makeUser(ctx);
      const c = await decide(await postComment(author.client, pre), 'reject');
      return () => author.client.patch(`/api/comments/${c.id}`, { body: 'On topic now', version: c.version });
    },
  },
  withdrawal: {
    fails: 'comment.decided',
    ok: 200,
    prepare: async () => {
      const c = await published(pre);
      return () => c.author.client.delete(`/api/comments/${c.id}`);
    },
  },
  report: {
    fails: 'comment.reported',
    ok: 201,
    prepare: async () => {
      const c = await published(pre);
      const reporter = await makeUser(ctx);
      return () => reporter.client.post(`/api/comments/${c.id}/reports`, { reason: 'Insulting' });
    },
  },
  'decision: approve': {
    fails: 'queue.counts',
    ok: 200,
    prepare: async () => {
      const c = await postComment((await makeUser(ctx)).client, pre);
      return () => moderator.client.post(`/api/comments/${c.id}/decision`, { action: 'approve', version: c.version });
    },
  },
  'decision: take down a reported comment (reports resolved)': {
    fails: 'queue.counts',
    ok: 200,
    prepare: async () => {
      const c = await published(pre);
      const reporter = await makeUser(ctx);
      expect((await reporter.client.post(`/api/comments/${c.id}/reports`, { reason: 'Spam' })).status).toBe(201);
      return () =>
        moderator.client.post(`/api/comments/${c.id}/decision`, {
          action: 'reject',
          reason: 'Spam',
          version: c.version,
        });
    },
  },
  'decision: approve a pending revision': {
    fails: 'queue.counts',
    ok: 200,
    prepare: async () => {
      const c = await published(pre);
      const edited = await c.author.client.patch(`/api/comments/${c.id}`, { body: 'Revised', version: c.version });
      expect(edited.status).toBe(200);
      const version = edited.body.comment.version as number;
      return () => moderator.client.post(`/api/comments/${c.id}/decision`, { action: 'approve', version });
    },
  },
  'bulk decision (every decision written, then the counts fail)': {
    fails: 'queue.counts',
    ok: 200,
    prepare: async () => {
      const author = await makeUser(ctx);
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) ids.push((await postComment(author.client, pre)).id);
      return () => moderator.client.post(`/api/spaces/${pre.space.slug}/moderation/bulk`, { ids, action: 'approve' });
    },
  },
  highlight: {
    fails: 'comment.updated',
    ok: 200,
    prepare: async () => {
      const c = await published(pre);
      return () => chair.client.put(`/api/comments/${c.id}/highlight`);
    },
  },
  'note save (sections, citations, version snapshot)': {
    fails: 'note.saved',
    ok: 200,
    prepare: async () => {
      const c = await published(pre);
      await chair.client.put(`/api/comments/${c.id}/highlight`);
      const note = await newNote(pre);
      return () => chair.client.put(`/api/notes/${note.id}`, saveBody(note, [c.id], 'Saved title'));
    },
  },
  'note version restore': {
    fails: 'note.saved',
    ok: 200,
    prepare: async () => {
      const note = await newNote(pre);
      expect((await chair.client.put(`/api/notes/${note.id}`, saveBody(note, [], 'Second'))).status).toBe(200);
      return () => chair.client.post(`/api/notes/${note.id}/versions/1/restore`);
    },
  },
  'space create (open)': {
    fails: 'space.changed',
    ok: 201,
    prepare: async () => {
      const body = { slug: `atomic-${uuid().slice(0, 8)}`, code: 'RT A', title: 'Atomic', status: 'open' };
      return () => admin.client.post('/api/spaces', body);
    },
  },
  'space update': {
    fails: 'space.changed',
    ok: 200,
    prepare: async () => () => admin.client.patch(`/api/spaces/${post.space.slug}`, { title: `Renamed ${uuid()}` }),
  },
  'question create (others renumbered)': {
    fails: 'question.changed',
    ok: 201,
    prepare: async () => () =>
      admin.client.post(`/api/spaces/${post.space.slug}/questions`, { text: 'A first question?', position: 1 }),
  },
  'question move and edit': {
    fails: 'question.changed',
    ok: 200,
    prepare: async () => {
      const { space, questions } = await makeSpace(ctx);
      return () =>
        admin.client.patch(`/api/spaces/${space.slug}/questions/${questions[2]?.id}`, { text: 'Moved?', position: 1 });
    },
  },
  'question delete': {
    fails: 'question.changed',
    ok: 200,
    prepare: async () => {
      const { space, questions } = await makeSpace(ctx);
      return () => admin.client.delete(`/api/spaces/${space.slug}/questions/${questions[0]?.id}`);
    },
  },
  'role grant': {
    fails: 'space.changed',
    ok: 200,
    prepare: async () => {
      const email = (await makeUser(ctx)).user.email;
      return () => admin.client.put(`/api/spaces/${post.space.slug}/roles`, { email, role: 'moderator' });
    },
  },
  'role revoke': {
    fails: 'space.changed',
    ok: 200,
    prepare: async () => {
      const who = await makeUser(ctx);
      await grantRole(ctx, post.space.id, who.user.id, 'moderator');
      return () =>
        admin.client.delete(`/api/spaces/${post.space.slug}/roles`, { email: who.user.email, role: 'moderator' });
    },
  },
};

describe('a failure at the events insert leaves nothing of the change', () => {
  it.each(Object.entries(cases))('%s', async (_name, c) => {
    await disarm();
    const act = await c.prepare();
    const before = await snapshot();

    await arm(c.fails);
    let failed: TestResponse;
    try {
      failed = await act();
    } finally {
      await disarm();
    }
    expect(failed.status, failed.raw).toBe(500);
    expect(failed.body).toEqual({
      error: { code: 'internal_error', message: expect.any(String), requestId: expect.any(String) },
    });
    expect(failed.raw).not.toContain('planted failure');
    // Not one row written, changed or deleted anywhere.
    const after = await snapshot();
    for (const table of TABLES) expect(after[table], `${table} changed`).toEqual(before[table]);

    // The same request succeeds once the trigger is disarmed, and writes the armed kind: the
    // failure above was the planted one, at the events insert, and not a refusal.
    const maxBefore = (await ctx.db.pool.query('select coalesce(max(id), 0)::int as id from events')).rows[0].id;
    const ok = await act();
    expect(ok.status, ok.raw).toBe(c.ok);
    const kinds = (await ctx.db.pool.query('select kind from events where id > $1', [maxBefore])).rows.map(
      (r) => r.kind,
    );
    expect(kinds).toContain(c.fails);
  });
});
