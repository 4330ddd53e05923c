import Fastify from 'fastify';
import { buildApp } from '../../server/src/app.js';
import { testConfig } from '../../server/src/config.js';
import { createDb } from '../../server/src/db/client.js';
import { pickEncoding } from '../../server/src/plugins/publicCache.js';

/**
 * A server for the read benchmarks, run as a child process of the bench (`serveChild` in
 * harness.ts) so its memory is its own: `app` (the whole app on DATABASE_URL) or `bare` (a bare
 * Fastify route serving bytes it is given, per Content-Encoding, negotiated from Accept-Encoding
 * exactly as the app's public cache does). Reports `{ port }` over IPC once listening.
 */
interface Bodies {
  contentType: string;
  etag: string;
  /** base64 of the bytes per encoding: 'br', 'gzip', 'identity'. */
  bodies: Record<string, string>;
}

const mode = process.argv[2];
const send = (msg: unknown) => process.send?.(msg);

if (mode === 'app') {
  const url = process.env.DATABASE_URL ?? '';
  const handle = createDb(url);
  const app = await buildApp({ db: handle.db, config: testConfig(), logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  send({ port: typeof address === 'object' && address ? address.port : 0 });
  // Where the memory is: the V8 heap, buffers, and what the public cache holds.
  process.on('message', (m) => {
    if ((m as { type?: string }).type === 'memory')
      send({ type: 'memory', usage: process.memoryUsage(), cacheBytes: app.publicCache.storedBytes });
  });
  process.on('disconnect', () => void app.close().then(() => handle.close().then(() => process.exit(0))));
} else if (mode === 'bare') {
  const given = await new Promise<Bodies>((resolve) => process.once('message', (m) => resolve(m as Bodies)));
  const bodies = Object.fromEntries(Object.entries(given.bodies).map(([k, v]) => [k, Buffer.from(v, 'base64')]));
  const app = Fastify({ logger: false });
  app.get('/*', (request, reply) => {
    const enc = pickEncoding(request.headers['accept-encoding']) ?? 'identity';
    const body = bodies[enc] ?? bodies.identity;
    void reply.header('content-type', given.contentType).header('etag', given.etag).header('vary', 'accept-encoding');
    if (enc !== 'identity') void reply.header('content-encoding', enc);
    return reply.send(body);
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  send({ port: typeof address === 'object' && address ? address.port : 0 });
  process.on('disconnect', () => void app.close().then(() => process.exit(0)));
} else {
  throw new Error(`serve.ts: unknown mode ${String(mode)}`);
}
