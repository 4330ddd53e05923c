import { beforeAll, describe, expect, it } from 'vitest';
import { type TestResponse, setupApp } from '../helpers/app.js';
import {
  type Cast,
  type Person,
  grantRole,
  insertComment,
  makeCast,
  makeSpace,
  makeUser,
} from '../helpers/factories.js';

/**
 * Multilingual spaces: a space's title, summary, background, disclaimer and questions per
 * language, read in the language asked (`?lang=`, else Accept-Language) with a field-by-field
 * fallback to the original and `lang` on each text; edited side by side by administrators and
 * (for the fields they may edit) chairs; exports print the titles in the language asked.
 */
const ctx = await setupApp();

let space: Awaited<ReturnType<typeof makeSpace>>['space'];
let questionIds: string[];
let cast: Cast;
let otherChair: Person;

const fieldsOf = (res: TestResponse) =>
  ((res.body.error?.details?.fields ?? []) as { field: string }[]).map((f) => f.field);

beforeAll(async () => {
  const made = await makeSpace(ctx, {
    summary: 'A summary in English.',
    disclaimer: 'Views are those of the participants.',
    questionCount: 2,
  });
  space = made.space;
  questionIds = made.questions.map((q) => q.id);
  cast = await makeCast(ctx, space.id);
  otherChair = await makeUser(ctx);
  const elsewhere = await makeSpace(ctx, { questionCount: 0 });
  await grantRole(ctx, elsewhere.space.id, otherChair.user.id, 'chair');

  // The administrator translates title, summary and background into French side by side.
  const res = await cast.admin.client.patch(`/api/spaces/${space.slug}`, {
    translations: {
      fr: {
        title: 'Table ronde en français',
        summary: 'Résumé en français',
        background: '## Contexte\n\nEn français.',
      },
    },
  });
  expect(res.status, res.raw).toBe(200);
  const q = await cast.admin.client.patch(`/api/spaces/${space.slug}/questions/${questionIds[0]}`, {
    translations: { fr: 'Première question ?', ar: 'السؤال الأول؟' },
  });
  expect(q.status, q.raw).toBe(200);
});

describe('reading a space in a language', () => {
  it('gives each text in the language asked where translated, else the original, saying which', async () => {
    const res = await ctx.client().get(`/api/spaces/${space.slug}?lang=fr`);
    expect(res.status).toBe(200);
    const s = res.body.space;
    expect(s.title).toBe('Table ronde en français');
    expect(s.summary).toBe('Résumé en français');
    expect(s.backgroundHtml).toContain('En français.');
    expect(s.disclaimer).toBe('Views are those of the participants.');
    expect(s.lang).toEqual({ title: 'fr', summary: 'fr', background: 'fr', disclaimer: 'en' });
    expect(s.originalLanguage).toBe('en');
    expect(s.languages).toEqual(['en', 'fr']);
    expect(s.questions.map((q: any) => [q.text, q.lang.text])).toEqual([
      ['Première question ?', 'fr'],
      [`Question 2 of ${space.code}?`, 'en'],
    ]);
    // Readers get no editing material.
    expect(s.translations).toBeUndefined();
    expect(s.missingTranslations).toBeUndefined();
    expect(s.questions[0].translations).toBeUndefined();

    // Arabic: the question translated, everything else the original.
    const ar = (await ctx.client().get(`/api/spaces/${space.slug}?lang=ar`)).body.space;
    expect(ar.title).toBe(space.title);
    expect(ar.lang.title).toBe('en');
    expect(ar.questions[0]).toMatchObject({ text: 'السؤال الأول؟', lang: { text: 'ar' } });
  });

  it('takes Accept-Language when no ?lang= is given, ?lang= first, and the original without either', async () => {
    const byHeader = await ctx
      .client()
      .get(`/api/spaces/${space.slug}`, { 'accept-language': 'de, fr-CH;q=0.9, en;q=0.5' });
    expect(byHeader.body.space.title).toBe('Table ronde en français');
    expect(String(byHeader.headers.vary)).toMatch(/accept-language/i);
    const byQuery = await ctx.client().get(`/api/spaces/${space.slug}?lang=en`, { 'accept-language': 'fr' });
    expect(byQuery.body.space).toMatchObject({ title: space.title, lang: { title: 'en' } });
    const plain = await ctx.client().get(`/api/spaces/${space.slug}`);
    expect(plain.body.space.title).toBe(space.title);

    const list = await ctx.client().get('/api/spaces?lang=fr');
    const node = list.body.spaces.find((n: any) => n.slug === space.slug);
    expect(node).toMatchObject({ title: 'Table ronde en français', lang: { title: 'fr', summary: 'fr' } });
  });

  it('refuses a language that is not one of the six, naming lang', async () => {
    const res = await ctx.client().get(`/api/spaces/${space.slug}?lang=de`);
    expect(res.status).toBe(400);
    expect(fieldsOf(res)).toContain('lang');
  });
});

describe('editing translations', () => {
  it('shows editors every translation and what is still missing in the space’s languages', async () => {
    const res = await cast.chair.client.get(`/api/spaces/${space.slug}`);
    const s = res.body.space;
    expect(s.translations.fr).toEqual({
      title: 'Table ronde en français',
      summary: 'Résumé en français',
      background: '## Contexte\n\nEn français.',
    });
    // The original too: the form edits it whatever the interface language.
    expect(s.translations.en).toMatchObject({ title: space.title, summary: 'A summary in English.' });
    expect(s.questions[0].translations).toEqual({
      en: `Question 1 of ${space.code}?`,
      fr: 'Première question ?',
      ar: 'السؤال الأول؟',
    });
    const missing = (s.missingTranslations as { language: string; field: string }[]).map(
      (m) => `${m.language}:${m.field}`,
    );
    // Accepted languages en, fr, es; Arabic because a question has it. Not the original.
    expect(missing).toEqual(
      expect.arrayContaining([
        'fr:disclaimer',
        `fr:questions.${questionIds[1]}`,
        'es:title',
        'es:summary',
        'es:background',
        'es:disclaimer',
        `es:questions.${questionIds[0]}`,
        'ar:title',
        `ar:questions.${questionIds[1]}`,
      ]),
    );
    expect(missing).not.toContain('fr:title');
    expect(missing).not.toContain(`ar:questions.${questionIds[0]}`);
    expect(missing.some((m) => m.startsWith('en:'))).toBe(false);
  });

  it('lets a chair translate the summary, background and questions, an empty text removing a translation', async () => {
    const res = await cast.chair.client.patch(`/api/spaces/${space.slug}?lang=es`, {
      translations: { es: { summary: 'Resumen en español' }, fr: { summary: '' } },
    });
    expect(res.status, res.raw).toBe(200);
    // The answer is in the language asked.
    expect(res.body.space).toMatchObject({ summary: 'Resumen en español', lang: { summary: 'es', title: 'en' } });
    const fr = (await ctx.client().get(`/api/spaces/${space.slug}?lang=fr`)).body.space;
    expect(fr).toMatchObject({ title: 'Table ronde en français', summary: space.summary, lang: { summary: 'en' } });

    const q = await cast.chair.client.patch(`/api/spaces/${space.slug}/questions/${questionIds[1]}?lang=fr`, {
      translations: { fr: 'Deuxième question ?' },
    });
    expect(q.status, q.raw).toBe(200);
    expect(q.body.questions[1]).toMatchObject({ text: 'Deuxième question ?', lang: { text: 'fr' } });
    expect(q.body.questions[1].translations).toEqual({ en: `Question 2 of ${space.code}?`, fr: 'Deuxième question ?' });
    const added = await cast.chair.client.post(`/api/spaces/${space.slug}/questions`, {
      text: 'A third question?',
      translations: { fr: 'Une troisième question ?' },
    });
    expect(added.status, added.raw).toBe(201);
    expect(added.body.questions[2]).toMatchObject({ text: 'A third question?', lang: { text: 'en' } });
    const read = (await ctx.client().get(`/api/spaces/${space.slug}?lang=fr`)).body.space;
    expect(read.questions[2]).toMatchObject({ text: 'Une troisième question ?', lang: { text: 'fr' } });
  });

  it('leaves the title and disclaimer translations to administrators, naming the field', async () => {
    const res = await cast.chair.client.patch(`/api/spaces/${space.slug}`, {
      translations: { fr: { title: 'Autre titre', background: 'Texte' } },
    });
    expect(res.status).toBe(403);
    expect(fieldsOf(res)).toEqual(['translations.fr.title']);
    const admin = await cast.admin.client.patch(`/api/spaces/${space.slug}`, {
      translations: { es: { title: 'Mesa redonda', disclaimer: 'Las opiniones son de los participantes.' } },
    });
    expect(admin.status, admin.raw).toBe(200);
    expect(admin.body.space.translations.es.title).toBe('Mesa redonda');
  });

  it('refuses translations from anyone else who may not edit this space', async () => {
    const body = { translations: { fr: { summary: 'Non' } } };
    const url = `/api/spaces/${space.slug}`;
    expect((await ctx.client().patch(url, body)).status).toBe(401);
    for (const who of [cast.participant, cast.moderator, cast.otherModerator, otherChair]) {
      expect((await who.client.patch(url, body)).status).toBe(403);
      const q = await who.client.patch(`${url}/questions/${questionIds[0]}`, { translations: { fr: 'Non ?' } });
      expect(q.status).toBe(403);
    }
    const fr = (await ctx.client().get(`${url}?lang=fr`)).body.space;
    expect(fr.summary).not.toBe('Non');
    expect(fr.questions[0].text).toBe('Première question ?');
  });

  it('refuses a translation into the original language and a change of original that would hide one', async () => {
    const into = await cast.admin.client.patch(`/api/spaces/${space.slug}`, { translations: { en: { title: 'X' } } });
    expect(into.status).toBe(400);
    expect(fieldsOf(into)).toContain('translations.en');
    const q = await cast.admin.client.patch(`/api/spaces/${space.slug}/questions/${questionIds[0]}`, {
      translations: { en: 'X?' },
    });
    expect(q.status).toBe(400);
    expect(fieldsOf(q)).toContain('translations.en');
    const original = await cast.admin.client.patch(`/api/spaces/${space.slug}`, { originalLanguage: 'fr' });
    expect(original.status).toBe(400);
    expect(fieldsOf(original)).toContain('originalLanguage');
    // A space written in Russian from the start: its texts read as Russian.
    const created = await cast.admin.client.post('/api/spaces', {
      slug: `ru-${Date.now()}`,
      code: 'RU 1',
      title: 'Круглый стол',
      originalLanguage: 'ru',
      translations: { en: { title: 'Roundtable' } },
    });
    expect(created.status, created.raw).toBe(201);
    expect(created.body.space).toMatchObject({ title: 'Круглый стол', lang: { title: 'ru' }, languages: ['ru', 'en'] });
  });

  it('refuses hostile text with a 400 naming the field, as everywhere else', async () => {
    const url = `/api/spaces/${space.slug}`;
    const cases: [unknown, string][] = [
      [{ translations: { fr: { title: 'bad\u0000title' } } }, 'translations.fr.title'],
      [{ translations: { fr: { disclaimer: 'half \uD83D emoji' } } }, 'translations.fr.disclaimer'],
      [{ translations: { fr: { summary: 'x'.repeat(2_001) } } }, 'translations.fr.summary'],
      [{ translations: { fr: { title: 'x'.repeat(301) } } }, 'translations.fr.title'],
      [{ translations: { fr: { colour: 'bleu' } } }, 'translations.fr'],
      [{ translations: { de: { title: 'Titel' } } }, 'translations'],
      [{ translations: 'fr' }, 'translations'],
    ];
    for (const [body, field] of cases) {
      const res = await cast.admin.client.patch(url, body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(
        fieldsOf(res).some((f) => f === field || f.startsWith(`${field}.`)),
        `${field}: ${res.raw}`,
      ).toBe(true);
    }
    const q = await cast.admin.client.patch(`${url}/questions/${questionIds[0]}`, {
      translations: { fr: 'lone \uDC00 half' },
    });
    expect(q.status).toBe(400);
    expect(fieldsOf(q)).toContain('translations.fr');
    // A pasted background is cleaned like the original's: U+0000 dropped, rendered to safe HTML.
    const pasted = await cast.admin.client.patch(url, {
      translations: { es: { background: 'Texto\u0000 <script>alert(1)</script> **firme**' } },
    });
    expect(pasted.status, pasted.raw).toBe(200);
    expect(pasted.body.space.translations.es.background).toBe('Texto <script>alert(1)</script> **firme**');
    const es = (await ctx.client().get(`${url}?lang=es`)).body.space;
    expect(es.backgroundHtml).toContain('<strong>firme</strong>');
    expect(es.backgroundHtml).not.toContain('<script');
  });
});

describe('duplicating a space', () => {
  it('copies its translations and its questions’, not the title’s (the copy has its own)', async () => {
    const res = await cast.admin.client.post(`/api/spaces/${space.slug}/duplicate?lang=fr`, {
      slug: `copy-${Date.now()}`,
      code: `COPY ${Date.now()}`,
      title: 'The next roundtable',
    });
    expect(res.status, res.raw).toBe(201);
    // The answer in the language asked, as a read would be.
    expect(res.body.space.questions[0].text).toBe('Première question ?');
    const copy = (await cast.admin.client.get(`/api/spaces/${res.body.space.slug}?lang=fr`)).body.space;
    expect(copy).toMatchObject({ title: 'The next roundtable', lang: { title: 'en', background: 'fr' } });
    expect(copy.backgroundHtml).toContain('En français.');
    expect(copy.questions[0]).toMatchObject({ text: 'Première question ?', lang: { text: 'fr' } });
  });
});

describe('exports in the asked language', () => {
  it('print the space’s title and questions in that language where translated', async () => {
    await insertComment(ctx, {
      spaceId: space.id,
      authorId: cast.author.user.id,
      status: 'approved',
      questionId: questionIds[0],
      language: 'fr',
      body: 'Une contribution en français.',
    });
    const get = async (query: string) => {
      const res = await ctx.app.inject({
        method: 'GET',
        url: `/api/spaces/${space.slug}/export?${query}`,
        headers: { cookie: cast.chair.client.cookieHeader },
      });
      expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
      return res.body;
    };
    const fr = await get('format=md&lang=fr');
    expect(fr).toContain('Table ronde en français');
    expect(fr).toContain('Première question ?');
    expect(fr).not.toContain(`Question 1 of ${space.code}?`);
    const json = JSON.parse(await get('format=json&translation=fr'));
    expect(json.space.title).toBe('Table ronde en français');
    expect(json.questions.map((q: any) => q.text)).toContain('Première question ?');
    const en = await get('format=md');
    expect(en).toContain(space.title);
    expect(en).toContain(`Question 1 of ${space.code}?`);
    expect(en).not.toContain('Table ronde en français');
  });
});

describe('notes in the asked language', () => {
  it('a note’s export names the space in the reader’s language', async () => {
    const created = await cast.chair.client.post(`/api/spaces/${space.slug}/notes`, { title: 'Note' });
    expect(created.status, created.raw).toBe(201);
    const get = (lang: string) =>
      ctx.app.inject({
        method: 'GET',
        url: `/api/notes/${created.body.note.id}/export?format=md`,
        headers: { cookie: cast.chair.client.cookieHeader, 'accept-language': lang },
      });
    const fr = await get('fr-FR,fr;q=0.9');
    expect(fr.statusCode).toBe(200);
    expect(fr.body).toContain('Table ronde en français');
    const en = await get('en');
    expect(en.body).toContain(space.title);
    expect(en.body).not.toContain('Table ronde en français');
  });
});
