import { writeFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { ensureAdmin } from '../../server/src/commands/users.js';
import { testConfig } from '../../server/src/config.js';
import { renderMarkdown } from '../../server/src/markdown.js';
import { type BenchDatabase, type ChildServer, goalRow, report, serveChild } from './harness.js';

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

/** The 10,000-contribution space the exports read: 300 authors, 12 questions, one in five a reply. */
export async function seedSpace(db: BenchDatabase, total: number) {
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
}

interface FormatRun {
  /** Time to the last byte, per round (ms). */
  samples: number[];
  /** Time to the first byte of the body, per round (ms). */
  firstByte: number[];
  bytes: number;
  /** Peak resident set of the server process above its resident set just before the first export (MB). */
  peakRssMb: number;
}

/**
 * One format, `rounds` times, against a server of its own in a child process (the app compiled
 * as in production, serve.ts), so its memory is that format's alone: the resident set before,
 * and the peak (VmHWM, reset just before the first export) from /proc/<pid>/status.
 */
async function measureFormat(server: ChildServer, format: string, cookie: string, rounds: number): Promise<FormatRun> {
  // One small request first, so the routes, the session and the database pool are warm.
  await fetch(`${server.base}/api/spaces/rt-export/export?format=csv&question=1&language=fr`, {
    headers: { cookie },
  }).then((r) => r.arrayBuffer());
  const before = await server.memory();
  // "5" resets the peak to the current resident set (Linux ≥ 4.0), so the peak is this format's.
  await writeFile(`/proc/${server.pid}/clear_refs`, '5').catch(() => undefined);
  const samples: number[] = [];
  const firstByte: number[] = [];
  let bytes = 0;
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    const res = await fetch(`${server.base}/api/spaces/rt-export/export?format=${format}`, { headers: { cookie } });
    if (res.status !== 200 || !res.body) throw new Error(`${format}: ${res.status}`);
    bytes = 0;
    // Read as it arrives and drop it: the client keeps nothing (and is another process anyway).
    const reader = res.body.getReader();
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      if (bytes === 0) firstByte.push(performance.now() - t0);
      bytes += r.value.byteLength;
    }
    samples.push(performance.now() - t0);
  }
  const after = await server.memory();
  return { samples, firstByte, bytes, peakRssMb: Math.max(0, after.peakMb - before.rssMb) };
}

/**
 * Every export format over a space of 10,000 published contributions, through a real HTTP
 * request (the body read as it streams): time to the last byte, and the peak growth of the
 * server process's resident set during the exports. Then the goal rows: DOCX and XLSX peak RSS
 * increase ≤ 300 MB, DOCX time ≤ 5× the CSV export's in the same run.
 */
export async function exportsBench(db: BenchDatabase, rounds = 3) {
  const config = testConfig();
  const total = 10_000;
  await seedSpace(db, total);
  await ensureAdmin(db.db, 'bench-admin@example.org', 'bench admin password');
  const results = new Map<string, FormatRun>();
  let cookie = '';
  // BENCH_EXPORT_FORMATS=csv,docx measures only those (the goal rows need csv, docx and xlsx).
  const formats = (process.env.BENCH_EXPORT_FORMATS ?? 'csv,json,md,xlsx,docx').split(',').filter(Boolean);
  for (const format of formats) {
    const server = await serveChild('app', { DATABASE_URL: db.url });
    try {
      if (!cookie) {
        const login = await fetch(`${server.base}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: config.appOrigin },
          body: JSON.stringify({ email: 'bench-admin@example.org', password: 'bench admin password' }),
        });
        cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      }
      const r = await measureFormat(server, format, cookie, rounds);
      results.set(format, r);
      const first = r.firstByte.reduce((a, b) => a + b, 0) / (r.firstByte.length || 1);
      report(
        `export ${format} (10,000 contributions)`,
        r.samples,
        `${(r.bytes / MB).toFixed(1)} MB file, first byte ${first.toFixed(0)} ms, peak RSS +${r.peakRssMb.toFixed(0)} MB`,
      );
    } finally {
      await server.stop();
    }
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / (xs.length || 1);
  const csv = results.get('csv');
  const docx = results.get('docx');
  const xlsx = results.get('xlsx');
  if (!csv || !docx) return;
  const LIMIT_MB = 300;
  for (const [name, r] of [
    ['DOCX', docx],
    ['XLSX', xlsx],
  ] as const) {
    if (!r) continue;
    goalRow(
      `export ${name} 10k: peak RSS increase`,
      `+${r.peakRssMb.toFixed(0)} MB`,
      `CSV +${csv.peakRssMb.toFixed(0)} MB; limit ${LIMIT_MB} MB`,
      r.peakRssMb / LIMIT_MB,
      `≤ ${LIMIT_MB} MB (ratio to the limit ≤ 1)`,
      r.peakRssMb <= LIMIT_MB,
    );
  }
  const ratio = mean(docx.samples) / mean(csv.samples);
  goalRow(
    'export DOCX 10k: time vs the CSV export',
    `${(mean(docx.samples) / 1000).toFixed(2)} s`,
    `CSV ${(mean(csv.samples) / 1000).toFixed(2)} s`,
    ratio,
    '≤ 5× CSV',
    ratio <= 5,
  );
}
