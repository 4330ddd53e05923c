import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: Database;
    config: Config;
  }
}

/** Makes the database handle and the configuration available to every plugin and route. */
export const corePlugin = fp<{ db: Database; config: Config }>(
  async (app, { db, config }) => {
    app.decorate('db', db);
    app.decorate('config', config);
  },
  { name: 'core' },
);

export type App = FastifyInstance;
