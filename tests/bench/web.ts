import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { buildApp } from '../../server/src/app.js';
import { testConfig } from '../../server/src/config.js';
import type { BenchDatabase } from './harness.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'];

/**
 * The space page of a space of 2,000 published comments (10 questions of 200) in a real browser:
 * DOM nodes at first render (goal ≤ 3,000), the page's JavaScript (gzip, goal ≤ 200 KB) and the
 * Lighthouse performance score (lighthouse 12.2.x, its mobile defaults, Debian's chromium; goal ≥ 90).
 * The web client is built for the run unless BENCH_WEB_DIST names a build.
 */
export async function webBench(db: BenchDatabase) {
  const built = process.env.BENCH_WEB_DIST ? null : await mkdtemp(join(tmpdir(), 'convene-bench-web-'));
  const webDist = process.env.BENCH_WEB_DIST ?? built ?? '';
  if (built) {
    execFileSync('npx', ['vite', 'build', '--outDir', built, '--emptyOutDir', '--logLevel', 'error'], {
      cwd: join(process.cwd(), 'web'),
      stdio: 'inherit',
    });
  }
  const { rows: users } = await db.pool.query(
    `insert into users (email, password_hash, display_name, affiliation, stakeholder_category, country)
     select 'web' || g || '@example.org', 'x', 'Delegate ' || g, 'Organisation ' || (g % 40), 'civil_society', 'KE'
     from generate_series(1, 100) g returning id`,
  );
  const { rows } = await db.pool.query(
    `insert into spaces (slug, code, title, status, opens_at, closes_at)
     values ('web', 'RT W', 'A roundtable of 2,000 comments', 'open', now() - interval '1 day', now() + interval '30 days') returning id`,
  );
  const spaceId = rows[0].id;
  const q = await db.pool.query(
    `insert into questions (space_id, position, text) select $1, g, 'Guiding question ' || g || '?' from generate_series(1, 10) g returning id`,
    [spaceId],
  );
  await db.pool.query(
    `insert into comments (space_id, question_id, author_id, client_id, body_md, body_html, language, status, created_at, decided_at)
     select $1, ($2::uuid[])[1 + g % 10], ($3::uuid[])[1 + g % 100], gen_random_uuid(), b, '<p>' || b || '</p>', 'en', 'approved',
            now() - (g || ' minutes')::interval, now() - (g || ' minutes')::interval
     from generate_series(1, 2000) g,
          lateral (select 'Remittance costs and diaspora investment, point ' || g || ': ' || repeat('a sentence of the argument, ', 20) as b) t`,
    [spaceId, q.rows.map((r) => r.id), users.map((u) => u.id)],
  );

  const app = await buildApp({ db: db.db, config: { ...testConfig(), webDist }, logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/spaces/web`;
  try {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
    let nodes = 0;
    let jsGzip = 0;
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const scripts: Promise<void>[] = [];
      page.on('response', (res) => {
        if (res.request().resourceType() !== 'script') return;
        scripts.push(
          res.body().then((b) => {
            jsGzip += gzipSync(b).length;
          }),
        );
      });
      await page.goto(url, { waitUntil: 'networkidle' });
      await page.locator('article.comment').first().waitFor();
      await Promise.all(scripts);
      nodes = await page.evaluate(() => document.querySelectorAll('*').length);
    } finally {
      await browser.close();
    }
    const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: FLAGS });
    let score = Number.NaN;
    let metrics = '';
    try {
      const result = await lighthouse(url, { port: chrome.port, onlyCategories: ['performance'], logLevel: 'error' });
      score = Math.round((result?.lhr.categories.performance?.score ?? Number.NaN) * 100);
      const audits = result?.lhr.audits ?? {};
      metrics = [
        'first-contentful-paint',
        'largest-contentful-paint',
        'total-blocking-time',
        'cumulative-layout-shift',
        'speed-index',
      ]
        .map((id) => `${id.replace(/(^|-)(\w)[a-z]*/g, '$2').toUpperCase()} ${audits[id]?.displayValue ?? '?'}`)
        .join(', ');
    } finally {
      chrome.kill();
    }
    const row = (name: string, figure: string, goal: string, ok: boolean) =>
      console.log(`${name.padEnd(58)} ${figure.padStart(12)}  goal ${goal.padEnd(10)} ${ok ? 'met' : 'NOT MET'}`);
    row('web: DOM nodes at first render (2,000 comments)', String(nodes), '≤ 3,000', nodes <= 3000);
    row('web: space-page JavaScript (gzip)', `${(jsGzip / 1024).toFixed(1)} KB`, '≤ 200 KB', jsGzip <= 200 * 1024);
    row('web: Lighthouse performance (mobile defaults)', String(score), '≥ 90', score >= 90);
    console.log(`  Lighthouse: ${metrics}`);
  } finally {
    await app.close();
    if (built) await rm(built, { recursive: true, force: true });
  }
}
