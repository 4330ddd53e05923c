import { afterAll, expect, it } from 'vitest';
import { testConfig } from '../../server/src/config.js';
import { createTestDatabase } from '../helpers/db.js';
import { type FuzzReport, formatReport, runFuzz } from './fuzzer.js';

/**
 * A short, fixed-seed budget of `npm run fuzz` inside the normal suite (and so in `.ci/run`): every
 * operation of the OpenAPI document, as a guest, a participant and an administrator, valid,
 * near-valid and hostile requests. Not one may answer 5xx or an error body off the documented shape.
 * The fuzzer builds the app itself (like setupApp, on this file's own database) so that it can read
 * the server-side cause of a 500 from the log.
 */
const db = await createTestDatabase();
afterAll(() => db.drop());

let report: FuzzReport;

it(
  'fuzzes every operation of the OpenAPI document: no 5xx, every error in the documented shape',
  { timeout: 120_000 },
  async () => {
    report = await runFuzz({
      db: db.db,
      config: testConfig(),
      seed: 20261201,
      runs: Number(process.env.FUZZ_TEST_RUNS ?? 8),
      checkTimeMs: 5_000,
      maxFailuresPerOperation: 2,
    });
    const summary = formatReport(report);
    console.log(summary);
    // The budget reached the whole document, and real handlers (not only validation).
    expect(report.operations.length).toBeGreaterThanOrEqual(45);
    expect(report.requests).toBeGreaterThanOrEqual(report.operations.length * 3 * 8);
    expect(report.statuses['200'] ?? 0).toBeGreaterThan(100);
    expect(report.failures, summary).toEqual([]);
  },
);
