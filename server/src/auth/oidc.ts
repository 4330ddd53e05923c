import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { LOCALES, type Locale, type OidcErrorCode } from '@convene/shared';
import { and, eq, lt } from 'drizzle-orm';
import * as oidc from 'openid-client';
import type { Config } from '../config.js';
import type { Database, DbOrTx, Tx } from '../db/client.js';
import { type User, identityLinks, oidcLogins, users } from '../db/schema/index.js';
import { findUserByEmail, registerUser } from '../commands/users.js';

/**
 * Single sign-on through an OpenID Connect provider (OIDC_ISSUER, OIDC_CLIENT_ID,
 * OIDC_CLIENT_SECRET), with openid-client 6: the authorization code flow with PKCE (S256), a
 * state and a nonce. What the callback must find again is a single-use `oidc_logins` row, named
 * by a random token in an HTTP-only cookie (only its SHA-256 is stored).
 *
 * Accounts: an identity (issuer + subject) once linked signs in its account. The first time, an
 * account is found by email only when the provider says the address is verified
 * (`email_verified: true`) AND the account's own address is verified here; otherwise nothing is
 * linked (an unverified claim could be anyone's address, and an unverified local account could
 * be someone else's squat on it). With no account for the address, one is created, its address
 * verified, its affiliation prefilled from OIDC_AFFILIATION_CLAIM.
 */

export type OidcSettings = NonNullable<Config['oidc']>;

export const OIDC_COOKIE = 'convene_oidc';
export const OIDC_COOKIE_PATH = '/api/auth/oidc/';
export const OIDC_LOGIN_TTL_MS = 10 * 60_000;
export const OIDC_CALLBACK_PATH = '/api/auth/oidc/callback';
/** How long discovery and each request to the provider may take. */
const PROVIDER_TIMEOUT_SECONDS = 10;

/** Why a sign-in through the provider failed: one of OIDC_ERRORS (@convene/shared), which the web sign-in page shows a message for. */
export class OidcFailure extends Error {
  constructor(
    readonly code: OidcErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const hashToken = (token: string) => encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
const randomToken = () => {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
};

/** A network failure (refused, timed out, DNS) somewhere in the error's causes. */
function isNetworkError(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 6; depth += 1) {
    if (e instanceof Error) {
      if (e.name === 'AbortError' || e.name === 'TimeoutError') return true;
      if (e instanceof TypeError && /fetch failed/i.test(e.message)) return true;
      const code = (e as { code?: unknown }).code;
      if (typeof code === 'string' && /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|ETIMEDOUT|EAI_AGAIN|UND_ERR_)/.test(code))
        return true;
    }
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** Whether a claim comparison on `claim` failed somewhere in the error's causes. */
function failedClaim(err: unknown, claim: string): boolean {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 6; depth += 1) {
    if ((e as { claim?: unknown }).claim === claim) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** Maps an error of openid-client to the failure shown to the person. */
export function classifyOidcError(err: unknown): OidcFailure {
  if (err instanceof OidcFailure) return err;
  if (isNetworkError(err))
    return new OidcFailure('oidc_unavailable', 'The sign-in provider could not be reached.', { cause: err });
  if (err instanceof oidc.AuthorizationResponseError) {
    return new OidcFailure('oidc_denied', `The provider refused the sign-in (${err.error}).`, { cause: err });
  }
  if (err instanceof oidc.ResponseBodyError && err.error === 'invalid_grant') {
    return new OidcFailure('oidc_code_rejected', 'The provider refused the sign-in code.', { cause: err });
  }
  if (failedClaim(err, 'nonce'))
    return new OidcFailure('oidc_nonce_mismatch', 'The sign-in answer was not for this sign-in.', { cause: err });
  return new OidcFailure('oidc_failed', 'Signing in with the provider failed.', { cause: err });
}

/** The provider's configuration, discovered once per process (a failed discovery is retried next time). */
export class OidcProvider {
  private discovered: Promise<oidc.Configuration> | undefined;

  constructor(
    readonly settings: OidcSettings,
    private readonly appOrigin: string,
  ) {}

  get redirectUri(): string {
    return new URL(OIDC_CALLBACK_PATH, this.appOrigin).href;
  }

  configuration(): Promise<oidc.Configuration> {
    this.discovered ??= this.discover().catch((err: unknown) => {
      this.discovered = undefined;
      throw classifyOidcError(err);
    });
    return this.discovered;
  }

  private async discover(): Promise<oidc.Configuration> {
    const issuer = new URL(this.settings.issuer);
    // http:// only for a provider on this machine (validated in config.ts): the tests' provider.
    const insecure = issuer.protocol === 'http:';
    const configuration = await oidc.discovery(
      issuer,
      this.settings.clientId,
      this.settings.clientSecret,
      oidc.ClientSecretBasic(this.settings.clientSecret),
      { timeout: PROVIDER_TIMEOUT_SECONDS, ...(insecure ? { execute: [oidc.allowInsecureRequests] } : {}) },
    );
    configuration.timeout = PROVIDER_TIMEOUT_SECONDS;
    return configuration;
  }

  /** Starts a sign-in: the provider's authorization URL and the cookie token naming the stored checks. */
  async start(db: DbOrTx, returnTo: string): Promise<{ url: URL; token: string }> {
    const configuration = await this.configuration();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const token = randomToken();
    await db.delete(oidcLogins).where(lt(oidcLogins.expiresAt, new Date()));
    await db.insert(oidcLogins).values({
      id: hashToken(token),
      state,
      nonce,
      codeVerifier,
      returnTo,
      expiresAt: new Date(Date.now() + OIDC_LOGIN_TTL_MS),
    });
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUri,
      scope: this.settings.scope,
      state,
      nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url, token };
  }

  /** The sign-in under way for this cookie token, removed (single use); undefined when none or expired. */
  async takeLogin(db: DbOrTx, token: string | undefined) {
    if (!token) return undefined;
    const [row] = await db
      .delete(oidcLogins)
      .where(eq(oidcLogins.id, hashToken(token)))
      .returning();
    if (!row || row.expiresAt.getTime() <= Date.now()) return undefined;
    return row;
  }

  /**
   * Exchanges the callback's code (checking state, nonce and PKCE) and returns the identity's
   * claims: the ID token's, completed by the userinfo endpoint's.
   */
  async finish(
    callbackUrl: URL,
    login: { state: string; nonce: string; codeVerifier: string },
  ): Promise<{ issuer: string; claims: Record<string, unknown> & { sub: string } }> {
    const configuration = await this.configuration();
    if (callbackUrl.searchParams.get('error') === null && callbackUrl.searchParams.get('state') !== login.state) {
      throw new OidcFailure('oidc_state_mismatch', 'The sign-in answer was not for this sign-in.');
    }
    try {
      const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: login.codeVerifier,
        expectedState: login.state,
        expectedNonce: login.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims();
      if (!idClaims) throw new OidcFailure('oidc_failed', 'The provider sent no ID token.');
      let claims: Record<string, unknown> = { ...idClaims };
      if (configuration.serverMetadata().userinfo_endpoint) {
        const info = await oidc.fetchUserInfo(configuration, tokens.access_token, idClaims.sub);
        claims = { ...claims, ...info };
      }
      return { issuer: configuration.serverMetadata().issuer, claims: { ...claims, sub: idClaims.sub } };
    } catch (err) {
      throw classifyOidcError(err);
    }
  }
}

const claimText = (value: unknown, max: number): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, max) : undefined;

/** `email_verified` as providers send it: a boolean, or (some) the string "true". */
const emailVerified = (claims: Record<string, unknown>) =>
  claims.email_verified === true || claims.email_verified === 'true';

/**
 * Run in the same transaction when an identity is first linked to an account (new or existing),
 * that is only ever with an address the provider says is verified: the domain rules of verified
 * affiliations (`applyDomainRule`).
 */
export type LinkedAccountHook = (tx: Tx, userId: string, email: string) => Promise<unknown>;

/**
 * The account for an identity: the one linked to it; else, by a verified address, an existing
 * account (linked now) or a new one. Throws an OidcFailure for each refusal.
 */
export async function resolveAccount(
  db: Database,
  settings: OidcSettings,
  identity: { issuer: string; claims: Record<string, unknown> & { sub: string } },
  onLinked?: LinkedAccountHook,
): Promise<{ user: User; created: boolean; linked: boolean }> {
  const { issuer, claims } = identity;
  return db.transaction(async (tx) => {
    const [link] = await tx
      .select({ user: users })
      .from(identityLinks)
      .innerJoin(users, eq(users.id, identityLinks.userId))
      .where(and(eq(identityLinks.issuer, issuer), eq(identityLinks.subject, claims.sub)));
    if (link) {
      await tx
        .update(identityLinks)
        .set({ lastUsedAt: new Date() })
        .where(and(eq(identityLinks.issuer, issuer), eq(identityLinks.subject, claims.sub)));
      return { user: link.user, created: false, linked: false };
    }
    const email = claimText(claims.email, 320);
    if (!email || !/^[^\s@]+@[^\s@]+$/.test(email)) {
      throw new OidcFailure('oidc_email_missing', 'The provider gave no email address.');
    }
    if (!emailVerified(claims)) {
      throw new OidcFailure('oidc_email_unverified', 'The provider does not say this email address is verified.');
    }
    const existing = await findUserByEmail(tx, email);
    let user: User;
    let created = false;
    if (existing) {
      if (!existing.emailVerifiedAt) {
        throw new OidcFailure(
          'oidc_account_unverified',
          'An account with this address exists but has not confirmed it: sign in with its password and confirm the address first.',
        );
      }
      const [other] = await tx
        .select({ subject: identityLinks.subject })
        .from(identityLinks)
        .where(and(eq(identityLinks.issuer, issuer), eq(identityLinks.userId, existing.id)));
      if (other) {
        throw new OidcFailure(
          'oidc_account_linked_elsewhere',
          'The account with this address is linked to another identity at this provider.',
        );
      }
      user = existing;
    } else {
      const name =
        claimText(claims.name, 120) ??
        claimText([claims.given_name, claims.family_name].filter((v) => typeof v === 'string').join(' '), 120) ??
        email.split('@')[0]?.slice(0, 120) ??
        email;
      const locale = typeof claims.locale === 'string' ? claims.locale.slice(0, 2).toLowerCase() : '';
      user = await registerUser(
        tx,
        {
          email,
          // Never typed by anyone: the account signs in through the provider (or sets a password
          // through "Forgot your password?", which proves the address again).
          password: randomToken() + randomToken(),
          displayName: name,
          affiliation: claimText(claims[settings.affiliationClaim], 200) ?? '',
          stakeholderCategory: 'other',
          locale: (LOCALES as readonly string[]).includes(locale) ? (locale as Locale) : 'en',
        },
        'user',
        true,
      );
      created = true;
    }
    await tx.insert(identityLinks).values({ issuer, subject: claims.sub, userId: user.id, email });
    if (onLinked) await onLinked(tx, user.id, email);
    const [fresh] = await tx.select().from(users).where(eq(users.id, user.id));
    return { user: fresh ?? user, created, linked: true };
  });
}

/** The page to return to after sign-in: a same-site path, never a sign-in page (else "/"). */
export function safeReturnPath(raw: unknown): string {
  if (typeof raw !== 'string' || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/';
  if (raw.length > 2000) return '/';
  try {
    const url = new URL(raw, 'http://convene.invalid');
    if (url.origin !== 'http://convene.invalid') return '/';
    if (url.pathname === '/signin' || url.pathname === '/register' || url.pathname.startsWith('/api/')) return '/';
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return '/';
  }
}
