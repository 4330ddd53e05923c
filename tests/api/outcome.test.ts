import { type OutcomeDto, noteResponse, outcomeResponse } from '@convene/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { setupApp } from '../helpers/app.js';
import { type Person, insertComment, makeCast, makeSpace, makeUser } from '../helpers/factories.js';
import { LiveClient, startInstance } from '../helpers/live.js';

/**
 * The outcome page: a chair publishes a saved version of the background note to its space; it is
 * public from then on (and only then), frozen as published, and announced live.
 */
const ctx = await setupApp({ noteVersionPauseMs: 0 });
const { space, questions } = await makeSpace(ctx, { code: 'RT 9.1', questionCount: 1 });
const cast = await makeCast(ctx, space.id);
const q1 = questions[0];
if (!q1) throw new Error('question missing');

const rows = async <T = any>(text: string, params: unknown[] = []): Promise<T[]> =>
  (await ctx.db.pool.query(text, params)).rows as T[];

const [delegate, ngo] = await Promise.all([
  makeUser(ctx, { displayName: 'Ana Delegada', affiliation: 'Misión de Chile', stakeholderCategory: 'member_state' }),
  makeUser(ctx, { displayName: 'Nia Ngo', affiliation: 'Kituo', stakeholderCategory: 'civil_society' }),
]);

async function highlighted(who: Person, body: string) {
  const row = await insertComment(ctx, {
    spaceId: space.id,
    authorId: who.user.id,
    status: 'approved',
    body,
    questionId: q1?.id ?? null,
    createdAt: new Date(Date.UTC(2026, 10, 2, 12)),
  });
  await rows('update comments set highlighted = true where id = $1', [row.id]);
  return row;
}

const c1 = await highlighted(delegate, 'Diaspora bonds work when TRUSTEDSOURCE.');
const c2 = await highlighted(ngo, 'Recognise the skills of returnees WITHDRAWNSOURCE.');

/** Words that exist only in the note: whoever sees one of them has seen note content. */
const SECRET = 'NOTESECRETDRAFT';
const LATER = 'NOTELATEREDIT';

const outcomeUrl = `/api/spaces/${space.slug}/outcome`;
const created = await cast.chair.client.post(`/api/spaces/${space.slug}/notes`, { title: 'Key messages of RT 9.1' });
expect(created.status).toBe(201);
let note = noteResponse.parse(created.body).note;

async function save(bodyMd: string) {
  const res = await cast.chair.client.put(`/api/notes/${note.id}`, {
    title: note.title,
    targetWords: note.targetWords,
    version: note.version,
    sections: note.sections.map((s) => ({ id: s.id, title: s.title, bodyMd, commentIds: [] })),
  });
  expect(res.status).toBe(200);
  note = noteResponse.parse(res.body).note;
  return note;
}

await save(
  `${SECRET}: trust comes first [@${c1.id}], then recognition [@${c2.id}]; again trust [@${c1.id}].\n\n<script>alert(1)</script> **bold**`,
);
const draftVersion = note.version;

const readOutcome = async (who: { get: Person['client']['get'] }) => {
  const res = await who.get(outcomeUrl);
  expect(res.status).toBe(200);
  return outcomeResponse.parse(res.body);
};
const publish = (who: Person, body: object = { version: note.version, language: 'fr' }) =>
  who.client.put(`/api/notes/${note.id}/outcome`, body);

// A real socket on a listening instance, subscribed as a guest before anything is published.
const instance = await startInstance(ctx.db.db, ctx.config);
const guestSocket = await LiveClient.connect(instance.url);
await guestSocket.subscribe(space.slug);
afterAll(async () => {
  guestSocket.close();
  await instance.app.close();
});

describe('before publication nothing of the note is public', () => {
  it('holds no note content for a guest or a participant: space, outcome, search, exports, live', async () => {
    for (const [who, c] of [
      ['anonymous', cast.anonymous],
      ['participant', cast.participant.client],
    ] as const) {
      const spaceRes = await c.get(`/api/spaces/${space.slug}`);
      expect(spaceRes.status, who).toBe(200);
      expect(spaceRes.raw, who).not.toContain(SECRET);
      expect(spaceRes.raw, who).not.toContain(note.id);
      expect(spaceRes.raw, who).not.toContain(note.title);
      const outcome = await readOutcome(c);
      expect(outcome.outcome, who).toBeNull();
      expect(outcome.abilities.publish, who).toBe(false);
      const search = await c.get(`/api/spaces/${space.slug}/comments?q=${SECRET}`);
      expect(search.status, who).toBe(200);
      expect(search.raw, who).not.toContain(SECRET);
      expect((await c.get(`/api/notes/${note.id}`)).status, who).toBe(who === 'anonymous' ? 401 : 404);
      const exported = await c.get(`/api/notes/${note.id}/export?format=md`);
      expect(exported.status, who).toBe(who === 'anonymous' ? 401 : 404);
      expect(exported.raw, who).not.toContain(SECRET);
      const spaceExport = await c.get(`/api/spaces/${space.slug}/export?format=md`);
      expect(spaceExport.raw, who).not.toContain(SECRET);
    }
    // The note's saves were announced to staff only: the guest's socket got nothing of them.
    const [{ count }] = await rows<{ count: string }>(
      `select count(*) from events where space_id = $1 and kind = 'note.saved'`,
      [space.id],
    );
    expect(Number(count)).toBeGreaterThan(0);
    expect(JSON.stringify(guestSocket.messages)).not.toContain(SECRET);
    expect(guestSocket.events(space.slug)).toEqual([]);
    // No public event row carries note content either (what a replay would send).
    const publicRows = await rows(`select payload from events where space_id = $1 and audience = 'public'`, [space.id]);
    expect(JSON.stringify(publicRows)).not.toContain(SECRET);
  });
});

describe('publishing', () => {
  it('is for chairs and administrators: 401 guest, 404 participant, 403 moderator, 404 unknown note', async () => {
    const body = { version: note.version };
    expect((await cast.anonymous.put(`/api/notes/${note.id}/outcome`, body)).status).toBe(401);
    expect((await publish(cast.participant, body)).status).toBe(404);
    expect((await publish(cast.author, body)).status).toBe(404);
    expect((await publish(cast.otherModerator, body)).status).toBe(404);
    const mod = await publish(cast.moderator, body);
    expect(mod.status).toBe(403);
    expect(mod.body.error.code).toBe('forbidden');
    const unknown = await cast.chair.client.put(`/api/notes/${crypto.randomUUID()}/outcome`, body);
    expect(unknown.status).toBe(404);
    expect((await cast.anonymous.delete(`/api/notes/${note.id}/outcome`)).status).toBe(401);
    expect((await cast.participant.client.delete(`/api/notes/${note.id}/outcome`)).status).toBe(404);
    expect((await cast.moderator.client.delete(`/api/notes/${note.id}/outcome`)).status).toBe(403);
    expect((await readOutcome(cast.anonymous)).outcome).toBeNull();
  });

  it('refuses a version that does not exist and bad input, naming the field', async () => {
    const missing = await publish(cast.chair, { version: 999 });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.fields).toEqual([expect.objectContaining({ field: 'version' })]);
    const badLang = await publish(cast.chair, { version: 1, language: 'de' });
    expect(badLang.status).toBe(400);
    expect(JSON.stringify(badLang.body.error.details.fields)).toContain('language');
    expect((await publish(cast.chair, { version: 1, extra: true })).status).toBe(400);
    expect((await readOutcome(cast.anonymous)).outcome).toBeNull();
  });

  let published: OutcomeDto;

  it('shows the outcome to a guest once published, with its date, version, language and footnotes', async () => {
    const before = Date.now();
    const res = await publish(cast.chair);
    expect(res.status).toBe(200);
    const chairView = outcomeResponse.parse(res.body);
    expect(chairView.abilities.publish).toBe(true);

    const { outcome, abilities } = await readOutcome(cast.anonymous);
    expect(abilities.publish).toBe(false);
    if (!outcome) throw new Error('no outcome');
    published = outcome;
    expect(outcome.noteId).toBe(note.id);
    expect(outcome.title).toBe('Key messages of RT 9.1');
    expect(outcome.version).toBe(draftVersion);
    expect(outcome.language).toBe('fr');
    expect(new Date(outcome.publishedAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(outcome.publishedBy?.displayName).toBe('Cha Chair');
    expect(outcome.sections).toHaveLength(1);
    const html = outcome.sections[0]?.html ?? '';
    expect(html).toContain(SECRET);
    expect(html).toContain('<strong>bold</strong>');
    expect(html).not.toContain('<script');
    // Citations are numbered references to the footnotes; one footnote per contribution.
    expect(html).not.toContain('[@');
    expect(html).toContain(
      'trust comes first<sup class="footnote-ref"><a href="#fn-outcome-1" id="fnref-outcome-1-1">1</a></sup>',
    );
    expect(html).toContain('<a href="#fn-outcome-2" id="fnref-outcome-2-1">2</a>');
    expect(html).toContain('<a href="#fn-outcome-1" id="fnref-outcome-1-2">1</a>');
    expect(outcome.footnotes).toEqual([
      {
        number: 1,
        commentId: c1.id,
        permalink: `${ctx.config.appOrigin}/spaces/${space.slug}#comment-${c1.id}`,
        published: true,
        author: 'Ana Delegada',
        affiliation: 'Misión de Chile',
        date: '2026-11-02T12:00:00.000Z',
      },
      expect.objectContaining({
        number: 2,
        commentId: c2.id,
        permalink: `${ctx.config.appOrigin}/spaces/${space.slug}#comment-${c2.id}`,
        published: true,
        author: 'Nia Ngo',
      }),
    ]);
    // The footnotes link; they never quote the contribution.
    expect(JSON.stringify(outcome)).not.toContain('TRUSTEDSOURCE');
    // A participant sees the same.
    expect((await readOutcome(cast.participant.client)).outcome).toEqual(outcome);
  });

  it('reaches a guest WebSocket subscribed to the space, with no note content', async () => {
    const event = await guestSocket.waitFor(
      (m) => m.type === 'event' && m.kind === 'outcome.published',
      10_000,
      'outcome.published',
    );
    expect(event).toMatchObject({
      type: 'event',
      space: space.slug,
      data: { noteId: note.id, version: draftVersion, publishedAt: published.publishedAt },
    });
    expect(JSON.stringify(guestSocket.messages)).not.toContain(SECRET);
  });

  it('is a snapshot: a later save of the note changes nothing public until republished', async () => {
    await save(`${LATER} replaces the text [@${c1.id}].`);
    expect(note.version).toBeGreaterThan(draftVersion);
    const { outcome } = await readOutcome(cast.anonymous);
    expect(outcome).toEqual(published);
    expect(JSON.stringify(outcome)).not.toContain(LATER);

    const again = await publish(cast.admin, { version: note.version, language: 'en' });
    expect(again.status).toBe(200);
    const { outcome: republished } = await readOutcome(cast.anonymous);
    expect(republished?.version).toBe(note.version);
    expect(republished?.language).toBe('en');
    expect(republished?.sections[0]?.html).toContain(LATER);
    expect(republished?.sections[0]?.html).not.toContain(SECRET);
    expect(republished?.footnotes.map((f) => f.commentId)).toEqual([c1.id]);
    expect(republished?.publishedBy).toMatchObject({ displayName: expect.any(String) });

    // An earlier saved version may be published again, as it was.
    expect((await publish(cast.chair, { version: draftVersion, language: 'fr' })).status).toBe(200);
    const { outcome: restored } = await readOutcome(cast.anonymous);
    expect(restored?.sections).toEqual(published.sections);
    expect(restored?.version).toBe(draftVersion);
  });

  it('a cited contribution withdrawn or taken down since keeps its number and link, not its author or text', async () => {
    await rows(`update comments set status = 'withdrawn' where id = $1`, [c2.id]);
    const { outcome } = await readOutcome(cast.anonymous);
    const footnote = outcome?.footnotes.find((f) => f.commentId === c2.id);
    expect(footnote).toEqual({
      number: 2,
      commentId: c2.id,
      permalink: `${ctx.config.appOrigin}/spaces/${space.slug}#comment-${c2.id}`,
      published: false,
      author: null,
      affiliation: null,
      date: null,
    });
    expect(JSON.stringify(outcome)).not.toContain('WITHDRAWNSOURCE');
    expect(JSON.stringify(outcome)).not.toContain('Nia Ngo');
    // The link leads to the discussion, which shows what the visibility rule allows: nothing of it.
    const list = await cast.anonymous.get(`/api/spaces/${space.slug}/comments?limit=500`);
    expect(list.raw).not.toContain('WITHDRAWNSOURCE');
    expect((await cast.anonymous.get(`/api/comments/${c2.id}`)).status).toBe(404);

    await rows(`update comments set status = 'rejected' where id = $1`, [c2.id]);
    const takenDown = await readOutcome(cast.anonymous);
    expect(takenDown.outcome?.footnotes.find((f) => f.commentId === c2.id)?.published).toBe(false);
    expect(JSON.stringify(takenDown)).not.toContain('Nia Ngo');
    // Back to published: its footnote names it again (asked now, not frozen).
    await rows(`update comments set status = 'approved' where id = $1`, [c2.id]);
    expect((await readOutcome(cast.anonymous)).outcome?.footnotes[1]?.author).toBe('Nia Ngo');
  });

  it('is hidden with its space when the space turns back to draft', async () => {
    await rows(`update spaces set status = 'draft' where id = $1`, [space.id]);
    expect((await cast.anonymous.get(outcomeUrl)).status).toBe(404);
    expect((await cast.participant.client.get(outcomeUrl)).status).toBe(404);
    expect((await cast.moderator.client.get(outcomeUrl)).status).toBe(200);
    await rows(`update spaces set status = 'open' where id = $1`, [space.id]);
  });

  it('can be unpublished by a chair, announced live; then nothing of it is public', async () => {
    const res = await cast.chair.client.delete(`/api/notes/${note.id}/outcome`);
    expect(res.status).toBe(200);
    expect(outcomeResponse.parse(res.body).outcome).toBeNull();
    expect((await readOutcome(cast.anonymous)).outcome).toBeNull();
    const gone = await guestSocket.waitFor(
      (m) => m.type === 'event' && m.kind === 'outcome.unpublished',
      10_000,
      'outcome.unpublished',
    );
    expect(gone).toMatchObject({ data: { noteId: note.id, version: null, publishedAt: null } });
    // Nothing left to unpublish.
    expect((await cast.chair.client.delete(`/api/notes/${note.id}/outcome`)).status).toBe(404);
  });

  it('one outcome per space: publishing another note replaces it', async () => {
    expect((await publish(cast.chair, { version: note.version })).status).toBe(200);
    const other = noteResponse.parse(
      (await cast.chair.client.post(`/api/spaces/${space.slug}/notes`, { title: 'Second note' })).body,
    ).note;
    expect((await cast.chair.client.put(`/api/notes/${other.id}/outcome`, { version: 1 })).status).toBe(200);
    const { outcome } = await readOutcome(cast.anonymous);
    expect(outcome?.noteId).toBe(other.id);
    expect(outcome?.title).toBe('Second note');
    // The first note is no longer the published one.
    expect((await cast.chair.client.delete(`/api/notes/${note.id}/outcome`)).status).toBe(404);
    const [{ count }] = await rows<{ count: string }>('select count(*) from outcomes where space_id = $1', [space.id]);
    expect(Number(count)).toBe(1);
  });
});
