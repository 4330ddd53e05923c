import { benchCluster } from './harness.js';
import { anonymousPage, commentPages } from './comment-pages.js';
import { exportsBench } from './exports.js';
import { growth } from './growth.js';
import { liveFanout } from './live-fanout.js';
import { posting } from './posting.js';
import { searchIndexing } from './search-indexing.js';
import { webBench } from './web.js';
import type { BenchDatabase } from './harness.js';

/**
 * `npm run bench`: measurements, printed; nothing here asserts a time. Every section runs by
 * default, each on its own database; `npm run bench -- growth reads` runs only those sections.
 */
const sections: Record<string, (db: BenchDatabase) => Promise<unknown>> = {
  pages: commentPages,
  reads: anonymousPage,
  live: liveFanout,
  posting,
  exports: exportsBench,
  search: searchIndexing,
  // The two sizes of the space, each in a database of its own.
  growth: async (db) => growth(db, await cluster.database()),
  web: webBench,
};
const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !(name in sections));
if (unknown.length > 0) {
  console.error(`unknown section(s): ${unknown.join(', ')}; the sections are: ${Object.keys(sections).join(', ')}`);
  process.exit(2);
}
const cluster = await benchCluster();
try {
  console.log(`Convene benchmarks — Node ${process.version}\n`);
  for (const [name, run] of Object.entries(sections)) {
    if (asked.length === 0 || asked.includes(name)) await run(await cluster.database());
  }
} finally {
  await cluster.stop();
}
