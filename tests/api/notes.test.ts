import { noteResponse } from '@convene/shared';
import { strFromU8, unzipSync } from 'fflate';
import MarkdownIt from 'markdown-it';
import footnote from 'markdown-it-footnote';
import { describe, expect, it } from 'vitest';
import { setupApp } from '../helpers/app.js';
import { type Person, grantRole, insertComment, makeCast, makeSpace, makeUser } from '../helpers/factories.js';

// Every save a version here (the folding of autosaves is tested in note-versions.test.ts).
const ctx = await setupApp({ noteVersionPauseMs: 0 });
const { space, questions } = await makeSpace(ctx, { code: 'RT 3.2', questionCount: 2 });
const cast = await makeCast(ctx, space.id);
const [q1, q2] = questions;
if (!q1 || !q2) throw new Error('questions missing');
const secondChair = await makeUser(ctx, { displayName: 'Chidi Cochair' });
await grantRole(ctx, space.id, secondChair.user.id, 'chair');

const rows = async <T = any>(text: string, params: unknown[] = []): Promise<T[]> =>
  (await ctx.db.pool.query(text, params)).rows as T[];

const [delegateA, delegateB, ngo] = await Promise.all([
  makeUser(ctx, { displayName: 'Ana Delegada', affiliation: 'Misión de Chile', stakeholderCategory: 'member_state' }),
  makeUser(ctx, { displayName: 'Ben Delegate', affiliation: 'Mission of Ghana', stakeholderCategory: 'member_state' }),
  makeUser(ctx, { displayName: 'Nia Ngo', affiliation: 'Kituo', stakeholderCategory: 'civil_society' }),
]);

async function comment(
  who: Person,
  body: string,
  opts: { questionId?: string; highlighted?: boolean; status?: 'approved' | 'pending'; spaceId?: string } = {},
) {
  const row = await insertComment(ctx, {
    spaceId: opts.spaceId ?? space.id,
    authorId: who.user.id,
    status: opts.status ?? 'approved',
    body,
    questionId: opts.questionId ?? null,
    createdAt: new Date(Date.UTC(2026, 10, 2, 12)),
  });
  if (opts.highlighted) await rows('update comments set highlighted = true where id = $1', [row.id]);
  return row;
}

const h1 = await comment(delegateA, 'Diaspora bonds **work** when trusted.', { questionId: q1.id, highlighted: true });
const h2 = await comment(delegateB, 'Lower remittance costs first.', { questionId: q1.id, highlighted: true });
const h3 = await comment(ngo, 'Recognise skills of returnees.', { questionId: q2.id, highlighted: true });
const plain = await comment(ngo, 'Not highlighted.', { questionId: q2.id });
const pending = await comment(ngo, 'PENDINGSECRET', { questionId: q1.id, highlighted: true, status: 'pending' });
const elsewhere = await makeSpace(ctx);
const foreign = await comment(ngo, 'In another space.', { spaceId: elsewhere.space.id, highlighted: true });

const url = (path = '') => `/api/spaces/${space.slug}/notes${path}`;

async function createNote(who: Person = cast.chair, body: object = {}) {
  const res = await who.client.post(url(), body);
  expect(res.status).toBe(201);
  return noteResponse.parse(res.body).note;
}

/** The body of a save, from a note as returned by the API. */
const saveBody = (
  note: { title: string; targetWords: number; version: number; sections: any[] },
  sections?: any[],
) => ({
  title: note.title,
  targetWords: note.targetWords,
  version: note.version,
  sections: (sections ?? note.sections).map((s) => ({
    ...(s.id ? { id: s.id } : {}),
    title: s.title,
    bodyMd: s.bodyMd ?? '',
    commentIds: s.commentIds ?? [],
  })),
});

async function download(who: Person, path: string) {
  const res = await ctx.app.inject({ method: 'GET', url: path, headers: { cookie: who.client.cookieHeader } });
  return { status: res.statusCode, headers: res.headers, buffer: res.rawPayload, text: res.body };
}

/** A note with two sections and three citations, as a chair would build it. */
async function draftedNote() {
  const note = await createNote();
  const [s1, s2] = note.sections;
  const res = await cast.chair.client.put(
    `/api/notes/${note.id}`,
    saveBody(note, [
      {
        ...s1,
        bodyMd: `Delegations agreed that diaspora finance needs trust [@${h1.id}] and cheaper transfers [@${h2.id}].`,
        commentIds: [h1.id, h2.id],
      },
      { ...s2, bodyMd: `Returnees' skills go unrecognised [@${h3.id}]; again [@${h1.id}].`, commentIds: [h3.id] },
    ]),
  );
  expect(res.status).toBe(200);
  return noteResponse.parse(res.body).note;
}

/** The later citations of a source already footnoted: its footnote's number in the footnote-reference style. */
const repeatedReferences = (doc: string) =>
  [
    ...doc.matchAll(
      /<w:r>(?:(?!<\/w:r>)[\s\S])*?<w:rStyle w:val="FootnoteReference"\/>(?:(?!<\/w:r>)[\s\S])*?<w:t[^>]*>(\d+)<\/w:t>/g,
    ),
  ].map((m) => m[1]);

describe('background notes', () => {
  it('creates a note with a section per guiding question', async () => {
    const note = await createNote(cast.chair, { targetWords: 1200 });
    expect(note.title).toBe('Background note — RT 3.2');
    expect(note.version).toBe(1);
    expect(note.words).toEqual({ total: 0, target: 1200 });
    expect(note.sections.map((s) => [s.position, s.title, s.bodyMd, s.commentIds])).toEqual([
      [0, q1.text, '', []],
      [1, q2.text, '', []],
    ]);
    expect(note.abilities.edit).toBe(true);
    expect(note.createdBy?.displayName).toBe('Cha Chair');
    const versions = await cast.chair.client.get(`/api/notes/${note.id}/versions`);
    expect(versions.body.versions.map((v: { version: number }) => v.version)).toEqual([1]);

    const list = await cast.moderator.client.get(url());
    expect(list.status).toBe(200);
    expect(list.body.notes.map((n: { id: string }) => n.id)).toContain(note.id);
    expect(list.body.abilities.create).toBe(false);
    expect((await cast.chair.client.get(url())).body.abilities.create).toBe(true);
  });

  it('saves sections, placed contributions and citations, counting words', async () => {
    const note = await draftedNote();
    expect(note.version).toBe(2);
    expect(note.sections[0]?.commentIds).toEqual([h1.id, h2.id]);
    expect(
      note.sections[0]?.contributions.map((c) => [c.id, c.author.displayName, c.published, c.highlighted]),
    ).toEqual([
      [h1.id, 'Ana Delegada', true, true],
      [h2.id, 'Ben Delegate', true, true],
    ]);
    expect(note.sections[0]?.contributions[0]?.excerpt).toBe('Diaspora bonds work when trusted.');
    expect(note.sections[0]?.contributions[0]?.permalink).toBe(
      `${ctx.config.appOrigin}/spaces/${space.slug}#comment-${h1.id}`,
    );
    // Citation markers are not words.
    expect(note.sections.map((s) => s.words)).toEqual([10, 5]);
    expect(note.words).toEqual({ total: 15, target: 1000 });
    expect(note.citations.map((c) => [c.number, c.commentId, c.author, c.affiliation, c.sectionIds.length])).toEqual([
      [1, h1.id, 'Ana Delegada', 'Misión de Chile', 2],
      [2, h2.id, 'Ben Delegate', 'Mission of Ghana', 1],
      [3, h3.id, 'Nia Ngo', 'Kituo', 1],
    ]);

    // Renamed, reordered, one section added and one removed, in one save.
    const [s1, s2] = note.sections;
    const res = await cast.chair.client.put(
      `/api/notes/${note.id}`,
      saveBody({ ...note, title: 'Draft note', targetWords: 900 }, [
        { ...s2, title: 'Skills' },
        { title: 'Conclusions', bodyMd: 'To be written.', commentIds: [] },
      ]),
    );
    expect(res.status).toBe(200);
    const saved = noteResponse.parse(res.body).note;
    expect(saved.title).toBe('Draft note');
    expect(saved.version).toBe(3);
    expect(saved.sections.map((s) => [s.title, s.position])).toEqual([
      ['Skills', 0],
      ['Conclusions', 1],
    ]);
    expect(saved.sections[0]?.id).toBe(s2?.id);
    expect(saved.sections.map((s) => s.id)).not.toContain(s1?.id);
    expect((await cast.moderator.client.get(`/api/notes/${note.id}`)).body.note).toMatchObject({
      version: 3,
      abilities: { edit: false },
    });
  });

  it('refuses a stale save, naming who saved first, and keeps both versions apart', async () => {
    const note = await createNote();
    const first = await secondChair.client.put(`/api/notes/${note.id}`, saveBody({ ...note, title: 'Theirs' }));
    expect(first.status).toBe(200);
    const stale = await cast.chair.client.put(`/api/notes/${note.id}`, saveBody({ ...note, title: 'Mine' }));
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('conflict');
    expect(stale.body.error.message).toContain('Chidi Cochair saved it at');
    expect(stale.body.error.message).toContain('version 2');
    expect(stale.body.error.details.updatedBy).toEqual({ id: secondChair.user.id, displayName: 'Chidi Cochair' });
    expect(stale.body.error.details.note).toMatchObject({ title: 'Theirs', version: 2 });
    expect((await cast.chair.client.get(`/api/notes/${note.id}`)).body.note.title).toBe('Theirs');
    // The winning save was announced to the space's staff, and to nobody else.
    const announced = await rows(
      "select audience, payload from events where kind = 'note.saved' and payload->>'noteId' = $1",
      [note.id],
    );
    expect(announced).toEqual([
      { audience: 'staff', payload: expect.objectContaining({ version: 2, updatedBy: 'Chidi Cochair' }) },
    ]);

    // The same chair in two windows is told so.
    const again = await secondChair.client.put(`/api/notes/${note.id}`, saveBody({ ...note, title: 'Old tab' }));
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('You saved it in another window');

    // Two saves from the same version at once: exactly one wins.
    const current = (await cast.chair.client.get(`/api/notes/${note.id}`)).body.note;
    const results = await Promise.all([
      cast.chair.client.put(`/api/notes/${note.id}`, saveBody({ ...current, title: 'A' })),
      secondChair.client.put(`/api/notes/${note.id}`, saveBody({ ...current, title: 'B' })),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const versions = await rows('select version from note_versions where note_id = $1 order by version', [note.id]);
    expect(versions.map((v) => v.version)).toEqual([1, 2, 3]);
  });

  it('places and cites only highlighted, published contributions of the space', async () => {
    const note = await createNote();
    const attempt = (sections: any[]) => cast.chair.client.put(`/api/notes/${note.id}`, saveBody(note, sections));
    const [s1, s2] = note.sections;
    for (const id of [plain.id, pending.id, foreign.id]) {
      const res = await attempt([{ ...s1, commentIds: [h1.id, id] }, s2]);
      expect(res.status).toBe(400);
      expect(res.body.error.details.fields[0].field).toBe('sections.0.commentIds.1');
    }
    const cited = await attempt([s1, { ...s2, bodyMd: `See [@${plain.id}].` }]);
    expect(cited.status).toBe(400);
    expect(cited.body.error.details.fields[0].field).toBe('sections.1.bodyMd');
    const twice = await attempt([
      { ...s1, commentIds: [h1.id] },
      { ...s2, commentIds: [h1.id] },
    ]);
    expect(twice.status).toBe(400);
    expect(twice.body.error.details.fields[0].message).toContain('already placed in section 1');
    const other = await createNote();
    const stolen = await attempt([{ ...s1, id: other.sections[0]?.id }, s2]);
    expect(stolen.status).toBe(400);
    expect(stolen.body.error.details.fields[0].field).toBe('sections.0.id');
    // Nothing was written by the refused saves.
    expect((await cast.chair.client.get(`/api/notes/${note.id}`)).body.note.version).toBe(1);
  });

  it('lists versions and restores an earlier one as a new version', async () => {
    const note = await draftedNote();
    const cleared = await cast.chair.client.put(`/api/notes/${note.id}`, saveBody(note, [{ title: 'Only one' }]));
    expect(cleared.status).toBe(200);
    const list = await cast.moderator.client.get(`/api/notes/${note.id}/versions`);
    expect(list.status).toBe(200);
    expect(list.body.versions.map((v: { version: number }) => v.version)).toEqual([3, 2, 1]);
    expect(list.body.versions[1]).toMatchObject({
      words: 15,
      createdBy: { displayName: 'Cha Chair' },
      restoredFrom: null,
    });
    const page = await cast.moderator.client.get(`/api/notes/${note.id}/versions?limit=2`);
    expect(page.body.nextBefore).toBe(2);
    const older = await cast.moderator.client.get(`/api/notes/${note.id}/versions?before=2`);
    expect(older.body.versions.map((v: { version: number }) => v.version)).toEqual([1]);
    const v2 = await cast.moderator.client.get(`/api/notes/${note.id}/versions/2`);
    expect(v2.body.version.snapshot.sections).toHaveLength(2);

    // h3 is no longer highlighted: restoring drops its placement, the citation stays in the text.
    await rows('update comments set highlighted = false where id = $1', [h3.id]);
    try {
      expect((await cast.moderator.client.post(`/api/notes/${note.id}/versions/2/restore`)).status).toBe(403);
      const restored = await cast.chair.client.post(`/api/notes/${note.id}/versions/2/restore`);
      expect(restored.status).toBe(200);
      const n = noteResponse.parse(restored.body).note;
      expect(n.version).toBe(4);
      expect(n.sections.map((s) => s.bodyMd)).toEqual(note.sections.map((s) => s.bodyMd));
      expect(n.sections.map((s) => s.commentIds)).toEqual([[h1.id, h2.id], []]);
      expect(n.citations.map((c) => c.commentId)).toEqual([h1.id, h2.id, h3.id]);
      const latest = (await cast.chair.client.get(`/api/notes/${note.id}/versions`)).body.versions[0];
      expect(latest).toMatchObject({ version: 4, restoredFrom: 2 });
      expect((await cast.chair.client.post(`/api/notes/${note.id}/versions/99/restore`)).status).toBe(404);
    } finally {
      await rows('update comments set highlighted = true where id = $1', [h3.id]);
    }
  });

  it('exports the note as Word with the citations as footnotes', async () => {
    const note = await draftedNote();
    const res = await download(cast.moderator, `/api/notes/${note.id}/export?format=docx`);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/filename="RT-3\.2-note-v\d+-\d{4}-\d{2}-\d{2}\.docx"/);
    const files = unzipSync(new Uint8Array(res.buffer));
    const doc = strFromU8(files['word/document.xml'] ?? new Uint8Array());
    const notes = strFromU8(files['word/footnotes.xml'] ?? new Uint8Array());
    const headings = [...doc.matchAll(/<w:pStyle w:val="Heading1"\/>[\s\S]*?<w:t[^>]*>([^<]*)<\/w:t>/g)].map(
      (m) => m[1],
    );
    expect(headings).toEqual([q1.text, q2.text]);
    // Four citations in the text, one contribution cited twice: three footnotes, each referenced
    // once (a footnote referenced twice reads as two in LibreOffice, shifting the later ones); the
    // second citation of h1 is the number of h1's footnote, in the footnote-reference style.
    const refIds = [...doc.matchAll(/<w:footnoteReference w:id="(\d+)"\/>/g)].map((m) => m[1]);
    expect(refIds).toHaveLength(3);
    expect(new Set(refIds).size).toBe(3);
    expect(repeatedReferences(doc)).toEqual(['1']);
    // No internal metadata in the document: no version, no word count against a target.
    expect(doc).not.toMatch(/Version \d|words \(target/);
    const bodies = [...notes.matchAll(/<w:footnote w:id="\d+">([\s\S]*?)<\/w:footnote>/g)].map((m) =>
      [...(m[1] ?? '').matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
    );
    expect(bodies).toHaveLength(3);
    expect(bodies[0]).toBe(
      `Ana Delegada, Misión de Chile, 2 November 2026, ${ctx.config.appOrigin}/spaces/${space.slug}#comment-${h1.id}`,
    );
    expect(bodies[1]).toContain('Ben Delegate, Mission of Ghana, 2 November 2026');
    expect(bodies[2]).toContain('Nia Ngo, Kituo');
    expect(notes).toContain(`w:anchor="comment-${h1.id}"`);
    expect(doc).not.toContain('[@');
  });

  it('lists the contributions placed but not cited in an annex', async () => {
    const note = await createNote();
    const [s1, s2] = note.sections;
    const saved = await cast.chair.client.put(
      `/api/notes/${note.id}`,
      saveBody(note, [
        { ...s1, bodyMd: `Cited once [@${h1.id}] and again [@${h1.id}].`, commentIds: [h1.id, h2.id] },
        { ...s2, bodyMd: 'No citation here.', commentIds: [h3.id] },
      ]),
    );
    expect(saved.status).toBe(200);
    const files = unzipSync(
      new Uint8Array((await download(cast.chair, `/api/notes/${note.id}/export?format=docx`)).buffer),
    );
    const doc = strFromU8(files['word/document.xml'] ?? new Uint8Array());
    const text = [...doc.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('|');
    expect(text).toContain('Annex: Contributions considered');
    expect(text).toContain('Ben Delegate, Mission of Ghana, 2 November 2026, ');
    expect(text).toContain('Nia Ngo, Kituo');
    expect(doc).toContain(`w:anchor="comment-${h3.id}"`);
    const refIds = [...doc.matchAll(/<w:footnoteReference w:id="(\d+)"\/>/g)].map((m) => m[1]);
    expect(refIds).toHaveLength(1);
    expect(repeatedReferences(doc)).toEqual(['1']);
    const md = (await download(cast.chair, `/api/notes/${note.id}/export?format=md`)).text;
    expect(md).toContain('## Annex: Contributions considered');
    expect(md).toContain(
      `- Ben Delegate, Mission of Ghana, 2 November 2026, <${ctx.config.appOrigin}/spaces/${space.slug}#comment-${h2.id}>`,
    );
    expect(md.match(/\[\^cite-1\]:/g)).toHaveLength(1);
    expect(md).not.toMatch(/Version \d|words \(target/);
  });

  it('exports the note as Markdown with numbered footnotes', async () => {
    const note = await draftedNote();
    const res = await download(cast.chair, `/api/notes/${note.id}/export?format=md`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/markdown; charset=utf-8');
    const md = res.text;
    expect(md).toContain(`## ${q1.text}`);
    expect(md).toContain(`trust [^cite-1] and cheaper transfers [^cite-2].`);
    expect(md).toContain(`again [^cite-1].`);
    expect(md).toContain(
      `[^cite-3]: Nia Ngo, Kituo, 2 November 2026, <${ctx.config.appOrigin}/spaces/${space.slug}#comment-${h3.id}>`,
    );
    const html = new MarkdownIt().use(footnote).render(md);
    expect([...html.matchAll(/<li id="fn\d+" class="footnote-item">/g)]).toHaveLength(3);
  });

  it('never prints a contribution that is no longer published', async () => {
    const withdrawn = await comment(ngo, 'Soon withdrawn WITHDRAWNWORDS.', { questionId: q1.id, highlighted: true });
    const note = await createNote();
    const saved = await cast.chair.client.put(
      `/api/notes/${note.id}`,
      saveBody(note, [{ ...note.sections[0], bodyMd: `Cited [@${withdrawn.id}].`, commentIds: [withdrawn.id] }]),
    );
    expect(saved.status).toBe(200);
    await rows(`update comments set status = 'withdrawn' where id = $1`, [withdrawn.id]);
    const read = noteResponse.parse((await cast.chair.client.get(`/api/notes/${note.id}`)).body).note;
    expect(read.sections[0]?.contributions[0]).toMatchObject({ id: withdrawn.id, published: false, excerpt: null });
    expect(read.citations[0]).toMatchObject({ published: false, author: null });
    const md = (await download(cast.chair, `/api/notes/${note.id}/export?format=md`)).text;
    expect(md).toContain('[^cite-1]: Contribution no longer published');
    expect(md).not.toContain('WITHDRAWNWORDS');
    const docx = unzipSync(
      new Uint8Array((await download(cast.chair, `/api/notes/${note.id}/export?format=docx`)).buffer),
    );
    expect(strFromU8(docx['word/footnotes.xml'] ?? new Uint8Array())).toContain('Contribution no longer published');
  });

  it('shows who has not been heard', async () => {
    const res = await cast.moderator.client.get(url('/gaps'));
    expect(res.status).toBe(200);
    const { gaps } = res.body;
    expect(gaps.threshold).toBe(1);
    const categories = Object.fromEntries(gaps.categories.map((c: any) => [c.category, c]));
    const all = Object.fromEntries(gaps.allCategories.map((c: any) => [c.category, c]));
    // Two Member States highlighted: heard. Civil society is judged against what it published
    // (no longer "few" for having one highlighted): listed only if its share of the highlighted
    // falls below half its share of the published. Youth published nothing: absent.
    expect(categories.member_state).toBeUndefined();
    expect(all.civil_society).toMatchObject({ highlighted: 1 });
    expect(all.civil_society.published).toBeGreaterThanOrEqual(2);
    const cso = all.civil_society;
    expect(cso.hearing).toBe(cso.shareOfHighlighted < gaps.ratio * cso.shareOfPublished ? 'under_heard' : 'heard');
    expect(categories.civil_society === undefined).toBe(cso.hearing === 'heard');
    expect(categories.youth).toMatchObject({ category: 'youth', highlighted: 0, published: 0, hearing: 'absent' });
    expect(gaps.questions.map((q: any) => [q.questionId, q.highlighted])).toEqual([[q2.id, 1]]);
  });

  it('is for the staff of the space; only chairs and administrators write', async () => {
    const note = await createNote(cast.admin);
    expect((await cast.anonymous.post(url(), {})).status).toBe(401);
    expect((await cast.participant.client.post(url(), {})).status).toBe(403);
    expect((await cast.moderator.client.post(url(), {})).status).toBe(403);
    expect((await cast.anonymous.get(`/api/notes/${note.id}`)).status).toBe(401);
    // A note does not exist for anyone but its space's staff (404); a guest is asked to sign in.
    expect((await cast.participant.client.get(`/api/notes/${note.id}`)).status).toBe(404);
    expect((await cast.otherModerator.client.get(`/api/notes/${note.id}`)).status).toBe(404);
    expect((await cast.otherModerator.client.get(url('/gaps'))).status).toBe(403);
    expect((await download(cast.participant, `/api/notes/${note.id}/export?format=md`)).status).toBe(404);
    expect((await cast.moderator.client.put(`/api/notes/${note.id}`, saveBody(note))).status).toBe(403);
    expect((await cast.participant.client.get(`/api/notes/${note.id}/versions`)).status).toBe(404);
    expect((await cast.chair.client.get(`/api/notes/${crypto.randomUUID()}`)).status).toBe(404);
    expect((await cast.chair.client.post(url(), { targetWords: 10 })).status).toBe(400);
  });
});
