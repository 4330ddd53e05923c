import type { ADMIN_LOG_ACTIONS } from '@convene/shared';
import { bigint, bigserial, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { bytea, createdAt, id, ts } from './columns.js';
import { users } from './users.js';

/**
 * A user's TOTP secret (RFC 6238, 30-second steps, 6 digits). Two-factor is on once
 * `confirmedAt` is set (a code was entered after enrolment). `lastStep` is the time step of the
 * last accepted code: a code is never accepted twice.
 */
export const totpCredentials = pgTable('totp_credentials', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  secret: bytea('secret').notNull(),
  confirmedAt: ts('confirmed_at'),
  lastStep: bigint('last_step', { mode: 'number' }),
  createdAt: createdAt(),
});
export type TotpCredential = typeof totpCredentials.$inferSelect;

/** One-time recovery codes, shown once; only their SHA-256 is kept. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: ts('used_at'),
    createdAt: createdAt(),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId)],
);

/** "Remember this browser for 30 days": the cookie holds a random token, the table its SHA-256. */
export const rememberedDevices = pgTable(
  'remembered_devices',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: ts('expires_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('remembered_devices_user_idx').on(t.userId)],
);

/** The kinds of entry (the shared list, which the API answers with). */
export type AdminAction = (typeof ADMIN_LOG_ACTIONS)[number];

/**
 * Append-only log of administrative actions (a trigger refuses UPDATE and DELETE). No foreign
 * keys with ON DELETE actions, which would rewrite rows: ids are kept as written, with the names
 * at the time in `data`.
 */
export const adminLog = pgTable(
  'admin_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    actorId: uuid('actor_id'),
    action: text('action').$type<AdminAction>().notNull(),
    targetUserId: uuid('target_user_id'),
    spaceId: uuid('space_id'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index('admin_log_created_idx').on(t.createdAt, t.id)],
);
export type AdminLogEntry = typeof adminLog.$inferSelect;
