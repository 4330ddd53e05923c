import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateDatabase } from '../../server/src/db/migrate.js';
import { createTestDatabase } from '../helpers/db.js';

const empty = await createTestDatabase({ template: null });
afterAll(() => empty.drop());

async function tables(): Promise<string[]> {
  const { rows } = await empty.pool.query(
    "select table_name from information_schema.tables where table_schema = 'public' order by 1",
  );
  return rows.map((r) => r.table_name);
}

describe('migrations', () => {
  it('build the whole schema on an empty database', async () => {
    expect(await tables()).toEqual([]);
    await migrateDatabase(empty.url);
    expect(await tables()).toEqual(
      expect.arrayContaining([
        'attachments',
        'comment_revisions',
        'comment_tags',
        'comments',
        'events',
        'moderation_events',
        'questions',
        'reports',
        'sessions',
        'space_roles',
        'space_visits',
        'spaces',
        'tags',
        'users',
      ]),
    );
  });

  it('are a no-op the second time, even from several instances at once', async () => {
    const before = await empty.pool.query('select count(*)::int as n from drizzle.__drizzle_migrations');
    await Promise.all([migrateDatabase(empty.url), migrateDatabase(empty.url), migrateDatabase(empty.url)]);
    const after = await empty.pool.query('select count(*)::int as n from drizzle.__drizzle_migrations');
    expect(after.rows[0].n).toBe(before.rows[0].n);
    expect(before.rows[0].n).toBeGreaterThan(0);
  });

  it('make e-mail addresses unique regardless of letter case', async () => {
    const insert = (email: string) =>
      empty.pool.query(
        `insert into users (email, password_hash, display_name, affiliation, stakeholder_category)
         values ($1, 'x', 'X', 'Y', 'youth')`,
        [email],
      );
    await insert('Case@Example.org');
    await expect(insert('case@example.ORG')).rejects.toThrow(/users_email_lower_key/);
  });

  it('keep the moderation audit trail append-only', async () => {
    const c = new pg.Client({ connectionString: empty.url });
    await c.connect();
    try {
      const { rows } = await c.query(`insert into spaces (slug, code, title) values ('s', 'S', 'Space') returning id`);
      await c.query(`insert into moderation_events (space_id, action) values ($1, 'approve')`, [rows[0].id]);
      await expect(c.query(`update moderation_events set reason = 'changed'`)).rejects.toThrow(/append-only/);
      await expect(c.query('delete from moderation_events')).rejects.toThrow(/append-only/);
    } finally {
      await c.end();
    }
  });

  it('index comments by the language of their own dictionary', async () => {
    const { rows } = await empty.pool.query(
      `select to_tsvector('french'::regconfig, 'les migrations') @@ plainto_tsquery('french', 'migration') as fr`,
    );
    expect(rows[0].fr).toBe(true);
  });
});
