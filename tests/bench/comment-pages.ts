import { performance } from 'node:perf_hooks';
import { buildApp } from '../../server/src/app.js';
import { testConfig } from '../../server/src/config.js';
import { type BenchDatabase, report } from './harness.js';

/**
 * A page of comments from a space with 10 comments and one with 10,000, through the whole app
 * (validation, query, hydration, serialisation): keyset pages should cost the same.
 */
export async function commentPages(db: BenchDatabase, rounds = 60) {
  const app = await buildApp({ db: db.db, config: testConfig(), logger: false });
  await app.ready();
  try {
    const { rows: users } = await db.pool.query(
      `insert into users (email, password_hash, display_name, affiliation, stakeholder_category, country)
       select 'bench' || g || '@example.org', 'x', 'Delegate ' || g, 'Organisation ' || (g % 40), 'civil_society', 'KE'
       from generate_series(1, 200) g returning id`,
    );
    const ids = users.map((u) => u.id);
    for (const [slug, n] of [
      ['small', 10],
      ['large', 10_000],
    ] as const) {
      const { rows } = await db.pool.query(
        `insert into spaces (slug, code, title, status) values ($1, $1, $1, 'open') returning id`,
        [slug],
      );
      const spaceId = rows[0].id;
      const q = await db.pool.query(
        `insert into questions (space_id, position, text) select $1, g, 'Question ' || g from generate_series(1, 12) g returning id`,
        [spaceId],
      );
      const questionIds = q.rows.map((r) => r.id);
      await db.pool.query(
        `insert into comments (space_id, question_id, author_id, client_id, body_md, body_html, language, status, created_at)
         select $1, ($2::uuid[])[1 + g % 12], ($3::uuid[])[1 + g % 200], gen_random_uuid(),
                'Paragraph about remittances and diaspora investment number ' || g,
                '<p>Paragraph about remittances and diaspora investment number ' || g || '</p>',
                (array['en','fr','es'])[1 + g % 3]::comment_language,
                (case when g % 10 = 0 then 'pending' else 'approved' end)::comment_status,
                now() - (g || ' seconds')::interval
         from generate_series(1, $4) g`,
        [spaceId, questionIds, ids, n],
      );
      await db.pool.query('analyze comments');
      const time = async (label: string, url: string) => {
        const samples: number[] = [];
        for (let i = 0; i < rounds + 5; i++) {
          const t0 = performance.now();
          const res = await app.inject({ method: 'GET', url });
          if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode}`);
          if (i >= 5) samples.push(performance.now() - t0);
        }
        report(`comments: ${label} (${n.toLocaleString('en')} in space)`, samples);
      };
      const first = await app.inject({ method: 'GET', url: `/api/spaces/${slug}/comments?limit=100` });
      const cursor = first.json().nextCursor as string | null;
      await time('first page of 100', `/api/spaces/${slug}/comments?limit=100`);
      if (cursor) await time('next page of 100 (cursor)', `/api/spaces/${slug}/comments?limit=100&cursor=${cursor}`);
      await time('one question, 50', `/api/spaces/${slug}/comments?questionId=${questionIds[3]}&limit=50`);
      await time('search "diaspora"', `/api/spaces/${slug}/comments?q=diaspora&limit=50`);
      await time('space page', `/api/spaces/${slug}`);
    }
  } finally {
    await app.close();
  }
}
