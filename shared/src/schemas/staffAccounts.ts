import { z } from 'zod';

/** One of your sessions, as the account page lists it. */
export const sessionSummary = z.object({
  id: z.string(),
  /** A short description from the User-Agent ("Firefox on Windows"); null when none was sent. */
  browser: z.string().nullable(),
  userAgent: z.string().nullable(),
  ipAddress: z.string().nullable(),
  createdAt: z.string(),
  /** Updated at most every few minutes. */
  lastUsedAt: z.string(),
  /** The session of this request. */
  current: z.boolean(),
});
export type SessionSummary = z.infer<typeof sessionSummary>;
export const sessionsResponse = z.object({ sessions: z.array(sessionSummary) });
export const revokedResponse = z.object({ revoked: z.number().int() });

export const totpStatusResponse = z.object({
  /** Two-factor sign-in is on (a code was confirmed after enrolment). */
  enabled: z.boolean(),
  /** REQUIRE_STAFF_2FA asks it of this account. */
  required: z.boolean(),
  recoveryCodesLeft: z.number().int(),
});
export const totpEnrolResponse = z.object({ uri: z.string(), key: z.string() });
export const totpCode = z.string().trim().min(1, 'Required').max(20);
export const totpConfirmRequest = z.strictObject({ code: totpCode });
export const recoveryCodesResponse = z.object({ recoveryCodes: z.array(z.string()) });
export const totpDisableRequest = z
  .strictObject({ code: totpCode.optional(), password: z.string().max(1000).optional() })
  .refine((b) => b.code !== undefined || b.password !== undefined, {
    message: 'A code or your password is required',
    path: ['code'],
  });
export const secondFactorRequest = z
  .strictObject({
    code: totpCode.optional(),
    recoveryCode: totpCode.optional(),
    /** Skip the code on this browser for 30 days. */
    rememberDevice: z.boolean().optional(),
  })
  .refine((b) => b.code !== undefined || b.recoveryCode !== undefined, {
    message: 'Required',
    path: ['code'],
  });

export const ADMIN_LOG_ACTIONS = [
  'role_granted',
  'role_revoked',
  'user_disabled',
  'user_enabled',
  'space_created',
  'space_opened',
  'space_closed',
  'settings_changed',
  'affiliation_verified',
  'affiliation_declined',
  'domain_added',
  'domain_removed',
  'focal_point_designated',
  'focal_point_removed',
  'affiliation_revoked',
] as const;
export const adminLogEntry = z.object({
  id: z.number().int(),
  action: z.enum(ADMIN_LOG_ACTIONS),
  actor: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  targetUserId: z.string().nullable(),
  spaceId: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});
export type AdminLogEntryDto = z.infer<typeof adminLogEntry>;
export const adminLogQuery = z.object({
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const adminLogResponse = z.object({ entries: z.array(adminLogEntry), nextBefore: z.number().int().nullable() });
