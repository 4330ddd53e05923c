import { testConfig } from '../../server/src/config.js';
import { fuzzDatabase } from './cluster.js';
import { formatReport, runFuzz } from './fuzzer.js';

/**
 * `npm run fuzz`: property-based fuzzing of every operation of the OpenAPI document, as a guest,
 * a participant and an administrator, against the real app on its own embedded PostgreSQL.
 *
 *   FUZZ_SEED   fast-check seed (default 20261201): the same seed sends the same requests
 *   FUZZ_RUNS   generated requests per operation and role (default 40; shrinking comes on top)
 *   FUZZ_ONLY   a regular expression: only the operations whose "METHOD /path" matches
 *
 * Exits 1 when any request got a 5xx or an error body that is not `{ error: { code, message } }`.
 */
const seed = Number(process.env.FUZZ_SEED ?? 20261201);
const runs = Number(process.env.FUZZ_RUNS ?? 40);
const only = process.env.FUZZ_ONLY ? new RegExp(process.env.FUZZ_ONLY) : undefined;
if (!Number.isInteger(seed) || !Number.isInteger(runs) || runs < 1) {
  console.error('FUZZ_SEED and FUZZ_RUNS must be integers (FUZZ_RUNS ≥ 1)');
  process.exit(2);
}

console.log(`Convene API fuzz — seed ${seed}, ${runs} runs per operation and role${only ? `, only ${only}` : ''}`);
const db = await fuzzDatabase();
let failed = true;
try {
  const report = await runFuzz({
    db: db.db,
    config: testConfig(),
    seed,
    runs,
    ...(only ? { only } : {}),
    progress: (line) => console.log(line),
  });
  console.log(formatReport(report));
  failed = report.failures.length > 0;
} finally {
  await db.stop();
}
process.exitCode = failed ? 1 : 0;
