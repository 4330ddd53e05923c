// Prints the closing line of a CI run, "N passed, N failed[, N skipped]", from vitest's JSON report.
import { readFileSync } from 'node:fs';

const file = process.argv[2] ?? 'test-results/vitest.json';
let report;
try {
  report = JSON.parse(readFileSync(file, 'utf8'));
} catch (err) {
  console.log(`no test report at ${file} (${err instanceof Error ? err.message : err})`);
  process.exit(1);
}
const passed = report.numPassedTests ?? 0;
// Files that failed to load (a crashed import or set-up) count as failures too.
const failedSuites = (report.testResults ?? []).filter(
  (r) => r.status === 'failed' && !(r.assertionResults ?? []).length,
).length;
const failed = (report.numFailedTests ?? 0) + failedSuites;
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
