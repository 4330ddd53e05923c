import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { setupApp } from '../helpers/app.js';
import { makeAdmin, makeUser } from '../helpers/factories.js';

const ctx = await setupApp();

interface Entry {
  id: number;
  action: string;
  actor: { id: string; displayName: string } | null;
  targetUserId: string | null;
  spaceId: string | null;
  data: Record<string, unknown>;
}
const entries = async (client: Awaited<ReturnType<typeof makeAdmin>>['client']): Promise<Entry[]> =>
  (await client.get('/api/admin/log?limit=200')).body.entries;

describe('administrative log', () => {
  it('records roles, users and spaces in the transaction of each action, newest first', async () => {
    const admin = await makeAdmin(ctx);
    const person = await makeUser(ctx, { displayName: 'Logged Person' });
    const slug = `log-${Math.random().toString(36).slice(2, 8)}`;
    const created = await admin.client.post('/api/spaces', {
      slug,
      code: 'L 1',
      title: 'Logged space',
      background: 'x',
    });
    expect(created.status).toBe(201);
    const spaceId = created.body.space.id as string;
    await admin.client.patch(`/api/spaces/${slug}`, { status: 'open' });
    await admin.client.patch(`/api/spaces/${slug}`, { title: 'Renamed space', moderationMode: 'post' });
    await admin.client.patch(`/api/spaces/${slug}`, { status: 'closed' });
    const roles = `/api/spaces/${slug}/roles`;
    await admin.client.put(roles, { email: person.user.email, role: 'moderator' });
    await admin.client.put(roles, { email: person.user.email, role: 'moderator' }); // held already: no entry
    await admin.client.delete(roles, { email: person.user.email, role: 'moderator' });
    await admin.client.patch(`/api/admin/users/${person.user.id}`, { disabled: true });
    await admin.client.patch(`/api/admin/users/${person.user.id}`, { disabled: false });
    await admin.client.patch(`/api/admin/users/${person.user.id}`, { role: 'admin' });
    await admin.client.patch(`/api/admin/users/${person.user.id}`, { role: 'user' });

    const mine = (await entries(admin.client)).filter((e) => e.actor?.id === admin.user.id);
    expect(mine.map((e) => e.action).reverse()).toEqual([
      'space_created',
      'space_opened',
      'settings_changed',
      'space_closed',
      'role_granted',
      'role_revoked',
      'user_disabled',
      'user_enabled',
      'role_granted',
      'role_revoked',
    ]);
    const byAction = (a: string) => mine.filter((e) => e.action === a);
    expect(byAction('space_created')[0]).toMatchObject({ spaceId, data: { spaceSlug: slug } });
    expect(byAction('settings_changed')[0]?.data.fields).toEqual(['title', 'moderationMode']);
    expect(byAction('role_granted').map((e) => e.data.role)).toEqual(['admin', 'moderator']);
    expect(byAction('user_disabled')[0]).toMatchObject({
      targetUserId: person.user.id,
      data: { targetName: 'Logged Person' },
    });
    expect(mine[0]?.actor?.displayName).toBe(admin.user.displayName);
  });

  it('writes nothing when the action fails', async () => {
    const admin = await makeAdmin(ctx);
    const before = (await entries(admin.client)).length;
    expect((await admin.client.patch(`/api/admin/users/${admin.user.id}`, { disabled: true })).status).toBe(409);
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await admin.client.patch(`/api/admin/users/${missing}`, { disabled: true })).status).toBe(404);
    expect(await entries(admin.client)).toHaveLength(before);
  });

  it('is for administrators only', async () => {
    const person = await makeUser(ctx);
    expect((await person.client.get('/api/admin/log')).status).toBe(403);
    expect((await ctx.client().get('/api/admin/log')).status).toBe(401);
  });

  it('is append-only: the database refuses UPDATE, DELETE and TRUNCATE', async () => {
    const admin = await makeAdmin(ctx);
    const person = await makeUser(ctx);
    await admin.client.patch(`/api/admin/users/${person.user.id}`, { disabled: true });
    const db = ctx.db.db;
    const refused = { cause: { message: 'admin_log is append-only' } };
    await expect(db.execute(sql`update admin_log set action = 'user_enabled'`)).rejects.toMatchObject(refused);
    await expect(db.execute(sql`delete from admin_log`)).rejects.toMatchObject(refused);
    await expect(db.execute(sql`truncate admin_log`)).rejects.toMatchObject(refused);
    const { rows } = await db.execute<{ n: number }>(sql`select count(*)::int as n from admin_log`);
    expect(rows[0]?.n).toBeGreaterThan(0);
  });
});
