import { performance } from 'node:perf_hooks';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { buildApp } from '../../server/src/app.js';
import { createSession } from '../../server/src/auth/sessions.js';
import { testConfig } from '../../server/src/config.js';
import { SESSION_COOKIE } from '../../server/src/plugins/session.js';
import {
  type BenchDatabase,
  type ChildServer,
  type HttpLoad,
  fetchRaw,
  fmt,
  goalRow,
  httpLoad,
  report,
  serveChild,
} from './harness.js';

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

const CONNECTIONS = 32;
const MB = (n: number) => `${n.toFixed(0)} MB`;
const rateText = (r: HttpLoad) => `${r.rate.toFixed(0)} req/s p50 ${fmt(r.p50)} p99 ${fmt(r.p99)}`;

/**
 * Issue 12's read rows, over real HTTP (undici, 32 keep-alive connections, a worker thread of the
 * bench), with the app in a child process so its memory is its own:
 * - an anonymous page of 100 comments from a 10,000-comment space (comments of 630-1,495
 *   characters), as a browser asks for it (`Accept-Encoding: gzip, deflate, br`), against a bare
 *   Fastify route (also a child process) serving exactly the bytes the app sent, per encoding,
 *   negotiated the same way; goal ≥ 0.3 of it, and p99 ≤ 10× p50;
 * - the server's RSS under that read load and then a signed-in page of 100 (a participant with
 *   nothing of their own on it: the cached page plus their overlay), from /proc/<pid>/status
 *   (VmRSS, VmHWM); goal ≤ 200 MB. For information, after that: the page of a participant with
 *   pending comments of their own on it (computed in full).
 */
export async function anonymousPage(db: BenchDatabase) {
  const { rows: users } = await db.pool.query<{ id: string }>(
    `insert into users (email, password_hash, display_name, affiliation, stakeholder_category, country, email_verified_at)
     select 'reader' || g || '@example.org', 'x', 'Delegate ' || g, 'Organisation ' || (g % 40), 'civil_society', 'KE', now()
     from generate_series(1, 200) g returning id`,
  );
  const { rows: spaceRows } = await db.pool.query<{ id: string }>(
    `insert into spaces (slug, code, title, status) values ('rt11', 'RT11', 'Round table 1.1', 'open') returning id`,
  );
  const spaceId = spaceRows[0]?.id ?? '';
  const { rows: qs } = await db.pool.query<{ id: string }>(
    `insert into questions (space_id, position, text) select $1, g, 'Question ' || g from generate_series(1, 12) g returning id`,
    [spaceId],
  );
  // Text of 630-1,495 characters made of pseudo-words (random syllables: it compresses about as
  // well as prose, unlike a repeated sentence), in paragraphs; a tenth pending.
  const t0 = performance.now();
  await db.pool.query(
    `with syl as (select array['ra','mi','tan','ces','de','vel','op','ment','mi','gra','tion','so','cial','pro','tec',
                    'fi','nan','cial','flows','re','turn','in','te','gra','com','mu','ni','ty','work','ers','po','li',
                    'cy','dia','spo','ra','in','vest','lo','cal','en','ter','prise','health','edu','ca','rights'] s)
     insert into comments (space_id, question_id, author_id, client_id, body_md, body_html, language, status, created_at)
     select $1, ($2::uuid[])[1 + g % 12], ($3::uuid[])[1 + g % 200], gen_random_uuid(), t.body,
            '<p>' || replace(t.body, '. ', '.</p><p>') || '</p>',
            (array['en','fr','es'])[1 + g % 3]::comment_language,
            (case when g % 10 = 0 then 'pending' else 'approved' end)::comment_status,
            now() - interval '30 days' + (g || ' seconds')::interval
     from generate_series(1, 10000) g,
     lateral (select left(string_agg(w.word, case when k % 17 = 0 then '. ' else ' ' end order by k), 630 + (g * 7919) % 866) as body
              from generate_series(1, 260) k,
              lateral (select string_agg(syl.s[1 + floor(random() * array_length(syl.s, 1))::int], '') as word
                       from syl, generate_series(1, 1 + (k * g) % 3) j where g > 0) w) t`,
    [spaceId, qs.map((q) => q.id), users.map((u) => u.id)],
  );
  await db.pool.query('analyze');
  console.log(
    `Reads over HTTP, 32 connections: a 10,000-comment space seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  // A signed-in participant with nothing of their own in the space, and one who has pending
  // comments of their own on the page (user 10 wrote comments 10, 210, …, all pending).
  const { rows: readers } = await db.pool.query<{ id: string }>(
    `insert into users (email, password_hash, display_name, affiliation, stakeholder_category, country, email_verified_at)
     values ('participant@example.org', 'x', 'Participant', 'Organisation', 'civil_society', 'KE', now()) returning id`,
  );
  const cookieOf = async (userId: string) =>
    `${SESSION_COOKIE}=${(await createSession(db.db, userId, testConfig().sessionTtlMs)).token}`;
  const cookie = await cookieOf(readers[0]?.id ?? '');
  const authorCookie = await cookieOf(users[10]?.id ?? '');

  const app = await serveChild('app', { DATABASE_URL: db.url });
  let bare: ChildServer | null = null;
  try {
    const idle = await app.memory();
    const path = `/api/spaces/rt11/comments?limit=100`;
    const browser = { 'accept-encoding': 'gzip, deflate, br' };
    // The bytes the app sends for each encoding (the first read fills the cache).
    const bodies: Record<string, string> = {};
    let contentType = '';
    let etag = '';
    for (const [name, accept] of [
      ['identity', 'identity'],
      ['br', 'br'],
      ['gzip', 'gzip'],
    ] as const) {
      const res = await fetchRaw(`${app.base}${path}`, { 'accept-encoding': accept });
      if (res.status !== 200) throw new Error(`GET ${path}: ${res.status}`);
      if ((res.encoding ?? 'identity') !== name) throw new Error(`asked ${name}, got ${res.encoding ?? 'identity'}`);
      bodies[name] = res.body.toString('base64');
      contentType = res.contentType;
      etag = res.etag;
    }
    const plain = Buffer.from(bodies.identity ?? '', 'base64');
    if (!brotliDecompressSync(Buffer.from(bodies.br ?? '', 'base64')).equals(plain)) throw new Error('br ≠ plain');
    if (!gunzipSync(Buffer.from(bodies.gzip ?? '', 'base64')).equals(plain)) throw new Error('gzip ≠ plain');
    const count = (JSON.parse(plain.toString()) as { comments: unknown[] }).comments.length;
    console.log(
      `  page of ${count}: ${(plain.length / 1024).toFixed(0)} KB JSON, ${(Buffer.from(bodies.br ?? '', 'base64').length / 1024).toFixed(0)} KB brotli, ${(Buffer.from(bodies.gzip ?? '', 'base64').length / 1024).toFixed(0)} KB gzip; server idle RSS ${MB(idle.rssMb)}`,
    );

    // The bare route runs alongside; three alternating (app, bare) pairs, the median pair is the
    // figure (this machine is shared: load moves between measurements).
    bare = await serveChild('bare', {}, { contentType, etag, bodies });
    const pairs: { app: HttpLoad; bare: HttpLoad }[] = [];
    for (let i = 0; i < 3; i++) {
      const appLoad = await httpLoad({ base: app.base, path, headers: browser, connections: CONNECTIONS });
      const bareLoad = await httpLoad({ base: bare.base, path, headers: browser, connections: CONNECTIONS });
      pairs.push({ app: appLoad, bare: bareLoad });
    }
    pairs.sort((a, b) => a.app.rate / a.bare.rate - b.app.rate / b.bare.rate);
    const { app: anonymous, bare: ceiling } = pairs[1] ?? { app: pairs[0]?.app, bare: pairs[0]?.bare };
    if (!anonymous || !ceiling) throw new Error('no load measured');
    console.log(`  (the three ratios: ${pairs.map((p) => (p.app.rate / p.bare.rate).toFixed(2)).join(', ')})`);
    const afterAnonymous = await app.memory();
    const signedIn = await httpLoad({
      base: app.base,
      path,
      headers: { ...browser, cookie },
      connections: CONNECTIONS,
    });
    const afterSignedIn = await app.memory();
    const usage = await app.usage();
    const author = await httpLoad({
      base: app.base,
      path,
      headers: { ...browser, cookie: authorCookie },
      connections: CONNECTIONS,
    });

    const ratio = anonymous.rate / ceiling.rate;
    const spread = anonymous.p99 / anonymous.p50;
    goalRow(
      'anonymous page of 100, 10k space, 32 conn (br, median of 3)',
      rateText(anonymous),
      `bare Fastify, same bytes ${rateText(ceiling)}`,
      ratio,
      '≥ 0.3',
      ratio >= 0.3,
    );
    goalRow(
      'anonymous page of 100: p99 vs p50',
      `p99 ${fmt(anonymous.p99)}`,
      `p50 ${fmt(anonymous.p50)}`,
      spread,
      '≤ 10',
      spread <= 10,
    );
    console.log(
      `  (for information) signed-in page of 100 over HTTP, same space, br: a participant (cached page + overlay) ${rateText(signedIn)}; one with pending comments of their own on it (in full, measured after the RSS rows) ${rateText(author)}`,
    );
    goalRow(
      'server RSS under the anonymous read load (VmHWM)',
      MB(afterAnonymous.peakMb),
      `idle ${MB(idle.rssMb)}`,
      afterAnonymous.peakMb / 200,
      '≤ 200 MB',
      afterAnonymous.peakMb <= 200,
    );
    goalRow(
      "server RSS, then also a participant's pages (br) (VmHWM)",
      MB(afterSignedIn.peakMb),
      `idle ${MB(idle.rssMb)}`,
      afterSignedIn.peakMb / 200,
      '≤ 200 MB',
      afterSignedIn.peakMb <= 200,
    );
    const u = usage.usage;
    console.log(
      `  server memory now: RSS ${MB(u.rss / 2 ** 20)}, V8 heap ${MB(u.heapUsed / 2 ** 20)} used of ${MB(u.heapTotal / 2 ** 20)}, external ${MB(u.external / 2 ** 20)} (array buffers ${MB(u.arrayBuffers / 2 ** 20)}), public cache ${(usage.cacheBytes / 2 ** 20).toFixed(1)} MB\n`,
    );
  } finally {
    await bare?.stop();
    await app.stop();
  }
}
