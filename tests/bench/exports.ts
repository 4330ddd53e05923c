import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { buildApp } from '../../server/src/app.js';
import { ensureAdmin } from '../../server/src/commands/users.js';
import { testConfig } from '../../server/src/config.js';
import { renderMarkdown } from '../../server/src/markdown.js';
import { type BenchDatabase, report } from './harness.js';

const MB = 1024 * 1024;

/** A realistic contribution: several paragraphs, a list, a link and a footnote. */
const body = (n: number) =>
  [
    `Our delegation welcomes the guiding question on diaspora investment (${n}). Remittances remain the largest financial flow to many countries of origin, yet transfer costs still exceed the SDG target 10.c of 3 per cent in most corridors.`,
    `We propose three measures:\n\n1. **Lower costs** through digital channels and open payment systems;\n2. *Diaspora bonds* with guarantees from development banks;\n3. Recognition of skills acquired abroad.`,
    `Evidence from our national programme shows that matching funds doubled community investment in two years.[^1] See the [World Bank brief](https://www.worldbank.org/en/topic/migrationremittancesdiasporaissues) for comparable data.`,
    `> Migrants are not only senders of money; they are investors, entrepreneurs and bridges between societies.`,
    `[^1]: National Diaspora Office, annual report ${2020 + (n % 5)}, chapter 3.`,
  ].join('\n\n');

/**
 * Every export format over a space of 10,000 published contributions, through a real HTTP
 * request (the body read as it streams): time to the last byte, and the growth of the
 * process's resident set and heap during the export, sampled every 5 ms.
 */
export async function exportsBench(db: BenchDatabase, rounds = 3) {
  const config = testConfig();
  const app = await buildApp({ db: db.db, config, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const { rows: users } = await db.pool.query(
      `insert into users (email, password_hash, display_name, affiliation, stakeholder_category, country)
       select 'export' || g || '@example.org', 'x', 'Délégué·e ' || g, 'Organisation ' || (g % 60),
              (array['member_state','civil_society','un_system','academia','private_sector','youth'])[1 + g % 6]::stakeholder_category,
              (array['KE','MX','PH','FR','SN','DE','BR','IN'])[1 + g % 8]
       from generate_series(1, 300) g returning id`,
    );
    const { rows: spaceRows } = await db.pool.query(
      `insert into spaces (slug, code, title, status) values ('rt-export', 'RT 1.1', 'Export benchmark', 'open') returning id`,
    );
    const spaceId = spaceRows[0].id as string;
    const q = await db.pool.query(
      `insert into questions (space_id, position, text) select $1, g, 'Guiding question ' || g || '?' from generate_series(1, 12) g returning id`,
      [spaceId],
    );
    const questionIds = q.rows.map((r) => r.id as string);
    const total = 10_000;
    // In batches so the benchmark's own set-up stays light; the bodies vary by number.
    for (let start = 0; start < total; start += 1000) {
      const batch = Array.from({ length: 1000 }, (_, i) => start + i);
      const md = batch.map(body);
      const html = md.map((m) => renderMarkdown(m));
      await db.pool.query(
        `insert into comments (space_id, question_id, author_id, client_id, body_md, body_html, language, status, highlighted, created_at)
         select $1, ($2::uuid[])[1 + g % 12], ($3::uuid[])[1 + g % 300], gen_random_uuid(), ($4::text[])[1 + g - $6], ($5::text[])[1 + g - $6],
                (array['en','fr','es'])[1 + g % 3]::comment_language, 'approved', g % 10 = 0,
                now() - ((${total} - g) || ' seconds')::interval
         from generate_series($6::int, $6::int + 999) g`,
        [spaceId, questionIds, users.map((u) => u.id), md, html, start],
      );
    }
    // One in five contributions becomes a reply to an earlier one of the same question.
    await db.pool.query(
      `update comments c set parent_id = p.id
       from (select id, question_id, lead(id) over (partition by question_id order by created_at) as next_id from comments where space_id = $1) p
       where c.id = p.next_id and c.space_id = $1 and abs(hashtext(c.id::text)) % 5 = 0`,
      [spaceId],
    );
    await db.pool.query('analyze');
    await ensureAdmin(db.db, 'bench-admin@example.org', 'bench admin password');
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: config.appOrigin },
      body: JSON.stringify({ email: 'bench-admin@example.org', password: 'bench admin password' }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

    for (const format of ['csv', 'json', 'md', 'xlsx', 'docx'] as const) {
      const samples: number[] = [];
      let peakRss = 0;
      let peakHeap = 0;
      let bytes = 0;
      for (let i = 0; i < rounds; i++) {
        const before = process.memoryUsage();
        let rss = before.rss;
        let heap = before.heapUsed;
        const timer = setInterval(() => {
          const m = process.memoryUsage();
          rss = Math.max(rss, m.rss);
          heap = Math.max(heap, m.heapUsed);
        }, 5);
        const t0 = performance.now();
        const res = await fetch(`${base}/api/spaces/rt-export/export?format=${format}`, { headers: { cookie } });
        if (res.status !== 200 || !res.body) throw new Error(`${format}: ${res.status}`);
        bytes = 0;
        // Read as it arrives and drop it: the client keeps nothing, so growth is the server's.
        const reader = res.body.getReader();
        for (let r = await reader.read(); !r.done; r = await reader.read()) bytes += r.value.byteLength;
        samples.push(performance.now() - t0);
        clearInterval(timer);
        peakRss = Math.max(peakRss, rss - before.rss);
        peakHeap = Math.max(peakHeap, heap - before.heapUsed);
      }
      report(
        `export ${format} (10,000 contributions)`,
        samples,
        `${(bytes / MB).toFixed(1)} MB file, peak RSS +${(peakRss / MB).toFixed(0)} MB, heap +${(peakHeap / MB).toFixed(0)} MB`,
      );
    }
  } finally {
    await app.close();
  }
}
