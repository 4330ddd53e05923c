import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import helmet from 'helmet';
import { AppError } from '../errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A browser always sends Origin on a cross-site write, so a write whose Origin is neither the
 * configured app origin nor the host it was sent to is a cross-site request forgery attempt.
 * Requests without Origin come from non-browser clients (curl, scripts) and carry no
 * ambient cookie risk from another site.
 */
export function isAllowedOrigin(request: FastifyRequest, appOrigin: string): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  if (origin === appOrigin) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

export const securityPlugin = fp(
  async (app: FastifyInstance) => {
    // helmet's headers, its middleware built once (@fastify/helmet built it again on every request).
    const headers = helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          upgradeInsecureRequests: null,
        },
      },
      // No page may frame the app, not even its own: X-Frame-Options says what frame-ancestors says,
      // for browsers that know only the older header.
      xFrameOptions: { action: 'deny' },
      // The app is served over plain HTTP in development; HSTS belongs to the TLS terminator.
      strictTransportSecurity: false,
    });
    app.addHook('onRequest', (request, reply, done) => {
      headers(request.raw, reply.raw, (err) => done(err instanceof Error ? err : undefined));
    });
    app.addHook('onRequest', async (request) => {
      if (SAFE_METHODS.has(request.method)) return;
      if (!isAllowedOrigin(request, app.config.appOrigin)) {
        throw new AppError(403, 'forbidden_origin', 'This request came from another site and was refused.');
      }
    });
  },
  { name: 'security', dependencies: ['core'] },
);
