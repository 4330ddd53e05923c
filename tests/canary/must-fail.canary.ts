import { expect, test } from 'vitest';

// The canary: `.ci/run` runs this alone (CONVENE_CANARY=1) through the suite's own config and
// global set-up, and refuses to go on unless the run exits non-zero. If this ever passes, or its
// failure is swallowed (an exit hook calling process.exit(0), say), CI could never fail.
test('the canary fails, so a failing test fails the run', () => {
  expect(1 + 1).toBe(3);
});
