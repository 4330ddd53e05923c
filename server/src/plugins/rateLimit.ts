import rateLimit from '@fastify/rate-limit';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import type { Config, Limit } from '../config.js';
import type { Database } from '../db/client.js';
import { AppError } from '../errors.js';

/** The routes that carry limits; each has a per-user and/or per-address window in the config. */
export type LimitName = keyof Config['rateLimits'];

/** Expired windows are deleted this often (by every instance; the delete is cheap and idempotent). */
const SWEEP_INTERVAL_MS = 10 * 60_000;

export interface Hit {
  /** Requests counted in the current window, this one included. */
  count: number;
  /** Milliseconds until the window ends. */
  ttlMs: number;
}

/**
 * The counters, in PostgreSQL (table `rate_limits`) so that several instances share them. A window
 * starts at a key's first request and lasts `windowMs`; the first request after it starts a new one.
 * One statement per request, however many windows it counts against: concurrent requests on any
 * instance each get their own count. The statement commits asynchronously
 * (`synchronous_commit = off` for its own transaction): it does not wait for the disk, and a
 * PostgreSQL crash (not a restart) may forget the last fraction of a second of counts — never a
 * reason to refuse, at worst a few requests more in that window. Every instance still reads the
 * counts at once (visibility does not wait for the flush).
 */
export function rateLimitCounters(db: Database) {
  const hitAll = async (hits: readonly { key: string; windowMs: number }[]): Promise<Map<string, Hit>> => {
    // Keys in a fixed order, so two requests counting the same two rows lock them in the same order.
    const sorted = [...new Map(hits.map((h) => [h.key, h])).values()].sort((a, b) => (a.key < b.key ? -1 : 1));
    const values = sql.join(
      sorted.map((h) => sql`(${h.key}::text, ${h.windowMs / 1000}::float8)`),
      sql`, `,
    );
    const { rows } = await db.execute<{ key: string; count: number; ttl_ms: number }>(sql`
      with async as (select set_config('synchronous_commit', 'off', true))
      insert into rate_limits as r (key, window_start, expires_at, count)
      select k.key, now(), now() + make_interval(secs => k.secs), 1
      from (values ${values}) as k(key, secs) cross join async
      order by k.key
      on conflict (key) do update set
        count = case when r.expires_at <= now() then 1 else r.count + 1 end,
        window_start = case when r.expires_at <= now() then excluded.window_start else r.window_start end,
        expires_at = case when r.expires_at <= now() then excluded.expires_at else r.expires_at end
      returning key, count, greatest(0, ceil(extract(epoch from (expires_at - now())) * 1000))::float8 as ttl_ms`);
    const byKey = new Map(rows.map((r) => [r.key, { count: r.count, ttlMs: r.ttl_ms }]));
    return new Map(hits.map((h) => [h.key, byKey.get(h.key) ?? { count: 1, ttlMs: h.windowMs }]));
  };
  return {
    /** Counts one request against several windows at once (one statement); by key. */
    hitAll,
    async hit(key: string, windowMs: number): Promise<Hit> {
      return (await hitAll([{ key, windowMs }])).get(key) ?? { count: 1, ttlMs: windowMs };
    },
    /**
     * Takes back one counted request per key named (a key named twice, two), in one statement: a
     * sign-in that succeeded does not count.
     */
    async refund(...keys: string[]): Promise<void> {
      if (keys.length === 0) return;
      const times = new Map<string, number>();
      for (const k of keys) times.set(k, (times.get(k) ?? 0) + 1);
      const values = sql.join(
        [...times].map(([k, n]) => sql`(${k}::text, ${n}::int)`),
        sql`, `,
      );
      await db.execute(sql`
        update rate_limits r set count = greatest(0, r.count - v.n)
        from (values ${values}) as v(key, n)
        where r.key = v.key and r.expires_at > now() and r.count > 0`);
    },
    /** Deletes the rows of windows that have ended; returns how many. */
    async sweep(): Promise<number> {
      const result = await db.execute(sql`delete from rate_limits where expires_at <= now()`);
      return result.rowCount ?? 0;
    },
  };
}
export type RateLimitCounters = ReturnType<typeof rateLimitCounters>;

/** The key of a request's per-address window for a limit (the client's address, behind a trusted proxy too). */
export const addressKey = (name: LimitName, request: FastifyRequest) => `${name}:address:${request.ip}`;

/** The documented 429: `{ error: { code: 'rate_limited', message, details: { retryAfterSeconds } } }`. */
export function rateLimited(ttlMs: number, what = 'requests'): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil(ttlMs / 1000));
  const when =
    retryAfterSeconds < 120 ? `${retryAfterSeconds} seconds` : `${Math.ceil(retryAfterSeconds / 60)} minutes`;
  return new AppError(429, 'rate_limited', `Too many ${what}; try again in ${when}.`, { retryAfterSeconds });
}

/** What a 429 names, per limit. */
const WHAT: Record<LimitName, string> = {
  login: 'sign-in attempts',
  register: 'registrations',
  comment: 'comments posted',
  edit: 'edits',
  report: 'reports',
  upload: 'uploads',
};

/** A @fastify/rate-limit store (its `store` option) that counts in PostgreSQL instead of process memory. */
function postgresStore(counters: RateLimitCounters) {
  return class PostgresStore {
    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow?: number,
    ): void {
      counters.hit(key, timeWindow ?? 60_000).then(
        ({ count, ttlMs }) => callback(null, { current: count, ttl: ttlMs }),
        (err: Error) => callback(err),
      );
    }
    child(): PostgresStore {
      return new PostgresStore();
    }
  };
}

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * An `onRequest` hook for a route: counts the request against the named limit's per-user window
     * (signed-in users) and per-address window, and refuses it with 429 and `Retry-After` once
     * either is exceeded. Runs before the body is read, so a refused upload costs nothing.
     */
    limit(name: LimitName): onRequestAsyncHookHandler;
    rateLimitCounters: RateLimitCounters;
  }
}

/**
 * Request limits for posting, editing, reporting, uploading and signing in, counted in PostgreSQL
 * (one statement a request for all its windows); the state holds across instances and restarts.
 * Routes with a `config.rateLimit` go through @fastify/rate-limit with the same PostgreSQL store.
 */
export const rateLimitPlugin = fp(
  async (app: FastifyInstance) => {
    const counting = rateLimitCounters(app.db);
    const counters: RateLimitCounters = {
      ...counting,
      // A refund is a courtesy that follows the request's own work (a sign-in, a verified address,
      // already committed): if it fails, the request still succeeds; the count stays as it was.
      refund: (...keys) =>
        counting.refund(...keys).catch((err: unknown) => app.log.warn({ err, keys }, 'rate limit refund failed')),
    };
    app.decorate('rateLimitCounters', counters);
    await app.register(rateLimit, {
      global: false,
      store: postgresStore(counters),
      errorResponseBuilder: (_request, context) => rateLimited(context.ttl),
    });

    const limiters = new Map<LimitName, onRequestAsyncHookHandler>();
    app.decorate('limit', (name: LimitName) => {
      const existing = limiters.get(name);
      if (existing) return existing;
      const windows: { user?: Limit; address?: Limit } = app.config.rateLimits[name];
      // Each window: its limit and the request's key in it (none: a guest on a per-user window,
      // not counted).
      const parts: { window: Limit; keyOf: (request: FastifyRequest) => string | undefined }[] = [];
      if (windows.user)
        parts.push({ window: windows.user, keyOf: (r) => (r.user ? `${name}:user:${r.user.id}` : undefined) });
      if (windows.address) parts.push({ window: windows.address, keyOf: (r) => addressKey(name, r) });
      const hook: onRequestAsyncHookHandler = async (request, reply) => {
        const counted = parts
          .map(({ window, keyOf }) => ({ window, key: keyOf(request) }))
          .filter((p): p is { window: Limit; key: string } => p.key !== undefined);
        if (counted.length === 0) return;
        // Both windows in one statement (one round trip, one commit).
        const hits = await counters.hitAll(counted.map((p) => ({ key: p.key, windowMs: p.window.windowMs })));
        let refusal: number | undefined;
        for (const { window, key } of counted) {
          const hit = hits.get(key);
          if (hit && hit.count > window.max) refusal = Math.max(refusal ?? 0, hit.ttlMs);
        }
        if (refusal !== undefined) {
          const err = rateLimited(refusal, WHAT[name]);
          reply.header('retry-after', String((err.details as { retryAfterSeconds: number }).retryAfterSeconds));
          throw err;
        }
      };
      limiters.set(name, hook);
      return hook;
    });

    const timer = setInterval(() => {
      counters.sweep().catch((err: unknown) => app.log.warn({ err }, 'rate limit sweep failed'));
    }, SWEEP_INTERVAL_MS);
    timer.unref();
    app.addHook('onClose', async () => clearInterval(timer));
  },
  { name: 'rate-limit', dependencies: ['core'] },
);
