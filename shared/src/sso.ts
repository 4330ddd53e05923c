/**
 * Why a sign-in through the OpenID Connect provider failed. The server's callback redirects to
 * `/signin?sso_error=<code>` (server/src/auth/oidc.ts, routes/auth/oidc.ts); the web sign-in page
 * shows a message for each (web SsoSignIn.tsx, locales `sso.errors.<code>`).
 */
export const OIDC_ERRORS = [
  /** The provider could not be reached (discovery, token or userinfo request). */
  'oidc_unavailable',
  /** No sign-in under way in this browser (cookie missing, expired or used already). */
  'oidc_session_expired',
  /** The callback's `state` is not the one this browser's sign-in sent. */
  'oidc_state_mismatch',
  /** The ID token's nonce is not the one this sign-in sent. */
  'oidc_nonce_mismatch',
  /** The provider refused the code (tampered, used, or the PKCE verifier does not match). */
  'oidc_code_rejected',
  /** The person cancelled at the provider, or the provider refused them. */
  'oidc_denied',
  /** The provider gave no email address. */
  'oidc_email_missing',
  /** The provider does not say the address is verified: nothing is linked or created. */
  'oidc_email_unverified',
  /** An account here has this address but has not verified it: sign in with the password and confirm it first. */
  'oidc_account_unverified',
  /** The account with this address is linked to another identity at this provider. */
  'oidc_account_linked_elsewhere',
  /** The account is disabled. */
  'oidc_account_disabled',
  /** Any other failure of the exchange (logged). */
  'oidc_failed',
] as const;
export type OidcErrorCode = (typeof OIDC_ERRORS)[number];

/** Whether a `sso_error` value is one of the codes (anything else reads as `oidc_failed`). */
export const isOidcErrorCode = (v: string | null | undefined): v is OidcErrorCode =>
  typeof v === 'string' && (OIDC_ERRORS as readonly string[]).includes(v);
