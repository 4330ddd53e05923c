import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { productionNodeFlags } from '../helpers/nodeFlags.js';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

/**
 * Production's Node.js flags live in one place (`config.nodeFlags` in the root package.json); the
 * Dockerfile cannot read it, so this holds its CMD to the same flags, and `npm start` to passing them.
 */
describe('production Node.js flags', () => {
  it('caps the old generation, so the heap is collected before it grows to V8s default limit', () => {
    expect(productionNodeFlags()).toContainEqual(expect.stringMatching(/^--max-old-space-size=\d+$/));
  });

  it('caps the young generation, so its semi-spaces do not grow to 16 MB each under load', () => {
    expect(productionNodeFlags()).toContainEqual(expect.stringMatching(/^--max-semi-space-size=\d+$/));
  });

  it('npm start passes them to node', () => {
    const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    expect(pkg.scripts.start).toContain('node $npm_package_config_nodeFlags server/dist/server.js');
  });

  it("the Dockerfile's CMD runs the server with exactly them", () => {
    const cmd = /^CMD (\[.*\])$/m.exec(read('Dockerfile'))?.[1];
    expect(cmd).toBeDefined();
    expect(JSON.parse(cmd ?? '[]')).toEqual(['node', ...productionNodeFlags(), 'server/dist/server.js']);
  });
});
