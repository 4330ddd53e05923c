import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { type TestClient, setupApp } from '../helpers/app.js';
import { type Cast, insertComment, makeCast, makeSpace, uuid } from '../helpers/factories.js';
import { PDF, PNG, type Part, multipartBody } from '../helpers/multipart.js';

const ctx = await setupApp();

let space: Awaited<ReturnType<typeof makeSpace>>['space'];
let cast: Cast;

beforeAll(async () => {
  ({ space } = await makeSpace(ctx, { moderationMode: 'pre' }));
  cast = await makeCast(ctx, space.id);
});

const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('PE\0\0'), Buffer.alloc(200, 1)]);
const TEXT = Buffer.from('Just some text pretending to be a PDF.\n');

async function upload(client: TestClient, commentId: string, ...parts: Part[]) {
  const { payload, contentType } = multipartBody(parts);
  const res = await ctx.app.inject({
    method: 'POST',
    url: `/api/comments/${commentId}/attachments`,
    payload,
    headers: {
      'content-type': contentType,
      origin: ctx.config.appOrigin,
      ...(client.cookieHeader ? { cookie: client.cookieHeader } : {}),
    },
  });
  return { status: res.statusCode, body: res.json() };
}

async function download(client: TestClient, url: string) {
  const res = await ctx.app.inject({
    method: 'GET',
    url,
    headers: client.cookieHeader ? { cookie: client.cookieHeader } : {},
  });
  return { status: res.statusCode, headers: res.headers, bytes: res.rawPayload };
}

async function pendingComment() {
  const res = await cast.author.client.post(`/api/spaces/${space.slug}/comments`, {
    body: 'With a position paper attached.',
    language: 'en',
    clientId: uuid(),
  });
  expect(res.status).toBe(201);
  return res.body.comment.id as string;
}

const stored = async (commentId: string) =>
  (
    await ctx.db.pool.query('select filename, size, sha256, content_type from attachments where comment_id = $1', [
      commentId,
    ])
  ).rows;

describe('uploading', () => {
  it('accepts a PDF and a PNG, recognised by their content, and stores bytes, size and sha256', async () => {
    const id = await pendingComment();
    const pdf = await upload(cast.author.client, id, { filename: 'Position paper.pdf', data: PDF });
    expect(pdf.status).toBe(201);
    expect(pdf.body.attachment).toMatchObject({
      filename: 'Position paper.pdf',
      contentType: 'application/pdf',
      size: PDF.length,
      url: `/api/attachments/${pdf.body.attachment.id}`,
    });
    // A PNG sent under a JPEG name and type is stored as what it is.
    const png = await upload(cast.author.client, id, { filename: 'photo.jpeg', contentType: 'image/jpeg', data: PNG });
    expect(png.status).toBe(201);
    expect(png.body.attachment).toMatchObject({ filename: 'photo.png', contentType: 'image/png' });

    const rows = await stored(id);
    expect(rows).toContainEqual({
      filename: 'Position paper.pdf',
      size: PDF.length,
      sha256: createHash('sha256').update(PDF).digest('hex'),
      content_type: 'application/pdf',
    });
    const comment = await cast.author.client.get(`/api/spaces/${space.slug}/comments`);
    const mine = comment.body.comments.find((c: { id: string }) => c.id === id);
    expect(mine.attachments.map((a: { filename: string }) => a.filename)).toEqual(['Position paper.pdf', 'photo.png']);
  });

  it.each([
    ['an executable renamed .pdf', EXE],
    ['a text file renamed .pdf', TEXT],
    ['an empty file', Buffer.alloc(0)],
  ])('refuses %s with 415 naming file', async (_label, data) => {
    const id = await pendingComment();
    const res = await upload(cast.author.client, id, { filename: 'paper.pdf', contentType: 'application/pdf', data });
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('unsupported_file_type');
    expect(res.body.error.details.fields[0].field).toBe('file');
    expect(await stored(id)).toEqual([]);
  });

  it('refuses a fourth file with 409 too_many_attachments', async () => {
    const id = await pendingComment();
    for (let i = 1; i <= 3; i++) {
      expect((await upload(cast.author.client, id, { filename: `annex ${i}.pdf`, data: PDF })).status).toBe(201);
    }
    const fourth = await upload(cast.author.client, id, { filename: 'annex 4.pdf', data: PDF });
    expect(fourth.status).toBe(409);
    expect(fourth.body.error.code).toBe('too_many_attachments');
    expect(await stored(id)).toHaveLength(3);
  });

  it('refuses a file over 10 MB with 413 and stores nothing', async () => {
    const id = await pendingComment();
    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024 + 1 - PDF.length, 0x20)]);
    const res = await upload(cast.author.client, id, { filename: 'huge.pdf', data: big });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('file_too_large');
    expect(await stored(id)).toEqual([]);
  });

  it('sanitises the filename: no path, no control or bidi characters, accents kept, the real extension', async () => {
    const id = await pendingComment();
    const res = await upload(cast.author.client, id, {
      filename: 'C:\\Users\\me\\Étude d’impact\u202e (final)\u0007.exe',
      data: PDF,
    });
    expect(res.status).toBe(201);
    expect(res.body.attachment.filename).toBe('Étude d’impact (final).pdf');
    const long = await upload(cast.author.client, id, { filename: `${'é'.repeat(300)}.pdf`, data: PDF });
    expect([...long.body.attachment.filename]).toHaveLength(200);
    expect(long.body.attachment.filename.endsWith('é.pdf')).toBe(true);
  });

  it('takes files only from the author while the comment awaits moderation', async () => {
    const pending = await pendingComment();
    expect((await upload(cast.anonymous, pending, { filename: 'a.pdf', data: PDF })).status).toBe(401);
    expect((await upload(cast.participant.client, pending, { filename: 'a.pdf', data: PDF })).status).toBe(404);
    expect((await upload(cast.moderator.client, pending, { filename: 'a.pdf', data: PDF })).status).toBe(403);
    const approved = await insertComment(ctx, { spaceId: space.id, authorId: cast.author.user.id, status: 'approved' });
    expect((await upload(cast.author.client, approved.id, { filename: 'a.pdf', data: PDF })).status).toBe(403);
    expect((await upload(cast.participant.client, approved.id, { filename: 'a.pdf', data: PDF })).status).toBe(403);
  });

  it('accepts a file for a published comment while its edit awaits moderation', async () => {
    const approved = await insertComment(ctx, { spaceId: space.id, authorId: cast.author.user.id, status: 'approved' });
    const edit = await cast.author.client.patch(`/api/comments/${approved.id}`, {
      body: 'Revised, with annex.',
      version: 1,
    });
    expect(edit.body.comment.abilities.attach).toBe(true);
    expect((await upload(cast.author.client, approved.id, { filename: 'annex.pdf', data: PDF })).status).toBe(201);
  });

  it('refuses a body that is not multipart, and a file in another field', async () => {
    const id = await pendingComment();
    const json = await cast.author.client.post(`/api/comments/${id}/attachments`, { file: 'x' });
    expect(json.status).toBe(415);
    const wrong = await upload(cast.author.client, id, { name: 'document', filename: 'a.pdf', data: PDF });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details.fields[0].field).toBe('file');
  });
});

describe('downloading', () => {
  it('serves a file only to those who may see its comment, as an inert download', async () => {
    const id = await pendingComment();
    const up = await upload(cast.author.client, id, { filename: 'Étude.pdf', data: PDF });
    const url: string = up.body.attachment.url;

    expect((await download(cast.anonymous, url)).status).toBe(404);
    expect((await download(cast.participant.client, url)).status).toBe(404);
    expect((await download(cast.otherModerator.client, url)).status).toBe(404);
    expect((await download(cast.moderator.client, url)).status).toBe(200);

    const own = await download(cast.author.client, url);
    expect(own.status).toBe(200);
    expect(own.bytes.equals(PDF)).toBe(true);
    expect(own.headers['content-type']).toBe('application/pdf');
    expect(own.headers['x-content-type-options']).toBe('nosniff');
    expect(own.headers['cache-control']).toBe('private, no-store');
    expect(Number(own.headers['content-length'])).toBe(PDF.length);
    expect(own.headers['content-disposition']).toBe(
      `attachment; filename="_tude.pdf"; filename*=UTF-8''%C3%89tude.pdf`,
    );

    await ctx.db.pool.query(`update comments set status = 'approved' where id = $1`, [id]);
    expect((await download(cast.anonymous, url)).status).toBe(200);

    expect((await cast.author.client.delete(`/api/comments/${id}`)).status).toBe(200);
    expect((await download(cast.anonymous, url)).status).toBe(404);
    expect((await download(cast.participant.client, url)).status).toBe(404);
    expect((await download(cast.author.client, url)).status).toBe(200);
  });

  it('answers 404 for an unknown attachment', async () => {
    expect((await download(cast.anonymous, `/api/attachments/${uuid()}`)).status).toBe(404);
  });
});

describe('removing', () => {
  it('lets the author remove a file while the comment may take attachments, nobody else', async () => {
    const id = await pendingComment();
    const up = await upload(cast.author.client, id, { filename: 'draft.pdf', data: PDF });
    const url = `/api/attachments/${up.body.attachment.id}`;
    expect((await cast.participant.client.delete(url)).status).toBe(404);
    expect((await cast.moderator.client.delete(url)).status).toBe(403);
    const res = await cast.author.client.delete(url);
    expect(res.status).toBe(200);
    expect(await stored(id)).toEqual([]);
    expect((await cast.author.client.delete(url)).status).toBe(404);
  });
});

describe('OpenAPI', () => {
  it('documents the attachment routes, the upload as multipart/form-data', async () => {
    const doc = (await cast.anonymous.get('/api/openapi.json')).body;
    const upload = doc.paths['/api/comments/{id}/attachments'].post;
    expect(Object.keys(upload.requestBody.content)).toEqual(['multipart/form-data']);
    expect(Object.keys(upload.responses)).toEqual(expect.arrayContaining(['201', '409', '413', '415']));
    expect(doc.paths['/api/attachments/{id}']).toHaveProperty('get');
    expect(doc.paths['/api/attachments/{id}']).toHaveProperty('delete');
  });
});

describe('post-moderated spaces', () => {
  it('let the author attach a paper to a comment already published, visible to everyone at once', async () => {
    const { space: open } = await makeSpace(ctx, { moderationMode: 'post' });
    const created = await cast.author.client.post(`/api/spaces/${open.slug}/comments`, {
      body: 'Published at once.',
      language: 'en',
      clientId: uuid(),
    });
    expect(created.body.comment.status).toBe('approved');
    const res = await upload(cast.author.client, created.body.comment.id, { filename: 'paper.pdf', data: PDF });
    expect(res.status).toBe(201);
    expect((await download(cast.anonymous, res.body.attachment.url)).status).toBe(200);
    // Someone else still may not.
    const other = await upload(cast.participant.client, created.body.comment.id, { filename: 'x.pdf', data: PDF });
    expect(other.status).toBe(403);
  });
});
