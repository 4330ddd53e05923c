import { and, eq, inArray, ne } from 'drizzle-orm';
import type { ConveneApp } from '../../server/src/app.js';
import type { Database } from '../../server/src/db/client.js';
import { attachments, comments, notes, questions, spaces, tags, users } from '../../server/src/db/schema/index.js';
import { seedDemo } from '../../server/src/seed/seed.js';
import { DEMO_USERS } from '../../server/src/seed/content.js';

export interface Account {
  id: string;
  email: string;
  password: string;
}

/** The real ids a fuzzed request may name, so that it reaches a handler rather than a 404. */
export interface World {
  participant: Account;
  admin: Account;
  slugs: string[];
  questionIds: string[];
  commentIds: string[];
  /** The participant's own comments (pending, approved with an edit, rejected, withdrawn, a reply). */
  ownCommentIds: string[];
  attachmentIds: string[];
  noteIds: string[];
  /** Users the administrator may disable or demote: never one of the fuzzing accounts. */
  victimIds: string[];
  victimEmails: string[];
  tags: string[];
  cursors: string[];
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A minimal cookie-keeping client over `app.inject` (the fuzzer runs outside vitest). */
export class Client {
  cookie = '';
  constructor(
    private readonly app: ConveneApp,
    private readonly origin: string,
  ) {}

  async send(method: Method, url: string, body?: unknown, extra: { payload?: Buffer; contentType?: string } = {}) {
    const res = await this.app.inject({
      method,
      url,
      headers: {
        ...(method === 'GET' ? {} : { origin: this.origin }),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(extra.contentType ? { 'content-type': extra.contentType } : {}),
      },
      ...(extra.payload ? { payload: extra.payload } : body === undefined ? {} : { payload: body as object }),
    });
    const session = (res.cookies as { name: string; value: string }[]).find((c) => c.value);
    if (session) this.cookie = `${session.name}=${session.value}`;
    if (res.statusCode >= 400)
      throw new Error(`seeding: ${method} ${url} → ${res.statusCode} ${res.body.slice(0, 300)}`);
    return res.body ? (JSON.parse(res.body) as Record<string, any>) : {};
  }
}

export async function signIn(app: ConveneApp, origin: string, account: Account): Promise<Client> {
  const client = new Client(app, origin);
  await client.send('POST', '/api/auth/login', { email: account.email, password: account.password });
  return client;
}

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

export function multipart(parts: { name: string; filename?: string; type?: string; data: Buffer }[]) {
  const boundary = '----conveneFuzzBoundary7MA4YWxk';
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const file = p.filename === undefined ? '' : `; filename="${p.filename}"`;
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${file}\r\n` +
          `Content-Type: ${p.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      p.data,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

export const FILES = {
  png: PNG,
  pdf: Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n'),
};

/**
 * Realistic data, written through the API where the API can: the demo content (sessions,
 * roundtables, questions, approved/pending/rejected/threaded comments, the 23 tags, staff), plus a
 * draft, a closed and a post-moderated space, the participant's own comments in every status
 * (one withdrawn, one with an attachment, one approved with a pending edit), a report, a saved
 * background note and two victim accounts (one disabled).
 */
export async function seedWorld(app: ConveneApp, db: Database, origin: string): Promise<World> {
  const accounts = await seedDemo(db);
  if (!accounts) throw new Error('fuzz: the database is not empty; the fuzzer needs a fresh one');
  const account = (key: string): Account => {
    const demo = DEMO_USERS.find((u) => u.key === key);
    const a = accounts.find((x) => x.email === demo?.email);
    if (!a) throw new Error(`fuzz: demo account ${key} missing`);
    return { id: '', email: a.email, password: a.password };
  };
  const admin = account('admin');
  const participant = account('participant');
  for (const a of [admin, participant]) {
    const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, a.email));
    a.id = row?.id ?? '';
  }
  const adminClient = await signIn(app, origin, admin);
  const partClient = await signIn(app, origin, participant);
  const anonymous = new Client(app, origin);

  const now = Date.now();
  const day = 86_400_000;
  const space = (slug: string, status: string, extra: Record<string, unknown> = {}) =>
    adminClient.send('POST', '/api/spaces', {
      slug,
      code: slug.toUpperCase(),
      title: `Fuzz space ${slug}`,
      background: `Background of **${slug}**.\n\n- one\n- two`,
      status,
      opensAt: new Date(now - day).toISOString(),
      closesAt: new Date(now + 30 * day).toISOString(),
      ...extra,
    });
  await space('fuzz-open', 'open', { moderationMode: 'post', parentSlug: 'roundtable-1' });
  await space('fuzz-draft', 'draft');
  await space('fuzz-closed', 'open');
  for (const slug of ['fuzz-open', 'fuzz-draft', 'fuzz-closed']) {
    for (const text of ['What works?', 'What does not?']) {
      await adminClient.send('POST', `/api/spaces/${slug}/questions`, { text });
    }
  }
  const [rt] = await db.select().from(spaces).where(eq(spaces.slug, 'rt-1-1'));
  const rtQuestions = await db
    .select()
    .from(questions)
    .where(eq(questions.spaceId, rt?.id ?? ''));

  const post = async (slug: string, body: string, questionId: string | null = null, parentId: string | null = null) => {
    const clientId = crypto.randomUUID();
    await partClient.send('POST', `/api/spaces/${slug}/comments`, {
      body,
      language: 'en',
      clientId,
      questionId,
      parentId,
      tags: ['1'],
    });
    const [row] = await db.select().from(comments).where(eq(comments.clientId, clientId));
    if (!row) throw new Error('fuzz: comment missing');
    return row;
  };
  const q1 = rtQuestions[0]?.id ?? null;
  const pending = await post('rt-1-1', 'A pending thought with *emphasis* and a [link](https://example.org).', q1);
  const toApprove = await post('rt-1-1', 'An approved contribution about remittances.', q1);
  const toReject = await post('rt-1-1', 'Off-topic text that a moderator rejects.', null);
  const toWithdraw = await post('rt-1-1', 'Withdrawn by its author.', q1);
  await post('fuzz-open', 'Published at once in a post-moderated space.', null);
  await post('rt-1-1', 'A reply in a thread.', q1, toApprove.id);

  const decide = (id: string, action: string, reason?: string) =>
    adminClient.send('POST', `/api/comments/${id}/decision`, { action, version: 1, ...(reason ? { reason } : {}) });
  await decide(toApprove.id, 'approve');
  await decide(toReject.id, 'reject', 'Not about the question.');
  await partClient.send('DELETE', `/api/comments/${toWithdraw.id}`);
  const [approved] = await db.select().from(comments).where(eq(comments.id, toApprove.id));
  await partClient.send('PATCH', `/api/comments/${toApprove.id}`, {
    body: 'An approved contribution about remittances, edited (awaits moderation).',
    version: approved?.version ?? 1,
  });
  await adminClient.send('PUT', `/api/comments/${toApprove.id}/highlight`);
  const upload = multipart([{ name: 'file', filename: 'chart.png', type: 'image/png', data: PNG }]);
  await partClient.send('POST', `/api/comments/${pending.id}/attachments`, undefined, upload);
  const [others] = await db
    .select()
    .from(comments)
    .where(and(eq(comments.status, 'approved'), ne(comments.authorId, participant.id)))
    .limit(1);
  if (others) await partClient.send('POST', `/api/comments/${others.id}/reports`, { reason: 'This looks like spam.' });

  const created = await adminClient.send('POST', '/api/spaces/rt-1-1/notes', { title: 'Background note RT 1.1' });
  const noteId = String(created.note?.id ?? '');
  const note = await adminClient.send('GET', `/api/notes/${noteId}`);
  await adminClient.send('PUT', `/api/notes/${noteId}`, {
    title: 'Background note RT 1.1 (second draft)',
    targetWords: 1500,
    version: note.note?.version ?? 1,
    sections: [
      { title: 'Remittances', bodyMd: `As one participant put it [@${toApprove.id}].`, commentIds: [toApprove.id] },
    ],
  });

  const victims: string[] = [];
  for (const n of [1, 2]) {
    const email = `victim${n}@example.org`;
    await anonymous.send('POST', '/api/auth/register', {
      email,
      password: 'victim password 12345',
      displayName: `Victim ${n}`,
      affiliation: 'Fuzz Org',
      stakeholderCategory: 'academia',
      country: 'FR',
    });
    victims.push(email);
  }
  const victimRows = await db.select().from(users).where(inArray(users.email, victims));
  await adminClient.send('PATCH', `/api/admin/users/${victimRows[1]?.id}`, { disabled: true });
  await adminClient.send('PUT', '/api/spaces/fuzz-open/roles', { email: victims[0], role: 'moderator' });
  await adminClient.send('PATCH', '/api/spaces/fuzz-closed', { status: 'closed' });

  const page = await anonymous.send('GET', '/api/spaces/rt-1-1/comments?limit=1');
  const mine = await partClient.send('GET', '/api/me/comments?limit=1');
  const queue = await adminClient.send('GET', '/api/moderation/queue?limit=1');
  const log = await adminClient.send('GET', '/api/spaces/rt-1-1/moderation/log?limit=1');
  const admins = await adminClient.send('GET', '/api/admin/users?limit=1');
  const cursors = [page, mine, queue, log, admins]
    .map((r) => r.nextCursor)
    .filter((c): c is string => typeof c === 'string');

  const allSpaces = await db.select({ slug: spaces.slug }).from(spaces);
  const allQuestions = await db.select({ id: questions.id }).from(questions);
  const allComments = await db.select({ id: comments.id, authorId: comments.authorId }).from(comments);
  const allAttachments = await db.select({ id: attachments.id }).from(attachments);
  const allNotes = await db.select({ id: notes.id }).from(notes);
  const allTags = await db.select({ slug: tags.slug, code: tags.code }).from(tags);
  return {
    participant,
    admin,
    slugs: allSpaces.map((s) => s.slug),
    questionIds: allQuestions.map((q) => q.id),
    commentIds: allComments.map((c) => c.id),
    ownCommentIds: allComments.filter((c) => c.authorId === participant.id).map((c) => c.id),
    attachmentIds: allAttachments.map((a) => a.id),
    noteIds: allNotes.map((n) => n.id),
    victimIds: victimRows.map((u) => u.id),
    victimEmails: victims,
    tags: allTags.flatMap((t) => [t.slug, t.code]),
    cursors,
  };
}
