import Fastify, { type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import { corePlugin } from './plugins/core.js';
import { compressionPlugin } from './plugins/compression.js';
import { clientErrorHandler, errorsPlugin, frameworkErrors } from './plugins/errors.js';
import { livePlugin } from './plugins/live.js';
import { metricsPlugin } from './plugins/metrics.js';
import { loggerOptions, requestLogPlugin } from './plugins/requestLog.js';
import { mailPlugin } from './mail/plugin.js';
import { openapiPlugin } from './plugins/openapi.js';
import { publicCachePlugin } from './plugins/publicCache.js';
import { rateLimitPlugin } from './plugins/rateLimit.js';
import { securityPlugin } from './plugins/security.js';
import { sessionPlugin } from './plugins/session.js';
import { webPlugin } from './plugins/web.js';
import { adminRoutes } from './routes/admin/index.js';
import { affiliationRoutes } from './routes/affiliations/index.js';
import { adminLogRoutes } from './routes/admin/log.js';
import { invitationRoutes } from './routes/admin/invitations.js';
import { attachmentsRoutes } from './routes/attachments/index.js';
import { authRoutes } from './routes/auth/index.js';
import { passwordRoutes } from './routes/auth/password.js';
import { verificationRoutes } from './routes/auth/verification.js';
import { commentsRoutes } from './routes/comments/index.js';
import { exportsRoutes } from './routes/exports/index.js';
import { healthRoutes } from './routes/health/index.js';
import { liveRoutes } from './routes/live/index.js';
import { mailboxRoutes } from './routes/mailbox/index.js';
import { unsubscribeRoutes } from './routes/mail/unsubscribe.js';
import { followRoutes } from './routes/follows/index.js';
import { personalDataRoutes } from './routes/me/data.js';
import { notificationPreferencesRoutes } from './routes/me/notificationPreferences.js';
import { sessionRoutes } from './routes/me/sessions.js';
import { totpRoutes } from './routes/auth/totp.js';
import { oidcRoutes } from './routes/auth/oidc.js';
import { notificationsRoutes } from './routes/me/notifications.js';
import { moderationRoutes } from './routes/moderation/index.js';
import { notesRoutes } from './routes/notes/index.js';
import { staffNoteRoutes } from './routes/moderation/staffNotes.js';
import { participationRoutes } from './routes/participation/index.js';
import { previewRoutes } from './routes/preview/index.js';
import { spacesRoutes } from './routes/spaces/index.js';

export interface BuildAppOptions {
  db: Database;
  config: Config;
  logger?: FastifyServerOptions['logger'];
}

/** Builds the whole application; never listens. Used by start-up and by every test. */
export async function buildApp({ db, config, logger }: BuildAppOptions) {
  const app = Fastify({
    ...loggerOptions(config, logger),
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    // Start-up hooks (the mail worker loads MJML and pg-boss in onReady) get a minute, not
    // Fastify's 10 s: replicas starting together on a busy machine were refused at 10 s.
    pluginTimeout: 60_000,
    // Errors raised before routing (bad percent-encoding, oversized headers, malformed HTTP) use
    // the same `{ error: { code, message } }` shape as every other error.
    frameworkErrors,
    clientErrorHandler,
    // Route params and querystrings are validated by zod; keep ajv out of the way.
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(corePlugin, { db, config });
  await app.register(requestLogPlugin);
  await app.register(errorsPlugin);
  await app.register(openapiPlugin);
  await app.register(securityPlugin);
  await app.register(rateLimitPlugin);
  await app.register(sessionPlugin);
  await app.register(livePlugin);
  await app.register(metricsPlugin);
  // Before every route: @fastify/compress hooks the routes registered after it.
  await app.register(compressionPlugin);
  await app.register(publicCachePlugin);
  await app.register(mailPlugin);

  await app.register(healthRoutes);
  await app.register(authRoutes, { prefix: '/api/auth' });
  await app.register(spacesRoutes, { prefix: '/api' });
  await app.register(commentsRoutes, { prefix: '/api' });
  await app.register(attachmentsRoutes, { prefix: '/api' });
  await app.register(moderationRoutes, { prefix: '/api' });
  await app.register(staffNoteRoutes, { prefix: '/api' });
  await app.register(liveRoutes, { prefix: '/api' });
  await app.register(previewRoutes, { prefix: '/api' });
  await app.register(adminRoutes, { prefix: '/api' });
  await app.register(adminLogRoutes, { prefix: '/api' });
  await app.register(affiliationRoutes, { prefix: '/api' });
  await app.register(participationRoutes, { prefix: '/api' });
  await app.register(exportsRoutes, { prefix: '/api' });
  await app.register(notesRoutes, { prefix: '/api' });
  await app.register(passwordRoutes, { prefix: '/api/auth/password' });
  await app.register(verificationRoutes, { prefix: '/api/auth' });
  await app.register(invitationRoutes, { prefix: '/api' });
  await app.register(mailboxRoutes, { prefix: '/api' });
  await app.register(unsubscribeRoutes, { prefix: '/api' });
  await app.register(followRoutes, { prefix: '/api' });
  await app.register(notificationPreferencesRoutes, { prefix: '/api' });
  await app.register(notificationsRoutes, { prefix: '/api' });
  await app.register(sessionRoutes, { prefix: '/api' });
  await app.register(totpRoutes, { prefix: '/api' });
  await app.register(oidcRoutes, { prefix: '/api/auth' });
  await app.register(personalDataRoutes, { prefix: '/api' });

  await app.register(webPlugin, { root: config.webDist });
  return app;
}

export type ConveneApp = Awaited<ReturnType<typeof buildApp>>;
