import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { notFound } from '../errors.js';

/**
 * Serves the built web client and falls back to its index.html for client-side routes.
 * Unknown /api paths and missing files stay JSON 404s.
 */
export const webPlugin = fp<{ root: string }>(
  async (app: FastifyInstance, { root }) => {
    const hasClient = root !== '' && existsSync(join(root, 'index.html'));
    if (hasClient) {
      await app.register(fastifyStatic, {
        root,
        wildcard: false,
        index: false,
        // The build writes brotli and gzip copies beside each file (web/vite.config.ts): sent as
        // they are, compressed once at their best level instead of on every request.
        preCompressed: true,
        cacheControl: false,
        setHeaders: (res, path) => {
          // Vite names everything under assets/ by its content hash: a changed file is a new name,
          // so a browser may keep these for a year without asking again. Other files (favicon)
          // for an hour; index.html is never cached without asking (see below).
          const hashed = /[\\/]assets[\\/][^\\/]+-[\w-]{8}\.[a-z0-9.]+$/i.test(path);
          res.setHeader('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'public, max-age=3600');
          res.setHeader('vary', 'accept-encoding');
        },
      });
    }
    app.setNotFoundHandler((request, reply) => {
      const path = request.url.split('?')[0] ?? '';
      // Client routes have no file extension; a missing file (a stale chunk after a deploy, say)
      // must be a 404, not the page's HTML under a script's name.
      const isFile = /\.[a-z0-9]+$/i.test(path);
      const wantsPage = request.method === 'GET' && !isFile && !path.startsWith('/api/') && path !== '/api';
      if (hasClient && wantsPage) {
        return reply.header('cache-control', 'no-cache').sendFile('index.html');
      }
      throw notFound('Route');
    });
  },
  { name: 'web' },
);
