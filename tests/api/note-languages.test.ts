/**
 * A note in the six languages: its default title in the creator's interface language, its Word
 * export right to left where Arabic (and not otherwise), and the language's punctuation in its
 * references and quoted translations (shared/src/punctuation.ts).
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { inQuotes, joinReference, nameAndAffiliation } from '../../shared/src/punctuation.js';
import { setupApp } from '../helpers/app.js';
import { insertComment, makeCast, makeSpace, makeUser, withTaxonomy } from '../helpers/factories.js';

const ctx = await setupApp();
await withTaxonomy(ctx);
const { space } = await makeSpace(ctx, { code: 'RT 1.1', title: 'Harnessing the capital' });
const cast = await makeCast(ctx, space.id);

const layla = await makeUser(ctx, {
  displayName: 'Layla Haddad',
  affiliation: 'وزارة الخارجية',
  stakeholderCategory: 'member_state',
  country: 'JO',
});
const ARABIC = 'تسهم التحويلات المالية في التنمية المستدامة';
const arabic = await insertComment(ctx, {
  spaceId: space.id,
  authorId: layla.user.id,
  status: 'approved',
  body: ARABIC,
  language: 'ar' as 'en',
});
// Only highlighted contributions may be placed in a note.
await ctx.db.pool.query('update comments set highlighted = true where id = $1', [arabic.id]);

const createNote = async (headers: Record<string, string>) => {
  const res = await cast.chair.client.post(`/api/spaces/${space.slug}/notes`, {}, headers);
  expect(res.status).toBe(201);
  return res.body.note as { id: string; title: string; version: number; targetWords: number };
};

const word = async (noteId: string, language: string) => {
  const res = await ctx.app.inject({
    method: 'GET',
    url: `/api/notes/${noteId}/export?format=docx`,
    headers: { cookie: cast.chair.client.cookieHeader, 'accept-language': language },
  });
  expect(res.statusCode).toBe(200);
  const files = unzipSync(new Uint8Array(res.rawPayload));
  const part = (name: string) => strFromU8(files[name] as Uint8Array);
  return { document: part('word/document.xml'), styles: part('word/styles.xml') };
};
const paragraphOf = (xml: string, text: string) =>
  [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].find(([p]) => p.includes(text))?.[0] ?? '';

describe('a new note’s default title', () => {
  it('is in the creator’s interface language (Accept-Language), else their account’s, else English', async () => {
    const expected = {
      en: 'Background note — RT 1.1',
      fr: 'Note de synthèse — RT 1.1',
      es: 'Nota de antecedentes — RT 1.1',
      ar: 'مذكرة أساسية — RT 1.1',
      zh: '背景说明 — RT 1.1',
      ru: 'Справочная записка — RT 1.1',
    };
    for (const [lang, title] of Object.entries(expected)) {
      expect((await createNote({ 'accept-language': lang })).title, lang).toBe(title);
    }
    expect((await createNote({ 'accept-language': 'ru-RU,ru;q=0.9,en;q=0.5' })).title).toBe(expected.ru);
    await ctx.db.pool.query(`update users set locale = 'zh' where id = $1`, [cast.chair.user.id]);
    try {
      expect((await createNote({})).title).toBe(expected.zh);
    } finally {
      await ctx.db.pool.query(`update users set locale = 'en' where id = $1`, [cast.chair.user.id]);
    }
    expect((await createNote({})).title).toBe(expected.en);
  });
});

describe('the note in Word, right to left where Arabic', () => {
  it('an Arabic note for an Arabic reader: w:bidi paragraphs, w:rtl runs, w:lang w:bidi; an English section stays left to right', async () => {
    const note = await createNote({ 'accept-language': 'ar' });
    const saved = await cast.chair.client.put(`/api/notes/${note.id}`, {
      title: note.title,
      targetWords: note.targetWords,
      version: note.version,
      sections: [
        { title: 'التحويلات المالية', bodyMd: `${ARABIC} [@${arabic.id}].`, commentIds: [arabic.id] },
        { title: 'Remittances', bodyMd: 'Remittances lower the cost of development.', commentIds: [] },
      ],
    });
    expect(saved.status).toBe(200);
    const { document, styles } = await word(note.id, 'ar');
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)?.[0] ?? '';
    expect(defaults).toContain('<w:bidi/>');
    expect(defaults).toContain('w:bidi="ar-SA"');
    for (const text of ['مذكرة أساسية', 'التحويلات المالية', ARABIC]) {
      const p = paragraphOf(document, text);
      expect(p, text).toContain('<w:bidi/>');
      expect(p, text).toContain('<w:rtl/>');
      expect(p, text).toContain('w:bidi="ar-SA"');
    }
    const english = paragraphOf(document, 'Remittances lower the cost');
    expect(english).toContain('<w:bidi w:val="false"/>');
    expect(english).not.toContain('<w:rtl/>');
    // The Arabic name–affiliation separator in the footnote.
    const footnotes = await ctx.app.inject({
      method: 'GET',
      url: `/api/notes/${note.id}/export?format=md`,
      headers: { cookie: cast.chair.client.cookieHeader, 'accept-language': 'ar' },
    });
    expect(footnotes.body).toContain('Layla Haddad، وزارة الخارجية، ');
  });

  it('an English note for an English reader: no w:bidi and no w:rtl anywhere', async () => {
    const note = await createNote({ 'accept-language': 'en' });
    const saved = await cast.chair.client.put(`/api/notes/${note.id}`, {
      title: note.title,
      targetWords: note.targetWords,
      version: note.version,
      sections: [{ title: 'Costs', bodyMd: 'Remittances lower the cost of development.', commentIds: [] }],
    });
    expect(saved.status).toBe(200);
    const { document, styles } = await word(note.id, 'en');
    expect(document).toContain('Remittances lower the cost');
    expect(document + styles).not.toMatch(/<w:bidi[ />]|<w:rtl[ />]|w:bidi="/);
  });
});

describe('punctuation by language', () => {
  it('separates a name from its affiliation and quotes text in each language’s way', () => {
    expect(nameAndAffiliation('Ana', 'IOM', 'en')).toBe('Ana, IOM');
    expect(nameAndAffiliation('Ana', 'IOM', 'ar')).toBe('Ana، IOM');
    expect(nameAndAffiliation('Ana', 'IOM', 'zh-Hans')).toBe('Ana，IOM');
    expect(nameAndAffiliation('Ana', '', 'ar')).toBe('Ana');
    expect(joinReference(['Ana', null, '2 ноября 2026 г.'], 'ru')).toBe('Ana, 2 ноября 2026 г.');
    expect(inQuotes('текст', 'ru')).toBe('«текст»');
    expect(inQuotes('texte', 'fr')).toBe('«\u202ftexte\u202f»');
    expect(inQuotes('文本', 'zh')).toBe('“文本”');
    expect(inQuotes('نص', 'ar')).toBe('«نص»');
    expect(inQuotes('text', 'en')).toBe('“text”');
  });
});
