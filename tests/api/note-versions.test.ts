import { noteResponse } from '@convene/shared';
import { describe, expect, it } from 'vitest';
import { setupApp } from '../helpers/app.js';
import { type Person, grantRole, insertComment, makeCast, makeSpace, makeUser } from '../helpers/factories.js';

// The default pause (5 minutes): time passing is simulated by moving the stored times back.
const ctx = await setupApp();
const { space, questions } = await makeSpace(ctx, { code: 'RT 4.1', questionCount: 2 });
const cast = await makeCast(ctx, space.id);
const [q1, q2] = questions;
if (!q1 || !q2) throw new Error('questions missing');
const secondChair = await makeUser(ctx, { displayName: 'Chidi Cochair' });
await grantRole(ctx, space.id, secondChair.user.id, 'chair');

const rows = async <T = any>(text: string, params: unknown[] = []): Promise<T[]> =>
  (await ctx.db.pool.query(text, params)).rows as T[];

const [delegate, ngo] = await Promise.all([
  makeUser(ctx, { displayName: 'Ana Delegada', affiliation: 'Misión de Chile', stakeholderCategory: 'member_state' }),
  makeUser(ctx, { displayName: 'Nia Ngo', affiliation: 'Kituo', stakeholderCategory: 'civil_society' }),
]);
async function comment(who: Person, body: string, status: 'approved' | 'pending' = 'approved') {
  const row = await insertComment(ctx, {
    spaceId: space.id,
    authorId: who.user.id,
    status,
    body,
    questionId: q1.id,
    createdAt: new Date(Date.UTC(2026, 10, 2, 12)),
  });
  await rows('update comments set highlighted = true where id = $1', [row.id]);
  return row;
}
const h1 = await comment(delegate, 'Diaspora bonds work when trusted.');
const h2 = await comment(ngo, 'Recognise skills of returnees.');
const pending = await comment(ngo, 'PENDINGSECRET', 'pending');

type Note = ReturnType<typeof noteResponse.parse>['note'];

async function createNote(): Promise<Note> {
  const res = await cast.chair.client.post(`/api/spaces/${space.slug}/notes`, {});
  expect(res.status).toBe(201);
  return noteResponse.parse(res.body).note;
}

/** Saves the note with `texts` as its sections' bodies, from `note`'s version. */
async function save(who: Person, note: Note, texts: string[], expected = 200): Promise<Note> {
  const res = await who.client.put(`/api/notes/${note.id}`, {
    title: note.title,
    targetWords: note.targetWords,
    version: note.version,
    sections: note.sections.map((s, i) => ({ id: s.id, title: s.title, bodyMd: texts[i] ?? '', commentIds: [] })),
  });
  expect(res.status).toBe(expected);
  return expected === 200 ? noteResponse.parse(res.body).note : note;
}

const history = async (noteId: string) => {
  const res = await cast.moderator.client.get(`/api/notes/${noteId}/versions`);
  expect(res.status).toBe(200);
  return res.body.versions as { version: number; name: string | null; restoredFrom: number | null }[];
};
const bodies = async (noteId: string, version: number) => {
  const res = await cast.moderator.client.get(`/api/notes/${noteId}/versions/${version}`);
  expect(res.status).toBe(200);
  return (res.body.version.snapshot.sections as { bodyMd: string }[]).map((s) => s.bodyMd);
};
/** As if the chair had stopped `minutes` ago: the latest version's times move back. */
const pause = (noteId: string, minutes: number, column: 'updated_at' | 'created_at' = 'updated_at') =>
  rows(
    `update note_versions set ${column} = ${column} - make_interval(mins => $2)
     where note_id = $1 and version = (select max(version) from note_versions where note_id = $1)`,
    [noteId, minutes],
  );

describe('note versions', () => {
  it('folds a run of autosaves into one version, and starts a new one after a pause', async () => {
    let note = await createNote();
    for (const text of ['D', 'Di', 'Dia', 'Diaspora', 'Diaspora bonds']) note = await save(cast.chair, note, [text]);
    // The note's version counts saves (what concurrent saves are checked against)…
    expect(note.version).toBe(6);
    // …the history keeps one version for the run, holding the latest text.
    expect((await history(note.id)).map((v) => v.version)).toEqual([6]);
    expect(await bodies(note.id, 6)).toEqual(['Diaspora bonds', '']);
    expect((await cast.moderator.client.get(`/api/notes/${note.id}/versions/5`)).status).toBe(404);

    // Four minutes later: still the same version.
    await pause(note.id, 4);
    note = await save(cast.chair, note, ['Diaspora bonds work']);
    expect((await history(note.id)).map((v) => v.version)).toEqual([7]);

    // Six minutes without a save: the next one starts a new version, the old one stays as it was.
    await pause(note.id, 6);
    note = await save(cast.chair, note, ['Diaspora bonds work when trusted.']);
    note = await save(cast.chair, note, ['Diaspora bonds work when trusted.', 'Skills.']);
    expect((await history(note.id)).map((v) => v.version)).toEqual([9, 7]);
    expect(await bodies(note.id, 7)).toEqual(['Diaspora bonds work', '']);
    expect(await bodies(note.id, 9)).toEqual(['Diaspora bonds work when trusted.', 'Skills.']);

    // An hour of saves without a pause still makes a new version.
    await pause(note.id, 61, 'created_at');
    note = await save(cast.chair, note, ['An hour later.']);
    expect((await history(note.id)).map((v) => v.version)).toEqual([10, 9, 7]);

    // Another chair's save is never folded into someone else's version.
    note = await save(secondChair, note, ['Chidi was here.']);
    expect((await history(note.id)).map((v) => v.version)).toEqual([11, 10, 9, 7]);
    const [latest] = await rows('select created_by from note_versions where note_id = $1 and version = 11', [note.id]);
    expect(latest.created_by).toBe(secondChair.user.id);
  });

  it('still refuses a stale save with a 409, folded or not', async () => {
    let note = await createNote();
    const opened = note;
    note = await save(cast.chair, note, ['First.']);
    note = await save(cast.chair, note, ['Second.']);
    const stale = await cast.chair.client.put(`/api/notes/${note.id}`, {
      title: opened.title,
      targetWords: opened.targetWords,
      version: opened.version,
      sections: opened.sections.map((s) => ({ id: s.id, title: s.title, bodyMd: 'From an old tab.', commentIds: [] })),
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('conflict');
    expect(stale.body.error.message).toContain('You saved it in another window');
    expect(stale.body.error.details.note).toMatchObject({ version: 3 });
    expect(await bodies(note.id, 3)).toEqual(['Second.', '']);
    // Two chairs at once from the same version: one wins, and the history holds its text.
    const results = await Promise.all([
      cast.chair.client.put(`/api/notes/${note.id}`, {
        title: note.title,
        targetWords: note.targetWords,
        version: note.version,
        sections: note.sections.map((s) => ({ id: s.id, title: s.title, bodyMd: 'A', commentIds: [] })),
      }),
      secondChair.client.put(`/api/notes/${note.id}`, {
        title: note.title,
        targetWords: note.targetWords,
        version: note.version,
        sections: note.sections.map((s) => ({ id: s.id, title: s.title, bodyMd: 'B', commentIds: [] })),
      }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const current = (await cast.chair.client.get(`/api/notes/${note.id}`)).body.note;
    expect(current.version).toBe(4);
    expect((await bodies(note.id, 4))[0]).toBe(current.sections[0].bodyMd);
  });

  it('lets a chair name a version, which later saves leave as it is', async () => {
    let note = await createNote();
    note = await save(cast.chair, note, ['Draft text.']);
    const url = `/api/notes/${note.id}/versions/${note.version}`;
    expect((await cast.moderator.client.patch(url, { name: 'Mine' })).status).toBe(403);
    expect((await cast.participant.client.patch(url, { name: 'Mine' })).status).toBe(404);
    const tooLong = await cast.chair.client.patch(url, { name: 'x'.repeat(121) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.details.fields[0].field).toBe('name');
    expect((await cast.chair.client.patch(`/api/notes/${note.id}/versions/99`, { name: 'x' })).status).toBe(404);

    const named = await cast.chair.client.patch(url, { name: '  Draft for the Bureau ' });
    expect(named.status).toBe(200);
    expect(named.body.version).toMatchObject({ version: 2, name: 'Draft for the Bureau' });

    // A save a moment later starts a new version: the named one keeps its text.
    note = await save(cast.chair, note, ['Draft text, revised.']);
    note = await save(cast.chair, note, ['Draft text, revised twice.']);
    expect((await history(note.id)).map((v) => [v.version, v.name])).toEqual([
      [4, null],
      [2, 'Draft for the Bureau'],
    ]);
    expect(await bodies(note.id, 2)).toEqual(['Draft text.', '']);
    // The two versions, section by section, are what the editor compares.
    expect(await bodies(note.id, 4)).toEqual(['Draft text, revised twice.', '']);

    // "" takes the name off.
    const cleared = await cast.chair.client.patch(url, { name: '' });
    expect(cleared.body.version.name).toBeNull();
  });

  it('restores a version as a new one, never folded into and never folding', async () => {
    let note = await createNote();
    note = await save(cast.chair, note, ['Old text.']);
    await pause(note.id, 10);
    note = await save(cast.chair, note, ['New text.']);
    expect((await history(note.id)).map((v) => v.version)).toEqual([3, 2]);

    const restored = await cast.chair.client.post(`/api/notes/${note.id}/versions/2/restore`);
    expect(restored.status).toBe(200);
    note = noteResponse.parse(restored.body).note;
    expect(note.version).toBe(4);
    expect(note.sections.map((s) => s.bodyMd)).toEqual(['Old text.', '']);
    // A save right after the restore is a version of its own; nothing was lost.
    note = await save(cast.chair, note, ['Old text, edited.']);
    const list = await history(note.id);
    expect(list.map((v) => [v.version, v.restoredFrom])).toEqual([
      [5, null],
      [4, 2],
      [3, null],
      [2, null],
    ]);
    expect(await bodies(note.id, 3)).toEqual(['New text.', '']);
    expect(await bodies(note.id, 4)).toEqual(['Old text.', '']);
  });

  it('previews the note on the screen as the export prints it, one footnote per source', async () => {
    const note = await createNote();
    const preview = (who: Person, body: object) => who.client.post(`/api/notes/${note.id}/preview`, body);
    const body = {
      title: 'Unsaved title',
      sections: [
        {
          id: note.sections[0]?.id,
          title: 'I. Background',
          bodyMd: `Trust matters [@${h1.id}]; it was said twice [@${h1.id}]. Then <script>alert(1)</script> **bold**.`,
          commentIds: [h1.id, h2.id],
        },
        { title: 'A new section', bodyMd: `Also [@${pending.id}].`, commentIds: [] },
      ],
    };
    const res = await preview(cast.moderator, body);
    expect(res.status).toBe(200);
    const html: string = res.body.html;
    expect(html).toContain('<h3>I. Background</h3>');
    expect(html).toContain('<h3>A new section</h3>');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('[@');
    // h1 cited twice: one footnote; the pending contribution's footnote names nobody.
    const items = [...html.matchAll(/<li id="fn[^"]*" class="footnote-item">([\s\S]*?)<\/li>/g)].map((m) => m[1]);
    expect(items).toHaveLength(2);
    expect(items[0]).toContain('Ana Delegada, Misión de Chile, 2 November 2026');
    expect(items[1]).toContain('Contribution no longer published');
    expect(html.match(/class="footnote-ref"/g)).toHaveLength(3);
    expect(html).not.toContain('PENDINGSECRET');
    expect(items[1]).not.toContain('Nia Ngo');
    // h2 is placed but not cited: the annex names it.
    expect(html).toContain('Annex: Contributions considered');
    expect(html).toContain('Nia Ngo, Kituo, 2 November 2026');

    expect((await preview(cast.participant, body)).status).toBe(404);
    expect((await ctx.client().post(`/api/notes/${note.id}/preview`, body)).status).toBe(401);
    const blank = await preview(cast.chair, { ...body, title: ' ' });
    expect(blank.status).toBe(400);
    expect(blank.body.error.details.fields[0].field).toBe('title');
  });
});
