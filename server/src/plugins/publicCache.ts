import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { Counter, Gauge } from 'prom-client';
import { negotiateLanguage } from '../routes/spaces/language.js';
import { BROTLI_QUALITY, COMPRESS_THRESHOLD } from './compression.js';

declare module 'fastify' {
  interface FastifyInstance {
    publicCache: PublicCache;
  }
}

type Encoding = 'br' | 'gzip';

/** One answer's bytes: its JSON text, ETag and, made on first need, its compressed forms. */
interface Variant {
  text: string;
  etag: string;
  br?: Buffer;
  gzip?: Buffer;
}

interface Entry extends Variant {
  spaceId: string;
  storedAt: number;
  bytes: number;
  /** What a signed-in viewer's overlay needs to know of this answer (`overlaidRead`). */
  meta: unknown;
  /** Signed-in viewers' answers made from this one, by their overlay's signature; they go with it. */
  views?: Map<string, Variant>;
}

/** At most this many signed-in variants are kept with one entry (participants usually share one). */
const MAX_VIEWS = 8;

/** What a read saw of the invalidations before it started (`PublicCache.ticket`). */
export type Ticket = number;

export interface PublicCacheOptions {
  enabled: boolean;
  maxBytes: number;
  ttlMs: number;
}

/** A strong ETag of the bytes sent (the JSON text, before any Content-Encoding). */
export function etagOf(body: string | Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** Whether `If-None-Match` names this ETag (or `*`); `W/` prefixes compare equal (RFC 9110 weak comparison). */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  return header.split(',').some((t) => bare(t) === etag || t.trim() === '*');
}

/** The encoding to send a stored entry in: brotli when accepted, else gzip, else none. */
export function pickEncoding(header: string | undefined): Encoding | null {
  if (!header) return null;
  const q = new Map<string, number>();
  for (const part of header.slice(0, 500).split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const value = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    q.set(name.trim(), value === undefined ? 1 : Number(value));
  }
  const accepts = (e: string) => (q.get(e) ?? q.get('*') ?? 0) > 0;
  if (accepts('br')) return 'br';
  if (accepts('gzip')) return 'gzip';
  return null;
}

/**
 * The in-memory cache of anonymous reads on this instance: the JSON text of a response (and its
 * brotli/gzip forms, made on first need) by route, query and language; the least recently used
 * go first once `maxBytes` is reached, and nothing is served after `ttlMs`.
 *
 * Invalidation: every events row this instance's live hub reads drops the entries of its space
 * (`dropSpace`); a skipped backlog, a sessions notice (deletion, anonymisation, disabling) or a
 * change made through this instance drops everything (`dropAll`). A read that began before an
 * invalidation touching its space never stores its result (`ticket`): it may have read the old
 * state.
 */
export class PublicCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  /** Counts invalidations; `lastDrop` says when each space was last dropped, `allDroppedAt` everything. */
  private seq = 0;
  private allDroppedAt = 0;
  private readonly lastDrop = new Map<string, number>();
  hits = 0;
  misses = 0;
  /** Signed-in reads answered as the public answer plus an overlay, and those computed in full instead. */
  overlays = 0;
  fullReads = 0;

  constructor(readonly opts: PublicCacheOptions) {}

  get enabled(): boolean {
    return this.opts.enabled;
  }

  get size(): number {
    return this.entries.size;
  }

  get storedBytes(): number {
    return this.bytes;
  }

  /** Taken before a read's first query. */
  ticket(): Ticket {
    return this.seq;
  }

  get(key: string): Entry | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (Date.now() - e.storedAt > this.opts.ttlMs) {
      this.delete(key, e);
      return undefined;
    }
    // Most recently used last.
    this.entries.delete(key);
    this.entries.set(key, e);
    return e;
  }

  /** Stores a read's result unless its space (or everything) was dropped since its ticket. */
  set(key: string, ticket: Ticket, text: string, etag: string, spaceId: string, meta: unknown = null): Entry | null {
    if (!this.opts.enabled || this.allDroppedAt > ticket || (this.lastDrop.get(spaceId) ?? 0) > ticket) return null;
    const bytes = text.length * 2;
    if (bytes > this.opts.maxBytes / 8) return null;
    const old = this.entries.get(key);
    if (old) this.delete(key, old);
    const e: Entry = { text, etag, spaceId, storedAt: Date.now(), bytes, meta };
    this.entries.set(key, e);
    this.bytes += bytes;
    this.evict();
    return e;
  }

  /** The bytes of the entry (or of one of its views) in this encoding, compressed once and kept with it. */
  encoded(key: string, e: Entry, encoding: Encoding, variant: Variant = e): Buffer {
    const have = variant[encoding];
    if (have) return have;
    const buf =
      encoding === 'br'
        ? brotliCompressSync(variant.text, { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } })
        : gzipSync(variant.text);
    variant[encoding] = buf;
    this.grow(key, e, buf.length);
    return buf;
  }

  /**
   * A signed-in viewer's answer made from an entry by an overlay (`signature` names what it
   * changes), kept with the entry so that viewers of the same overlay share its bytes, ETag and
   * compressed forms, and dropped with it. Null when `make` cannot make it.
   */
  view(key: string, e: Entry, signature: string, make: (text: string) => string | null): Variant | null {
    const have = e.views?.get(signature);
    if (have) return have;
    const text = make(e.text);
    if (text === null) return null;
    const v: Variant = { text, etag: etagOf(text) };
    if (this.entries.get(key) === e && (e.views?.size ?? 0) < MAX_VIEWS) {
      (e.views ??= new Map()).set(signature, v);
      this.grow(key, e, text.length * 2);
    }
    return v;
  }

  private grow(key: string, e: Entry, bytes: number): void {
    if (this.entries.get(key) !== e) return;
    e.bytes += bytes;
    this.bytes += bytes;
    this.evict();
  }

  dropSpace(spaceId: string): void {
    this.seq += 1;
    this.lastDrop.set(spaceId, this.seq);
    for (const [key, e] of this.entries) if (e.spaceId === spaceId) this.delete(key, e);
  }

  dropAll(): void {
    this.seq += 1;
    this.allDroppedAt = this.seq;
    // Older per-space marks are covered by this one.
    this.lastDrop.clear();
    this.entries.clear();
    this.bytes = 0;
  }

  private delete(key: string, e: Entry): void {
    this.entries.delete(key);
    this.bytes -= e.bytes;
  }

  private evict(): void {
    for (const [key, e] of this.entries) {
      if (this.bytes <= this.opts.maxBytes) break;
      this.delete(key, e);
    }
  }
}

/**
 * Requests that change nothing an anonymous page shows (or, for a new comment, add to it: its
 * event brings it in) and are frequent while people browse: they do not empty this instance's cache.
 */
const HARMLESS = new Set([
  'POST /api/preview',
  'POST /api/spaces/:slug/comments',
  'PUT /api/spaces/:slug/seen',
  'POST /api/me/notifications/read',
  'POST /api/auth/login',
  'POST /api/auth/register',
]);

/**
 * The anonymous read cache (`PUBLIC_CACHE`, `PUBLIC_CACHE_MAX_MB`, `PUBLIC_CACHE_TTL_SECONDS`),
 * fed by the live hub's events (`app.live.delivered`, chained after the metrics' hook) and by
 * this instance's own changes: any successful POST/PUT/PATCH/DELETE here empties it before its
 * response is sent, so a moderator's decision is never contradicted by a cached page on the
 * instance that made it, and other instances drop the space's entries when its event arrives.
 *
 * Metrics: `convene_public_cache_entries`, `convene_public_cache_bytes`,
 * `convene_public_cache_lookups_total{result="hit"|"miss"}`.
 */
export const publicCachePlugin = fp(
  async (app: FastifyInstance) => {
    const cache = new PublicCache(app.config.publicCache);
    app.decorate('publicCache', cache);

    const hub = app.live;
    const delivered = hub.delivered;
    hub.delivered = (row) => {
      delivered?.(row);
      if (row.spaceId) cache.dropSpace(row.spaceId);
      else cache.dropAll();
    };
    const skipped = hub.skippedBacklog;
    hub.skippedBacklog = (upToId) => {
      skipped?.(upToId);
      cache.dropAll();
    };
    const notice = hub.sessionNotice;
    hub.sessionNotice = (payload) => {
      notice?.(payload);
      cache.dropAll();
    };

    app.addHook('onSend', async (request, reply, payload) => {
      if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return payload;
      if (reply.statusCode >= 400) return payload;
      if (HARMLESS.has(`${request.method} ${request.routeOptions.url ?? ''}`)) return payload;
      cache.dropAll();
      return payload;
    });

    const lookups = new Counter({
      name: 'convene_public_cache_lookups_total',
      help: 'Anonymous reads of cached routes, by whether the public cache answered (hit) or not (miss)',
      labelNames: ['result'] as const,
      registers: [app.metrics],
      collect() {
        this.reset();
        this.inc({ result: 'hit' }, cache.hits);
        this.inc({ result: 'miss' }, cache.misses);
      },
    });
    void lookups;
    new Counter({
      name: 'convene_public_cache_overlay_total',
      help: 'Signed-in reads of overlaid routes: answered as the cached public answer plus the viewer overlay (overlay), or computed in full (full)',
      labelNames: ['result'] as const,
      registers: [app.metrics],
      collect() {
        this.reset();
        this.inc({ result: 'overlay' }, cache.overlays);
        this.inc({ result: 'full' }, cache.fullReads);
      },
    });
    new Gauge({
      name: 'convene_public_cache_entries',
      help: 'Responses held by the public read cache of this instance',
      registers: [app.metrics],
      collect() {
        this.set(cache.size);
      },
    });
    new Gauge({
      name: 'convene_public_cache_bytes',
      help: 'Approximate bytes held by the public read cache of this instance (text and compressed forms)',
      registers: [app.metrics],
      collect() {
        this.set(cache.storedBytes);
      },
    });
  },
  { name: 'publicCache', dependencies: ['core', 'live', 'metrics'] },
);

export interface CachedRead {
  /** Computes the response (runs on a miss, and for every signed-in viewer); `meta` is kept with a stored answer. */
  compute(): Promise<{ value: unknown; spaceId: string; meta?: unknown }>;
  /** Whether the anonymous answer may be cached (e.g. not searches). */
  cacheable?: boolean;
}

const JSON_TYPE = 'application/json; charset=utf-8';
// Lower-case accept-encoding: @fastify/compress adds it unless it finds exactly that.
const VARY = 'Cookie, Accept-Language, accept-encoding';

/** The cache key of a read: route, path parameters, the validated query (sorted), negotiated language. */
function cacheKey(request: FastifyRequest): string {
  return `${request.routeOptions.url ?? request.url}\n${JSON.stringify(request.params)}\n${JSON.stringify(
    Object.entries(request.query as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
  )}\n${negotiateLanguage(request.headers['accept-language']) ?? ''}`;
}

/**
 * Serves a cacheable GET read: from the public cache for an anonymous viewer when it holds the
 * answer, else computed. Every answer gets a strong ETag of its bytes and
 * `Cache-Control: private, no-cache` (browsers revalidate; `If-None-Match` gets 304), and
 * `Vary: Cookie, Accept-Language, Accept-Encoding`. `X-Cache` says `hit` or `miss` (anonymous) or
 * `bypass` (computed for a signed-in viewer).
 */
export async function cachedRead(
  request: FastifyRequest,
  reply: FastifyReply,
  read: CachedRead,
): Promise<FastifyReply> {
  const cache = request.server.publicCache;
  const key = cache.enabled && request.user === null && read.cacheable !== false ? cacheKey(request) : null;

  if (key) {
    const hit = cache.get(key);
    if (hit) {
      cache.hits += 1;
      return send(request, reply, hit.text, hit.etag, 'hit', (enc) => cache.encoded(key, hit, enc));
    }
    cache.misses += 1;
  }
  const ticket = cache.ticket();
  const { value, spaceId, meta } = await read.compute();
  const text = reply.serialize(value) as string;
  // Encoded once: hashed for the ETag and sent as these bytes (a page of 100 is ~300 KB).
  const body = Buffer.from(text);
  const etag = etagOf(body);
  const stored = key ? cache.set(key, ticket, text, etag, spaceId, meta) : null;
  return send(
    request,
    reply,
    body,
    etag,
    key ? 'miss' : cache.enabled ? 'bypass' : null,
    stored && key ? (enc) => cache.encoded(key, stored, enc) : null,
  );
}

/**
 * How a signed-in viewer's answer differs from the public one: `apply` rewrites the public JSON
 * text into theirs (null if it cannot), and `signature` names the rewrite (equal signatures, equal
 * results), so viewers with the same overlay share one stored answer.
 */
export interface Overlay {
  signature: string;
  apply(publicText: string): string | null;
}

export interface OverlaidRead<M> {
  /** The public (anonymous) answer, as a guest would get it, and what `overlay` needs of it. */
  computePublic(): Promise<{ value: unknown; spaceId: string; meta: M }>;
  /**
   * The viewer's overlay on that answer, or their answer computed in full when theirs is not the
   * public one plus an overlay (one question to the database either way).
   */
  overlayOrFull(meta: M): Promise<{ overlay: Overlay } | { full: unknown }>;
  /** The viewer's answer computed in full (when the overlay cannot be applied). */
  computeFull(): Promise<{ value: unknown; spaceId: string }>;
}

/**
 * A signed-in viewer's read as the cached public answer plus their overlay: the public answer
 * comes from the cache (computed and stored as a guest's on a miss, with `cachedRead`'s rules),
 * then `overlayOrFull` says what differs for this viewer, asked of the database at each request;
 * an answer computed in full is `X-Cache: bypass`, an overlaid one `X-Cache: overlay`.
 * The public answer may be as stale as a guest's (the live delivery delay on other instances);
 * the overlay is never: it reads the viewer's own state at the request.
 */
export async function overlaidRead<M>(
  request: FastifyRequest,
  reply: FastifyReply,
  read: OverlaidRead<M>,
): Promise<FastifyReply> {
  const cache = request.server.publicCache;
  if (!cache.enabled) return cachedRead(request, reply, { cacheable: false, compute: read.computeFull });
  const key = cacheKey(request);
  let entry = cache.get(key);
  let stored = entry !== undefined;
  if (!entry) {
    const ticket = cache.ticket();
    const { value, spaceId, meta } = await read.computePublic();
    const text = reply.serialize(value) as string;
    const etag = etagOf(text);
    const kept = cache.set(key, ticket, text, etag, spaceId, meta);
    stored = kept !== null;
    entry = kept ?? { text, etag, spaceId, storedAt: Date.now(), bytes: 0, meta };
  }
  const e = entry;
  const answer = await read.overlayOrFull(e.meta as M);
  if ('full' in answer) {
    cache.fullReads += 1;
    return cachedRead(request, reply, {
      cacheable: false,
      compute: async () => ({ value: answer.full, spaceId: e.spaceId }),
    });
  }
  const { overlay } = answer;
  const view = cache.view(key, e, overlay.signature, (text) => overlay.apply(text));
  if (!view) {
    cache.fullReads += 1;
    return cachedRead(request, reply, { cacheable: false, compute: read.computeFull });
  }
  cache.overlays += 1;
  const kept = stored && e.views?.get(overlay.signature) === view;
  return send(request, reply, view.text, view.etag, 'overlay', kept ? (enc) => cache.encoded(key, e, enc, view) : null);
}

function send(
  request: FastifyRequest,
  reply: FastifyReply,
  body: string | Buffer,
  etag: string,
  xCache: 'hit' | 'miss' | 'bypass' | 'overlay' | null,
  encoded: ((enc: Encoding) => Buffer) | null,
): FastifyReply {
  void reply.header('etag', etag).header('cache-control', 'private, no-cache').header('vary', VARY);
  if (xCache) void reply.header('x-cache', xCache);
  if (matchesEtag(request.headers['if-none-match'], etag)) return reply.code(304).send();
  void reply.type(JSON_TYPE);
  // Stored entries keep their compressed forms; other answers are compressed by @fastify/compress.
  const enc =
    encoded && body.length >= COMPRESS_THRESHOLD && request.headers['x-no-compression'] === undefined
      ? pickEncoding(request.headers['accept-encoding'])
      : null;
  if (enc && encoded) {
    return reply.header('content-encoding', enc).send(encoded(enc));
  }
  return reply.send(body);
}
