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
 * One statement per hit: concurrent requests on any instance each get their own count.
 */
export function rateLimitCounters(db: Database) {
  return {
    async hit(key: string, windowMs: number): Promise<Hit> {
      const { rows } = await db.execute<{ count: number; ttl_ms: number }>(sql`
        insert into rate_limits as r (key, window_start, expires_at, count)
        values (${key}, now(), now() + make_interval(secs => ${windowMs / 1000}), 1)
        on conflict (key) do update set
          count = case when r.expires_at <= now() then 1 else r.count + 1 end,
          window_start = case when r.expires_at <= now() then excluded.window_start else r.window_start end,
          expires_at = case when r.expires_at <= now() then excluded.expires_at else r.expires_at end
        returning count, greatest(0, ceil(extract(epoch from (expires_at - now())) * 1000))::float8 as ttl_ms`);
      const row = rows[0];
      return { count: row?.count ?? 1, ttlMs: row?.ttl_ms ?? windowMs };
    },
    /** Takes back one counted request (a sign-in that succeeded does not count against its account). */
    async refund(key: string): Promise<void> {
      await db.execute(
        sql`update rate_limits set count = count - 1 where key = ${key} and expires_at > now() and count > 0`,
      );
    },
    /** Deletes the rows of windows that have ended; returns how many. */
    async sweep(): Promise<number> {
      const result = await db.execute(sql`delete from rate_limits where expires_at <= now()`);
      return result.rowCount ?? 0;
    },
  };
}
export type RateLimitCounters = ReturnType<typeof rateLimitCounters>;

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
 * Request limits for posting, editing, reporting, uploading and signing in, on
 * @fastify/rate-limit with a PostgreSQL store; the state holds across instances and restarts.
 */
export const rateLimitPlugin = fp(
  async (app: FastifyInstance) => {
    const counters = rateLimitCounters(app.db);
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
      const make = (window: Limit, keyOf: (request: FastifyRequest) => string | undefined) => {
        const check = app.createRateLimit({
          max: window.max,
          timeWindow: window.windowMs,
          keyGenerator: (request) => keyOf(request) ?? '',
          // Requests without a key (a guest, on a per-user window) are not counted.
          allowList: (request) => keyOf(request) === undefined,
        });
        return check;
      };
      const checks = [
        windows.user && make(windows.user, (r) => (r.user ? `${name}:user:${r.user.id}` : undefined)),
        windows.address && make(windows.address, (r) => `${name}:address:${r.ip}`),
      ].filter((c) => c !== undefined);
      const hook: onRequestAsyncHookHandler = async (request, reply) => {
        let refusal: number | undefined;
        for (const check of checks) {
          const result = await check(request);
          if (!result.isAllowed && result.isExceeded) refusal = Math.max(refusal ?? 0, result.ttl);
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
