import { benchCluster } from './harness.js';
import { posting } from './posting.js';

/** Only the posting rows: `npx tsx --conditions=convene-source tests/bench/posting-run.ts`. */
const cluster = await benchCluster();
try {
  await posting(await cluster.database());
} finally {
  await cluster.stop();
}
