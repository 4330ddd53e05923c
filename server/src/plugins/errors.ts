import type { FieldError } from '@convene/shared';
import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../errors.js';

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
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return send(413, 'payload_too_large', 'The request body is too large.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return send(415, 'unsupported_media_type', 'Send the body as application/json.');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return send(400, 'invalid_json', 'The request body is empty; send a JSON object.');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return send(400, 'invalid_json', 'The request body is not valid JSON.');
  }
  if (fe.statusCode === 429) return send(429, 'rate_limited', 'Too many requests; try again in a minute.');
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return send(fe.statusCode, fe.code ? fe.code.toLowerCase() : 'bad_request', fe.message);
  }
  return null;
}

/** One error handler: every error becomes `{ error: { code, message, details? } }`, never a stack. */
export const errorsPlugin = fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler((err: FastifyError, request, reply) => {
      const known = toResponse(err);
      if (known) {
        if (known.statusCode >= 500) request.log.error({ err }, 'request failed');
        return reply.status(known.statusCode).send(known.body);
      }
      request.log.error({ err }, 'unhandled error');
      const { statusCode, body } = send(500, 'internal_error', 'Something went wrong on our side. Please try again.');
      return reply.status(statusCode).send(body);
    });
  },
  { name: 'errors' },
);
