import { type StakeholderCategory, UN_REGIONAL_GROUPS, noteGapsResponse } from '@convene/shared';
import { describe, expect, it } from 'vitest';
import { MEMBER_STATES, MEMBER_STATES_BY_GROUP, regionalGroupOf } from '../../server/src/exports/unRegionalGroups.js';
import { setupApp } from '../helpers/app.js';
import { type Person, insertComment, makeCast, makeSpace, makeUser } from '../helpers/factories.js';

/** "Who has not been heard": categories and UN regional groups judged against participation. */
const ctx = await setupApp();
const { space, questions } = await makeSpace(ctx);
const cast = await makeCast(ctx, space.id);
const [q1] = questions;
if (!q1) throw new Error('questions missing');

const rows = async <T = any>(text: string, params: unknown[] = []): Promise<T[]> =>
  (await ctx.db.pool.query(text, params)).rows as T[];

const person = (displayName: string, stakeholderCategory: StakeholderCategory, country: string) =>
  makeUser(ctx, { displayName, stakeholderCategory, country, affiliation: `${displayName}'s organisation` });

const kenya = await person('Kenyan delegate', 'member_state', 'KE');
const mexico = await person('Mexican delegate', 'member_state', 'MX');
const france = await person('French delegate', 'member_state', 'FR');
const tokyo = await person('Tokyo city official', 'local_government', 'JP');
const kituo = await person('Kituo staff', 'civil_society', 'KE');
const berlin = await person('Berlin researcher', 'academia', 'DE');

let minute = 0;
async function say(who: Person, n: number, highlighted: number) {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    minute += 1;
    const row = await insertComment(ctx, {
      spaceId: space.id,
      authorId: who.user.id,
      status: 'approved',
      body: `${who.user.displayName} says thing ${i + 1}.`,
      questionId: q1?.id ?? null,
      createdAt: new Date(Date.UTC(2026, 10, 5, 9, minute)),
    });
    if (i < highlighted) await rows('update comments set highlighted = true where id = $1', [row.id]);
    ids.push(row.id);
  }
  return ids;
}

// 11 published, 3 highlighted.
const ke = await say(kenya, 2, 1);
await say(mexico, 1, 1);
const fr = await say(france, 1, 0);
await say(tokyo, 1, 1);
const cso = await say(kituo, 4, 0);
const de = await say(berlin, 2, 0);
// Unpublished text counts nowhere and is never listed.
await insertComment(ctx, { spaceId: space.id, authorId: kituo.user.id, status: 'pending', body: 'PENDINGWORDS' });
await insertComment(ctx, { spaceId: space.id, authorId: berlin.user.id, status: 'rejected', body: 'REJECTEDWORDS' });

describe('the UN regional groups', () => {
  it('hold the 193 Member States, each once', () => {
    expect(MEMBER_STATES).toHaveLength(193);
    const sizes = UN_REGIONAL_GROUPS.map((g) => MEMBER_STATES_BY_GROUP[g].length);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(193);
    expect(Object.fromEntries(UN_REGIONAL_GROUPS.map((g, i) => [g, sizes[i]]))).toEqual({
      african: 54,
      asia_pacific: 54,
      eastern_european: 23,
      latin_american_caribbean: 33,
      western_european_other: 29,
    });
    const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    for (const code of MEMBER_STATES) expect(names.of(code), code).toBeTruthy();
    expect(regionalGroupOf('us')).toBe('western_european_other');
    expect(regionalGroupOf('TR')).toBe('western_european_other');
    expect(regionalGroupOf('KI')).toBe('asia_pacific');
    expect(regionalGroupOf('CY')).toBe('asia_pacific');
    expect(regionalGroupOf('MX')).toBe('latin_american_caribbean');
    expect(regionalGroupOf('UA')).toBe('eastern_european');
    // Not Member States.
    expect(regionalGroupOf('XK')).toBeNull();
    expect(regionalGroupOf('PS')).toBeNull();
    expect(regionalGroupOf(null)).toBeNull();
  });
});

describe('GET /api/spaces/:slug/notes/gaps', () => {
  it('judges categories against what they published, not "at most one highlighted"', async () => {
    const res = await cast.chair.client.get(`/api/spaces/${space.slug}/notes/gaps`);
    expect(res.status).toBe(200);
    const { gaps } = noteGapsResponse.parse(res.body);
    const all = Object.fromEntries(gaps.allCategories.map((c) => [c.category, c]));
    // Local government: 1 of 1 highlighted, a third of the highlighted for a ninth of the published: heard.
    expect(all.local_government).toMatchObject({ published: 1, highlighted: 1, hearing: 'heard' });
    expect(all.member_state).toMatchObject({ published: 4, highlighted: 2, hearing: 'heard' });
    expect(all.civil_society).toMatchObject({ published: 4, highlighted: 0, hearing: 'under_heard' });
    expect(all.civil_society?.shareOfPublished).toBeCloseTo(4 / 11);
    expect(all.academia).toMatchObject({ published: 2, highlighted: 0, hearing: 'under_heard' });
    expect(all.youth).toMatchObject({ published: 0, hearing: 'absent' });
    expect(gaps.categories.map((c) => c.category)).not.toContain('local_government');
    expect(gaps.categories.map((c) => c.category)).toEqual(
      expect.arrayContaining(['civil_society', 'academia', 'youth']),
    );
    expect(gaps.categories.every((c) => c.hearing !== 'heard')).toBe(true);
  });

  it('says which Member States took part and which did not, by regional group', async () => {
    const { gaps } = noteGapsResponse.parse((await cast.chair.client.get(`/api/spaces/${space.slug}/notes/gaps`)).body);
    expect(gaps.memberStates).toEqual([
      { country: 'FR', group: 'western_european_other', published: 1, highlighted: 0 },
      { country: 'KE', group: 'african', published: 2, highlighted: 1 },
      { country: 'MX', group: 'latin_american_caribbean', published: 1, highlighted: 1 },
    ]);
    const region = Object.fromEntries(gaps.regions.map((r) => [r.group, r]));
    expect(gaps.regions.map((r) => r.group)).toEqual([...UN_REGIONAL_GROUPS]);
    // Africa: the Kenyan government and a Kenyan NGO, 6 of 11 published, 1 of 3 highlighted: heard.
    expect(region.african).toMatchObject({ published: 6, highlighted: 1, hearing: 'heard', memberStates: 54 });
    expect(region.african?.tookPart).toEqual(['KE']);
    expect(region.african?.notHeard).toHaveLength(53);
    expect(region.african?.notHeard).not.toContain('KE');
    // Western European and other: France's government and a Berlin researcher, nothing highlighted.
    expect(region.western_european_other).toMatchObject({ published: 3, highlighted: 0, hearing: 'under_heard' });
    expect(region.western_european_other?.tookPart).toEqual(['FR']);
    // Japan took part through a city, not its government.
    expect(region.asia_pacific).toMatchObject({ published: 1, highlighted: 1, hearing: 'heard', tookPart: [] });
    expect(region.eastern_european).toMatchObject({ published: 0, hearing: 'absent', tookPart: [] });
    expect(region.eastern_european?.notHeard).toHaveLength(23);
  });

  it('lists the unhighlighted published contributions of the under-heard groups', async () => {
    const { gaps } = noteGapsResponse.parse((await cast.chair.client.get(`/api/spaces/${space.slug}/notes/gaps`)).body);
    const because = Object.fromEntries(gaps.unheard.map((u) => [u.id, u.because]));
    // Civil society (category), the Berlin researcher (category and region), France (region only).
    expect(gaps.unheard.map((u) => u.id).sort()).toEqual([...cso, ...de, ...fr].sort());
    expect(gaps.unheardTotal).toBe(7);
    for (const id of cso) expect(because[id]).toEqual(['category']);
    for (const id of de) expect(because[id]).toEqual(['category', 'region']);
    expect(because[fr[0] ?? '']).toEqual(['region']);
    // Kenya's unhighlighted contribution: its category and group are heard.
    expect(gaps.unheard.map((u) => u.id)).not.toContain(ke[1]);
    expect(gaps.unheard.find((u) => u.id === de[0])).toMatchObject({
      group: 'western_european_other',
      author: { displayName: 'Berlin researcher', stakeholderCategory: 'academia', country: 'DE' },
      excerpt: 'Berlin researcher says thing 1.',
    });
    const text = JSON.stringify(gaps);
    expect(text).not.toContain('PENDINGWORDS');
    expect(text).not.toContain('REJECTEDWORDS');
  });
});
