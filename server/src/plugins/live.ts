import websocket from '@fastify/websocket';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { LiveHub } from '../live/hub.js';

declare module 'fastify' {
  interface FastifyInstance {
    live: LiveHub;
  }
}

/**
 * The live hub for this instance. It needs its own PostgreSQL connection for LISTEN, so it
 * takes the connection string of the pool the app was given.
 */
export const livePlugin = fp(
  async (app: FastifyInstance) => {
    const connectionString = app.db.$client.options.connectionString;
    if (!connectionString) throw new Error('live: the database pool needs a connection string');
    const hub = new LiveHub(app.db, { ...app.config.live, connectionString, log: app.log });
    app.decorate('live', hub);
    await app.register(websocket, {
      options: { maxPayload: 16 * 1024 },
      // On shutdown every socket gets 1001 (going away), so clients reconnect elsewhere.
      preClose: async function (this: FastifyInstance) {
        await hub.stop();
        this.websocketServer.close();
      },
    });
    app.addHook('onReady', () => hub.start());
  },
  { name: 'live', dependencies: ['core'] },
);
