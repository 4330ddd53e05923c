import type { BenchDatabase } from './harness.js';
import { report, stats } from './harness.js';

/**
 * The cost of indexing a comment's text (the generated `search` column of comments): a normal
 * 20,000-character text against the worst inputs found (long runs without spaces that make
 * PostgreSQL's text parser quadratic). The column's own expression is read from the catalog and
 * put on a scratch table, so the figure is exactly what an insert into comments pays for it.
 */
export async function searchIndexing(db: BenchDatabase) {
  console.log(
    'Search indexing — goal: the worst accepted 20,000-character input costs at most a few (≤ 5) times normal text',
  );
  const { rows } = await db.pool.query<{ expr: string }>(
    `select pg_get_expr(d.adbin, d.adrelid) as expr from pg_attrdef d join pg_attribute a on a.attrelid = d.adrelid and a.attnum = d.adnum
     where d.adrelid = 'comments'::regclass and a.attname = 'search'`,
  );
  const expr = rows[0]?.expr;
  if (!expr) throw new Error('no search expression');
  await db.pool.query(
    `create table bench_search (language comment_language not null, body_md text not null, search tsvector generated always as (${expr}) stored)`,
  );
  const fill = (unit: string) => unit.repeat(Math.ceil(20_000 / unit.length)).slice(0, 20_000);
  const inputs: Record<string, string> = {
    'normal text': fill('Remittances help families invest in education and health. '),
    'a_a_…': fill('a_'),
    '_a_a…': fill('_a'),
    'a1@a1@…': fill('a1@'),
    'a-b.a-b.…': fill('a-b.'),
  };
  // Round after round, each input once in turn (its position rotating): the load of this shared
  // machine drifts, and so weighs on every input alike rather than on whichever ran last.
  const names = Object.keys(inputs);
  const samples = new Map<string, number[]>(names.map((name) => [name, []]));
  for (let round = 0; round < 16; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length] ?? '';
      const body = inputs[name] ?? '';
      const t = performance.now();
      await db.pool.query('insert into bench_search (language, body_md) values ($1, $2)', [
        'en',
        `${body.slice(0, 19_990)}${round}`,
      ]);
      samples.get(name)?.push(performance.now() - t);
    }
  }
  const means: Record<string, number> = {};
  for (const [name, times] of samples) {
    means[name] = stats(times).p50;
    report(`  insert, 20,000 chars: ${name}`, times);
  }
  const normal = means['normal text'] ?? 1;
  const [worstName, worst] = Object.entries(means).reduce((a, b) => (b[1] > a[1] ? b : a));
  console.log(
    `  worst: ${worstName} at ${worst.toFixed(1)} ms (p50) = ${(worst / normal).toFixed(1)}× normal text (goal ≤ 5×)\n`,
  );
  await db.pool.query('drop table bench_search');
  await db.close();
}
