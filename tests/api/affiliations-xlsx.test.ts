import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupApp } from '../helpers/app.js';
import { type Person, insertComment, makeAdmin, makeSpace, makeUser } from '../helpers/factories.js';

/**
 * The XLSX Statistics sheet says which figures are verified: verified contributions and
 * contributors, Member States from focal points and verified government users, official
 * contributions, and verified figures by category, read back with exceljs. An unverified
 * government user (even with a request in the queue) is not counted as verified, and nothing
 * unpublished is counted. In Arabic (lang=ar) the same rows carry the Arabic fixed text.
 */
const ctx = await setupApp();

let admin: Person;
let space: Awaited<ReturnType<typeof makeSpace>>['space'];

const ask = (p: Person, organisation: string, country: string) =>
  p.client.post('/api/me/affiliation/requests', {
    organisation,
    stakeholderCategory: 'member_state',
    country,
    title: 'Counsellor',
  });
async function verify(p: Person, organisation: string, country: string) {
  expect((await ask(p, organisation, country)).status).toBe(201);
  const queue = await admin.client.get('/api/admin/affiliations/requests');
  const item = queue.body.requests.find((r: { user: { id: string } }) => r.user.id === p.user.id);
  expect((await admin.client.post(`/api/admin/affiliations/requests/${item.id}/verify`)).status).toBe(200);
}

beforeAll(async () => {
  admin = await makeAdmin(ctx);
  space = (await makeSpace(ctx, { moderationMode: 'pre' })).space;
  const [kenya, ghana, france, ngo] = await Promise.all([
    makeUser(ctx, { displayName: 'Amina Odhiambo', stakeholderCategory: 'member_state', country: 'KE' }),
    makeUser(ctx, { displayName: 'Kofi Mensah', stakeholderCategory: 'member_state', country: 'GH' }),
    makeUser(ctx, { displayName: 'Claire Martin', stakeholderCategory: 'member_state', country: 'FR' }),
    makeUser(ctx, { displayName: 'Nia Civil', stakeholderCategory: 'civil_society' }),
  ]);
  if (!kenya || !ghana || !france || !ngo) throw new Error('users missing');
  await verify(kenya, 'Ministry of Foreign Affairs of Kenya', 'KE');
  await verify(ghana, 'Ministry of Foreign Affairs of Ghana', 'GH');
  expect((await admin.client.put(`/api/admin/affiliations/focal-points/${kenya.user.id}`)).status).toBe(200);
  // France asks but is not verified: a government user whose request waits in the queue.
  expect((await ask(france, 'Ministère de l’Europe et des Affaires étrangères', 'FR')).status).toBe(201);
  expect(
    (
      await ngo.client.post('/api/me/affiliation/requests', {
        organisation: 'Civil Network',
        stakeholderCategory: 'civil_society',
        title: 'Director',
      })
    ).status,
  ).toBe(201);
  const queue = await admin.client.get('/api/admin/affiliations/requests');
  const ngoRequest = queue.body.requests.find((r: { user: { id: string } }) => r.user.id === ngo.user.id);
  expect((await admin.client.post(`/api/admin/affiliations/requests/${ngoRequest.id}/verify`)).status).toBe(200);

  const comment = (authorId: string, status: 'approved' | 'pending' | 'rejected', language: 'en' | 'ar' = 'en') =>
    insertComment(ctx, { spaceId: space.id, authorId, status, language });
  // Published: Kenya 2 (one in Arabic), Ghana 1, France 2. Unpublished: Kenya 2, the NGO's only one.
  await comment(kenya.user.id, 'approved');
  await comment(kenya.user.id, 'approved', 'ar');
  await comment(kenya.user.id, 'pending');
  await comment(kenya.user.id, 'rejected');
  await comment(ghana.user.id, 'approved');
  await comment(france.user.id, 'approved');
  await comment(france.user.id, 'approved');
  await comment(ngo.user.id, 'pending');
});

/** The Statistics sheet's rows, each as its cells' values from column A. */
async function statistics(query: string, sheetName: string) {
  const res = await ctx.app.inject({
    method: 'GET',
    url: `/api/spaces/${space.slug}/export?format=xlsx${query}`,
    headers: { cookie: admin.client.cookieHeader },
  });
  expect(res.statusCode).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet(sheetName);
  if (!sheet) throw new Error(`no sheet ${sheetName}`);
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (r) => {
    rows[r.number - 1] = (r.values as unknown[]).slice(1);
  });
  return Array.from(rows, (r) => r ?? []);
}
/** The rows of the table titled `title`: after its title (and its note, if any) and header. */
const tableAfter = (rows: unknown[][], title: string, skip: number) => {
  const at = rows.findIndex((r) => r[0] === title);
  expect(at, title).toBeGreaterThan(0);
  const out: unknown[][] = [];
  for (const r of rows.slice(at + 1 + skip)) {
    if (r.length === 0) break;
    out.push(r);
  }
  return { at, rows: out };
};

describe('XLSX Statistics sheet: the verified figures', () => {
  it('counts verified authors only, Member States from focal points and verified government users', async () => {
    const rows = await statistics('', 'Statistics');
    // All published contributions, the unverified French delegate included.
    expect(tableAfter(rows, 'Totals', 1).rows.slice(0, 3)).toEqual([
      ['Contributions', 5],
      ['Contributors', 3],
      ['Member States', 3],
    ]);
    const verified = tableAfter(rows, 'Verified figures', 2);
    expect(rows[verified.at + 1]?.[0]).toBe(
      'Counted only over participants whose affiliation is verified. Member States are counted from focal points and verified government participants.',
    );
    expect(rows[verified.at + 2]).toEqual(['Measure', 'Count']);
    expect(verified.rows).toEqual([
      ['Verified contributions', 3],
      ['Verified contributors', 2],
      ['Member States (verified)', 2],
      ['Official contributions (focal points)', 2],
      ['Member States with an official contribution', 1],
    ]);
    const byCategory = tableAfter(rows, 'Verified, by stakeholder category', 1);
    expect(rows[byCategory.at + 1]).toEqual(['Category', 'Verified contributors', 'Verified contributions']);
    expect(byCategory.rows.find((r) => r[0] === 'Member State')).toEqual(['Member State', 2, 3]);
    // The verified NGO's only contribution is unpublished: not counted.
    expect(byCategory.rows.find((r) => r[0] === 'Civil society')).toEqual(['Civil society', 0, 0]);
    expect(byCategory.rows.reduce((n, r) => n + Number(r[2]), 0)).toBe(3);
  });

  it('in Arabic: the same rows in Arabic, counted over the Arabic contributions', async () => {
    const rows = await statistics('&lang=ar', 'الإحصاءات');
    const verified = tableAfter(rows, 'الأرقام الموثَّقة', 2);
    expect(String(rows[verified.at + 1]?.[0])).toContain('جهات التنسيق');
    expect(verified.rows).toEqual([
      ['المساهمات الموثَّقة', 1],
      ['المساهمون الموثَّقون', 1],
      ['الدول الأعضاء (موثَّق)', 1],
      ['المساهمات الرسمية (جهات التنسيق)', 1],
      ['الدول الأعضاء التي قدّمت مساهمة رسمية', 1],
    ]);
  });
});
