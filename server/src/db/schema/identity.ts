import { sql } from 'drizzle-orm';
import { index, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, ts } from './columns.js';
import { comments } from './comments.js';
import { spaceRole } from './enums.js';
import { spaces } from './spaces.js';
import { users } from './users.js';

export const EMAIL_TOKEN_PURPOSES = ['verify', 'change'] as const;
export const emailTokenPurpose = pgEnum('email_token_purpose', EMAIL_TOKEN_PURPOSES);

/**
 * Links that prove an address: `verify` (the account's own address, sent at registration and on
 * "resend") and `change` (a new address the account asked to move to; the change applies when
 * the link is followed). Only the SHA-256 (hex) of the token is stored; single use, with an expiry.
 */
export const emailTokens = pgTable(
  'email_tokens',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: emailTokenPurpose('purpose').notNull(),
    /** The address the link was sent to, which following it proves. */
    email: text('email').notNull(),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
    createdAt: createdAt(),
  },
  (t) => [index('email_tokens_user_idx').on(t.userId, t.purpose)],
);
export type EmailToken = typeof emailTokens.$inferSelect;

/**
 * Comments held back from the moderation queue because their author had not verified their
 * address when posting (UNVERIFIED_COMMENTS=hold). The row goes when the address is verified:
 * the comment then enters the queue. Read only through `policies/verification.ts`.
 */
export const commentHolds = pgTable(
  'comment_holds',
  {
    commentId: uuid('comment_id')
      .primaryKey()
      .references(() => comments.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [index('comment_holds_user_idx').on(t.userId)],
);

/**
 * An administrator's appointment of a moderator or chair by an address that had no account:
 * the person registers through the emailed link (only the token's SHA-256 is stored) and holds
 * the role at once. Pending until accepted, revoked or expired; a resend gives a new token and expiry.
 */
export const invitations = pgTable(
  'invitations',
  {
    id: id(),
    tokenHash: text('token_hash').notNull(),
    email: text('email').notNull(),
    spaceId: uuid('space_id')
      .notNull()
      .references(() => spaces.id, { onDelete: 'cascade' }),
    role: spaceRole('role').notNull(),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    sentAt: ts('sent_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
    acceptedAt: ts('accepted_at'),
    acceptedBy: uuid('accepted_by').references(() => users.id, { onDelete: 'set null' }),
    revokedAt: ts('revoked_at'),
  },
  (t) => [
    uniqueIndex('invitations_token_key').on(t.tokenHash),
    index('invitations_email_idx').on(sql`lower(${t.email})`),
    // One open invitation per address, space and role.
    uniqueIndex('invitations_open_key')
      .on(t.spaceId, t.role, sql`lower(${t.email})`)
      .where(sql`${t.acceptedAt} is null and ${t.revokedAt} is null`),
  ],
);
export type Invitation = typeof invitations.$inferSelect;
