import type { UserDto } from '@convene/shared';
import type { User } from '../db/schema/index.js';
import { isVerified } from '../policies/verification.js';

/** The signed-in user's own record (never sent about other people: see author presenter). */
export function presentUser(u: User): UserDto {
  return {
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    affiliation: u.affiliation,
    stakeholderCategory: u.stakeholderCategory,
    country: u.country,
    locale: u.locale,
    role: u.role,
    emailVerified: isVerified(u),
    createdAt: u.createdAt.toISOString(),
  };
}
