import { type KeyMessages, type StakeholderCategory, keyMessagesResponse } from '@convene/shared';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { setupApp } from '../helpers/app.js';
import { queryRows, wordParagraphs } from '../helpers/exports.js';
import { type Person, insertComment, makeCast, makeSpace, makeUser, withTaxonomy } from '../helpers/factories.js';

/**
 * The report views: the participation sentence the dashboard copies (the DOCX paragraph, from the
 * same counts, in three languages), the origin the export dialog shows (staff only), and the key
 * messages of the note workspace (published, highlighted contributions only).
 */
const ctx = await setupApp();
await withTaxonomy(ctx);
const { space, questions } = await makeSpace(ctx, { code: 'RT 9.1', title: 'Remittances' });
const cast = await makeCast(ctx, space.id);
const [q1, q2] = questions;
if (!q1 || !q2) throw new Error('questions missing');
const rows = queryRows(ctx);

const person = (displayName: string, stakeholderCategory: StakeholderCategory, country: string | null, org: string) =>
  makeUser(ctx, { displayName, stakeholderCategory, country, affiliation: org });

// 6 participants: 3 government representatives of 2 Member States, 1 of a UN entity, 2 of one
// civil society organisation (told apart case-insensitively).
const gov1 = await person('Ana Gómez', 'member_state', 'MX', 'Secretaría de Relaciones Exteriores');
const gov2 = await person('Luis Pérez', 'member_state', 'MX', 'Secretaría del Trabajo');
const gov3 = await person('Jean Diallo', 'member_state', 'SN', 'Ministère des Affaires étrangères');
const un = await person('Sarah Doyel', 'un_system', 'CH', 'IOM');
const cso1 = await person('Amina Odhiambo', 'civil_society', 'KE', 'Kituo cha Sheria');
const cso2 = await person('Peter Mwangi', 'civil_society', 'KE', 'KITUO CHA SHERIA');
// Unpublished only: counted nowhere, shown nowhere.
const hidden = await person('Yara Youth', 'youth', 'BR', 'Youth Forum');

let minute = 0;
async function publish(
  who: Person,
  values: { questionId?: string | null; language?: 'en' | 'fr' | 'es'; highlighted?: boolean; tags?: string[] } = {},
) {
  minute += 1;
  const row = await insertComment(ctx, {
    spaceId: space.id,
    authorId: who.user.id,
    status: 'approved',
    body: `Source ${minute} from ${who.user.displayName}.`,
    questionId: values.questionId === undefined ? q1.id : values.questionId,
    language: values.language ?? 'en',
    createdAt: new Date(Date.UTC(2026, 10, 3, 9, minute)),
  });
  if (values.highlighted) await rows('update comments set highlighted = true where id = $1', [row.id]);
  for (const code of values.tags ?? [])
    await rows('insert into comment_tags (comment_id, tag_id) select $1, id from tags where code = $2', [row.id, code]);
  return row;
}

const a = await publish(gov1, { highlighted: true, tags: ['5', '16'] });
const b = await publish(gov2, { language: 'es', questionId: q2.id, highlighted: true, tags: ['16'] });
const c = await publish(gov3, { language: 'fr', highlighted: true });
const d = await publish(un, { language: 'fr', questionId: null, highlighted: true });
await publish(cso1, { questionId: q2.id });
const f = await publish(cso2, { language: 'es', tags: ['5'] });
// Highlighted once, then left unpublished: pending, rejected, withdrawn. Never a key message.
const unpublished: string[] = [];
for (const status of ['pending', 'rejected', 'withdrawn'] as const) {
  const row = await insertComment(ctx, {
    spaceId: space.id,
    authorId: hidden.user.id,
    status,
    body: `UNPUBLISHED-${status}`,
    questionId: q1.id,
  });
  await rows('update comments set highlighted = true where id = $1', [row.id]);
  await rows('insert into comment_tags (comment_id, tag_id) select $1, id from tags where code = $2', [row.id, '5']);
  unpublished.push(row.id);
}

const chair = cast.chair.client;
const docxParagraph = async (query: string) => {
  const res = await ctx.app.inject({
    method: 'GET',
    url: `/api/spaces/${space.slug}/export?format=docx&${query}`,
    headers: { cookie: chair.cookieHeader },
  });
  expect(res.statusCode).toBe(200);
  const xml = strFromU8(unzipSync(new Uint8Array(res.rawPayload))['word/document.xml'] ?? new Uint8Array());
  const ps = wordParagraphs(xml);
  // The label is in the export's language: Participation (en, fr), Participación (es).
  expect(['Participation', 'Participación']).toContain(ps[1]?.text);
  return ps[2]?.text;
};
const sentence = async (query: string) => {
  const res = await chair.get(`/api/spaces/${space.slug}/participation/sentence?${query}`);
  expect(res.status, res.raw).toBe(200);
  return res.body.sentence as { text: string; lang: string; contributions: number; contributors: number };
};

describe('the participation sentence endpoint', () => {
  it('says who took part in English, French and Spanish, over the published contributions', async () => {
    const en = await sentence('lang=en');
    expect(en).toMatchObject({ lang: 'en', scope: 'published', contributions: 6, contributors: 6 });
    expect(en.text).toBe(
      '6 contributions were received from 6 participants: 3 government representatives of 2 Member States, ' +
        '1 representative of 1 UN entity and 2 representatives of 1 civil society organisation.',
    );
    expect((await sentence('lang=fr')).text).toBe(
      '6 contributions ont été reçues de 6 participants\u202f: 3 représentants gouvernementaux de 2 États membres, ' +
        '1 représentant de 1 entité des Nations Unies et 2 représentants de 1 organisation de la société civile.',
    );
    expect((await sentence('lang=es')).text).toBe(
      'Se recibieron 6 contribuciones de 6 participantes: 3 representantes gubernamentales de 2 Estados miembros, ' +
        '1 representante de 1 entidad de las Naciones Unidas y 2 representantes de 1 organización de la sociedad civil.',
    );
    expect((await sentence('lang=en&scope=highlighted')).text).toBe(
      '4 contributions were highlighted for the note, from 4 participants: 3 government representatives of ' +
        '2 Member States and 1 representative of 1 UN entity.',
    );
  });

  it('is the Word export’s first paragraph, word for word, in each language', async () => {
    expect((await sentence('lang=en')).text).toBe(await docxParagraph(''));
    expect((await sentence('lang=en&scope=highlighted')).text).toBe(await docxParagraph('scope=highlighted'));
    // An export in French counts the French contributions and speaks French: the same filter here.
    const fr = await sentence('lang=fr&language=fr');
    expect(fr.contributions).toBe(2);
    expect(fr.text).toBe(await docxParagraph('lang=fr'));
    const es = await sentence('lang=es&language=es');
    expect(es.text).toBe(
      'Se recibieron 2 contribuciones de 2 participantes: 1 representante gubernamental de 1 Estado miembro y 1 representante de 1 organización de la sociedad civil.',
    );
    expect(es.text).toBe(await docxParagraph('lang=es'));
  });

  it('is for the space’s staff, and names a bad language', async () => {
    const url = `/api/spaces/${space.slug}/participation/sentence?lang=fr`;
    expect((await cast.anonymous.get(url)).status).toBe(401);
    expect((await cast.participant.client.get(url)).status).toBe(403);
    expect((await cast.moderator.client.get(url)).status).toBe(200);
    const bad = await chair.get(`/api/spaces/${space.slug}/participation/sentence?lang=de`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields[0].field).toBe('lang');
  });
});

describe('the origin of the export links', () => {
  it('is shown to the space’s staff, with whether it is this machine only', async () => {
    const url = `/api/spaces/${space.slug}/export/origin`;
    const res = await chair.get(url);
    expect(res.status).toBe(200);
    expect(res.body.origin).toEqual({ origin: ctx.config.appOrigin, loopback: true });
    expect(ctx.config.appOrigin).toMatch(/^http:\/\/localhost:/);
    expect((await cast.anonymous.get(url)).status).toBe(401);
    expect((await cast.participant.client.get(url)).status).toBe(403);
    expect((await cast.otherModerator.client.get(url)).status).toBe(403);
  });

  it('is not loopback once APP_ORIGIN names a public address', async () => {
    const other = await setupApp({ appOrigin: 'https://convene.example.org' });
    const made = await makeSpace(other);
    const staff = await makeCast(other, made.space.id);
    const res = await staff.chair.client.get(`/api/spaces/${made.space.slug}/export/origin`);
    expect(res.body.origin).toEqual({ origin: 'https://convene.example.org', loopback: false });
  });
});

describe('key messages', () => {
  let noteId = '';
  const load = async (group: 'question' | 'objective'): Promise<KeyMessages> => {
    if (!noteId) noteId = (await chair.post(`/api/spaces/${space.slug}/notes`, {})).body.note.id;
    const res = await chair.get(`/api/notes/${noteId}/key-messages?group=${group}`);
    expect(res.status, res.raw).toBe(200);
    expect(res.raw).not.toContain('UNPUBLISHED');
    for (const id of unpublished) expect(res.raw).not.toContain(id);
    return keyMessagesResponse.parse(res.body).keyMessages;
  };
  const ids = (g: KeyMessages['groups'][number] | undefined) => g?.contributions.map((x) => x.id);

  it('lists the published, highlighted contributions per guiding question, with their text', async () => {
    const km = await load('question');
    expect(km.group).toBe('question');
    expect(km.groups.map((g) => [g.id, g.number])).toEqual([
      [q1.id, 1],
      [q2.id, 2],
      [questions[2]?.id, 3],
      [null, null],
    ]);
    expect(ids(km.groups[0])).toEqual([a.id, c.id]);
    expect(ids(km.groups[1])).toEqual([b.id]);
    expect(ids(km.groups[2])).toEqual([]);
    expect(ids(km.groups[3])).toEqual([d.id]);
    const first = km.groups[0]?.contributions[0];
    expect(first?.bodyHtml).toContain('Source 1 from Ana Gómez.');
    expect(first?.author).toMatchObject({
      displayName: 'Ana Gómez',
      stakeholderCategory: 'member_state',
      country: 'MX',
    });
    expect(first?.tags).toEqual(['5', '16']);
    expect(first?.permalink).toBe(`${ctx.config.appOrigin}/spaces/${space.slug}#comment-${a.id}`);
    // Not highlighted: not a key message.
    expect(JSON.stringify(km)).not.toContain(f.id);
  });

  it('lists them per objective: under each of their tags, untagged last', async () => {
    const km = await load('objective');
    expect(km.groups.map((g) => [g.code, g.number])).toEqual([
      ['5', 5],
      ['16', 16],
      [null, null],
    ]);
    expect(ids(km.groups[0])).toEqual([a.id]);
    expect(ids(km.groups[1])).toEqual([a.id, b.id]);
    expect(ids(km.groups[2])).toEqual([c.id, d.id]);
    expect(km.groups[1]?.labels?.fr).toBeTruthy();
  });

  it('follows the note’s refusals: a guest signs in, anyone but staff finds no note', async () => {
    if (!noteId) await load('question');
    const url = `/api/notes/${noteId}/key-messages`;
    expect((await cast.anonymous.get(url)).status).toBe(401);
    expect((await cast.participant.client.get(url)).status).toBe(404);
    expect((await cast.otherModerator.client.get(url)).status).toBe(404);
    expect((await cast.moderator.client.get(url)).status).toBe(200);
    expect((await chair.get(`${url}?group=theme`)).status).toBe(400);
  });
});
