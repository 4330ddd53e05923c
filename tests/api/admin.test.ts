import { describe, expect, it } from 'vitest';
import { newAccount, setupApp } from '../helpers/app.js';
import { grantRole, makeAdmin, makeSpace, makeUser } from '../helpers/factories.js';
import { LiveClient, emit, startInstance } from '../helpers/live.js';

const ctx = await setupApp();

describe('user administration', () => {
  it('lets administrators search users by name, email or affiliation, page by page', async () => {
    const admin = await makeAdmin(ctx);
    await makeUser(ctx, { displayName: 'Findable Person', affiliation: 'Unique Org 42' });
    const byName = await admin.client.get('/api/admin/users?q=findable');
    expect(byName.body.users.map((u: { displayName: string }) => u.displayName)).toEqual(['Findable Person']);
    const byOrg = await admin.client.get('/api/admin/users?q=unique%20org');
    expect(byOrg.body.users).toHaveLength(1);
    const first = await admin.client.get('/api/admin/users?limit=1');
    const second = await admin.client.get(`/api/admin/users?limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.users[0].id).not.toBe(first.body.users[0].id);
    expect(first.body.users[0]).not.toHaveProperty('passwordHash');
  });

  it('refuses everyone else', async () => {
    const user = await makeUser(ctx);
    expect((await user.client.get('/api/admin/users')).status).toBe(403);
    expect((await ctx.client().get('/api/admin/users')).status).toBe(401);
    expect((await user.client.patch(`/api/admin/users/${user.user.id}`, { role: 'admin' })).status).toBe(403);
  });

  it('disabling a user ends their sessions at once, open sockets included', async () => {
    const admin = await makeAdmin(ctx);
    const { space } = await makeSpace(ctx);
    const mod = await makeUser(ctx);
    await grantRole(ctx, space.id, mod.user.id, 'moderator');
    const instance = await startInstance(ctx.db.db, ctx.config);
    const socket = await LiveClient.connect(instance.url, {
      origin: ctx.config.appOrigin,
      cookie: mod.client.cookieHeader,
    });
    try {
      await socket.subscribe(space.slug);
      const res = await admin.client.patch(`/api/admin/users/${mod.user.id}`, { disabled: true });
      expect(res.status).toBe(200);
      expect(res.body.user.disabled).toBe(true);
      expect((await mod.client.get('/api/auth/me')).body.user).toBeNull();
      await socket.waitFor((m) => m.type === 'reset');
      await emit(ctx.db.db, space.id, 'comment.submitted', { secret: 'staff only' });
      const marker = await emit(ctx.db.db, space.id, 'comment.published', {});
      await socket.waitFor((m) => m.type === 'event' && m.id === marker);
      expect(socket.events().map((e) => e.kind)).toEqual(['comment.published']);

      const enabled = await admin.client.patch(`/api/admin/users/${mod.user.id}`, { disabled: false });
      expect(enabled.body.user.disabled).toBe(false);
    } finally {
      socket.close();
      await instance.app.close();
    }
  });

  it('disabling deletes every session, so enabling again revives no old cookie', async () => {
    const admin = await makeAdmin(ctx);
    const account = newAccount();
    const laptop = ctx.client();
    expect((await laptop.post('/api/auth/register', account)).status).toBe(201);
    const phone = ctx.client();
    expect((await phone.post('/api/auth/login', { email: account.email, password: account.password })).status).toBe(
      200,
    );
    const userId = (await laptop.get('/api/auth/me')).body.user.id as string;
    const sessionRows = async () =>
      (await ctx.db.pool.query('select count(*)::int as n from sessions where user_id = $1', [userId])).rows[0]
        .n as number;
    expect(await sessionRows()).toBe(2);

    expect((await admin.client.patch(`/api/admin/users/${userId}`, { disabled: true })).status).toBe(200);
    // Gone at once, not merely refused when next presented.
    expect(await sessionRows()).toBe(0);
    expect((await admin.client.patch(`/api/admin/users/${userId}`, { disabled: false })).status).toBe(200);

    for (const old of [laptop, phone]) {
      expect((await old.get('/api/auth/me')).body.user).toBeNull();
      const mine = await old.get('/api/me/comments');
      expect(mine.status).toBe(401);
      expect(mine.body.error.code).toBe('unauthenticated');
    }
    expect(await sessionRows()).toBe(0);

    // The account itself works again: a new sign-in gets a new session.
    const again = ctx.client();
    expect((await again.post('/api/auth/login', { email: account.email, password: account.password })).status).toBe(
      200,
    );
    expect((await again.get('/api/auth/me')).body.user.id).toBe(userId);
    expect(await sessionRows()).toBe(1);
  });

  it('does not let an administrator lock themselves out', async () => {
    const admin = await makeAdmin(ctx);
    const res = await admin.client.patch(`/api/admin/users/${admin.user.id}`, { disabled: true });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('cannot_demote_self');
  });
});
