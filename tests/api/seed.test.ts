import { describe, expect, it } from 'vitest';
import { ensureAdmin } from '../../server/src/commands/users.js';
import { seedDemo } from '../../server/src/seed/seed.js';
import { setupApp } from '../helpers/app.js';

const ctx = await setupApp();
const count = async (table: string) =>
  (await ctx.db.pool.query(`select count(*)::int as n from ${table}`)).rows[0].n as number;

let accounts: Awaited<ReturnType<typeof seedDemo>> = null;

describe('demo content', () => {
  it('loads into an empty database once, and a second run changes nothing', async () => {
    accounts = await seedDemo(ctx.db.db);
    expect(accounts).not.toBeNull();
    expect(accounts?.map((a) => a.role)).toEqual(
      expect.arrayContaining(['admin', 'moderator', 'chair', 'participant']),
    );
    const before = await Promise.all(['users', 'spaces', 'questions', 'comments', 'tags'].map(count));
    expect(await seedDemo(ctx.db.db)).toBeNull();
    expect(await Promise.all(['users', 'spaces', 'questions', 'comments', 'tags'].map(count))).toEqual(before);
  });

  it('holds the two model spaces, the 23 objectives and comments in three languages and states', async () => {
    const spaces = (await ctx.db.pool.query('select slug, code, parent_id from spaces order by code')).rows;
    expect(spaces.map((s) => s.code)).toEqual(expect.arrayContaining(['RoundTable 1', 'RT 1.1', 'IMRF RT 3']));
    const rt11 = (
      await ctx.db.pool.query(
        "select count(*)::int as n from questions q join spaces s on s.id = q.space_id where s.code = 'RT 1.1'",
      )
    ).rows[0].n;
    expect(rt11).toBeGreaterThanOrEqual(10);
    expect(await count("tags where taxonomy = 'gcm'")).toBe(23);
    const langs = (await ctx.db.pool.query('select distinct language from comments')).rows.map((r) => r.language);
    expect(langs.sort()).toEqual(['en', 'es', 'fr']);
    const statuses = (await ctx.db.pool.query('select distinct status from comments')).rows.map((r) => r.status);
    expect(statuses.sort()).toEqual(['approved', 'pending', 'rejected']);
    expect(await count('comments where parent_id is not null')).toBeGreaterThan(0);
  });

  it('gives every demo account a working generated password', async () => {
    expect(accounts?.length).toBeGreaterThanOrEqual(5);
    for (const a of accounts ?? []) {
      const res = await ctx.client().post('/api/auth/login', { email: a.email, password: a.password });
      expect(res.status, a.email).toBe(200);
    }
  });

  it('creates the bootstrap administrator from ADMIN_EMAIL and ADMIN_PASSWORD', async () => {
    await ensureAdmin(ctx.db.db, 'root@example.org', 'an admin password');
    const res = await ctx
      .client()
      .post('/api/auth/login', { email: 'ROOT@example.org', password: 'an admin password' });
    expect(res.status).toBe(200);
    expect(res.body.user.role).toBe('admin');
  });

  it('resets the bootstrap administrator password and role, ending old sessions', async () => {
    const c = ctx.client();
    await c.post('/api/auth/register', {
      email: 'boss@example.org',
      password: 'first password!!',
      displayName: 'Boss',
      affiliation: 'Org',
      stakeholderCategory: 'other',
    });
    expect((await c.get('/api/auth/me')).body.user.role).toBe('user');
    await ensureAdmin(ctx.db.db, 'boss@example.org', 'second password!!');
    expect((await c.get('/api/auth/me')).body.user).toBeNull();
    const login = await ctx
      .client()
      .post('/api/auth/login', { email: 'boss@example.org', password: 'second password!!' });
    expect(login.body.user.role).toBe('admin');
  });
});
