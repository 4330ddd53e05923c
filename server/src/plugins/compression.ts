import { constants } from 'node:zlib';
import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** Responses smaller than this are sent as they are (compressing them saves nothing). */
export const COMPRESS_THRESHOLD = 1024;
/** Brotli at quality 4: most of the size win of 11 at a small fraction of its CPU (per request). */
export const BROTLI_QUALITY = 4;

/** JSON and text (HTML, CSS, JavaScript, SVG); never a server-sent event stream. */
const COMPRESSIBLE =
  /^(?:application\/(?:json|[a-z0-9.+-]*\+json|javascript|xml)|text\/(?!event-stream)[a-z0-9.+-]+|image\/svg\+xml)(?:;|$)/i;

/**
 * Downloads are sent as they are: attachments (whatever their type) and exports (XLSX and DOCX
 * are zip files already; CSV/JSON/Markdown are streamed to the browser as files).
 */
const DOWNLOADS = /^\/api\/(?:attachments\/|comments\/[^/]+\/attachments|spaces\/[^/]+\/export)/;

/**
 * HTTP compression (`@fastify/compress`): brotli or gzip, as the client asks (`Accept-Encoding`),
 * for JSON and text responses of at least 1 KB, on routes registered after this plugin. Answers
 * that already carry a `Content-Encoding` (the public read cache sends its stored brotli/gzip
 * bytes) are left alone, and so does nginx (`gzip_proxied any` never re-compresses them).
 */
export const compressionPlugin = fp(
  async (app: FastifyInstance) => {
    // Runs before @fastify/compress's own onRoute hook (registered below): downloads opt out.
    app.addHook('onRoute', (route) => {
      if (DOWNLOADS.test(route.url ?? route.path ?? '')) route.compress = false;
    });
    await app.register(compress, {
      global: true,
      threshold: COMPRESS_THRESHOLD,
      encodings: ['br', 'gzip'],
      customTypes: COMPRESSIBLE,
      brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } },
    });
  },
  { name: 'compression' },
);
