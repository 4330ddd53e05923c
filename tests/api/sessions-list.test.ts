import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { sessions } from '../../server/src/db/schema/index.js';
import { setupApp } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';

const ctx = await setupApp();
const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';
const SAFARI =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

describe('active sessions on the account page', () => {
  it('lists your sessions with browser, address, created and last used, and marks the current one', async () => {
    const person = await makeUser(ctx);
    const other = ctx.client();
    const email = person.user.email;
    const password = 'correct horse battery staple';
    expect((await other.post('/api/auth/login', { email, password }, { 'user-agent': SAFARI })).status).toBe(200);
    const phone = ctx.client();
    await phone.post('/api/auth/login', { email, password }, { 'user-agent': FIREFOX });

    const res = await other.get('/api/me/sessions');
    expect(res.status).toBe(200);
    expect(res.body.sessions).toHaveLength(3);
    const current = res.body.sessions.filter((s: { current: boolean }) => s.current);
    expect(current).toHaveLength(1);
    expect(current[0].browser).toBe('Safari on iOS');
    expect(current[0].ipAddress).toBe('127.0.0.1');
    const browsers = res.body.sessions.map((s: { browser: string }) => s.browser);
    expect(browsers).toContain('Firefox on Windows');
    expect(Date.parse(current[0].createdAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(Date.parse(current[0].lastUsedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect((await ctx.client().get('/api/me/sessions')).status).toBe(401);
  });

  it('updates last used at most once per few minutes, not on every request', async () => {
    const person = await makeUser(ctx);
    const [row] = await ctx.db.db.select().from(sessions).where(eq(sessions.userId, person.user.id));
    const rowId = row?.id ?? '';
    const old = new Date(Date.now() - 60 * 60_000);
    await ctx.db.db.update(sessions).set({ lastUsedAt: old }).where(eq(sessions.id, rowId));
    await person.client.get('/api/auth/me');
    const [after] = await ctx.db.db.select().from(sessions).where(eq(sessions.id, rowId));
    expect(after?.lastUsedAt.getTime() ?? 0).toBeGreaterThan(Date.now() - 60_000);
    const recent = new Date(Date.now() - 60_000);
    await ctx.db.db.update(sessions).set({ lastUsedAt: recent }).where(eq(sessions.id, rowId));
    await person.client.get('/api/auth/me');
    const [unchanged] = await ctx.db.db.select().from(sessions).where(eq(sessions.id, rowId));
    expect(unchanged?.lastUsedAt.getTime()).toBe(recent.getTime());
  });

  it('ends one of your own sessions; another person’s is 404 and stays', async () => {
    const person = await makeUser(ctx);
    const stranger = await makeUser(ctx);
    const second = ctx.client();
    await second.post('/api/auth/login', { email: person.user.email, password: 'correct horse battery staple' });
    const list = await person.client.get('/api/me/sessions');
    const target = list.body.sessions.find((s: { current: boolean }) => !s.current);
    const strangers = await stranger.client.get('/api/me/sessions');
    const theirs = strangers.body.sessions[0].id;

    expect((await person.client.delete(`/api/me/sessions/${theirs}`)).status).toBe(404);
    expect((await stranger.client.get('/api/auth/me')).body.user).not.toBeNull();
    expect((await person.client.delete(`/api/me/sessions/nonexistent`)).status).toBe(404);

    expect((await person.client.delete(`/api/me/sessions/${target.id}`)).status).toBe(200);
    expect((await second.get('/api/auth/me')).body.user).toBeNull();
    expect((await person.client.get('/api/auth/me')).body.user.id).toBe(person.user.id);
  });

  it('revokes every other session and keeps this one', async () => {
    const person = await makeUser(ctx);
    const others = [ctx.client(), ctx.client()];
    for (const c of others) {
      await c.post('/api/auth/login', { email: person.user.email, password: 'correct horse battery staple' });
    }
    const res = await person.client.post('/api/me/sessions/revoke-others');
    expect(res.status).toBe(200);
    expect(res.body.revoked).toBe(2);
    for (const c of others) expect((await c.get('/api/auth/me')).body.user).toBeNull();
    expect((await person.client.get('/api/auth/me')).body.user.id).toBe(person.user.id);
    expect((await person.client.get('/api/me/sessions')).body.sessions).toHaveLength(1);
  });
});
