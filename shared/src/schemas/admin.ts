import { z } from 'zod';
import { GLOBAL_ROLES, SPACE_ROLES } from '../constants.js';
import { email, userSchema } from './auth.js';
import { storableString } from './common.js';

/** A user as administrators see them: the account record plus whether it is disabled. */
export const adminUserSchema = userSchema.extend({ disabled: z.boolean() }).meta({ id: 'AdminUser' });
export type AdminUser = z.infer<typeof adminUserSchema>;

export const adminUsersQuery = z.strictObject({
  /** Matches name, email or affiliation. */
  q: storableString().trim().max(200).optional(),
  cursor: storableString().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const adminUsersResponse = z.object({ users: z.array(adminUserSchema), nextCursor: z.string().nullable() });

export const adminUpdateUserRequest = z.strictObject({
  /** Disabling ends the user's sessions at once, live sockets included. */
  disabled: z.boolean().optional(),
  role: z.enum(GLOBAL_ROLES).optional(),
});
export const adminUserResponse = z.object({ user: adminUserSchema });

/** An invitation to moderate or chair a space, sent to an address with no account. */
export const invitationSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    role: z.enum(SPACE_ROLES),
    /** `expired`: past `expiresAt` without being accepted; a resend gives it a new link and expiry. */
    status: z.enum(['pending', 'expired']),
    invitedBy: z.string().nullable(),
    sentAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: 'Invitation' });
export type InvitationDto = z.infer<typeof invitationSchema>;
export const invitationsResponse = z.object({ invitations: z.array(invitationSchema) });
export const inviteRequest = z.strictObject({ email, role: z.enum(SPACE_ROLES) });
export const inviteResponse = z.object({
  /** `granted`: the address has an account, which holds the role now; `invited`: an invitation was emailed. */
  outcome: z.enum(['granted', 'invited']),
  invitations: z.array(invitationSchema),
});
export const invitationParams = z.object({ id: z.uuid() });

/** What the invitation page shows before registering (the token's own invitation). */
export const invitationLookupResponse = z.object({
  invitation: z.object({
    email: z.string(),
    role: z.enum(SPACE_ROLES),
    space: z.object({ slug: z.string(), code: z.string(), title: z.string() }),
    expiresAt: z.iso.datetime(),
  }),
});
export type InvitationLookup = z.infer<typeof invitationLookupResponse>['invitation'];
