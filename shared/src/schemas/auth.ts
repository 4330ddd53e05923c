import { z } from 'zod';
import {
  LOCALES,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  STAKEHOLDER_CATEGORIES,
  MEMBER_STATE_COUNTRY_REQUIRED,
  countryMissingForCategory,
} from '../constants.js';
import { countryCode, text } from './common.js';

export const email = z.string().trim().max(254).pipe(z.email('Enter a valid email address'));
export const password = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `At least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `At most ${PASSWORD_MAX_LENGTH} characters`);

const countryIssue = () => ({ code: 'custom' as const, path: ['country'], message: MEMBER_STATE_COUNTRY_REQUIRED });

export const registerRequest = z
  .strictObject({
    email,
    password,
    /** The name shown with every contribution: a real name, as the spaces require. */
    displayName: text(120),
    /** The organisation or government the person speaks for. */
    affiliation: text(200),
    stakeholderCategory: z.enum(STAKEHOLDER_CATEGORIES),
    country: countryCode.nullish(),
    locale: z.enum(LOCALES).optional(),
    /**
     * The token of an invitation's link: the account is created with the invited address (which
     * the token proves, so it is verified) and holds the invited roles at once.
     */
    invitationToken: z.string().min(1, 'Required').max(200).optional(),
  })
  .superRefine((v, ctx) => {
    if (countryMissingForCategory(v.stakeholderCategory, v.country)) ctx.addIssue(countryIssue());
  });
export type RegisterRequest = z.input<typeof registerRequest>;

export const loginRequest = z.strictObject({
  email,
  password: z.string().min(1, 'Required').max(PASSWORD_MAX_LENGTH),
});
export type LoginRequest = z.input<typeof loginRequest>;

export const userSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    displayName: z.string(),
    affiliation: z.string(),
    stakeholderCategory: z.enum(STAKEHOLDER_CATEGORIES),
    country: z.string().nullable(),
    locale: z.enum(LOCALES),
    role: z.enum(['user', 'admin']),
    /** The address was proven by following an emailed link (or an invitation). */
    emailVerified: z.boolean(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'User' });
export type UserDto = z.infer<typeof userSchema>;

export const authResponse = z.object({ user: userSchema });
export const meResponse = z.object({
  user: userSchema.nullable(),
  /** What the signed-in user may reach in the interface; null for a guest. */
  abilities: z
    .object({
      /** Moderates or chairs at least one space (or is an administrator): the queue and dashboards. */
      moderate: z.boolean(),
      /** Administrator: spaces, roles and users. */
      admin: z.boolean(),
    })
    .nullable(),
  /** The account's address: comments held until it is verified, a change waiting for confirmation. */
  account: z
    .object({
      /** New comments wait, out of the moderation queue, until the address is verified (UNVERIFIED_COMMENTS=hold). */
      commentsHeld: z.boolean(),
      /** A new address asked for, not confirmed from that address yet. */
      pendingEmail: z.string().nullable(),
    })
    .nullish(),
});
export type MeResponse = z.infer<typeof meResponse>;

export const updateProfileRequest = z
  .strictObject({
    displayName: text(120).optional(),
    affiliation: text(200).optional(),
    stakeholderCategory: z.enum(STAKEHOLDER_CATEGORIES).optional(),
    country: countryCode.nullish(),
    /** The interface language, remembered for this account. */
    locale: z.enum(LOCALES).optional(),
  })
  .superRefine((v, ctx) => {
    // An absent field keeps the stored value: the server checks the resulting pair; here, the
    // contradiction within the request itself.
    if (v.stakeholderCategory === 'member_state' && v.country === null) ctx.addIssue(countryIssue());
  });
export type UpdateProfileRequest = z.input<typeof updateProfileRequest>;

/** The token of an emailed link (address verification, email change, invitation). */
export const emailTokenRequest = z.strictObject({ token: z.string().min(1, 'Required').max(200) });
export const emailConfirmedResponse = z.object({
  ok: z.literal(true),
  /** `verify`: the account's address is verified; `change`: the account now uses `email`. */
  purpose: z.enum(['verify', 'change']),
  email: z.string(),
});
export type EmailConfirmedResponse = z.infer<typeof emailConfirmedResponse>;
/** Asks to move the account to a new address: it applies once the link sent there is followed. */
export const emailChangeRequest = z.strictObject({ email });

/** `GET /api/auth/providers`: the sign-in providers besides email and password. */
export const providersResponse = z.object({
  /** The OpenID Connect provider, when single sign-on is configured (OIDC_ISSUER…); null otherwise. */
  oidc: z.object({ name: z.string(), startUrl: z.string() }).nullable(),
});
