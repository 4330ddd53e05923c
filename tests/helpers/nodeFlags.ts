import { readFileSync } from 'node:fs';

/**
 * The Node.js flags production runs the server with: `config.nodeFlags` in the root package.json,
 * which `npm start` passes to node (and the Dockerfile's CMD repeats; `tests/api/node-flags.test.ts`
 * holds them equal). The cluster test and the benchmarks start their servers with the same flags,
 * so they measure the server as it is deployed.
 */
export function productionNodeFlags(): string[] {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    config?: { nodeFlags?: string };
  };
  const flags = pkg.config?.nodeFlags?.trim() ?? '';
  return flags === '' ? [] : flags.split(/\s+/);
}
