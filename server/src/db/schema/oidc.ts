import { index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, ts } from './columns.js';
import { users } from './users.js';

/**
 * Single sign-on (`auth/oidc.ts`): an account's identity at an OpenID Connect provider, by the
 * provider's issuer and its stable subject (`sub`), never by email: the email only decides the
 * first link (a verified address at both ends). One identity belongs to one account.
 */
export const identityLinks = pgTable(
  'identity_links',
  {
    issuer: text('issuer').notNull(),
    subject: text('subject').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The address the provider gave when the link was made (for the account page and support). */
    email: text('email').notNull(),
    createdAt: createdAt(),
    lastUsedAt: ts('last_used_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.issuer, t.subject] }), index('identity_links_user_idx').on(t.userId)],
);
export type IdentityLink = typeof identityLinks.$inferSelect;

/**
 * A sign-in through the provider under way: what the callback must find again (state, nonce,
 * PKCE verifier, the page to return to). The browser holds a random token in an HTTP-only cookie;
 * the row's id is its SHA-256. Single use (deleted by the callback), ten minutes at most.
 */
export const oidcLogins = pgTable(
  'oidc_logins',
  {
    id: text('id').primaryKey(),
    state: text('state').notNull(),
    nonce: text('nonce').notNull(),
    codeVerifier: text('code_verifier').notNull(),
    returnTo: text('return_to').notNull(),
    expiresAt: ts('expires_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('oidc_logins_expires_idx').on(t.expiresAt)],
);
