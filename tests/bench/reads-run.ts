import { benchCluster } from './harness.js';
import { anonymousPage } from './comment-pages.js';

/** Only the reads over HTTP (anonymous page, RSS): `npx tsx --conditions=convene-source tests/bench/reads-run.ts`. */
const cluster = await benchCluster();
try {
  await anonymousPage(await cluster.database());
} finally {
  await cluster.stop();
}
