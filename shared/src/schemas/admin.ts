import { z } from 'zod';
import { GLOBAL_ROLES } from '../constants.js';
import { userSchema } from './auth.js';
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
