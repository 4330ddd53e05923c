import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['convene-source'] },
  ssr: { resolve: { conditions: ['convene-source'] } },
  test: {
    include: ['tests/**/*.test.ts', 'server/src/**/*.test.ts', 'shared/src/**/*.test.ts', 'web/src/**/*.test.ts'],
    globalSetup: ['tests/setup/global.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each file gets its own database cloned from a migrated template, so files run in parallel.
    pool: 'forks',
    reporters: ['default'],
    benchmark: { include: ['tests/bench/**/*.bench.ts'] },
  },
});
