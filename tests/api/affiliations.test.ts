import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyDomainRule } from '../../server/src/commands/affiliations.js';
import { tokenHash } from '../../server/src/mail/passwordReset.js';
import { newAccount, setupApp } from '../helpers/app.js';
import { type Person, makeAdmin, makeSpace, makeUser, uuid } from '../helpers/factories.js';

/**
 * Verified affiliations end to end through the API: request, verify, decline with a reason
 * (in the app and by email), the mark lapsing on a profile change, organisation domains, focal
 * points and their label, participation's verified figures, the moderation mode
 * `pre_except_verified`, admin_log entries, and the marks in every export format.
 */
const ctx = await setupApp();

let admin: Person;
let delegate: Person;
let participant: Person;
let space: Awaited<ReturnType<typeof makeSpace>>['space'];

const request = (p: Person, body: Record<string, unknown> = {}) =>
  p.client.post('/api/me/affiliation/requests', {
    organisation: 'Ministry of Foreign Affairs of Kenya',
    stakeholderCategory: 'member_state',
    country: 'KE',
    title: 'Counsellor',
    note: 'Permanent Mission in Geneva',
    ...body,
  });
const pendingOf = async (p: Person) => {
  const res = await admin.client.get('/api/admin/affiliations/requests');
  expect(res.status).toBe(200);
  const item = res.body.requests.find((r: { user: { id: string } }) => r.user.id === p.user.id);
  if (!item) throw new Error('request not in the queue');
  return item as { id: string; title: string; note: string };
};
const adminLog = async (action: string, userId: string) =>
  (
    await ctx.db.pool.query('select data from admin_log where action = $1 and target_user_id = $2 order by id', [
      action,
      userId,
    ])
  ).rows as { data: Record<string, unknown> }[];
const mailTo = async (kind: string, userId: string) =>
  (await ctx.db.pool.query('select subject, text from mail_messages where kind = $1 and user_id = $2', [kind, userId]))
    .rows as { subject: string; text: string }[];

beforeAll(async () => {
  admin = await makeAdmin(ctx);
  delegate = await makeUser(ctx, { displayName: 'Amina Odhiambo', stakeholderCategory: 'member_state', country: 'KE' });
  participant = await makeUser(ctx, { displayName: 'Unverified Person', stakeholderCategory: 'civil_society' });
  space = (await makeSpace(ctx, { moderationMode: 'pre_except_verified' })).space;
});

describe('verification requests', () => {
  it('a participant asks, a non-administrator cannot decide, an administrator verifies', async () => {
    const asked = await request(delegate);
    expect(asked.status).toBe(201);
    expect(asked.body.request).toMatchObject({ status: 'pending', title: 'Counsellor' });
    const mine = await delegate.client.get('/api/me/affiliation');
    expect(mine.body.person.verified).toBeNull();
    expect(mine.body.request.status).toBe('pending');

    const item = await pendingOf(delegate);
    expect(item.note).toBe('Permanent Mission in Geneva');
    expect((await participant.client.get('/api/admin/affiliations/requests')).status).toBe(403);
    expect((await participant.client.post(`/api/admin/affiliations/requests/${item.id}/verify`)).status).toBe(403);
    expect((await ctx.client().post(`/api/admin/affiliations/requests/${item.id}/verify`)).status).toBe(401);

    const verified = await admin.client.post(`/api/admin/affiliations/requests/${item.id}/verify`);
    expect(verified.status).toBe(200);
    expect(verified.body.user).toMatchObject({
      affiliation: 'Ministry of Foreign Affairs of Kenya',
      verified: { by: admin.user.displayName, via: 'review' },
      officialFor: null,
    });
    // Decided once: a second decision is a conflict.
    expect((await admin.client.post(`/api/admin/affiliations/requests/${item.id}/verify`)).status).toBe(409);
    expect((await delegate.client.get('/api/me/affiliation')).body.person.verified.by).toBe(admin.user.displayName);
    expect(await adminLog('affiliation_verified', delegate.user.id)).toEqual([
      { data: expect.objectContaining({ via: 'review', title: 'Counsellor', actorName: admin.user.displayName }) },
    ]);
    const [mail] = await mailTo('affiliation_verified', delegate.user.id);
    expect(mail?.subject).toContain('Your affiliation is verified');
  });

  it('declines with a reason the person sees in the app and by email', async () => {
    const p = await makeUser(ctx, { stakeholderCategory: 'civil_society' });
    expect((await request(p, { stakeholderCategory: 'civil_society', country: null })).status).toBe(201);
    const item = await pendingOf(p);
    const empty = await admin.client.post(`/api/admin/affiliations/requests/${item.id}/decline`, { reason: ' ' });
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body)).toContain('reason');
    const reason = 'We could not reach the mission to confirm your post.';
    const declined = await admin.client.post(`/api/admin/affiliations/requests/${item.id}/decline`, { reason });
    expect(declined.status).toBe(200);
    const mine = (await p.client.get('/api/me/affiliation')).body;
    expect(mine.person.verified).toBeNull();
    expect(mine.request).toMatchObject({ status: 'declined', reason, decidedBy: admin.user.displayName });
    const [mail] = await mailTo('affiliation_declined', p.user.id);
    expect(mail?.text).toContain(reason);
    expect(await adminLog('affiliation_declined', p.user.id)).toEqual([{ data: expect.objectContaining({ reason }) }]);
  });

  it('refuses a Member State request without a country, naming the field', async () => {
    const res = await request(participant, { country: null });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('country');
  });

  it('removes the mark when name, organisation, category or country change', async () => {
    for (const change of [
      { displayName: 'Someone Else' },
      { affiliation: 'Another Ministry' },
      { stakeholderCategory: 'academia' },
      { country: 'FR' },
    ]) {
      const p = await makeUser(ctx, { stakeholderCategory: 'member_state', country: 'KE' });
      await request(p);
      await admin.client.post(`/api/admin/affiliations/requests/${(await pendingOf(p)).id}/verify`);
      expect((await p.client.get('/api/me/affiliation')).body.person.verified).not.toBeNull();
      const patched = await p.client.patch('/api/auth/me', change);
      expect(patched.status, JSON.stringify(change)).toBe(200);
      expect((await p.client.get('/api/me/affiliation')).body.person.verified, JSON.stringify(change)).toBeNull();
    }
    // A change of language only keeps it.
    const kept = await makeUser(ctx, { stakeholderCategory: 'member_state', country: 'KE' });
    await request(kept);
    await admin.client.post(`/api/admin/affiliations/requests/${(await pendingOf(kept)).id}/verify`);
    expect((await kept.client.patch('/api/auth/me', { locale: 'fr' })).status).toBe(200);
    expect((await kept.client.get('/api/me/affiliation')).body.person.verified).not.toBeNull();
  });
});

describe('organisation email domains', () => {
  const domain = `mfa-${uuid().slice(0, 6)}.gov.example`;

  it('verifies existing verified addresses when added, and addresses confirmed later', async () => {
    const existing = await makeUser(ctx, { email: `old.hand@${domain}`, stakeholderCategory: 'other', country: 'GH' });
    const sub = await makeUser(ctx, { email: `x@geneva.${domain}`, stakeholderCategory: 'other', country: 'GH' });
    const refused = await participant.client.post('/api/admin/affiliations/domains', {
      domain,
      organisation: 'X',
      stakeholderCategory: 'member_state',
    });
    expect(refused.status).toBe(403);
    const bad = await admin.client.post('/api/admin/affiliations/domains', {
      domain: 'not a domain',
      organisation: 'X',
      stakeholderCategory: 'member_state',
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('domain');
    const added = await admin.client.post('/api/admin/affiliations/domains', {
      domain: `@${domain.toUpperCase()}`,
      organisation: 'Ministry of Foreign Affairs of Ghana',
      stakeholderCategory: 'member_state',
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ domain: { domain }, verifiedNow: 2 });
    for (const p of [existing, sub]) {
      expect((await p.client.get('/api/me/affiliation')).body.person).toMatchObject({
        affiliation: 'Ministry of Foreign Affairs of Ghana',
        stakeholderCategory: 'member_state',
        verified: { by: domain, via: 'domain' },
      });
    }
    expect(await adminLog('affiliation_verified', existing.user.id)).toEqual([
      { data: expect.objectContaining({ via: 'domain', domain }) },
    ]);
    expect((await admin.client.get('/api/admin/affiliations/domains')).body.domains).toContainEqual(
      expect.objectContaining({ domain, organisation: 'Ministry of Foreign Affairs of Ghana' }),
    );

    // A new account on the domain: verified when its address is confirmed through the link.
    const fresh = await makeUser(ctx, { email: `new.delegate@${domain}`, country: 'GH' }, { verified: false });
    expect((await fresh.client.get('/api/me/affiliation')).body.person.verified).toBeNull();
    const token = `t${uuid().replaceAll('-', '')}`;
    await ctx.db.pool.query(
      `insert into email_tokens (id, user_id, purpose, email, expires_at) values ($1, $2, 'verify', $3, now() + interval '1 hour')`,
      [tokenHash(token), fresh.user.id, fresh.user.email],
    );
    expect((await ctx.client().post('/api/auth/email/verify', { token })).status).toBe(200);
    expect((await fresh.client.get('/api/me/affiliation')).body.person.verified).toMatchObject({ via: 'domain' });

    // applyDomainRule, the function single sign-on calls: other domains do nothing.
    const outsider = await makeUser(ctx, { email: `someone@elsewhere-${uuid().slice(0, 4)}.example` });
    const applied = await ctx.db.db.transaction((tx) => applyDomainRule(tx, outsider.user.id, outsider.user.email));
    expect(applied).toBe(false);

    expect((await admin.client.delete(`/api/admin/affiliations/domains/${domain}`)).status).toBe(200);
    expect((await admin.client.delete(`/api/admin/affiliations/domains/${domain}`)).status).toBe(404);
    const removed = await ctx.db.pool.query("select data from admin_log where action = 'domain_removed'");
    expect(removed.rows.some((r) => r.data.domain === domain)).toBe(true);
    // What the rule verified stays verified.
    expect((await existing.client.get('/api/me/affiliation')).body.person.verified).not.toBeNull();
  });
});

describe('focal points, moderation mode, participation and exports', () => {
  let officialId: string;
  let plainId: string;

  it('designates a verified user as focal point, refuses an unverified one', async () => {
    const refused = await admin.client.put(`/api/admin/affiliations/focal-points/${participant.user.id}`);
    expect(refused.status).toBe(409);
    expect((await participant.client.put(`/api/admin/affiliations/focal-points/${delegate.user.id}`)).status).toBe(403);
    const res = await admin.client.put(`/api/admin/affiliations/focal-points/${delegate.user.id}`);
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ focalPoint: true, officialFor: 'KE' });
    const list = await admin.client.get('/api/admin/affiliations/verified-users?country=KE');
    expect(list.body.users.map((u: { id: string }) => u.id)).toContain(delegate.user.id);
    expect(await adminLog('focal_point_designated', delegate.user.id)).toEqual([
      { data: expect.objectContaining({ country: 'KE' }) },
    ]);
  });

  it('publishes a verified author at once in a pre_except_verified space, logged and reportable', async () => {
    const official = await delegate.client.post(`/api/spaces/${space.slug}/comments`, {
      body: 'Kenya supports the proposal.',
      language: 'en',
      clientId: uuid(),
    });
    expect(official.status).toBe(201);
    expect(official.body.comment.status).toBe('approved');
    expect(official.body.comment.author).toMatchObject({
      verified: { by: admin.user.displayName },
      officialFor: 'KE',
    });
    officialId = official.body.comment.id;
    const plain = await participant.client.post(`/api/spaces/${space.slug}/comments`, {
      body: 'An unverified view.',
      language: 'en',
      clientId: uuid(),
    });
    expect(plain.body.comment.status).toBe('pending');
    plainId = plain.body.comment.id;

    const log = await ctx.db.pool.query(
      'select action, to_status, data from moderation_events where comment_id = $1 order by id',
      [officialId],
    );
    expect(log.rows).toEqual([{ action: 'submit', to_status: 'approved', data: { publishedAtOnce: 'verified' } }]);
    const report = await participant.client.post(`/api/comments/${officialId}/reports`, {
      reason: 'Checking that it can be reported',
    });
    expect([200, 201]).toContain(report.status);

    // The page shows the marks; the queue shows the unverified author without them.
    const page = await ctx.client().get(`/api/spaces/${space.slug}/comments`);
    const shown = page.body.comments.find((c: { id: string }) => c.id === officialId);
    expect(shown.author).toMatchObject({ officialFor: 'KE', verified: expect.any(Object) });
    expect(page.body.comments.some((c: { id: string }) => c.id === plainId)).toBe(false);
    const queue = await admin.client.get(`/api/spaces/${space.slug}/moderation/queue`);
    expect(queue.status).toBe(200);
    const queued = JSON.stringify(queue.body);
    expect(queued).toContain(plainId);
    // In a plain pre-moderated space the verified author waits in the queue, marks shown there.
    const pre = (await makeSpace(ctx, { moderationMode: 'pre' })).space;
    const held = await delegate.client.post(`/api/spaces/${pre.slug}/comments`, {
      body: 'Kenya asks for the floor.',
      language: 'en',
      clientId: uuid(),
    });
    expect(held.body.comment.status).toBe('pending');
    const preQueue = await admin.client.get(`/api/spaces/${pre.slug}/moderation/queue`);
    const item = preQueue.body.items.find((i: { comment: { id: string } }) => i.comment.id === held.body.comment.id);
    expect(item?.comment.author).toMatchObject({ officialFor: 'KE', verified: { by: admin.user.displayName } });
  });

  it('counts the verified figures in participation', async () => {
    const res = await admin.client.get(`/api/spaces/${space.slug}/participation`);
    expect(res.status).toBe(200);
    expect(res.body.participation.verified.totals).toEqual({
      contributions: 1,
      contributors: 1,
      memberStates: 1,
      officialContributions: 1,
      officialMemberStates: 1,
    });
    expect(res.body.participation.verified.byCountry).toEqual([{ country: 'KE', contributions: 1, contributors: 1 }]);
  });

  const download = async (format: string) => {
    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/spaces/${space.slug}/export?format=${format}`,
      headers: { cookie: admin.client.cookieHeader },
    });
    expect(res.statusCode, format).toBe(200);
    return res;
  };

  it('carries the marks in every export format', async () => {
    const verifiedBy = `Verified by ${admin.user.displayName}`;
    const json = JSON.parse((await download('json')).body);
    const found = JSON.stringify(json);
    expect(found).toContain('"officialForName":"Kenya"');
    expect(found).toContain(`"by":"${admin.user.displayName}"`);

    const rows = parseCsv((await download('csv')).body, { columns: true, bom: true }) as Record<string, string>[];
    const row = rows.find((r) => r.ID === officialId);
    expect(row?.Verified).toContain(verifiedBy);
    expect(row?.['Official contribution']).toBe('Official contribution of Kenya');

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await download('xlsx')).rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.eachSheet((sheet) => sheet.eachRow((r) => r.eachCell((c) => cells.push(String(c.value)))));
    expect(cells).toContain('Official contribution of Kenya');
    expect(cells.some((c) => c.startsWith(verifiedBy))).toBe(true);

    const md = (await download('md')).body;
    expect(md).toContain('Official contribution of Kenya');
    expect(md).toContain(verifiedBy);

    const docx = unzipSync(new Uint8Array((await download('docx')).rawPayload))['word/document.xml'];
    const text = strFromU8(docx ?? new Uint8Array()).replace(/<[^>]+>/g, '');
    expect(text).toContain('Official contribution of Kenya');
    expect(text).toContain(verifiedBy);
  });
});

describe('removing a verification by hand', () => {
  it('takes away the mark and the focal-point designation everywhere, logged; administrators only', async () => {
    const p = await makeUser(ctx, {
      displayName: 'Revoked Delegate',
      stakeholderCategory: 'member_state',
      country: 'KE',
    });
    await request(p);
    await admin.client.post(`/api/admin/affiliations/requests/${(await pendingOf(p)).id}/verify`);
    expect((await admin.client.put(`/api/admin/affiliations/focal-points/${p.user.id}`)).status).toBe(200);
    const own = await makeSpace(ctx, { moderationMode: 'post' });
    const posted = await p.client.post(`/api/spaces/${own.space.slug}/comments`, {
      body: 'Our delegation supports this.',
      language: 'en',
      clientId: uuid(),
    });
    expect(posted.status).toBe(201);
    expect(posted.body.comment.author).toMatchObject({ officialFor: 'KE' });

    expect((await participant.client.delete(`/api/admin/affiliations/${p.user.id}/verification`)).status).toBe(403);
    expect((await ctx.client().delete(`/api/admin/affiliations/${p.user.id}/verification`)).status).toBe(401);
    expect((await admin.client.delete(`/api/admin/affiliations/${uuid()}/verification`)).status).toBe(404);

    const res = await admin.client.delete(`/api/admin/affiliations/${p.user.id}/verification`);
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ verified: null, officialFor: null, focalPoint: false });
    // The organisation and country stay; only the mark goes.
    expect(res.body.user).toMatchObject({ affiliation: 'Ministry of Foreign Affairs of Kenya', country: 'KE' });
    expect((await p.client.get('/api/me/affiliation')).body.person.verified).toBeNull();
    const listed = await admin.client.get('/api/admin/affiliations/verified-users');
    expect(listed.body.users.map((u: { id: string }) => u.id)).not.toContain(p.user.id);
    const page = await ctx.client().get(`/api/spaces/${own.space.slug}/comments`);
    const comment = page.body.comments.find((c: { id: string }) => c.id === posted.body.comment.id);
    expect(comment?.author).toMatchObject({ verified: null, officialFor: null });
    const participation = await admin.client.get(`/api/spaces/${own.space.slug}/participation`);
    expect(participation.body.participation.verified.totals.contributions).toBe(0);

    expect(await adminLog('affiliation_revoked', p.user.id)).toEqual([
      {
        data: expect.objectContaining({
          via: 'review',
          verifiedBy: admin.user.displayName,
          wasFocalPoint: true,
          country: 'KE',
        }),
      },
    ]);
    // Again: nothing to remove, nothing logged.
    expect((await admin.client.delete(`/api/admin/affiliations/${p.user.id}/verification`)).status).toBe(200);
    expect(await adminLog('affiliation_revoked', p.user.id)).toHaveLength(1);
  });
});

describe('registering through an invitation', () => {
  it('applies the organisation-domain rule to the address the invitation verified', async () => {
    const domain = `mission-${uuid().slice(0, 6)}.gov.example`;
    const added = await admin.client.post('/api/admin/affiliations/domains', {
      domain,
      organisation: 'Permanent Mission of Chile',
      stakeholderCategory: 'member_state',
    });
    expect(added.status).toBe(201);
    const invited = async (email: string) => {
      const token = `invite-${uuid()}`;
      await ctx.db.pool.query(
        `insert into invitations (token_hash, email, space_id, role, invited_by, expires_at)
         values ($1, $2, $3, 'moderator', $4, now() + interval '1 day')`,
        [tokenHash(token), email, space.id, admin.user.id],
      );
      return token;
    };
    const email = `delegate.${uuid().slice(0, 6)}@geneva.${domain}`;
    const guest = ctx.client();
    const res = await guest.post('/api/auth/register', {
      ...newAccount({ email, stakeholderCategory: 'civil_society', country: 'CL' }),
      invitationToken: await invited(email),
    });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ emailVerified: true, affiliation: 'Permanent Mission of Chile' });
    const mine = (await guest.get('/api/me/affiliation')).body;
    expect(mine.person).toMatchObject({
      stakeholderCategory: 'member_state',
      verified: { via: 'domain', by: domain },
    });
    const [entry] = await adminLog('affiliation_verified', res.body.user.id);
    expect(entry?.data).toMatchObject({ via: 'domain', domain });

    // An invited address off the listed domains stays unverified.
    const other = `someone.${uuid().slice(0, 6)}@example.org`;
    const plain = ctx.client();
    const registered = await plain.post('/api/auth/register', {
      ...newAccount({ email: other }),
      invitationToken: await invited(other),
    });
    expect(registered.status).toBe(201);
    expect((await plain.get('/api/me/affiliation')).body.person.verified).toBeNull();
  });
});
