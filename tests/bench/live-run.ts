import { benchCluster } from './harness.js';
import { liveFanout } from './live-fanout.js';

/** Only the live fan-out rows: `npx tsx --conditions=convene-source tests/bench/live-run.ts`. */
const cluster = await benchCluster();
try {
  await liveFanout(await cluster.database());
} finally {
  await cluster.stop();
}
