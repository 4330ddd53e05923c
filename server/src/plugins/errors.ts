import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { type FieldError, findUnstorableText } from '@convene/shared';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, fieldInvalid } from '../errors.js';

const send = (statusCode: number, code: string, message: string, details?: unknown) => ({
  statusCode,
  body: { error: details === undefined ? { code, message } : { code, message, details } },
});

/** Where a validation issue sits, as a field name a client can show: "password", "tags.2". */
function fieldName(context: string | undefined, keyword: string, instancePath: string, params: unknown): string {
  const path = instancePath.replace(/^\//, '').replaceAll('/', '.');
  // Unknown keys are reported on the parent object; name the keys themselves.
  const keys = (params as { keys?: string[] } | undefined)?.keys;
  if (keyword === 'unrecognized_keys' && keys?.length) {
    return keys.map((k) => (path ? `${path}.${k}` : k)).join(', ');
  }
  return path || context || 'body';
}

/** Node's socket errors and pg's messages for a connection that is gone or cannot be made. */
const LOST_CONNECTION = /^(ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND)$/;
const LOST_MESSAGE = /Connection terminated|not queryable|terminating connection due to administrator command/;

/**
 * pg-pool's error when every connection of a full pool stayed in use for its whole wait
 * (`connectTimeoutMs`): the server is busy, not the database gone (a connection that cannot be
 * made is "Connection terminated due to connection timeout", above).
 */
export function poolExhausted(err: unknown): boolean {
  for (let e = err, depth = 0; e instanceof Error && depth < 4; e = e.cause, depth++) {
    if (e.message === 'timeout exceeded when trying to connect') return true;
  }
  return false;
}

/**
 * PostgreSQL went away or cannot be reached (restart, failover, outage): a 503 the client may retry
 * (and `/readyz` says so too), not a 500. SQLSTATE class 08 (connection exception), 57P01-57P03
 * (shutting down, starting up), or the socket error under drizzle's wrapper.
 */
export function databaseUnavailable(err: unknown): boolean {
  for (let e = err, depth = 0; e instanceof Error && depth < 4; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (code.startsWith('08') || /^57P0[123]$/.test(code) || LOST_CONNECTION.test(code))) {
      return true;
    }
    if (LOST_MESSAGE.test(e.message)) return true;
  }
  return false;
}

function toResponse(err: FastifyError | Error) {
  if (err instanceof AppError) return send(err.statusCode, err.code, err.message, err.details);
  if (hasZodFastifySchemaValidationErrors(err)) {
    const context = (err as { validationContext?: string }).validationContext;
    const fields: FieldError[] = err.validation.map((v) => ({
      field: fieldName(context, v.keyword, v.instancePath, v.params),
      message: v.message ?? 'Invalid value',
    }));
    const summary = fields.map((f) => `${f.field}: ${f.message}`).join('; ');
    return send(400, 'validation_failed', `Invalid ${context ?? 'request'}: ${summary}`, { fields });
  }
  const fe = err as FastifyError;
  switch (fe.code) {
    case 'FST_ERR_BAD_URL':
      return send(400, 'bad_url', 'The address is malformed: it has an invalid percent-encoded character.');
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return send(414, 'url_too_long', 'A part of the address is too long.');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return send(413, 'payload_too_large', 'The request body is too large.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return send(415, 'unsupported_media_type', 'Send the body as application/json.');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return send(400, 'invalid_json', 'The request body is empty; send a JSON object.');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return send(400, 'invalid_json', 'The request body is not valid JSON.');
  }
  // Last line of defence: PostgreSQL refusing a character (U+0000, or one its encoding lacks)
  // is the client's input, not our failure. Request strings are checked before they get here.
  const pgCode = (err as { code?: unknown }).code ?? (err.cause as { code?: unknown } | undefined)?.code;
  if (pgCode === '22021' || pgCode === '22P05') {
    return send(400, 'invalid_text', 'The request holds a character that cannot be stored, such as U+0000.');
  }
  if (poolExhausted(err)) {
    return send(503, 'busy', 'The server is busy; try again in a moment.', { retryAfterSeconds: 1 });
  }
  if (databaseUnavailable(err)) {
    return send(503, 'database_unavailable', 'The database is unavailable for a moment; try again shortly.');
  }
  if (fe.statusCode === 429) {
    return send(429, 'rate_limited', 'Too many requests; try again in a minute.', { retryAfterSeconds: 60 });
  }
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return send(fe.statusCode, fe.code ? fe.code.toLowerCase() : 'bad_request', fe.message);
  }
  return null;
}

/** Every error body carries the request's id (as does the `X-Request-Id` header), to quote to support. */
const withRequestId = (body: ReturnType<typeof send>['body'], request: FastifyRequest) => ({
  error: { ...body.error, requestId: request.id },
});

/**
 * Fastify's `frameworkErrors` option: a malformed percent-encoding in the path (`FST_ERR_BAD_URL`)
 * or an over-long path parameter is answered before routing, so outside the error handler.
 */
export function frameworkErrors(err: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const { statusCode, body } = toResponse(err) ?? send(400, 'bad_request', 'The request is malformed.');
  request.log.info({ code: err.code }, 'refused before routing');
  void reply.status(statusCode).header('x-request-id', request.id).send(withRequestId(body, request));
}

const clientErrors: Record<string, [number, string, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'header_too_large', 'The request headers or its address are too large.'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'request_timeout', 'The request took too long to arrive.'],
  HPE_INVALID_EOF_STATE: [400, 'incomplete_request', 'The request ended before its body was complete.'],
};

/**
 * Fastify's `clientErrorHandler` option: errors Node's HTTP parser raises before there is a request
 * (headers or URL too large, malformed HTTP). Writes the answer on the socket in the same shape.
 */
export function clientErrorHandler(this: FastifyInstance, err: Error & { code?: string }, socket: Socket) {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [statusCode, code, message] = clientErrors[err.code ?? ''] ?? [
    400,
    'bad_request',
    'The request is not valid HTTP.',
  ];
  this.log.debug({ err }, 'client error');
  if (socket.writable) {
    const body = JSON.stringify({ error: { code, message } });
    socket.write(
      `HTTP/1.1 ${statusCode} ${STATUS_CODES[statusCode] ?? ''}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}

/**
 * The catch-all for text PostgreSQL cannot hold: after validation, any string left in the path
 * parameters, query or body that holds U+0000 or a lone surrogate (one a schema did not already
 * refuse or clean, see `storableString`/`pastedText` in shared/src/schemas/common.ts) is refused
 * with 400 `validation_failed` naming the field, before any handler reads it.
 */
async function refuseUnstorableText(request: FastifyRequest) {
  const parts: [string, unknown][] = [
    ['params', request.params],
    ['querystring', request.query],
    ['body', request.body],
  ];
  for (const [part, value] of parts) {
    const found = findUnstorableText(value);
    if (found) throw fieldInvalid(found.path || part, found.message);
  }
}

/** One error handler: every error becomes `{ error: { code, message, details?, requestId } }`, never a stack. */
export const errorsPlugin = fp(
  async (app: FastifyInstance) => {
    app.addHook('preHandler', refuseUnstorableText);
    app.setErrorHandler((err: FastifyError, request, reply) => {
      const known = toResponse(err);
      if (known) {
        if (known.statusCode >= 500) request.log.error({ err }, 'request failed');
        // Every 429, and a 503 `busy`, says when to come back, in the header and in details.retryAfterSeconds.
        const retryAfter = (known.body.error as { details?: { retryAfterSeconds?: unknown } }).details
          ?.retryAfterSeconds;
        if (
          (known.statusCode === 429 || known.statusCode === 503) &&
          typeof retryAfter === 'number' &&
          !reply.hasHeader('retry-after')
        ) {
          reply.header('retry-after', String(retryAfter));
        }
        return reply.status(known.statusCode).send(withRequestId(known.body, request));
      }
      request.log.error({ err }, 'unhandled error');
      const { statusCode, body } = send(500, 'internal_error', 'Something went wrong on our side. Please try again.');
      return reply.status(statusCode).send(withRequestId(body, request));
    });
  },
  { name: 'errors' },
);
