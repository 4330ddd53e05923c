import { benchCluster } from './harness.js';
import { anonymousPage, commentPages } from './comment-pages.js';
import { exportsBench } from './exports.js';
import { growth } from './growth.js';
import { liveFanout } from './live-fanout.js';
import { posting } from './posting.js';
import { searchIndexing } from './search-indexing.js';
import { webBench } from './web.js';

/** `npm run bench`: measurements, printed; nothing here asserts a time. */
const cluster = await benchCluster();
try {
  console.log(`Convene benchmarks — Node ${process.version}\n`);
  await commentPages(await cluster.database());
  await anonymousPage(await cluster.database());
  await liveFanout(await cluster.database());
  await posting(await cluster.database());
  await exportsBench(await cluster.database());
  await searchIndexing(await cluster.database());
  await growth(await cluster.database());
  await webBench(await cluster.database());
} finally {
  await cluster.stop();
}
