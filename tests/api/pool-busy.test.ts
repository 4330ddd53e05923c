import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { setupApp } from '../helpers/app.js';
import { makeSpace } from '../helpers/factories.js';

/**
 * Every connection of the app's pool in use for longer than a request may wait for one: the
 * answer is 503 `busy` with `Retry-After` (the server is overloaded, the database is there), not
 * `database_unavailable`, and the same request works once a connection is free again.
 * A pool of 2 whose wait is 300 ms; the test holds both connections itself.
 */
const ctx = await setupApp({}, { poolMax: 2, connectTimeoutMs: 300 });

describe('a full database pool', () => {
  it('answers 503 busy with Retry-After, then serves the request once a connection is free', async () => {
    const { space } = await makeSpace(ctx);
    // A search: never from the public read cache, so it needs a connection.
    const url = `/api/spaces/${space.slug}/comments?q=remittances`;
    const held: pg.PoolClient[] = [await ctx.db.pool.connect(), await ctx.db.pool.connect()];
    try {
      const res = await ctx.client().get(url);
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('busy');
      expect(res.body.error.details).toEqual({ retryAfterSeconds: 1 });
      expect(res.headers['retry-after']).toBe('1');
      expect(res.raw).not.toMatch(/timeout exceeded|at .*\.js/);
    } finally {
      for (const c of held) c.release();
    }
    const again = await ctx.client().get(url);
    expect(again.status).toBe(200);
    expect(again.body.comments).toEqual([]);
  });
});
