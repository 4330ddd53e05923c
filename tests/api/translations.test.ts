import { exportDocument } from '@convene/shared';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupApp } from '../helpers/app.js';
import { queryRows, wordParagraphs } from '../helpers/exports.js';
import { type Cast, type Person, insertComment, makeCast, makeSpace, uuid } from '../helpers/factories.js';

/**
 * Translations of contributions: the space's staff write them (PUT/DELETE
 * /api/comments/:id/translations/:lang), readers see the current ones of published comments,
 * nothing of a translation shows while its comment is not published, and exports and notes
 * quote them labelled as translations.
 */
const ctx = await setupApp();
const rows = queryRows(ctx);

let space: Awaited<ReturnType<typeof makeSpace>>['space'];
let post: Awaited<ReturnType<typeof makeSpace>>['space'];
let cast: Cast;

beforeAll(async () => {
  space = (await makeSpace(ctx, { moderationMode: 'pre', code: 'RT 9', acceptedLanguages: ['en', 'fr', 'es'] })).space;
  post = (await makeSpace(ctx, { moderationMode: 'post', acceptedLanguages: ['en', 'es'] })).space;
  cast = await makeCast(ctx, space.id);
  await rows(`insert into space_roles (space_id, user_id, role) values ($1, $2, 'moderator')`, [
    post.id,
    cast.moderator.user.id,
  ]);
});

const spanish = (body = `Las remesas cuestan demasiado ${uuid()}.`, spaceId = space.id) =>
  insertComment(ctx, { spaceId, authorId: cast.author.user.id, status: 'approved', language: 'es', body });
const put = (who: Person, id: string, lang: string, body: unknown) =>
  who.client.put(`/api/comments/${id}/translations/${lang}`, body);

type Listed = {
  id: string;
  translations: { language: string; bodyHtml: string; bodyMd?: string; outdated: boolean }[];
};
async function listed(who: Person | null, id: string, slug = space.slug): Promise<Listed | undefined> {
  const client = who ? who.client : cast.anonymous;
  const res = await client.get(`/api/spaces/${slug}/comments?limit=500`);
  expect(res.status).toBe(200);
  return (res.body.comments as Listed[]).find((c) => c.id === id);
}
const eventsMentioning = async (text: string, afterId = 0) =>
  (await rows<{ id: number }>('select id from events where id > $1 and payload::text like $2', [afterId, `%${text}%`]))
    .length;
const lastEventId = async () =>
  Number((await rows<{ n: number }>('select coalesce(max(id), 0)::int as n from events'))[0]?.n);

describe('who may write a translation', () => {
  it('is the space’s staff, on published text: 401 for a guest, 403 for who may read it, 404 otherwise', async () => {
    const c = await spanish();
    const body = { body: 'Remittances cost too much.' };
    expect((await cast.anonymous.put(`/api/comments/${c.id}/translations/en`, body)).status).toBe(401);
    for (const who of [cast.participant, cast.author, cast.otherModerator]) {
      const res = await put(who, c.id, 'en', body);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    }
    expect((await put(cast.moderator, uuid(), 'en', body)).status).toBe(404);

    const first = await put(cast.moderator, c.id, 'en', body);
    expect(first.status).toBe(201);
    expect(first.body.translation).toEqual({
      language: 'en',
      sourceLanguage: 'es',
      bodyHtml: '<p>Remittances cost too much.</p>\n',
      bodyMd: 'Remittances cost too much.',
      translator: { id: cast.moderator.user.id, displayName: 'Mo Moderator' },
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      sourceVersion: 1,
      outdated: false,
    });
    // A chair updates it (200), an administrator too; the translator is whoever wrote it last.
    const updated = await put(cast.chair, c.id, 'en', { body: 'Remittances are too expensive.' });
    expect(updated.status).toBe(200);
    expect(updated.body.translation.translator.displayName).toBe('Cha Chair');
    expect(updated.body.comment.translations).toHaveLength(1);
    expect((await put(cast.admin, c.id, 'fr', { body: 'Les envois coûtent trop cher.' })).status).toBe(201);

    // Someone else's pending comment: 404 to a participant, 403 to staff (not published), 403 to its author.
    const pending = await insertComment(ctx, { spaceId: space.id, authorId: cast.author.user.id, language: 'es' });
    expect((await put(cast.participant, pending.id, 'en', body)).status).toBe(404);
    expect((await put(cast.moderator, pending.id, 'en', body)).status).toBe(403);
    expect((await put(cast.author, pending.id, 'en', body)).status).toBe(403);
    expect(await rows('select 1 from comment_translations where comment_id = $1', [pending.id])).toEqual([]);
  });

  it('deletes one (200 with the comment), then 404; refuses a guest and a participant first', async () => {
    const c = await spanish();
    await put(cast.moderator, c.id, 'en', { body: 'To delete.' });
    expect((await cast.anonymous.delete(`/api/comments/${c.id}/translations/en`)).status).toBe(401);
    expect((await cast.participant.client.delete(`/api/comments/${c.id}/translations/en`)).status).toBe(403);
    const del = await cast.chair.client.delete(`/api/comments/${c.id}/translations/en`);
    expect(del.status).toBe(200);
    expect(del.body.comment.translations).toEqual([]);
    expect((await cast.chair.client.delete(`/api/comments/${c.id}/translations/en`)).status).toBe(404);
    expect((await listed(null, c.id))?.translations).toEqual([]);
  });
});

describe('validation', () => {
  it('names the field: an unknown or the comment’s own language, a language the space does not accept, a bad body', async () => {
    const c = await spanish();
    const field = (res: { status: number; body: any }) => {
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      return res.body.error.details.fields.map((f: { field: string }) => f.field);
    };
    expect(field(await put(cast.moderator, c.id, 'de', { body: 'x' }))).toContain('lang');
    expect(field(await put(cast.moderator, c.id, 'other', { body: 'x' }))).toContain('lang');
    expect(field(await put(cast.moderator, c.id, 'es', { body: 'Mismo idioma.' }))).toEqual(['lang']);
    const inPost = await spanish(undefined, post.id);
    expect(field(await put(cast.moderator, inPost.id, 'fr', { body: 'Pas acceptée ici.' }))).toEqual(['lang']);
    for (const body of [{ body: '   ' }, { body: 'x'.repeat(20_001) }, {}, { body: 'ok', extra: 1 }, { body: 5 }]) {
      const res = await put(cast.moderator, c.id, 'en', body);
      expect(res.status, JSON.stringify(body).slice(0, 40)).toBe(400);
    }
    expect(await rows('select 1 from comment_translations where comment_id = $1', [c.id])).toEqual([]);
  });

  it('cleans pasted text like other bodies (NUL dropped, lone surrogate replaced) and sanitises the HTML', async () => {
    const c = await spanish();
    const res = await put(cast.moderator, c.id, 'en', {
      body: 'a\u0000b \ud800 <script>alert(1)</script> [x](javascript:alert(1)) **bold**',
    });
    expect(res.status).toBe(201);
    expect(res.body.translation.bodyMd).toBe('ab \ufffd <script>alert(1)</script> [x](javascript:alert(1)) **bold**');
    expect(res.body.translation.bodyHtml).toContain('<strong>bold</strong>');
    expect(res.body.translation.bodyHtml).not.toContain('<script');
    expect(res.body.translation.bodyHtml).not.toContain('href="javascript');
    // A path holding a NUL is refused like any other request string.
    expect((await put(cast.moderator, c.id, 'e%00n', { body: 'x' })).status).toBe(400);
  });
});

describe('what readers see', () => {
  it('a published comment carries its translations (no source) to everyone; staff get the source and may translate', async () => {
    const c = await spanish();
    await put(cast.moderator, c.id, 'fr', { body: 'Les envois de fonds *coûtent* trop cher.' });
    for (const who of [null, cast.participant]) {
      const seen = await listed(who, c.id);
      expect(seen?.translations).toEqual([
        expect.objectContaining({
          language: 'fr',
          sourceLanguage: 'es',
          bodyHtml: '<p>Les envois de fonds <em>coûtent</em> trop cher.</p>\n',
          translator: { id: cast.moderator.user.id, displayName: 'Mo Moderator' },
          outdated: false,
        }),
      ]);
      expect(seen?.translations[0]).not.toHaveProperty('bodyMd');
      expect((seen as any).abilities.translate).toBe(false);
    }
    // Search results are comments like any other: they carry the same translations.
    const search = await cast.anonymous.get(`/api/spaces/${space.slug}/comments?q=remesas&limit=500`);
    expect(search.body.comments.find((x: Listed) => x.id === c.id)?.translations).toHaveLength(1);
    const staff = await listed(cast.chair, c.id);
    expect(staff?.translations[0]?.bodyMd).toBe('Les envois de fonds *coûtent* trop cher.');
    expect((staff as any).abilities.translate).toBe(true);
  });

  it('announces the change live as the comment’s public copy', async () => {
    const c = await spanish();
    const before = await lastEventId();
    await put(cast.moderator, c.id, 'en', { body: 'LIVE-TRANSLATION-TEXT' });
    const [event] = await rows<{ kind: string; audience: string; payload: any }>(
      'select kind, audience, payload from events where id > $1 and payload::text like $2',
      [before, '%LIVE-TRANSLATION-TEXT%'],
    );
    expect(event).toMatchObject({ kind: 'comment.updated', audience: 'public' });
    expect(event?.payload.comment.translations[0]).not.toHaveProperty('bodyMd');
  });
});

describe('never for unpublished text', () => {
  it('a comment taken down shows its translations nowhere (list, author, staff, export, events) until restored', async () => {
    const c = await spanish();
    await put(cast.moderator, c.id, 'en', { body: 'TAKEN-DOWN-TRANSLATION' });
    const mark = await lastEventId();
    const down = await cast.moderator.client.post(`/api/comments/${c.id}/decision`, {
      action: 'reject',
      reason: 'Off topic',
      version: c.version,
    });
    expect(down.status).toBe(200);
    expect(down.body.comment.translations).toEqual([]);
    expect(await listed(null, c.id)).toBeUndefined();
    // Its author still sees their rejected comment in the list, without the translation.
    expect((await listed(cast.author, c.id))?.translations).toEqual([]);
    const mine = await cast.author.client.get('/api/me/comments');
    expect(JSON.stringify(mine.body)).not.toContain('TAKEN-DOWN-TRANSLATION');
    const queue = await cast.moderator.client.get(
      `/api/spaces/${space.slug}/moderation/queue?status=rejected&limit=200`,
    );
    expect(queue.status).toBe(200);
    expect(JSON.stringify(queue.body)).not.toContain('TAKEN-DOWN-TRANSLATION');
    expect((await put(cast.moderator, c.id, 'fr', { body: 'Non.' })).status).toBe(403);
    const md = await cast.chair.client.get(`/api/spaces/${space.slug}/export?format=md&translation=en`);
    expect(md.raw).not.toContain('TAKEN-DOWN-TRANSLATION');
    expect(await eventsMentioning('TAKEN-DOWN-TRANSLATION', mark)).toBe(0);

    const restored = await cast.moderator.client.post(`/api/comments/${c.id}/decision`, {
      action: 'restore',
      version: down.body.comment.version,
    });
    expect(restored.status).toBe(200);
    expect((await listed(null, c.id))?.translations.map((t) => t.bodyHtml)).toEqual([
      '<p>TAKEN-DOWN-TRANSLATION</p>\n',
    ]);
  });

  it('a withdrawn comment’s translations appear nowhere, its author’s list included', async () => {
    const c = await spanish();
    await put(cast.moderator, c.id, 'en', { body: 'WITHDRAWN-TRANSLATION' });
    const mark = await lastEventId();
    expect((await cast.author.client.delete(`/api/comments/${c.id}`)).status).toBe(200);
    expect(await listed(null, c.id)).toBeUndefined();
    expect(await listed(cast.moderator, c.id)).toBeUndefined();
    const mine = await cast.author.client.get('/api/me/comments');
    expect(mine.body.comments.find((x: { id: string }) => x.id === c.id)?.translations).toEqual([]);
    expect(JSON.stringify(mine.body)).not.toContain('WITHDRAWN-TRANSLATION');
    const json = await cast.chair.client.get(`/api/spaces/${space.slug}/export?format=json&translation=en`);
    expect(json.raw).not.toContain('WITHDRAWN-TRANSLATION');
    expect(await eventsMentioning('WITHDRAWN-TRANSLATION', mark)).toBe(0);
    expect((await put(cast.moderator, c.id, 'en', { body: 'Again.' })).status).toBe(403);
  });

  it('a pending edit exposes nothing and keeps the translation of the published text; once approved it is outdated', async () => {
    const c = await spanish('Texto publicado.');
    await put(cast.moderator, c.id, 'en', { body: 'Published text.' });
    const edit = await cast.author.client.patch(`/api/comments/${c.id}`, {
      body: 'PENDING-EDIT-TEXT',
      version: c.version,
    });
    expect(edit.status).toBe(200);
    expect(edit.body.comment.pendingRevision).not.toBeNull();
    // The published text and its translation stay, current; the edit is nowhere public.
    const seen = await listed(null, c.id);
    expect(seen?.translations.map((t) => [t.bodyHtml, t.outdated])).toEqual([['<p>Published text.</p>\n', false]]);
    expect(JSON.stringify(seen)).not.toContain('PENDING-EDIT-TEXT');
    const md = await cast.chair.client.get(`/api/spaces/${space.slug}/export?format=md&translation=en`);
    expect(md.raw).toContain('Published text.');
    expect(md.raw).not.toContain('PENDING-EDIT-TEXT');

    const approve = await cast.moderator.client.post(`/api/comments/${c.id}/decision`, {
      action: 'approve',
      version: edit.body.comment.version,
    });
    expect(approve.status).toBe(200);
    // The published text changed: readers no longer see the translation; staff see it outdated.
    expect((await listed(null, c.id))?.translations).toEqual([]);
    expect((await listed(cast.chair, c.id))?.translations.map((t) => t.outdated)).toEqual([true]);
    const after = await cast.chair.client.get(`/api/spaces/${space.slug}/export?format=md&translation=en`);
    expect(after.raw).not.toContain('Published text.');
    // Written again, it is current for everyone.
    expect((await put(cast.moderator, c.id, 'en', { body: 'Edited text.' })).status).toBe(200);
    expect((await listed(null, c.id))?.translations.map((t) => [t.bodyHtml, t.outdated])).toEqual([
      ['<p>Edited text.</p>\n', false],
    ]);
  });

  it('an edit in place of a published comment (post-moderated space) outdates its translation at once', async () => {
    const c = await spanish('Primero.', post.id);
    await put(cast.moderator, c.id, 'en', { body: 'First.' });
    expect((await listed(null, c.id, post.slug))?.translations).toHaveLength(1);
    const edit = await cast.author.client.patch(`/api/comments/${c.id}`, { body: 'Segundo.', version: c.version });
    expect(edit.status).toBe(200);
    expect((await listed(null, c.id, post.slug))?.translations).toEqual([]);
    // A change of the comment's language (same words) outdates it too.
    await put(cast.moderator, c.id, 'en', { body: 'Second.' });
    const relabel = await cast.author.client.patch(`/api/comments/${c.id}`, {
      body: 'Segundo.',
      language: 'en',
      version: edit.body.comment.version,
    });
    expect(relabel.status).toBe(200);
    expect(relabel.body.comment.translations).toEqual([]);
  });
});

describe('exports with a translation', () => {
  const download = async (query: string) => {
    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/spaces/${space.slug}/export?${query}`,
      headers: { cookie: cast.chair.client.cookieHeader },
    });
    expect(res.statusCode).toBe(200);
    return { headers: res.headers, buffer: res.rawPayload, text: res.body };
  };
  let translated: { id: string };
  let untranslated: { id: string };
  beforeAll(async () => {
    translated = await spanish('EXPORT-ORIGINAL-ES con **fuerza**.');
    untranslated = await spanish('EXPORT-ALONE-ES sin traducción.');
    expect(
      (await put(cast.moderator, translated.id, 'fr', { body: 'EXPORT-TRADUCTION-FR avec **force**.' })).status,
    ).toBe(201);
  });

  it('Markdown: the translation labelled as one, then the original; the original alone otherwise', async () => {
    // Asked with French translations, the export's fixed text is French too (README, "Export
    // formats": the fixed text follows translation=, else lang=).
    const { text, headers } = await download('format=md&translation=fr');
    expect(headers['content-disposition']).toMatch(/RT-9-all-translated-fr-\d{4}-\d{2}-\d{2}\.md/);
    expect(text).toMatch(
      /\n\*Traduit de l’original \(espagnol\) par Mo Moderator, le \d+ \S+ \d{4}\*\n\nEXPORT-TRADUCTION-FR avec \*\*force\*\*\.\n\n\*Original \(espagnol\)\*\n\nEXPORT-ORIGINAL-ES con \*\*fuerza\*\*\./,
    );
    // The untranslated one: its original alone, right under its attribution line.
    expect(text).toMatch(/\[Lien permanent\]\([^)]+\)\n\nEXPORT-ALONE-ES sin traducción\./);
    // Without the option, no translation at all.
    expect((await download('format=md')).text).not.toContain('EXPORT-TRADUCTION-FR');
  });

  it('JSON and CSV: the translation as a field and as columns', async () => {
    const doc = exportDocument.parse(JSON.parse((await download('format=json&translation=fr')).text));
    expect(doc.filters.translation).toBe('fr');
    const all = doc.questions.flatMap((q) => q.contributions);
    expect(all.find((c) => c.id === translated.id)?.translation).toMatchObject({
      language: 'fr',
      sourceLanguage: 'es',
      bodyMd: 'EXPORT-TRADUCTION-FR avec **force**.',
      text: 'EXPORT-TRADUCTION-FR avec force.',
      translator: 'Mo Moderator',
    });
    expect(all.find((c) => c.id === untranslated.id)?.translation).toBeNull();
    const plain = exportDocument.parse(JSON.parse((await download('format=json')).text));
    expect(plain.questions.flatMap((q) => q.contributions).find((c) => c.id === translated.id)).not.toHaveProperty(
      'translation',
    );

    const records = parseCsv((await download('format=csv&translation=fr')).text, {
      bom: true,
      columns: true,
    }) as Record<string, string>[];
    // French headers, the translation's language named in French.
    const row = records.find((r) => r.Identifiant === translated.id);
    expect(row).toMatchObject({
      Texte: 'EXPORT-ORIGINAL-ES con fuerza.',
      'Langue de la traduction': 'Français',
      Traduction: 'EXPORT-TRADUCTION-FR avec force.',
      'Traduit par': 'Mo Moderator',
    });
    expect(records.find((r) => r.Identifiant === untranslated.id)?.Traduction).toBe('');
  });

  it('XLSX: translation columns; DOCX: the label, the translation tagged French, then the original tagged Spanish', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await download('format=xlsx&translation=fr')).buffer as never);
    const sheet = book.getWorksheet('Contributions');
    const header = (sheet?.getRow(1).values as string[]).filter(Boolean);
    expect(header.slice(-4)).toEqual(['Langue de la traduction', 'Traduction', 'Traduit par', 'Traduit le (UTC)']);
    const translationCol = header.indexOf('Traduction') + 1;
    const texts: string[] = [];
    sheet?.eachRow((r) => texts.push(String(r.getCell(translationCol).value ?? '')));
    expect(texts).toContain('EXPORT-TRADUCTION-FR avec force.');

    const files = unzipSync(new Uint8Array((await download('format=docx&translation=fr')).buffer));
    const xml = strFromU8(files['word/document.xml'] as Uint8Array);
    const ps = wordParagraphs(xml);
    const i = ps.findIndex((p) => p.text === 'EXPORT-TRADUCTION-FR avec force.') - 1;
    expect(i).toBeGreaterThan(0);
    expect(ps[i]?.text).toMatch(/^Traduit de l’original \(espagnol\) par Mo Moderator, le \d+ \S+ \d{4}$/);
    expect(ps[i + 1]?.xml).toContain('w:val="fr-FR"');
    expect(ps[i + 2]?.text).toBe('Original (espagnol)');
    expect(ps[i + 3]?.text).toBe('EXPORT-ORIGINAL-ES con fuerza.');
    expect(ps[i + 3]?.xml).toContain('w:val="es-ES"');
  });
});

describe('a note quoting a translation', () => {
  it('cites a Spanish contribution with its English translation, the footnote saying so; not once outdated', async () => {
    const c = await spanish('NOTE-ORIGINAL-ES: bajar el costo de las remesas.');
    await rows('update comments set highlighted = true where id = $1', [c.id]);
    const other = await spanish('NOTE-UNTRANSLATED-ES.');
    await rows('update comments set highlighted = true where id = $1', [other.id]);
    expect((await put(cast.moderator, c.id, 'en', { body: 'NOTE-EN: lower the cost of remittances.' })).status).toBe(
      201,
    );
    expect((await put(cast.moderator, other.id, 'fr', { body: 'NOTE-FR only.' })).status).toBe(201);
    const created = await cast.chair.client.post(`/api/spaces/${space.slug}/notes`, {});
    expect(created.status).toBe(201);
    const note = created.body.note;
    const saved = await cast.chair.client.put(`/api/notes/${note.id}`, {
      title: note.title,
      targetWords: note.targetWords,
      version: note.version,
      sections: [{ title: 'Costs', bodyMd: `Costs matter [@${c.id}], also [@${other.id}].`, commentIds: [] }],
    });
    expect(saved.status).toBe(200);
    const md = await cast.chair.client.get(`/api/notes/${note.id}/export?format=md`);
    expect(md.status).toBe(200);
    const footnotes = md.raw.split('\n').filter((l) => l.startsWith('[^cite-'));
    expect(footnotes).toHaveLength(2);
    expect(footnotes[0]).toContain(
      '“NOTE-EN: lower the cost of remittances.” (Translated from Spanish by Mo Moderator, ',
    );
    // No English translation: the reference alone (a French one is not the note's language).
    expect(footnotes[1]).not.toContain('Translated');
    expect(footnotes[1]).not.toContain('NOTE-FR');

    const docx = await ctx.app.inject({
      method: 'GET',
      url: `/api/notes/${note.id}/export?format=docx`,
      headers: { cookie: cast.chair.client.cookieHeader },
    });
    const files = unzipSync(new Uint8Array(docx.rawPayload));
    const notesXml = strFromU8(files['word/footnotes.xml'] as Uint8Array);
    expect(
      wordParagraphs(notesXml)
        .map((p) => p.text)
        .join('\n'),
    ).toContain('“NOTE-EN: lower the cost of remittances.” (Translated from Spanish by Mo Moderator, ');

    // The published text changes: the translation is outdated, and the note no longer quotes it.
    await rows(`update comments set body_md = 'NOTE-ORIGINAL-ES revisado.' where id = $1`, [c.id]);
    const after = await cast.chair.client.get(`/api/notes/${note.id}/export?format=md`);
    expect(after.raw).not.toContain('NOTE-EN');
  });
});
