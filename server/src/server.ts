import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app.js';
import { ensureAdmin } from './commands/users.js';
import { loadConfig } from './config.js';
import { createDb } from './db/client.js';
import { migrateDatabase } from './db/migrate.js';
import { openDatabase } from './db/open.js';
import { appOriginWarning } from './exports/origin.js';
import { formatAccounts, seedDemo } from './seed/seed.js';
import { ensureTaxonomy } from './seed/taxonomy.js';

const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

async function main() {
  const config = loadConfig();
  const log = (line: string) => console.log(`[convene] ${line}`);
  const originWarning = appOriginWarning(config, Boolean(process.env.APP_ORIGIN));
  if (originWarning) console.warn(`[convene] warning: ${originWarning}`);
  if (config.nodeEnv === 'production' && !config.mail.smtpUrl) {
    console.warn(
      '[convene] warning: SMTP_URL is not set: no email leaves the server, and administrators can read every one (reset links included) in the development mailbox',
    );
  }

  const database = await openDatabase(config, log);
  await migrateDatabase(database.url);
  const handle = createDb(database.url, { max: config.databasePoolMax });
  await ensureTaxonomy(handle.db);

  // Demo content first: it loads only into an empty database, and the administrator below would
  // make it look non-empty.
  if (config.demo) {
    const accounts = await seedDemo(handle.db);
    if (accounts) {
      const text = formatAccounts(accounts);
      console.log(`\n${text}\n`);
      if (database.embedded) {
        await writeFile(join(config.dataDir, 'demo-accounts.txt'), `${text}\n`, { mode: 0o600 });
        log(`(also saved to ${join(config.dataDir, 'demo-accounts.txt')})`);
      }
    }
  }

  if (config.admin) {
    await ensureAdmin(handle.db, config.admin.email, config.admin.password);
    log(`administrator ${config.admin.email} is ready`);
  }

  const app = await buildApp({ db: handle.db, config: { ...config, webDist: config.webDist || DEFAULT_WEB_DIST } });
  if (config.instanceId) {
    // Which instance answered, for operators and the cluster test (tests/cluster/): on every
    // response, and on the WebSocket upgrade's 101 (written by ws, not by Fastify's reply).
    const instance = config.instanceId;
    app.addHook('onSend', async (_request, reply) => {
      reply.header('x-instance', instance);
    });
    app.websocketServer.on('headers', (headers) => headers.push(`X-Instance: ${instance}`));
  }

  // HTTP requests in progress (not WebSocket upgrades, which never emit 'request').
  let inFlight = 0;
  let drained: (() => void) | null = null;
  app.server.on('request', (_request, response) => {
    inFlight += 1;
    response.once('close', () => {
      inFlight -= 1;
      if (inFlight === 0) drained?.();
    });
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal} received, shutting down`);
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    try {
      // Stop accepting connections first: a balancer's next connection is refused and goes to
      // another instance (nginx resends even a POST it could not deliver), where Fastify's close
      // would answer it 503. The requests already here finish (at most 10 s), then Fastify
      // closes: live sockets get 1001, the job worker stops; its own server.close finds the
      // listener already closed.
      app.server.close();
      if (inFlight > 0) {
        await new Promise<void>((resolve) => {
          drained = resolve;
          setTimeout(resolve, 10_000).unref();
        });
      }
      await app.close();
      await handle.close();
      await database.stop();
    } catch (err) {
      console.error(`[convene] shutdown failed: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    }
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ host: config.host, port: config.port });
  const base = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
  log(`Convene is ready on ${base}`);
  log(
    config.mail.smtpUrl
      ? `email goes out over SMTP (${new URL(config.mail.smtpUrl).host}), from ${config.mail.from}`
      : `email: SMTP_URL is not set, so every email goes to the development mailbox: ${base}/admin/mailbox (sign in as an administrator)`,
  );
}

main().catch((err: unknown) => {
  console.error(`[convene] failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
