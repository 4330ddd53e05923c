import { errorResponse, type FieldError } from '@convene/shared';
import type { z } from 'zod';
import { takeEarly } from './early';

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

interface Options<S extends z.ZodType> {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** Schema the answer is parsed with: the same one the server answers with. */
  schema?: S;
  signal?: AbortSignal;
}

/**
 * The one way the client talks to the API: JSON in, JSON out, parsed with the shared schemas.
 * Errors become ApiError; nothing here shows UI (callers show errors where they happened).
 */
export async function api<S extends z.ZodType>(path: string, options: Options<S> = {}): Promise<z.output<S>> {
  const { method = 'GET', body, schema, signal } = options;
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
    const parsed = errorResponse.safeParse(data);
    const requestId = res.headers.get('x-request-id') ?? undefined;
    if (parsed.success) {
      const { code, message, details } = parsed.data.error;
      const fields = (details as { fields?: FieldError[] } | undefined)?.fields ?? [];
      throw new ApiError(res.status, code, message, fields, details, parsed.data.error.requestId ?? requestId);
    }
    throw new ApiError(res.status, 'http_error', `HTTP ${res.status}`, [], undefined, requestId);
  }
  return schema ? schema.parse(data) : (data as z.output<S>);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
