import type { ErrorResponse, FieldError } from '@convene/shared';
import type { z } from 'zod';
import { takeEarly } from './early';

/**
 * What an endpoint answers: the output type of the shared schema the server answers with, e.g.
 * `api<Answer<typeof commentResponse>>(…)`. A type only: the schema itself stays on the server.
 */
export type Answer<S extends z.ZodType> = z.output<S>;

/** An API error as the server describes it, or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
    readonly details?: unknown,
    /** The server's id of the request (`X-Request-Id`), for the user to quote to the secretariat. */
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The message for one field, for showing next to it. */
  field(name: string): string | undefined {
    return this.fields.find((f) => f.field === name || f.field.startsWith(`${name}.`))?.message;
  }

  get isNetwork(): boolean {
    return this.status === 0;
  }
}

interface Options {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
}

/**
 * The one way the client talks to the API: JSON in, JSON out, typed `T` (an `Answer` of the shared
 * schema the endpoint answers with). Errors become ApiError; nothing here shows UI (callers show
 * errors where they happened).
 *
 * The answer is not parsed again here. The server sends every answer through the schema it
 * declares (fastify-type-provider-zod's serializer; the hot comment pages are built as that schema's
 * type and checked against it in the server's tests), so a second parse in the browser would check
 * nothing new, and it cost every page zod itself (~25 KB gzip) and building the schemas as the page
 * starts (~150 ms on a phone-speed CPU). The client's types still come from those schemas.
 */
export async function api<T>(path: string, options: Options = {}): Promise<T> {
  const { method = 'GET', body, signal } = options;
  let res: Response;
  const ask = () =>
    fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        ...(body instanceof FormData || body === undefined ? {} : { 'content-type': 'application/json' }),
        // The interface language: texts with translations (a space's) come in it where they exist.
        ...(document.documentElement.lang ? { 'accept-language': document.documentElement.lang } : {}),
      },
      body: body instanceof FormData ? body : body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  try {
    // The answer the preload module already asked for, if it did (src/lib/early.ts); else, or if it failed, ask.
    const early = method === 'GET' ? takeEarly(path, document.documentElement.lang) : null;
    res = early ? await early.catch(ask) : await ask();
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiError(0, 'network', 'network');
  }
  const text = await res.text();
  const data: unknown = text ? safeJson(text) : undefined;
  if (!res.ok) {
    throw apiError(res.status, data, res.headers.get('x-request-id') ?? undefined);
  }
  return data as T;
}

/**
 * The ApiError for an answer that is not 2xx: the server's `{ error: { code, message, … } }` as it
 * sent it (a proxy's or a crashed server's page gets `http_error`), the field list only where it is one.
 */
export function apiError(status: number, data: unknown, requestId?: string): ApiError {
  const error = (data as Partial<ErrorResponse> | undefined)?.error;
  if (!error || typeof error.code !== 'string' || typeof error.message !== 'string')
    return new ApiError(status, 'http_error', `HTTP ${status}`, [], undefined, requestId);
  const fields = (error.details as { fields?: unknown } | undefined)?.fields;
  return new ApiError(
    status,
    error.code,
    error.message,
    Array.isArray(fields) ? fields.filter(isFieldError) : [],
    error.details,
    typeof error.requestId === 'string' ? error.requestId : requestId,
  );
}

const isFieldError = (f: unknown): f is FieldError =>
  typeof (f as FieldError | null)?.field === 'string' && typeof (f as FieldError).message === 'string';

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
