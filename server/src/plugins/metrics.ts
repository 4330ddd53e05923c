import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { count, gt } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { comments, events, mailMessages } from '../db/schema/index.js';
import { notFound, unauthorized } from '../errors.js';
import { commentSql } from '../policies/visibility.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** This app's Prometheus registry (one per app: tests run several apps in one process). */
    metrics: Registry;
    /** The loopback metrics server's port once listening (`METRICS_PORT`), else null. */
    metricsPort(): number | null;
  }
}

/** Counts read from the database at scrape time are reused for this long (never a scan per request). */
const SCRAPE_CACHE_MS = 15_000;
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
const MAIL_STATUSES = ['queued', 'sent', 'failed'] as const;

const digest = (s: string) => createHash('sha256').update(s).digest();

/** The route pattern (`/api/spaces/:slug`), never the raw URL: label values stay few. */
export function routeLabel(request: FastifyRequest): string {
  return request.routeOptions.url ?? 'unmatched';
}

/**
 * Prometheus metrics of this instance, at `/metrics` (text format, prom-client):
 * - `convene_http_request_duration_seconds{method,route,status_code}`: a histogram per route
 *   pattern (its `_count` is the request rate);
 * - `convene_live_sockets`, `convene_live_subscriptions`: open on this instance;
 * - `convene_live_delivery_lag_seconds`: from an event's `created_at` (its transaction) to its
 *   hand-off to this instance's sockets;
 * - `convene_live_event_backlog`: events committed but not yet read and delivered here;
 * - `convene_comments_pending`, `convene_mail_messages{status}`: read at most every 15 s;
 * - `convene_db_pool_connections{state}`: total, idle, waiting;
 * - prom-client's default process metrics (`convene_process_*`, `convene_nodejs_*`).
 *
 * Access: `Authorization: Bearer <METRICS_TOKEN>` on the app's port (401 without it, 404 when no
 * token is configured), and/or `METRICS_PORT`, a second port bound to 127.0.0.1 without a token.
 */
export const metricsPlugin = fp(
  async (app: FastifyInstance) => {
    const { db, config } = app;
    const register = new Registry();
    collectDefaultMetrics({ register, prefix: 'convene_' });

    const requests = new Histogram({
      name: 'convene_http_request_duration_seconds',
      help: 'HTTP requests by route pattern, method and status: time to the response',
      labelNames: ['method', 'route', 'status_code'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [register],
    });
    app.addHook('onResponse', async (request, reply) => {
      requests.observe(
        {
          method: METHODS.has(request.method) ? request.method : 'OTHER',
          route: routeLabel(request),
          status_code: String(reply.statusCode),
        },
        reply.elapsedTime / 1000,
      );
    });

    new Gauge({
      name: 'convene_live_sockets',
      help: 'Live WebSocket connections open on this instance',
      registers: [register],
      collect() {
        this.set(app.live.size);
      },
    });
    new Gauge({
      name: 'convene_live_subscriptions',
      help: 'Live subscriptions (a socket following a space) on this instance',
      registers: [register],
      collect() {
        this.set(app.live.subscriptionCount);
      },
    });
    const lag = new Histogram({
      name: 'convene_live_delivery_lag_seconds',
      help: "From an event's commit (events.created_at) to its hand-off to this instance's sockets",
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [register],
    });
    const delivered = new Counter({
      name: 'convene_live_events_delivered_total',
      help: 'Events read and handed to the sockets of this instance',
      registers: [register],
    });
    app.live.delivered = (row) => {
      delivered.inc();
      lag.observe(Math.max(0, Date.now() - row.createdAt.getTime()) / 1000);
    };

    const warn = (err: unknown) => app.log.warn({ err }, 'metrics: a database figure could not be read');
    new Gauge({
      name: 'convene_live_event_backlog',
      help: 'Events committed that this instance has not read and delivered yet',
      registers: [register],
      async collect() {
        const [row] = await db
          .select({ n: count() })
          .from(events)
          .where(gt(events.id, app.live.lastSeenId))
          .catch((err: unknown) => (warn(err), []));
        if (row) this.set(row.n);
      },
    });

    // Counts over whole tables, shared by the gauges below and refreshed at most every 15 s.
    let cached: { at: number; figures: Promise<{ pending: number; mail: Map<string, number> } | null> } | null = null;
    const figures = () => {
      if (!cached || Date.now() - cached.at > SCRAPE_CACHE_MS) {
        cached = {
          at: Date.now(),
          figures: Promise.all([
            db.select({ n: count() }).from(comments).where(commentSql.awaitingDecision()),
            db.select({ status: mailMessages.status, n: count() }).from(mailMessages).groupBy(mailMessages.status),
          ]).then(
            ([[pending], mail]) => ({ pending: pending?.n ?? 0, mail: new Map(mail.map((m) => [m.status, m.n])) }),
            (err: unknown) => {
              warn(err);
              cached = null;
              return null;
            },
          ),
        };
      }
      return cached.figures;
    };
    new Gauge({
      name: 'convene_comments_pending',
      help: 'Comments awaiting a moderation decision, all spaces (read at most every 15 s)',
      registers: [register],
      async collect() {
        const f = await figures();
        if (f) this.set(f.pending);
      },
    });
    new Gauge({
      name: 'convene_mail_messages',
      help: 'Emails in the outbox (mail_messages) by status (read at most every 15 s)',
      labelNames: ['status'] as const,
      registers: [register],
      async collect() {
        const f = await figures();
        if (f) for (const status of MAIL_STATUSES) this.set({ status }, f.mail.get(status) ?? 0);
      },
    });

    new Gauge({
      name: 'convene_db_pool_connections',
      help: 'Connections of the database pool: total, idle, and clients waiting for one',
      labelNames: ['state'] as const,
      registers: [register],
      collect() {
        const pool = db.$client;
        this.set({ state: 'total' }, pool.totalCount);
        this.set({ state: 'idle' }, pool.idleCount);
        this.set({ state: 'waiting' }, pool.waitingCount);
      },
    });

    app.decorate('metrics', register);

    const expected = config.metrics.token ? digest(config.metrics.token) : null;
    const send = async (_request: FastifyRequest, reply: FastifyReply) =>
      reply
        .header('content-type', register.contentType)
        .header('cache-control', 'no-store')
        .send(await register.metrics());
    app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
      if (!expected) throw notFound('Route');
      const [scheme, given] = (request.headers.authorization ?? '').split(' ');
      if (scheme?.toLowerCase() !== 'bearer' || !given || !timingSafeEqual(digest(given), expected)) {
        reply.header('www-authenticate', 'Bearer realm="metrics"');
        throw unauthorized();
      }
      return send(request, reply);
    });

    // The loopback port: opened when the app is ready, closed with it.
    let server: Server | null = null;
    app.decorate('metricsPort', () => {
      const address = server?.address();
      return address && typeof address === 'object' ? address.port : null;
    });
    if (config.metrics.port !== undefined) {
      const port = config.metrics.port;
      app.addHook('onReady', async () => {
        if (server) return;
        server = createServer((req, res) => {
          if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
            res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
            return;
          }
          register.metrics().then(
            (text) => res.writeHead(200, { 'content-type': register.contentType }).end(text),
            (err: unknown) => {
              app.log.error({ err }, 'metrics: scrape failed');
              res.writeHead(500, { 'content-type': 'text/plain' }).end('Scrape failed\n');
            },
          );
        });
        await new Promise<void>((resolve, reject) => {
          server?.once('error', reject).listen(port, '127.0.0.1', () => {
            app.log.info(
              { port: (server?.address() as { port?: number } | null)?.port },
              'metrics: listening on 127.0.0.1',
            );
            resolve();
          });
        });
      });
      app.addHook('onClose', async () => {
        await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
        server = null;
      });
    }
  },
  { name: 'metrics', dependencies: ['core', 'live'] },
);
