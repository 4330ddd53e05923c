import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
  LogController,
} from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config.js';
import { routeLabel } from './metrics.js';

/** An incoming `X-Request-Id` is kept when it looks like an id (nginx's `$request_id`, a UUID). */
const SANE_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** Fastify's `genReqId` behind a proxy (TRUST_PROXY): the balancer's `X-Request-Id` when sane, else a new UUID. */
export function requestId(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && SANE_ID.test(given) ? given : randomUUID();
}

/** What the logger never writes, should anything ever log a request, a reply or a body. */
const REDACT = [
  'req.headers.cookie',
  'req.headers.authorization',
  'headers.cookie',
  'headers.authorization',
  'res.headers["set-cookie"]',
  'body',
  'req.body',
  '*.password',
  '*.email',
];

/**
 * One JSON line per request, at `info` (`error` when the response itself failed), when its
 * response is sent, instead of Fastify's two ("incoming request", "request completed"):
 * `{"requestId":"…","userId":"…"|null,"method":"GET","route":"/api/spaces/:slug","status":200,"responseTime":3.2,"msg":"request"}`.
 * The route is the pattern, never the URL (which may carry a token); the user only by id.
 */
class RequestLog extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const line = {
      userId: request.user?.id ?? null,
      method: request.method,
      route: routeLabel(request),
      status: reply.statusCode,
      responseTime: Math.round(reply.elapsedTime * 10) / 10,
    };
    if (error) request.log.error({ ...line, err: error }, 'request errored');
    else request.log.info(line, 'request');
  }
}

/**
 * The logger: pino, JSON lines, `requestId` on every line logged for a request (the balancer's
 * `X-Request-Id` when sane and TRUST_PROXY is on, else a new UUID); cookies, authorization headers, passwords, emails
 * and bodies redacted should anything log them.
 */
export function loggerOptions(config: Pick<Config, 'logLevel' | 'trustProxy'>, given: FastifyServerOptions['logger']) {
  const logger = given === undefined ? { level: config.logLevel } : given;
  return {
    logger: typeof logger === 'object' && logger !== null ? { redact: REDACT, ...logger } : logger,
    logController: new RequestLog({ requestIdLogLabel: 'requestId' }),
    // Only a proxy we trust names the request; a client's own header is not taken as the id.
    genReqId: config.trustProxy ? requestId : () => randomUUID(),
  } satisfies FastifyServerOptions;
}

/** The request id goes back in the `X-Request-Id` response header (and in every error body, see errors.ts). */
export const requestLogPlugin = fp(
  async (app: FastifyInstance) => {
    app.addHook('onRequest', async (request, reply) => {
      reply.header('x-request-id', request.id);
    });
  },
  { name: 'requestLog' },
);
