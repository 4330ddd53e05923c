import { resolve } from 'node:path';
import { z } from 'zod';

const bool = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');

/** A rate limit: at most `max` requests per `windowMs`. */
export interface Limit {
  max: number;
  windowMs: number;
}

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
/** A limit written as "count/duration": `20/10m` is 20 per 10 minutes (units s, m, h, d). */
const limit = z
  .string()
  .regex(/^\s*\d+\s*\/\s*\d*\s*[smhd]\s*$/, 'Write a count per duration, such as 20/10m (units s, m, h, d)')
  .transform((v): Limit => {
    const [, max = '0', n = '', unit = 'm'] = /^\s*(\d+)\s*\/\s*(\d*)\s*([smhd])\s*$/.exec(v) ?? [];
    return { max: Number(max), windowMs: (n === '' ? 1 : Number(n)) * UNIT_MS[unit as keyof typeof UNIT_MS] };
  })
  .refine((l) => l.max >= 1 && l.windowMs >= 1_000, 'A limit allows at least 1 request in at least 1 second');

/** The whole environment the server reads, parsed once. Every variable is in the README. */
export const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().min(1).default('localhost'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    /** External PostgreSQL. When unset, an embedded PostgreSQL is started. */
    DATABASE_URL: z.url().optional(),
    /** Connections this instance keeps to PostgreSQL at most (requests wait up to 5 s for one). */
    DATABASE_POOL_MAX: z.coerce.number().int().min(2).max(500).default(10),
    /** Where the embedded PostgreSQL keeps its data. */
    DATA_DIR: z.string().min(1).default('./.data'),
    EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
    /** Load demo content into an empty database; defaults to on with the embedded database. */
    DEMO: bool.optional(),
    ADMIN_EMAIL: z.email().optional(),
    ADMIN_PASSWORD: z.string().min(12).optional(),
    /** The public origin of the app (scheme://host[:port]); used for the CSRF Origin check and links. */
    APP_ORIGIN: z.url().optional(),
    /** Mark the session cookie Secure (serve over HTTPS). Defaults to on when APP_ORIGIN is https. */
    COOKIE_SECURE: bool.optional(),
    /** Sign-in and registration attempts allowed per client address per minute. */
    AUTH_RATE_LIMIT: z.coerce.number().int().min(1).default(20),
    /** Failed sign-ins allowed per account (from any address) before it is locked for the window. */
    RATE_LIMIT_LOGIN_ACCOUNT: limit.prefault('10/15m'),
    /** Comments posted (POST /api/spaces/:slug/comments) per user and per client address. */
    RATE_LIMIT_COMMENT_USER: limit.prefault('20/10m'),
    RATE_LIMIT_COMMENT_ADDRESS: limit.prefault('100/10m'),
    /** Comment edits (PATCH /api/comments/:id) per user and per client address. */
    RATE_LIMIT_EDIT_USER: limit.prefault('60/10m'),
    RATE_LIMIT_EDIT_ADDRESS: limit.prefault('300/10m'),
    /** Reports (POST /api/comments/:id/reports) per user and per client address. */
    RATE_LIMIT_REPORT_USER: limit.prefault('20/1h'),
    RATE_LIMIT_REPORT_ADDRESS: limit.prefault('100/1h'),
    /** Uploads (POST /api/comments/:id/attachments) per user and per client address. */
    RATE_LIMIT_UPLOAD_USER: limit.prefault('30/1h'),
    RATE_LIMIT_UPLOAD_ADDRESS: limit.prefault('100/1h'),
    SESSION_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    /** Trust X-Forwarded-* headers (behind a reverse proxy). */
    TRUST_PROXY: bool.default(false),
    /** A name for this instance, sent as `X-Instance` on every response and WebSocket upgrade (several instances behind a balancer). Unset: no header. */
    INSTANCE_ID: z
      .string()
      .regex(/^[A-Za-z0-9._-]{1,64}$/, 'Use 1 to 64 letters, digits, dots, dashes or underscores')
      .optional(),
    /** `/metrics` on the app's port answers only with `Authorization: Bearer <METRICS_TOKEN>`; unset: 404 there. */
    METRICS_TOKEN: z.string().min(16, 'Use at least 16 characters').optional(),
    /** A second port, bound to 127.0.0.1, serving `/metrics` without a token (for a local Prometheus or agent). */
    METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Live channel: ping interval; a socket that misses one pong is dropped. */
    LIVE_HEARTBEAT_MS: z.coerce.number().int().min(100).default(30_000),
    /** Live channel: unsent bytes allowed per socket before it is closed as too slow. */
    LIVE_MAX_BUFFER_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(1024 * 1024),
    /** Live channel: client messages allowed per 10 seconds before the socket is closed. */
    LIVE_FLOOD_LIMIT: z.coerce.number().int().min(1).default(100),
    /** Live events kept for replay after a reconnect. */
    EVENT_RETENTION_DAYS: z.coerce.number().min(0.001).default(7),
    /** Where the built web client lives; served at /. */
    WEB_DIST: z.string().default(''),
    /** In-memory cache of anonymous reads (space page, pages of comments), invalidated by live events (`plugins/publicCache.ts`). */
    PUBLIC_CACHE: z.enum(['on', 'off']).default('on'),
    /** Its size bound: megabytes of stored responses (JSON plus their brotli/gzip forms) per instance. */
    PUBLIC_CACHE_MAX_MB: z.coerce.number().min(1).max(4096).default(32),
    /** Its backstop: an entry is not served after this many seconds, even without an event. */
    PUBLIC_CACHE_TTL_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
    /** Outgoing mail over SMTP (smtp:// or smtps://, credentials in the URL). Unset: the development mailbox. */
    SMTP_URL: z.url().optional(),
    /** The From of every email. */
    MAIL_FROM: z.string().min(3).default('Convene <no-reply@localhost>'),
    /** Run the mail worker in this instance (every instance may; each email is still sent once). */
    MAIL_WORKER: bool.default(true),
    /** Sending attempts after the first, and the first retry's delay (doubling each time after). */
    MAIL_RETRY_LIMIT: z.coerce.number().int().min(0).max(100).default(10),
    MAIL_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).default(30),
    /** Days a sent email's row is kept in the outbox (SMTP) before the nightly clean-up deletes it. */
    MAIL_RETENTION_DAYS: z.coerce.number().min(1).default(90),
    /** Days a message is kept in the development mailbox (no SMTP_URL). */
    MAIL_MAILBOX_RETENTION_DAYS: z.coerce.number().min(1).default(30),
    /** Run pg-boss's clock in this instance: it starts the scheduled jobs (reminders, staff alerts, clean-up), once across instances. */
    MAIL_SCHEDULE: bool.default(true),
    /** A note save this soon after the last one (same chair, unnamed version) updates that version. */
    NOTE_VERSION_PAUSE_MINUTES: z.coerce.number().min(0).default(5),
    /** Password-reset requests per client address, and per email address (known account or not). */
    RATE_LIMIT_RESET_ADDRESS: limit.prefault('20/1h'),
    RATE_LIMIT_RESET_ACCOUNT: limit.prefault('3/1h'),
    /** Comments of accounts whose address is not verified yet: `hold` (kept out of the moderation queue until verified) or `allow`. */
    UNVERIFIED_COMMENTS: z.enum(['hold', 'allow']).default('hold'),
    /** Verification emails sent again on request ("resend"), per account. */
    RATE_LIMIT_VERIFY_RESEND: limit.prefault('3/1h'),
    /**
     * Who must sign in with a TOTP second factor: `admins`, `staff` (admins, moderators, chairs) or
     * `off`. Default `admins`, except for the local demo (demo content on the embedded database):
     * `off` there, so the two-command start lets the demo administrator in; two-factor can still
     * be set up on the account page.
     */
    REQUIRE_STAFF_2FA: z.enum(['admins', 'staff', 'off']).optional(),
    /** Two-factor code attempts (sign-in code step, enrol, disable) per account. */
    RATE_LIMIT_TOTP: limit.prefault('5/15m'),
    /** A deleted account's published contributions: `anonymise` (kept, shown as "Former participant") or `withdraw` (text removed). */
    DELETION_POLICY: z.enum(['anonymise', 'withdraw']).default('anonymise'),
    /** Single sign-on (`auth/oidc.ts`): the OpenID Connect provider's issuer; unset, no "Sign in with" button. */
    OIDC_ISSUER: z
      .url()
      .refine(
        (v) => v.startsWith('https:') || /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|$)/.test(v),
        'Use an https:// issuer (http:// only for localhost)',
      )
      .optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    /** The provider's name on the sign-in button ("Sign in with <name>"); default: the issuer's host name. */
    OIDC_NAME: z.string().min(1).max(60).optional(),
    /** The claim whose value prefills a new account's affiliation (a custom claim of the provider). */
    OIDC_AFFILIATION_CLAIM: z.string().min(1).default('organisation'),
    /** Scopes asked of the provider (`openid` and `email` are needed). */
    OIDC_SCOPES: z
      .string()
      .regex(/(^|\s)openid(\s|$)/, 'Include openid')
      .regex(/(^|\s)email(\s|$)/, 'Include email')
      .default('openid email profile'),
  })
  .superRefine((env, ctx) => {
    // All three or none: a half-configured provider is a mistake, not "off".
    const set = (['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const).filter((k) => env[k] !== undefined);
    if (set.length > 0 && set.length < 3) {
      for (const k of ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const) {
        if (env[k] === undefined) {
          ctx.addIssue({ code: 'custom', path: [k], message: `Set ${k} too (single sign-on needs all three)` });
        }
      }
    }
  })
  .transform((env) => {
    const appOrigin = env.APP_ORIGIN ?? `http://localhost:${env.PORT}`;
    const demo = env.DEMO ?? env.DATABASE_URL === undefined;
    const localDemo = demo && env.DATABASE_URL === undefined;
    return {
      nodeEnv: env.NODE_ENV,
      host: env.HOST,
      port: env.PORT,
      databaseUrl: env.DATABASE_URL,
      databasePoolMax: env.DATABASE_POOL_MAX,
      dataDir: resolve(env.DATA_DIR),
      embeddedPgPort: env.EMBEDDED_PG_PORT,
      demo,
      admin:
        env.ADMIN_EMAIL && env.ADMIN_PASSWORD ? { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD } : undefined,
      appOrigin: new URL(appOrigin).origin,
      cookieSecure: env.COOKIE_SECURE ?? appOrigin.startsWith('https:'),
      authRateLimit: env.AUTH_RATE_LIMIT,
      /** Request limits, counted in PostgreSQL so that every instance shares them. */
      rateLimits: {
        login: { address: { max: env.AUTH_RATE_LIMIT, windowMs: 60_000 }, account: env.RATE_LIMIT_LOGIN_ACCOUNT },
        register: { address: { max: env.AUTH_RATE_LIMIT, windowMs: 60_000 } },
        comment: { user: env.RATE_LIMIT_COMMENT_USER, address: env.RATE_LIMIT_COMMENT_ADDRESS },
        edit: { user: env.RATE_LIMIT_EDIT_USER, address: env.RATE_LIMIT_EDIT_ADDRESS },
        report: { user: env.RATE_LIMIT_REPORT_USER, address: env.RATE_LIMIT_REPORT_ADDRESS },
        upload: { user: env.RATE_LIMIT_UPLOAD_USER, address: env.RATE_LIMIT_UPLOAD_ADDRESS },
      } satisfies Record<string, { user?: Limit; address?: Limit; account?: Limit }>,
      sessionTtlMs: env.SESSION_TTL_DAYS * 24 * 60 * 60 * 1000,
      trustProxy: env.TRUST_PROXY,
      instanceId: env.INSTANCE_ID,
      logLevel: env.LOG_LEVEL,
      /** Prometheus metrics (`plugins/metrics.ts`): the token for `/metrics`, and the optional loopback port. */
      metrics: { token: env.METRICS_TOKEN, port: env.METRICS_PORT },
      webDist: env.WEB_DIST,
      /** The anonymous read cache (`plugins/publicCache.ts`). */
      publicCache: {
        enabled: env.PUBLIC_CACHE === 'on',
        maxBytes: Math.round(env.PUBLIC_CACHE_MAX_MB * 1024 * 1024),
        ttlMs: env.PUBLIC_CACHE_TTL_SECONDS * 1000,
      },
      live: {
        heartbeatMs: env.LIVE_HEARTBEAT_MS,
        maxBufferBytes: env.LIVE_MAX_BUFFER_BYTES,
        floodLimit: env.LIVE_FLOOD_LIMIT,
        floodWindowMs: 10_000,
        retentionMs: env.EVENT_RETENTION_DAYS * 24 * 60 * 60 * 1000,
        maxReplay: 2_000,
      },
      mail: {
        smtpUrl: env.SMTP_URL,
        from: env.MAIL_FROM,
        worker: env.MAIL_WORKER,
        retryLimit: env.MAIL_RETRY_LIMIT,
        retryDelaySeconds: env.MAIL_RETRY_DELAY_SECONDS,
        /** Retention of `mail_messages` (nightly job): sent rows after these days; failed and queued rows are kept. */
        retentionDays: env.MAIL_RETENTION_DAYS,
        mailboxRetentionDays: env.MAIL_MAILBOX_RETENTION_DAYS,
        /** pg-boss's cron clock in this instance (the schedules themselves are registered by every worker). */
        schedule: env.MAIL_SCHEDULE,
        /** pg-boss polls its queues this often (plus a nudge on every send from this instance). */
        pollingIntervalSeconds: 2,
        /** pg-boss maintenance (expiry, archiving) in this instance; tests turn it off. */
        supervise: true,
      },
      /** Autosaves closer together than this (0: never) fold into one note version. */
      noteVersionPauseMs: env.NOTE_VERSION_PAUSE_MINUTES * 60_000,
      /** Password reset: requests per client address and per email address typed. */
      passwordResetLimits: { address: env.RATE_LIMIT_RESET_ADDRESS, account: env.RATE_LIMIT_RESET_ACCOUNT },
      /** Address verification and invitations (`mail/verification.ts`, `mail/invitations.ts`). */
      identity: { unverifiedComments: env.UNVERIFIED_COMMENTS, resendLimit: env.RATE_LIMIT_VERIFY_RESEND },
      /** Account deletion (`commands/personalData.ts`): what becomes of the person's published contributions. */
      deletionPolicy: env.DELETION_POLICY,
      /** Staff two-factor sign-in (`auth/totp.ts`). Last-used times are written at most this often. */
      staffAccounts: {
        require2fa: env.REQUIRE_STAFF_2FA ?? (localDemo ? 'off' : 'admins'),
        totpLimit: env.RATE_LIMIT_TOTP,
        lastUsedGranularityMs: 5 * 60_000,
      },
      /** Single sign-on through an OpenID Connect provider (`auth/oidc.ts`); undefined: off. */
      oidc:
        env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET
          ? {
              issuer: env.OIDC_ISSUER,
              clientId: env.OIDC_CLIENT_ID,
              clientSecret: env.OIDC_CLIENT_SECRET,
              name: env.OIDC_NAME ?? new URL(env.OIDC_ISSUER).hostname,
              affiliationClaim: env.OIDC_AFFILIATION_CLAIM,
              scope: env.OIDC_SCOPES.trim().split(/\s+/).join(' '),
            }
          : undefined,
    };
  });

export type Config = z.output<typeof configSchema>;

/** Parses the environment; on a bad value, throws one message naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const picked = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = configSchema.safeParse(picked);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** A configuration for tests and tools: defaults plus overrides. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  // Test files send many requests from 127.0.0.1: limits high enough that only tests of them hit one.
  const high = '1000000/1h';
  const limits = Object.fromEntries(
    Object.keys(configSchema.in.shape)
      .filter((k) => k.startsWith('RATE_LIMIT_'))
      .map((k) => [k, high]),
  );
  const base = configSchema.parse({ NODE_ENV: 'test', LOG_LEVEL: 'silent', AUTH_RATE_LIMIT: '10000', ...limits });
  return {
    ...base,
    // No mail worker unless a test file asks for one; pg-boss then starts only when mail is queued.
    mail: { ...base.mail, worker: false, supervise: false, schedule: false, pollingIntervalSeconds: 0.5 },
    // Test administrators sign in with a password only (factories' makeAdmin); tests of two-factor
    // enforcement pass `staffAccounts: { ...require2fa: 'admins' }`. The product default is `admins`.
    staffAccounts: { ...base.staffAccounts, require2fa: 'off' },
    ...overrides,
  };
}
