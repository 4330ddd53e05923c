import { defineConfig } from 'vitest/config';

/**
 * `CONVENE_CANARY=1` runs only the canary (tests/canary/), a test that must fail, through this same
 * config and global set-up: `.ci/run` aborts unless that run exits non-zero, so a red suite can
 * always fail CI.
 */
const canary = process.env.CONVENE_CANARY === '1';

export default defineConfig({
  resolve: { conditions: ['convene-source'] },
  ssr: { resolve: { conditions: ['convene-source'] } },
  test: {
    include: canary
      ? ['tests/canary/*.canary.ts']
      : ['tests/**/*.test.ts', 'server/src/**/*.test.ts', 'shared/src/**/*.test.ts', 'web/src/**/*.test.ts'],
    globalSetup: ['tests/setup/global.ts'],
    testTimeout: 30_000,
    // A poll waits for what a real browser or server does next; on a loaded 2-core machine that can
    // take seconds, so polls that name no timeout wait up to 15 s (they end as soon as they hold).
    expect: { poll: { timeout: 15_000 } },
    hookTimeout: 60_000,
    // Each file gets its own database cloned from a migrated template, so files run in parallel.
    pool: 'forks',
    // A worker runs its files one after another in one module graph instead of importing the
    // server afresh for each (import time 275 s -> about 80 s of a run). Each file still builds its
    // own app on its own database; module state a test reads (counters such as
    // `transactionRetries`) is compared before and after, never assumed to start at zero.
    isolate: false,
    // The JSON report is what `.ci/run` counts its closing "N passed, N failed" line from.
    reporters: ['default', ['json', { outputFile: canary ? 'test-results/canary.json' : 'test-results/vitest.json' }]],
    benchmark: { include: ['tests/bench/**/*.bench.ts'] },
  },
});
