import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { buildApp, type ConveneApp } from '../../server/src/app.js';
import type { Config } from '../../server/src/config.js';
import type { Database } from '../../server/src/db/client.js';
import { users } from '../../server/src/db/schema/index.js';
import {
  HOSTILE_STRINGS,
  type Hints,
  type JsonSchema,
  type Mutation,
  applyMutation,
  hostileValue,
  mutationArb,
  resolveRef,
  toJson,
  validValue,
  wrongValue,
} from './schema.js';
import { type Account, FILES, type World, multipart, seedWorld, signIn } from './world.js';

export type Role = 'anonymous' | 'participant' | 'admin';
export const ROLES: readonly Role[] = ['anonymous', 'participant', 'admin'];

/** Not fuzzed here, and why. Everything else in the OpenAPI document is. */
export const SKIPPED = [
  {
    route: 'GET /api/live',
    why: 'the WebSocket live channel: not an HTTP operation and not in the OpenAPI document; its message protocol is tested in tests/live/',
  },
];

interface Param {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  schema: JsonSchema;
}

export interface Operation {
  key: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  params: Param[];
  query: Param[];
  body: { kind: 'json' | 'multipart'; schema: JsonSchema; required: boolean } | null;
}

type OpenApi = {
  paths: Record<string, Record<string, Record<string, any>>>;
  components?: { schemas?: Record<string, JsonSchema> };
};

/** Every operation of the OpenAPI document, with its parameter and body schemas. */
export function operationsOf(doc: OpenApi): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [m, op] of Object.entries(methods)) {
      const method = m.toUpperCase() as Operation['method'];
      if (!['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(method)) continue;
      const params = ((op.parameters ?? []) as Param[]).map((p) => ({ ...p, schema: resolveRef(p.schema, doc) }));
      const content = op.requestBody?.content ?? {};
      const json = content['application/json']?.schema as JsonSchema | undefined;
      const form = content['multipart/form-data']?.schema as JsonSchema | undefined;
      ops.push({
        key: `${method} ${path}`,
        method,
        path,
        params: params.filter((p) => p.in === 'path'),
        query: params.filter((p) => p.in === 'query'),
        body: json
          ? { kind: 'json', schema: resolveRef(json, doc), required: Boolean(op.requestBody?.required) }
          : form
            ? { kind: 'multipart', schema: resolveRef(form, doc), required: true }
            : null,
      });
    }
  }
  return ops;
}

// ---------------------------------------------------------------------------------------------
// Generated requests: structured values (so fast-check shrinks them), serialised at the end.

/** A path segment: a value to percent-encode, or raw text put in the URL as it is. */
type Segment = { raw: false; value: unknown } | { raw: true; value: string };

type Body =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  | { kind: 'text'; text: string; contentType: string | null }
  | {
      kind: 'multipart';
      parts: { name: string; filename: string | null; file: 'png' | 'pdf' | 'garbage' | 'empty' | 'text' }[];
      cut: number;
    };

export interface Input {
  path: Record<string, Segment>;
  query: [string, unknown][];
  body: Body;
}

/** Percent-encodes like encodeURIComponent, but lone surrogates become their (invalid) WTF-8 bytes. */
export function encodeSegment(value: unknown): string {
  const s = typeof value === 'string' ? value : typeof value === 'object' ? toJson(value) : String(value);
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const next = s.charCodeAt(i + 1);
    if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      out += encodeURIComponent(s.slice(i, i + 2));
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      out +=
        `%${(0xe0 | (c >> 12)).toString(16)}%${(0x80 | ((c >> 6) & 0x3f)).toString(16)}%${(0x80 | (c & 0x3f)).toString(16)}`.toUpperCase();
    } else out += encodeURIComponent(s[i] ?? '');
  }
  return out;
}

const RAW_SEGMENTS = ['%', '%zz', '%E0%A4%A', '%ff', '%00', '..', '.', '%2e%2e', 'a%2Fb', '%C0%AF', '%u0041'];

const RAW_BODIES: [string, string | null][] = [
  ['', 'application/json'],
  ['not json', 'application/json'],
  ['{', 'application/json'],
  ['{"a":1,"a":2}', 'application/json'],
  ['1e999', 'application/json'],
  ['[1e999, -1e999]', 'application/json'],
  ['{"version":1e999}', 'application/json'],
  ['{"__proto__":{"polluted":true}}', 'application/json'],
  ['{"constructor":{"prototype":{"polluted":true}}}', 'application/json'],
  ['"\\u0000"', 'application/json'],
  ['{"body":"\\ud800"}', 'application/json'],
  ['['.repeat(5000), 'application/json'],
  ['{"a":'.repeat(5000) + '1' + '}'.repeat(5000), 'application/json'],
  ['{"a":1}', 'text/plain'],
  ['a=1&b=2', 'application/x-www-form-urlencoded'],
  ['{"a":1}', 'application/json; charset=latin1'],
  ['{"a":1}', 'application/json; charset=utf-16'],
  ['{"a":1}', null],
  ['\ufeff{}', 'application/json'],
  ['{}', 'multipart/form-data'],
  ['{}', '\u0000'],
  ['{}', 'application/json\r\nX-Injected: 1'],
];

const MARKDOWN = [
  'A **bold** claim with _emphasis_, `code` and a [link](https://example.org).',
  '# Heading\n\n- one\n- two\n\n1. first\n2. second\n\n> a quote',
  '<script>alert(1)</script><img src=x onerror=alert(1)>',
  '[click](javascript:alert(1)) ![img](data:text/html;base64,PHNjcmlwdD4=)',
  `${'*'.repeat(500)}${'['.repeat(500)}${'_'.repeat(500)}`,
  '| a | b |\n|---|---|\n| 1 | 2 |',
  `Citation [@${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}] in a note.`,
  'Les migrants contribuent à l’économie. Los migrantes contribuyen a la economía.',
];

/** Field names whose real values come from the seeded world. */
function hintsFor(world: World, op: Operation): Hints {
  const pick = <T>(xs: T[]) => (xs.length ? fc.constantFrom(...xs) : undefined);
  return (name, schema) => {
    switch (name) {
      case 'questionId':
      case 'parentId': {
        // A question or parent must be of the same space: mostly none, so that posts get through.
        const pool = name === 'questionId' ? world.questionIds : world.commentIds;
        const none = op.method === 'GET' ? fc.constant(undefined) : fc.constant(null);
        return fc.oneof({ arbitrary: none, weight: 3 }, { arbitrary: fc.constantFrom(...pool), weight: 1 });
      }
      case 'commentId':
      case 'ids':
      case 'commentIds':
        return pick(world.commentIds);
      case 'tag':
      case 'tags':
        return pick(world.tags);
      case 'cursor':
        return pick(world.cursors);
      case 'email': {
        const known = op.path.includes('/roles')
          ? [...world.victimEmails, world.participant.email]
          : world.victimEmails;
        return fc.oneof(fc.constantFrom(...known), fc.stringMatching(/^fz[a-z0-9]{1,12}@example\.(org|net)$/));
      }
      case 'country':
        return fc.constantFrom('KE', 'FR', 'MX', 'PH', 'DE', 'BR');
      case 'password':
        return fc.constantFrom('victim password 12345', 'wrong password 12345');
      case 'slug':
        return fc.oneof(pick(world.slugs) ?? fc.constant('x'), fc.stringMatching(/^fz-[a-z0-9]{1,12}$/));
      case 'parentSlug':
        return pick(world.slugs);
      case 'version':
        return fc.integer({ min: 1, max: 4 });
      case 'before':
        return fc.integer({ min: 2, max: 5 });
      case 'body':
      case 'bodyMd':
      case 'background':
        return schema.type === 'string'
          ? fc.oneof(fc.constantFrom(...MARKDOWN), fc.lorem({ maxCount: 30 }))
          : undefined;
      default:
        return undefined;
    }
  };
}

/** Real values for a path parameter, by the collection the path names before it. */
function pathPool(world: World, op: Operation, name: string): unknown[] {
  if (name === 'slug') return world.slugs;
  if (name === 'version') return [1, 2, 3];
  const before = op.path.split('/{')[0]?.split('/').pop() ?? '';
  const segments = op.path.split('/');
  const collection = segments[segments.indexOf(`{${name}}`) - 1] ?? before;
  switch (collection) {
    case 'comments':
      // The participant's own comments thrice: the author-only operations then reach their handlers.
      return [...world.commentIds, ...world.ownCommentIds, ...world.ownCommentIds, ...world.ownCommentIds];
    case 'attachments':
      return world.attachmentIds;
    case 'notes':
      return world.noteIds;
    case 'users':
      return world.victimIds;
    case 'questions':
      return world.questionIds;
    default:
      return [];
  }
}

function segmentArb(world: World, op: Operation, p: Param, hints: Hints): fc.Arbitrary<Segment> {
  const pool = pathPool(world, op, p.name);
  const encoded = (a: fc.Arbitrary<unknown>) => a.map((value): Segment => ({ raw: false, value }));
  const options: fc.WeightedArbitrary<Segment>[] = [
    { arbitrary: encoded(validValue(p.schema, p.name, hints)), weight: 2 },
    { arbitrary: encoded(fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), hostileValue)), weight: 2 },
    { arbitrary: fc.constantFrom(...RAW_SEGMENTS).map((value): Segment => ({ raw: true, value })), weight: 1 },
  ];
  if (pool.length) options.push({ arbitrary: encoded(fc.constantFrom(...pool)), weight: 7 });
  return fc.oneof(...options);
}

function queryArb(op: Operation, hints: Hints): fc.Arbitrary<[string, unknown][]> {
  const entries = op.query.map((p) => {
    const value = fc.oneof(
      { arbitrary: validValue(p.schema, p.name, hints), weight: 5 },
      { arbitrary: wrongValue(p.schema), weight: 1 },
    );
    return p.required
      ? fc.option(value, { nil: undefined, freq: 12 }).map((v) => [p.name, v] as [string, unknown])
      : fc.option(value, { nil: undefined, freq: 2 }).map((v) => [p.name, v] as [string, unknown]);
  });
  const extra = fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 5 },
    {
      arbitrary: fc.tuple(
        fc.oneof(
          fc.constantFrom('extra', '__proto__', 'limit', 'q', 'cursor', '\u0000', ''),
          fc.string({ maxLength: 8 }),
        ),
        hostileValue,
      ),
      weight: 1,
    },
  );
  return fc
    .tuple(fc.tuple(...entries), extra)
    .map(([es, x]) => [...es.filter(([, v]) => v !== undefined), ...(x ? [x] : [])] as [string, unknown][]);
}

function jsonBodyArb(schema: JsonSchema, hints: Hints): fc.Arbitrary<Body> {
  const valid = validValue(schema, '', hints);
  const json = (a: fc.Arbitrary<unknown>) => a.map((value): Body => ({ kind: 'json', value }));
  return fc.oneof(
    { arbitrary: json(valid), weight: 4 },
    {
      arbitrary: json(
        fc
          .tuple(
            // One edit (or two) away from a body the handler would accept: real ids, known tags.
            validValue(schema, '', hints, 0, true),
            mutationArb(schema),
            fc.oneof({ arbitrary: fc.constant(null), weight: 3 }, { arbitrary: mutationArb(schema), weight: 1 }),
          )
          .map(([v, m1, m2]) =>
            [m1, ...(m2 ? [m2] : [])].reduce<unknown>((acc, m: Mutation) => applyMutation(acc, m), v),
          ),
      ),
      weight: 4,
    },
    { arbitrary: rawBodyArb, weight: 1 },
    { arbitrary: fc.constant<Body>({ kind: 'none' }), weight: 1 },
  );
}

const rawBodyArb: fc.Arbitrary<Body> = fc
  .constantFrom(...RAW_BODIES)
  .map(([text, contentType]): Body => ({ kind: 'text', text, contentType }));

const multipartArb: fc.Arbitrary<Body> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant('multipart' as const),
      parts: fc.array(
        fc.record({
          name: fc.oneof(
            { arbitrary: fc.constant('file'), weight: 6 },
            { arbitrary: fc.constantFrom('other', '', 'file[]', '\u0000'), weight: 1 },
          ),
          filename: fc.oneof(
            { arbitrary: fc.constantFrom('chart.png', 'report.pdf', 'notes.docx'), weight: 4 },
            { arbitrary: fc.constantFrom(...HOSTILE_STRINGS.filter((s) => s.length < 100)), weight: 2 },
            { arbitrary: fc.constant(null), weight: 1 },
          ),
          file: fc.constantFrom('png' as const, 'pdf' as const, 'garbage' as const, 'empty' as const, 'text' as const),
        }),
        { minLength: 0, maxLength: 3 },
      ),
      cut: fc.oneof(
        { arbitrary: fc.constant(0), weight: 4 },
        { arbitrary: fc.integer({ min: 1, max: 200 }), weight: 1 },
      ),
    }),
    weight: 8,
  },
  { arbitrary: rawBodyArb, weight: 1 },
  { arbitrary: fc.constant<Body>({ kind: 'none' }), weight: 1 },
);

const strayBodyArb: fc.Arbitrary<Body> = fc.oneof(
  { arbitrary: fc.constant<Body>({ kind: 'none' }), weight: 8 },
  { arbitrary: hostileValue.map((value): Body => ({ kind: 'json', value })), weight: 1 },
  { arbitrary: rawBodyArb, weight: 1 },
);

/** A request valid in every part (real ids in the path, no mutation): what reaches the handlers. */
function validInputArb(world: World, op: Operation, hints: Hints): fc.Arbitrary<Input> {
  const path: Record<string, fc.Arbitrary<Segment>> = {};
  for (const p of op.params) {
    const pool = pathPool(world, op, p.name);
    const value = pool.length ? fc.constantFrom(...pool) : validValue(p.schema, p.name, hints, 0, true);
    path[p.name] = value.map((v): Segment => ({ raw: false, value: v }));
  }
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const p of op.query) model[p.name] = validValue(p.schema, p.name, hints, 0, true);
  const query = fc
    .record(model, { requiredKeys: op.query.filter((p) => p.required).map((p) => p.name) })
    .map((q) => Object.entries(q) as [string, unknown][]);
  const body: fc.Arbitrary<Body> =
    op.body?.kind === 'json'
      ? validValue(op.body.schema, '', hints, 0, true).map((value): Body => ({ kind: 'json', value }))
      : op.body?.kind === 'multipart'
        ? fc.constantFrom('png' as const, 'pdf' as const).map((file): Body => ({
            kind: 'multipart',
            parts: [{ name: 'file', filename: `upload.${file}`, file }],
            cut: 0,
          }))
        : fc.constant<Body>({ kind: 'none' });
  return fc.record({ path: fc.record(path), query, body });
}

/** Valid requests (one in three) and near-valid or hostile ones. */
export function inputArb(world: World, op: Operation): fc.Arbitrary<Input> {
  const hints = hintsFor(world, op);
  return fc.oneof(
    { arbitrary: validInputArb(world, op, hints), weight: 1 },
    { arbitrary: fuzzInputArb(world, op, hints), weight: 2 },
  );
}

function fuzzInputArb(world: World, op: Operation, hints: Hints): fc.Arbitrary<Input> {
  const path: Record<string, fc.Arbitrary<Segment>> = {};
  for (const p of op.params) path[p.name] = segmentArb(world, op, p, hints);
  const body =
    op.body?.kind === 'json'
      ? jsonBodyArb(op.body.schema, hints)
      : op.body?.kind === 'multipart'
        ? multipartArb
        : op.method === 'GET'
          ? fc.constant<Body>({ kind: 'none' })
          : strayBodyArb;
  return fc.record({ path: fc.record(path), query: queryArb(op, hints), body });
}

const FILE_BYTES = {
  png: FILES.png,
  pdf: FILES.pdf,
  garbage: Buffer.from([0x00, 0xff, 0xfe, 0x00, 0x89, 0x50, 0x4e, 0x47, 0x0d]),
  empty: Buffer.alloc(0),
  text: Buffer.from('plain text pretending to be a file\u0000'),
};

export interface Request {
  method: Operation['method'];
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
}

export function toRequest(op: Operation, input: Input): Request {
  let url = op.path;
  for (const [name, seg] of Object.entries(input.path)) {
    url = url.replace(`{${name}}`, seg.raw ? seg.value : encodeSegment(seg.value));
  }
  if (input.query.length) {
    url += `?${input.query.map(([k, v]) => `${encodeSegment(k)}=${encodeSegment(v === null ? '' : v)}`).join('&')}`;
  }
  const headers: Record<string, string> = {};
  const b = input.body;
  if (b.kind === 'json') {
    headers['content-type'] = 'application/json';
    return { method: op.method, url, headers, payload: toJson(b.value) };
  }
  if (b.kind === 'text') {
    if (b.contentType !== null) headers['content-type'] = b.contentType;
    return { method: op.method, url, headers, payload: b.text };
  }
  if (b.kind === 'multipart') {
    const form = multipart(
      b.parts.map((p) => ({
        name: p.name,
        ...(p.filename === null ? {} : { filename: p.filename }),
        data: FILE_BYTES[p.file],
      })),
    );
    headers['content-type'] = form.contentType;
    const payload = b.cut ? form.payload.subarray(0, Math.max(0, form.payload.length - b.cut)) : form.payload;
    return { method: op.method, url, headers, payload };
  }
  return { method: op.method, url, headers };
}

// ---------------------------------------------------------------------------------------------
// Judging a response.

/** The documented error body: `{ error: { code, message, details? } }`, fields listed on 400s. */
export function isErrorBody(body: unknown): boolean {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return false;
  if (Object.keys(body).length !== 1) return false;
  const e = (body as { error?: unknown }).error;
  if (!e || typeof e !== 'object') return false;
  const { code, message, details } = e as Record<string, unknown>;
  if (typeof code !== 'string' || !code || typeof message !== 'string' || !message) return false;
  if (/\n\s+at /.test(message)) return false; // a stack trace
  if (details !== undefined && (typeof details !== 'object' || details === null)) return false;
  if (code === 'validation_failed') {
    const fields = (details as { fields?: unknown } | undefined)?.fields;
    if (!Array.isArray(fields) || !fields.length) return false;
    return fields.every(
      (f) => f && typeof f === 'object' && typeof f.field === 'string' && typeof f.message === 'string',
    );
  }
  return true;
}

const normalise = (s: string) =>
  (s.split('\n')[0] ?? '')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<uuid>')
    .replace(/\d+/g, '#')
    .slice(0, 160);

interface LoggedError {
  type?: string;
  stack?: string;
  query?: string;
  code?: string;
  message?: string;
  cause?: LoggedError;
  originalError?: LoggedError;
}

/**
 * A logged error as one line that names the bug, not the input: its type, its (innermost) message,
 * the SQL statement's verb and table for a failed query, and the function of ours that threw.
 */
function describeError(err: LoggedError): string {
  const stack = err.stack ?? '';
  const cause = /\ncaused by: (?:\w*Error: |error: )?([^\n]*)/.exec(stack)?.[1];
  let message = err.message ?? '';
  if (err.query) {
    const verb = /^\s*(\w+)/.exec(err.query)?.[1] ?? 'query';
    const table = /\b(?:from|into|update)\s+"?(\w+)"?/i.exec(err.query)?.[1] ?? '?';
    message = `${verb} ${table}`;
  }
  const frame = /\n\s+at (?:async )?([^\n]*?)\s*\(?[^\n(]*\/((?:server|shared)\/src\/[^:\n]+)/.exec(stack);
  const where = frame ? ` at ${frame[1] ? `${frame[1]} ` : ''}(${frame[2]})` : '';
  return `${err.type ?? 'Error'}${err.code ? ` ${err.code}` : ''}: ${normalise(message)}${cause ? ` — ${normalise(cause)}` : ''}${where}`;
}

interface Judgement {
  kind: 'server_error' | 'unshaped_error';
  status: number;
  detail: string;
}

function judge(status: number, contentType: string, raw: string, logged: string[]): Judgement | null {
  if (status >= 500) {
    const err = logged
      .map((line) => {
        try {
          return JSON.parse(line) as { level?: number; err?: LoggedError };
        } catch {
          return null;
        }
      })
      .find((l) => l?.err)?.err;
    const detail = err ? describeError(err) : `body ${normalise(raw)}`;
    return { kind: 'server_error', status, detail };
  }
  if (status >= 400) {
    let body: unknown;
    try {
      body = contentType.includes('json') ? JSON.parse(raw) : undefined;
    } catch {
      body = undefined;
    }
    if (!isErrorBody(body)) {
      // Named by its error code (a message often repeats the URL): one failure, not one per URL.
      const code = (body as { code?: unknown } | undefined)?.code;
      const what = typeof code === 'string' ? `code ${code}` : normalise(raw).slice(0, 60);
      return { kind: 'unshaped_error', status, detail: `${contentType.split(';')[0] || 'no content-type'}: ${what}` };
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// The run.

export interface Failure {
  operation: string;
  role: Role;
  kind: Judgement['kind'];
  status: number;
  detail: string;
  request: string;
  shrinks: number;
  seed: number;
  path: string;
}

export interface OperationStats {
  requests: number;
  byClass: Record<'2xx' | '3xx' | '4xx' | '5xx', number>;
}

export interface FuzzReport {
  seed: number;
  runs: number;
  operations: string[];
  skipped: typeof SKIPPED;
  requests: number;
  serverErrorResponses: number;
  unshapedResponses: number;
  statuses: Record<string, number>;
  perOperation: Record<string, OperationStats>;
  failures: Failure[];
  /** Operations no role ever got a 2xx from (only errors reached them). */
  neverSucceeded: string[];
  ms: number;
}

export interface FuzzOptions {
  db: Database;
  config: Config;
  seed: number;
  /** Generated requests per operation and role (before shrinking). */
  runs: number;
  /** Time limit of one operation × role check (generation and shrinking), ms. */
  checkTimeMs?: number;
  /** Distinct failures looked for per operation before moving on. */
  maxFailuresPerOperation?: number;
  /** Only the operations whose key matches. */
  only?: RegExp;
  progress?: (line: string) => void;
}

const seedFor = (seed: number, ...parts: string[]) =>
  createHash('sha256')
    .update([seed, ...parts].join('|'))
    .digest()
    .readInt32LE(0);

/** Renders a request readably, every control character escaped and long runs counted. */
export function describe(req: Request, role: Role): string {
  const esc = (s: string) =>
    JSON.stringify(s)
      .slice(1, -1)
      .replace(/(.)\1{15,}/g, (run, c) => `${c}…(×${run.length})`);
  const lines = [`${req.method} ${esc(req.url)}   [${role}]`];
  for (const [k, v] of Object.entries(req.headers)) lines.push(`${k}: ${esc(v)}`);
  if (req.payload !== undefined) {
    const text = typeof req.payload === 'string' ? req.payload : req.payload.toString('latin1');
    const shown = esc(text);
    lines.push(shown.length > 600 ? `${shown.slice(0, 600)}… (${text.length} chars)` : shown);
  }
  return lines.join('\n');
}

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const started = Date.now();
  const log = options.progress ?? (() => {});
  const logged: string[] = [];
  const app = await buildApp({
    db: options.db,
    config: options.config,
    // Errors are captured (not printed): a 500's server-side cause names the failure.
    logger: { level: 'error', stream: { write: (line: string) => void logged.push(line) } },
  });
  await app.ready();
  try {
    return await fuzzApp(app, options, logged, log, started);
  } finally {
    await app.close();
  }
}

async function fuzzApp(
  app: ConveneApp,
  options: FuzzOptions,
  logged: string[],
  log: (line: string) => void,
  started: number,
): Promise<FuzzReport> {
  const origin = options.config.appOrigin;
  const world = await seedWorld(app, options.db, origin);
  const docRes = await app.inject({ method: 'GET', url: '/api/openapi.json' });
  const ops = operationsOf(JSON.parse(docRes.body) as OpenApi).filter((o) => !options.only || options.only.test(o.key));
  logged.length = 0;

  const cookies: Record<Role, string> = { anonymous: '', participant: '', admin: '' };
  const accounts: Record<Exclude<Role, 'anonymous'>, Account> = { participant: world.participant, admin: world.admin };
  /** Signs the role in again if a fuzzed request ended its session (logout) or changed the account. */
  const ensureSession = async (role: Role) => {
    if (role === 'anonymous') return;
    const account = accounts[role];
    if (cookies[role]) {
      const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: cookies[role] } });
      if (me.statusCode === 200 && (JSON.parse(me.body) as { user?: { id?: string } }).user?.id === account.id) return;
    }
    await options.db
      .update(users)
      .set({ disabled: false, role: role === 'admin' ? 'admin' : 'user' })
      .where(eq(users.id, account.id));
    cookies[role] = (await signIn(app, origin, account)).cookie;
  };

  const report: FuzzReport = {
    seed: options.seed,
    runs: options.runs,
    operations: ops.map((o) => o.key),
    skipped: SKIPPED,
    requests: 0,
    serverErrorResponses: 0,
    unshapedResponses: 0,
    statuses: {},
    perOperation: {},
    failures: [],
    neverSucceeded: [],
    ms: 0,
  };

  const send = async (op: Operation, role: Role, input: Input) => {
    const req = toRequest(op, input);
    const stats = (report.perOperation[op.key] ??= {
      requests: 0,
      byClass: { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0 },
    });
    report.requests += 1;
    stats.requests += 1;
    logged.length = 0;
    let res;
    try {
      res = await app.inject({
        method: req.method,
        url: req.url,
        headers: {
          ...req.headers,
          ...(req.method === 'GET' ? {} : { origin }),
          ...(cookies[role] ? { cookie: cookies[role] } : {}),
        },
        ...(req.payload === undefined ? {} : { payload: req.payload }),
      });
    } catch (err) {
      // light-my-request itself refused it (an illegal header, say): no server involved.
      report.statuses['not sent'] = (report.statuses['not sent'] ?? 0) + 1;
      void err;
      return { req, verdict: null };
    }
    const status = res.statusCode;
    if (process.env.FUZZ_DEBUG) log(`    ${status} ${describe(req, role).slice(0, 300)} → ${res.body.slice(0, 200)}`);
    report.statuses[status] = (report.statuses[status] ?? 0) + 1;
    stats.byClass[`${Math.floor(status / 100)}xx` as keyof OperationStats['byClass']] += 1;
    const verdict = judge(status, String(res.headers['content-type'] ?? ''), res.body, logged);
    if (verdict?.kind === 'server_error') report.serverErrorResponses += 1;
    if (verdict?.kind === 'unshaped_error') report.unshapedResponses += 1;
    return { req, verdict };
  };

  const maxFailures = options.maxFailuresPerOperation ?? 6;
  for (const op of ops) {
    const known = new Set<string>();
    const signature = (v: Judgement) => `${v.status} ${v.kind} ${v.detail}`;
    for (const role of ROLES) {
      const arb = inputArb(world, op);
      const seed = seedFor(options.seed, op.key, role);
      for (let round = 0; round < maxFailures; round++) {
        await ensureSession(role);
        let last: Judgement | null = null;
        const result = await fc.check(
          fc.asyncProperty(arb, async (input) => {
            const { verdict } = await send(op, role, input);
            if (verdict && !known.has(signature(verdict))) {
              last = verdict;
              return false;
            }
            return true;
          }),
          {
            seed,
            numRuns: options.runs,
            interruptAfterTimeLimit: options.checkTimeMs ?? 30_000,
            markInterruptAsFailure: false,
          },
        );
        if (!result.failed || !result.counterexample) break;
        const [input] = result.counterexample;
        await ensureSession(role);
        const replay = await send(op, role, input);
        const verdict: Judgement | null = replay.verdict ?? last;
        if (!verdict) break;
        known.add(signature(verdict));
        if (last) known.add(signature(last));
        const failure: Failure = {
          operation: op.key,
          role,
          kind: verdict.kind,
          status: verdict.status,
          detail: verdict.detail,
          request: describe(replay.req, role),
          shrinks: result.numShrinks,
          seed,
          path: result.counterexamplePath ?? '',
        };
        report.failures.push(failure);
        log(`  ✗ ${op.key} → ${verdict.status} as ${role}: ${verdict.detail}`);
      }
    }
    const stats = report.perOperation[op.key];
    log(
      `${op.key.padEnd(52)} ${String(stats?.requests ?? 0).padStart(5)} requests  2xx ${stats?.byClass['2xx'] ?? 0}  4xx ${stats?.byClass['4xx'] ?? 0}  5xx ${stats?.byClass['5xx'] ?? 0}`,
    );
  }
  report.neverSucceeded = ops.filter((o) => !report.perOperation[o.key]?.byClass['2xx']).map((o) => o.key);
  report.ms = Date.now() - started;
  return report;
}

/** Failures with the same cause, whichever operation showed it; the shortest request as the example. */
export function groupFailures(failures: Failure[]) {
  const groups = new Map<string, { example: Failure; where: string[] }>();
  for (const f of failures) {
    const key = `${f.kind} ${f.status} ${f.detail}`;
    const g = groups.get(key);
    const where = `${f.operation} [${f.role}]`;
    if (!g) groups.set(key, { example: f, where: [where] });
    else {
      if (!g.where.includes(where)) g.where.push(where);
      if (f.request.length < g.example.request.length) g.example = f;
    }
  }
  return [...groups.values()];
}

/** The printed summary. */
export function formatReport(r: FuzzReport): string {
  const out: string[] = [];
  const statuses = Object.entries(r.statuses)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([s, n]) => `${s} ×${n}`)
    .join(', ');
  const server = r.failures.filter((f) => f.kind === 'server_error');
  const unshaped = r.failures.filter((f) => f.kind === 'unshaped_error');
  out.push('');
  out.push(
    `seed ${r.seed}, ${r.runs} generated requests per operation and role (${ROLES.join(', ')}), ${(r.ms / 1000).toFixed(1)} s`,
  );
  out.push(`operations covered: ${r.operations.length} (every operation of /api/openapi.json)`);
  for (const s of r.skipped) out.push(`skipped: ${s.route}: ${s.why}`);
  out.push(`requests sent: ${r.requests}`);
  out.push(`status histogram: ${statuses}`);
  if (r.neverSucceeded.length) out.push(`operations that never answered 2xx: ${r.neverSucceeded.join(', ')}`);
  out.push(
    `server errors found: ${groupFailures(server).length} distinct, in ${new Set(server.map((f) => f.operation)).size} operations (${r.serverErrorResponses} responses with 5xx)`,
  );
  out.push(
    `non-shaped error bodies found: ${groupFailures(unshaped).length} distinct, in ${new Set(unshaped.map((f) => f.operation)).size} operations (${r.unshapedResponses} responses)`,
  );
  groupFailures(r.failures).forEach((g, i) => {
    const f = g.example;
    out.push('');
    out.push(
      `${i + 1}. ${f.status} ${f.kind === 'server_error' ? 'server error' : 'error body not { error: { code, message } }'}: ${f.detail}`,
    );
    out.push(`   in ${g.where.length} operation${g.where.length > 1 ? 's' : ''}: ${g.where.join('; ')}`);
    out.push(`   minimal request (${f.shrinks} shrinks; seed ${f.seed}, path "${f.path}"):`);
    out.push(f.request.replace(/^/gm, '     '));
  });
  return out.join('\n');
}
