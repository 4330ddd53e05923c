import { type ClientRequest, type RequestOptions, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/src/app.js';
import { type TestContext, type TestResponse, TestClient, setupApp } from '../helpers/app.js';
import { type Cast, insertComment, makeCast, makeSpace, makeUser, uuid, withTaxonomy } from '../helpers/factories.js';
import { LiveClient } from '../helpers/live.js';
import { PDF, PNG, multipartBody } from '../helpers/multipart.js';

/**
 * One request over a real socket (what app.inject cannot produce: oversized URLs, unknown methods,
 * bodies cut off mid-stream). `send` writes the body; by default the request is simply ended.
 */
function rawRequest(
  options: RequestOptions,
  send: (req: ClientRequest) => void = (req) => req.end(),
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', ...options }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    send(req);
  });
}

/**
 * Hostile input gets a clear 4xx in the documented error shape, never a 500, and never an
 * error-level log line. The rule (README, API): text fields refuse U+0000 and lone UTF-16
 * surrogates with 400 `validation_failed` naming the field; markdown bodies (comment body, note
 * section body, space background, preview) drop U+0000 and replace lone surrogates with U+FFFD.
 */

const base = await setupApp();

// The same app, but logging at warn and above into memory: no request here may log an error.
const logLines: { level: number; msg?: string; err?: { message?: string } }[] = [];
const logStream = new Writable({
  write(chunk: Buffer, _enc, done) {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) logLines.push(JSON.parse(line));
    done();
  },
});
const app = await buildApp({ db: base.db.db, config: base.config, logger: { level: 'warn', stream: logStream } });
await app.ready();
afterAll(() => app.close());
const ctx: TestContext = { ...base, app, client: () => new TestClient(app, base.config.appOrigin) };

afterEach(() => {
  const errors = logLines.filter((l) => l.level >= 50);
  logLines.length = 0;
  expect(errors.map((e) => `${e.msg}: ${e.err?.message}`)).toEqual([]);
});

const NUL = '\u0000';
const LONE = '\ud800';

let cast: Cast;
let space: Awaited<ReturnType<typeof makeSpace>>['space'];
let questionId: string;

beforeAll(async () => {
  await withTaxonomy(ctx);
  const made = await makeSpace(ctx);
  space = made.space;
  const [first] = made.questions;
  if (!first) throw new Error('no question');
  questionId = first.id;
  cast = await makeCast(ctx, space.id);
});

async function count(table: string, where = 'true', params: unknown[] = []): Promise<number> {
  const { rows } = await ctx.db.pool.query<{ n: number }>(
    `select count(*)::int as n from ${table} where ${where}`,
    params,
  );
  return rows[0]?.n ?? -1;
}

/** 400 `validation_failed` whose `details.fields` names `field`, in the documented shape. */
function expectFieldRefused(res: TestResponse, field: string) {
  expect(res.status, res.raw).toBe(400);
  expect(res.body.error.code).toBe('validation_failed');
  expect(typeof res.body.error.message).toBe('string');
  const fields = (res.body.error.details?.fields ?? []) as { field: string; message: string }[];
  expect(fields.map((f) => f.field)).toContain(field);
}

/** Every error has exactly the documented shape. */
function expectErrorShape(body: unknown, status?: number) {
  expect(body).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
  expect(Object.keys(body as object)).toEqual(['error']);
  if (status !== undefined) expect(status).toBeLessThan(500);
}

async function newComment(body = 'A plain comment.') {
  const res = await cast.author.client.post(`/api/spaces/${space.slug}/comments`, {
    body,
    language: 'en',
    questionId,
    clientId: uuid(),
  });
  expect(res.status, res.raw).toBe(201);
  return res.body.comment as { id: string; version: number };
}

describe('a NUL character (U+0000)', () => {
  it('comment body: dropped, the rest stored', async () => {
    const before = await count('comments');
    const c = await newComment(`Pasted${NUL} text${NUL}.`);
    expect(await count('comments')).toBe(before + 1);
    const { rows } = await ctx.db.pool.query('select body_md from comments where id = $1', [c.id]);
    expect(rows[0].body_md).toBe('Pasted text.');
  });

  it('comment body of only NULs: refused as empty, nothing stored', async () => {
    const before = await count('comments');
    const res = await cast.author.client.post(`/api/spaces/${space.slug}/comments`, {
      body: `${NUL}${NUL}`,
      language: 'en',
      clientId: uuid(),
    });
    expectFieldRefused(res, 'body');
    expect(await count('comments')).toBe(before);
  });

  it('comment tags: refused naming the tag, nothing stored', async () => {
    const before = await count('comments');
    const res = await cast.author.client.post(`/api/spaces/${space.slug}/comments`, {
      body: 'Tagged.',
      language: 'en',
      tags: ['16', `gcm${NUL}`],
      clientId: uuid(),
    });
    expectFieldRefused(res, 'tags.1');
    expect(await count('comments')).toBe(before);
  });

  it('comment edit: body dropped; tags refused with no new revision', async () => {
    const c = await newComment();
    const edited = await cast.author.client.patch(`/api/comments/${c.id}`, {
      body: `Edited${NUL} text.`,
      version: c.version,
    });
    expect(edited.status, edited.raw).toBe(200);
    expect(edited.body.comment.bodyMd).toBe('Edited text.');

    const revisions = await count('comment_revisions', 'comment_id = $1', [c.id]);
    const res = await cast.author.client.patch(`/api/comments/${c.id}`, {
      body: 'Edited again.',
      tags: [`1${NUL}6`],
      version: edited.body.comment.version,
    });
    expectFieldRefused(res, 'tags.0');
    expect(await count('comment_revisions', 'comment_id = $1', [c.id])).toBe(revisions);
  });

  it('report reason: refused, no report stored', async () => {
    const published = await insertComment(ctx, {
      spaceId: space.id,
      authorId: cast.author.user.id,
      status: 'approved',
    });
    const before = await count('reports');
    const res = await cast.participant.client.post(`/api/comments/${published.id}/reports`, {
      reason: `Off topic${NUL}`,
    });
    expectFieldRefused(res, 'reason');
    expect(await count('reports')).toBe(before);
  });

  it('decision reason: refused, the comment stays pending', async () => {
    const c = await newComment();
    const res = await cast.moderator.client.post(`/api/comments/${c.id}/decision`, {
      action: 'reject',
      reason: `Not${NUL} relevant`,
      version: c.version,
    });
    expectFieldRefused(res, 'reason');
    const { rows } = await ctx.db.pool.query('select status from comments where id = $1', [c.id]);
    expect(rows[0].status).toBe('pending');
  });

  it('bulk decision reason: refused', async () => {
    const c = await newComment();
    const res = await cast.moderator.client.post(`/api/spaces/${space.slug}/moderation/bulk`, {
      ids: [c.id],
      action: 'reject',
      reason: `Bulk${NUL}`,
    });
    expectFieldRefused(res, 'reason');
    const { rows } = await ctx.db.pool.query('select status from comments where id = $1', [c.id]);
    expect(rows[0].status).toBe('pending');
  });

  it('display name and affiliation at registration: refused, no user created', async () => {
    const before = await count('users');
    const client = ctx.client();
    const email = `nul.${uuid()}@example.org`;
    const base = {
      email,
      password: 'correct horse battery staple',
      displayName: 'Nul Person',
      affiliation: 'Example',
      stakeholderCategory: 'civil_society',
    };
    expectFieldRefused(await client.post('/api/auth/register', { ...base, displayName: `Nul${NUL}` }), 'displayName');
    expectFieldRefused(await client.post('/api/auth/register', { ...base, affiliation: `Ex${NUL}` }), 'affiliation');
    expect(await count('users')).toBe(before);
  });

  it('display name and affiliation in PATCH /api/auth/me: refused, profile unchanged', async () => {
    const person = await makeUser(ctx, { displayName: 'Stays Same', affiliation: 'Same Org' });
    expectFieldRefused(await person.client.patch('/api/auth/me', { displayName: `X${NUL}` }), 'displayName');
    expectFieldRefused(await person.client.patch('/api/auth/me', { affiliation: `Y${NUL}` }), 'affiliation');
    const me = await person.client.get('/api/auth/me');
    expect(me.body.user).toMatchObject({ displayName: 'Stays Same', affiliation: 'Same Org' });
  });

  it('space title: refused at create and edit; background: dropped', async () => {
    const admin = cast.admin.client;
    const before = await count('spaces');
    const slug = `nul-${Math.random().toString(36).slice(2, 8)}`;
    expectFieldRefused(await admin.post('/api/spaces', { slug, code: 'N 1', title: `Ti${NUL}tle` }), 'title');
    expect(await count('spaces')).toBe(before);

    const created = await admin.post('/api/spaces', {
      slug,
      code: 'N 1',
      title: 'Title',
      background: `Back${NUL}ground`,
    });
    expect(created.status, created.raw).toBe(201);
    const { rows } = await ctx.db.pool.query('select background_md from spaces where slug = $1', [slug]);
    expect(rows[0].background_md).toBe('Background');

    expectFieldRefused(await admin.patch(`/api/spaces/${slug}`, { title: `New${NUL}` }), 'title');
    const after = await ctx.db.pool.query('select title from spaces where slug = $1', [slug]);
    expect(after.rows[0].title).toBe('Title');
  });

  it('question text: refused at create and edit, nothing written', async () => {
    const before = await count('questions', 'space_id = $1', [space.id]);
    const res = await cast.chair.client.post(`/api/spaces/${space.slug}/questions`, { text: `Why${NUL}?` });
    expectFieldRefused(res, 'text');
    expect(await count('questions', 'space_id = $1', [space.id])).toBe(before);
    const edit = await cast.chair.client.patch(`/api/spaces/${space.slug}/questions/${questionId}`, {
      text: `How${NUL}?`,
    });
    expectFieldRefused(edit, 'text');
    const { rows } = await ctx.db.pool.query('select text from questions where id = $1', [questionId]);
    expect(rows[0].text).not.toContain(NUL);
  });

  it('note title at create: refused, no note created', async () => {
    const before = await count('notes');
    const res = await cast.chair.client.post(`/api/spaces/${space.slug}/notes`, { title: `Note${NUL}` });
    expectFieldRefused(res, 'title');
    expect(await count('notes')).toBe(before);
  });

  it('note title and section title on save: refused; section text: dropped', async () => {
    const created = await cast.chair.client.post(`/api/spaces/${space.slug}/notes`, { title: 'A note' });
    expect(created.status, created.raw).toBe(201);
    const note = created.body.note as { id: string; version: number };
    const versions = await count('note_versions', 'note_id = $1', [note.id]);
    const save = (title: string, sectionTitle: string, bodyMd: string, version: number) =>
      cast.chair.client.put(`/api/notes/${note.id}`, {
        title,
        targetWords: 1000,
        version,
        sections: [{ title: sectionTitle, bodyMd, commentIds: [] }],
      });
    expectFieldRefused(await save(`T${NUL}`, 'S', 'B', note.version), 'title');
    expectFieldRefused(await save('T', `S${NUL}`, 'B', note.version), 'sections.0.title');
    expect(await count('note_versions', 'note_id = $1', [note.id])).toBe(versions);

    const saved = await save('T', 'S', `Synthesis${NUL} text`, note.version);
    expect(saved.status, saved.raw).toBe(200);
    expect(saved.body.note.sections[0].bodyMd).toBe('Synthesis text');
  });

  it('admin user search q: refused naming q', async () => {
    expectFieldRefused(await cast.admin.client.get(`/api/admin/users?q=${encodeURIComponent(`a${NUL}`)}`), 'q');
  });

  it('comments q and tag query parameters: refused naming each', async () => {
    const url = `/api/spaces/${space.slug}/comments`;
    expectFieldRefused(await cast.anonymous.get(`${url}?q=${encodeURIComponent(`word${NUL}`)}`), 'q');
    expectFieldRefused(await cast.anonymous.get(`${url}?tag=${encodeURIComponent(`16${NUL}`)}`), 'tag');
    expectFieldRefused(await cast.anonymous.get(`${url}?cursor=${encodeURIComponent(NUL)}`), 'cursor');
  });

  it('slugs in paths: refused naming slug', async () => {
    const slug = encodeURIComponent(`${space.slug}${NUL}`);
    expectFieldRefused(await cast.anonymous.get(`/api/spaces/${slug}`), 'slug');
    expectFieldRefused(await cast.anonymous.get(`/api/spaces/${slug}/comments`), 'slug');
    expectFieldRefused(await cast.chair.client.get(`/api/spaces/${slug}/notes`), 'slug');
    const before = await count('comments');
    const res = await cast.author.client.post(`/api/spaces/${slug}/comments`, {
      body: 'x',
      language: 'en',
      clientId: uuid(),
    });
    expectFieldRefused(res, 'slug');
    expect(await count('comments')).toBe(before);
  });

  it('email, password and preview: refused or dropped, never a 500', async () => {
    const client = ctx.client();
    const login = await client.post('/api/auth/login', { email: `a${NUL}@example.org`, password: 'x' });
    expect(login.status).toBe(400);
    expectErrorShape(login.body);
    const preview = await cast.participant.client.post('/api/preview', { body: `**bold**${NUL}` });
    expect(preview.status, preview.raw).toBe(200);
    expect(preview.body.html).not.toContain(NUL);
    const role = await cast.admin.client.put(`/api/spaces/${space.slug}/roles`, {
      email: `x${NUL}@example.org`,
      role: 'moderator',
    });
    expectFieldRefused(role, 'email');
  });
});

describe('a lone UTF-16 surrogate', () => {
  it('in a text field: refused naming the field', async () => {
    const person = await makeUser(ctx);
    expectFieldRefused(await person.client.patch('/api/auth/me', { displayName: `Half ${LONE}` }), 'displayName');
    expectFieldRefused(await person.client.patch('/api/auth/me', { affiliation: `\udc00 low` }), 'affiliation');
    const c = await newComment();
    expectFieldRefused(
      await cast.moderator.client.post(`/api/comments/${c.id}/decision`, {
        action: 'reject',
        reason: `No ${LONE}`,
        version: c.version,
      }),
      'reason',
    );
    // In a tag, and in an object key: the catch-all names the path.
    const tagged = await cast.author.client.post(`/api/spaces/${space.slug}/comments`, {
      body: 'Fine.',
      language: 'en',
      tags: [`16${LONE}`],
      clientId: uuid(),
    });
    expectFieldRefused(tagged, 'tags.0');
    const key = await cast.author.client.request(
      'POST',
      '/api/auth/login',
      '{"email":"a@example.org","password":"x","\\ud800":1}',
      { 'content-type': 'application/json' },
    );
    expect(key.status, key.raw).toBe(400);
    expectErrorShape(key.body);
  });

  it('a country code that is not two letters (NUL, one letter, a surrogate): 400 naming country', async () => {
    const person = await makeUser(ctx);
    for (const country of [NUL, 'A', `K${NUL}`, LONE, 'KEN']) {
      expectFieldRefused(await person.client.patch('/api/auth/me', { country }), 'country');
    }
  });

  it('a well-formed pair (an emoji) is accepted everywhere', async () => {
    const person = await makeUser(ctx);
    const res = await person.client.patch('/api/auth/me', { displayName: 'Ana 🌍' });
    expect(res.status, res.raw).toBe(200);
    expect(res.body.user.displayName).toBe('Ana 🌍');
  });

  it('in a comment body: replaced with U+FFFD and stored', async () => {
    const c = await newComment(`Cut emoji ${LONE} here and \udc00 there`);
    const { rows } = await ctx.db.pool.query('select body_md from comments where id = $1', [c.id]);
    expect(rows[0].body_md).toBe('Cut emoji \ufffd here and \ufffd there');
  });
});

describe('numbers and nesting', () => {
  it('huge and non-finite numbers in query parameters: 400 naming limit', async () => {
    const url = `/api/spaces/${space.slug}/comments`;
    for (const limit of ['1e400', '99999999999999999999999', '-1', 'NaN', 'Infinity', '1.5', '']) {
      expectFieldRefused(await cast.anonymous.get(`${url}?limit=${limit}`), 'limit');
    }
    expectFieldRefused(await cast.admin.client.get('/api/admin/users?limit=1e400'), 'limit');
  });

  it('huge numbers in path and body: 400', async () => {
    const note = await cast.chair.client.post(`/api/spaces/${space.slug}/notes`, { title: 'Numbers' });
    expect(note.status).toBe(201);
    const id = note.body.note.id as string;
    expectFieldRefused(await cast.chair.client.get(`/api/notes/${id}/versions/1e400`), 'version');
    expectFieldRefused(await cast.chair.client.get(`/api/notes/${id}/versions?before=1e999`), 'before');
    const c = await newComment();
    // JSON's 1e400 parses to Infinity.
    const res = await cast.author.client.request('PATCH', `/api/comments/${c.id}`, '{"body":"x","version":1e400}', {
      'content-type': 'application/json',
    });
    expectFieldRefused(res, 'version');
  });

  it('versions and positions past PostgreSQL’s integer: 400 naming the field; the largest integer is an answer, not a 500', async () => {
    const BEYOND = 2 ** 31;
    const MAX = 2 ** 31 - 1;
    const note = await cast.chair.client.post(`/api/spaces/${space.slug}/notes`, { title: 'Integers' });
    expect(note.status, note.raw).toBe(201);
    const id = note.body.note.id as string;
    expectFieldRefused(await cast.chair.client.get(`/api/notes/${id}/versions?before=${BEYOND}`), 'before');
    // Found by `npm run fuzz` (seed 20261208): a 500 "out of range for type integer" before.
    expectFieldRefused(await cast.chair.client.get(`/api/notes/${id}/versions?before=9007199254740991`), 'before');
    expect((await cast.chair.client.get(`/api/notes/${id}/versions?before=${MAX}`)).status).toBe(200);
    expectFieldRefused(await cast.chair.client.get(`/api/notes/${id}/versions/${BEYOND}`), 'version');
    expect((await cast.chair.client.get(`/api/notes/${id}/versions/${MAX}`)).status).toBe(404);
    const save = (version: number) =>
      cast.chair.client.put(`/api/notes/${id}`, { title: 'Integers', targetWords: 1000, sections: [], version });
    expectFieldRefused(await save(BEYOND), 'version');
    expect((await save(MAX)).status).toBe(409);
    expectFieldRefused(await cast.chair.client.put(`/api/notes/${id}/outcome`, { version: BEYOND }), 'version');
    expect((await cast.chair.client.put(`/api/notes/${id}/outcome`, { version: MAX })).status).toBeLessThan(500);

    const c = await newComment();
    expectFieldRefused(
      await cast.author.client.patch(`/api/comments/${c.id}`, { body: 'An edit.', version: BEYOND }),
      'version',
    );
    expect((await cast.author.client.patch(`/api/comments/${c.id}`, { body: 'An edit.', version: MAX })).status).toBe(
      409,
    );
    const decide = (version: number) =>
      cast.moderator.client.post(`/api/comments/${c.id}/decision`, { action: 'approve', version });
    expectFieldRefused(await decide(BEYOND), 'version');
    expect((await decide(MAX)).status).toBe(409);
    expect(await count('comments', 'id = $1 and version = 1', [c.id])).toBe(1);

    const questions = `/api/spaces/${space.slug}/questions`;
    const before = await count('questions', 'space_id = $1', [space.id]);
    expectFieldRefused(await cast.admin.client.post(questions, { text: 'Beyond?', position: BEYOND }), 'position');
    expect(await count('questions', 'space_id = $1', [space.id])).toBe(before);
    expectFieldRefused(await cast.admin.client.patch(`${questions}/${questionId}`, { position: BEYOND }), 'position');
    const last = await cast.admin.client.post(questions, { text: 'At the very end?', position: MAX });
    expect(last.status, last.raw).toBeLessThan(500);
    const moved = await cast.admin.client.patch(`${questions}/${questionId}`, { position: MAX });
    expect(moved.status, moved.raw).toBeLessThan(500);
  });

  it('10,000 levels of nested arrays as a body: 400', async () => {
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    const res = await cast.author.client.request('POST', `/api/spaces/${space.slug}/comments`, deep, {
      'content-type': 'application/json',
    });
    expect(res.status, res.raw).toBe(400);
    expectErrorShape(res.body);
  });

  it('deep nesting inside a field, and a near-megabyte of nesting: 400', async () => {
    const inField = `{"body":"x","language":"en","clientId":"${uuid()}","tags":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    const res = await cast.author.client.request('POST', `/api/spaces/${space.slug}/comments`, inField, {
      'content-type': 'application/json',
    });
    expectFieldRefused(res, 'tags.0');
    const n = 500_000;
    const objects = `${'{"a":'.repeat(n / 5)}1${'}'.repeat(n / 5)}`;
    const res2 = await cast.author.client.request('POST', '/api/preview', objects, {
      'content-type': 'application/json',
    });
    expect(res2.status, res2.raw.slice(0, 300)).toBe(400);
    expectErrorShape(res2.body);
  });
});

describe('attachments', () => {
  async function pendingComment() {
    return (await newComment('With a file.')).id;
  }
  const headersFor = (contentType: string, cookie: string) => ({
    'content-type': contentType,
    origin: ctx.config.appOrigin,
    cookie,
  });

  it('two files in one request: 400, neither stored', async () => {
    const id = await pendingComment();
    const { payload, contentType } = multipartBody([
      { filename: 'one.pdf', data: PDF },
      { filename: 'two.png', data: PNG },
    ]);
    const res = await app.inject({
      method: 'POST',
      url: `/api/comments/${id}/attachments`,
      payload,
      headers: headersFor(contentType, cast.author.client.cookieHeader),
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.code).toBe('too_many_files');
    expect(await count('attachments', 'comment_id = $1', [id])).toBe(0);
  });

  it('a file in a field other than "file" after the file: 400', async () => {
    const id = await pendingComment();
    const { payload, contentType } = multipartBody([
      { filename: 'one.pdf', data: PDF },
      { name: 'other', filename: 'two.pdf', data: PDF },
    ]);
    const res = await app.inject({
      method: 'POST',
      url: `/api/comments/${id}/attachments`,
      payload,
      headers: headersFor(contentType, cast.author.client.cookieHeader),
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(await count('attachments', 'comment_id = $1', [id])).toBe(0);
  });

  it('a NUL in the file name: stored without it', async () => {
    const id = await pendingComment();
    const { payload, contentType } = multipartBody([{ filename: `po${NUL}sition.pdf`, data: PDF }]);
    const res = await app.inject({
      method: 'POST',
      url: `/api/comments/${id}/attachments`,
      payload,
      headers: headersFor(contentType, cast.author.client.cookieHeader),
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().attachment.filename).toBe('position.pdf');
  });

  it('a body cut off in the middle of the file: 400, nothing stored', async () => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    const id = await pendingComment();
    const { payload, contentType } = multipartBody([
      { filename: 'big.pdf', data: Buffer.concat([PDF, Buffer.alloc(200_000, 7)]) },
    ]);
    const cut = payload.subarray(0, 100_000);
    const response = await rawRequest(
      {
        port,
        method: 'POST',
        path: `/api/comments/${id}/attachments`,
        headers: { ...headersFor(contentType, cast.author.client.cookieHeader), 'content-length': payload.length },
      },
      // Send part of the body, then half-close: the server sees the stream end early.
      (req) => req.write(cut, () => req.socket?.end()),
    );
    expect(response.status, response.body).toBe(400);
    expectErrorShape(JSON.parse(response.body));
    expect(await count('attachments', 'comment_id = $1', [id])).toBe(0);
  });
});

describe('errors outside the routes keep the documented shape', () => {
  let port: number;
  beforeAll(async () => {
    if (!app.server.listening) await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as AddressInfo).port;
  });

  /** Writes raw bytes to the server and reads the whole answer. */
  function raw(bytes: string): Promise<{ status: number; headers: string; body: string }> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1');
      let data = '';
      socket.setEncoding('utf8');
      socket.on('data', (d: string) => (data += d));
      socket.on('error', reject);
      socket.on('close', () => {
        const [head = '', body = ''] = data.split('\r\n\r\n');
        resolve({ status: Number(head.split(' ')[1]), headers: head, body });
      });
      socket.write(bytes);
    });
  }

  it('431: a header too large, over a real socket', async () => {
    const res = await raw(
      `GET /api/spaces HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'a'.repeat(20_000)}\r\nConnection: close\r\n\r\n`,
    );
    expect(res.status).toBe(431);
    expect(res.headers).toMatch(/content-type: application\/json/i);
    expectErrorShape(JSON.parse(res.body));
    expect(JSON.parse(res.body).error.code).toBe('header_too_large');
  });

  it('431: a URL too large, through node:http', async () => {
    const response = await rawRequest({ port, path: `/api/spaces?q=${'b'.repeat(20_000)}` });
    expect(response.status).toBe(431);
    expectErrorShape(JSON.parse(response.body));
  });

  it('a malformed request line: 400 in the shape', async () => {
    const res = await raw('GARBAGE\r\n\r\n');
    expect(res.status).toBe(400);
    expectErrorShape(JSON.parse(res.body));
  });

  it('malformed percent-encoding in the path: 400 in the shape', async () => {
    for (const path of ['/api/spaces/%E0%A4%A', '/api/spaces/%', '/api/comments/%ZZ', '/api/spaces/%ED%A0%80']) {
      const res = await ctx.client().get(path);
      expect(res.status, `${path} ${res.raw}`).toBe(400);
      expectErrorShape(res.body);
      expect(res.body.error.code).toBe('bad_url');
    }
  });

  it('malformed percent-encoding in the query: 400 or ignored, never a 500', async () => {
    const res = await ctx.client().get(`/api/spaces/${space.slug}/comments?q=%E0%A4%A`);
    expect(res.status).toBeLessThan(500);
    if (res.status >= 400) expectErrorShape(res.body);
  });

  it('a path parameter over the length limit: 414-or-400 in the shape', async () => {
    const res = await ctx.client().get(`/api/spaces/${'a'.repeat(500)}`);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expectErrorShape(res.body);
  });

  it('unknown routes, wrong methods, media types and sizes: in the shape', async () => {
    const client = ctx.client();
    const cases: [TestResponse, number][] = [
      [await client.get('/api/nothing-here'), 404],
      [await client.delete('/api/spaces'), 404],
      [await client.request('PATCH', '/api/tags'), 404],
      [await client.post('/api/auth/login', 'email=a', { 'content-type': 'application/x-www-form-urlencoded' }), 415],
      [await client.post('/api/auth/login', '{"email":', { 'content-type': 'application/json' }), 400],
      [await client.post('/api/auth/login', '', { 'content-type': 'application/json' }), 400],
      [await client.post('/api/auth/login', `"${'x'.repeat(1_100_000)}"`, { 'content-type': 'application/json' }), 413],
      [
        await client.post('/api/auth/login', '{"__proto__":{"a":1},"email":"a@b.c","password":"x"}', {
          'content-type': 'application/json',
        }),
        400,
      ],
    ];
    for (const [res, status] of cases) {
      expect(res.status, res.raw).toBe(status);
      expectErrorShape(res.body);
    }
    const propfind = await rawRequest({ port, method: 'PROPFIND', path: '/api/spaces' });
    expect(propfind.status).toBeGreaterThanOrEqual(400);
    expect(propfind.status).toBeLessThan(500);
    expectErrorShape(JSON.parse(propfind.body));
  });
});

describe('the live channel', () => {
  it('a subscribe to a space slug holding NUL or a lone surrogate: an error message, the socket stays open', async () => {
    if (!app.server.listening) await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    const live = await LiveClient.connect(`ws://127.0.0.1:${port}/api/live`);
    try {
      for (const bad of [`${space.slug}${NUL}`, `${space.slug}${LONE}`]) {
        const before = live.messages.length;
        live.send({ type: 'subscribe', space: bad });
        const error = await live.waitFor((m) => m.type === 'error' && live.messages.indexOf(m) >= before);
        expect(error).toMatchObject({ type: 'error', code: 'bad_message' });
      }
      const ready = await live.subscribe(space.slug);
      expect(ready.space).toBe(space.slug);
    } finally {
      live.close();
    }
  });
});
