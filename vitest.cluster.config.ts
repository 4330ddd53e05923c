import { defineConfig } from 'vitest/config';

/**
 * `npm run test:cluster` (not part of `npm test`): three app processes and Debian's nginx on
 * one PostgreSQL of its own (tests/cluster/). One file, its tests in order on one cluster.
 */
export default defineConfig({
  resolve: { conditions: ['convene-source'] },
  ssr: { resolve: { conditions: ['convene-source'] } },
  test: {
    include: ['tests/cluster/*.cluster.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
