import type { RegisterRequest, UpdateProfileRequest } from '@convene/shared';
import { eq, sql } from 'drizzle-orm';
import { hashPassword } from '../auth/password.js';
import { invalidateUserSessions } from '../auth/sessions.js';
import type { DbOrTx } from '../db/client.js';
import { type User, users } from '../db/schema/index.js';
import { conflict } from '../errors.js';

export type RegisterInput = Omit<RegisterRequest, 'country'> & { country?: string | null | undefined };

export const findUserByEmail = async (db: DbOrTx, email: string): Promise<User | undefined> =>
  (
    await db
      .select()
      .from(users)
      .where(sql`lower(${users.email}) = lower(${email})`)
      .limit(1)
  )[0];

/**
 * Creates an account; a taken email (in any letter case) is a 409 naming the field. `verified`:
 * the address is proven already (an invitation's link, the bootstrap administrator's own setting).
 */
export async function registerUser(
  db: DbOrTx,
  input: RegisterInput,
  role: 'user' | 'admin' = 'user',
  verified = false,
): Promise<User> {
  const passwordHash = await hashPassword(input.password);
  const [user] = await db
    .insert(users)
    .values({
      email: input.email,
      passwordHash,
      displayName: input.displayName,
      affiliation: input.affiliation,
      stakeholderCategory: input.stakeholderCategory,
      country: input.country ?? null,
      locale: input.locale ?? 'en',
      role,
      emailVerifiedAt: verified ? new Date() : null,
    })
    .onConflictDoNothing()
    .returning();
  if (!user) {
    throw conflict('email_taken', 'An account with this email already exists.', {
      fields: [{ field: 'email', message: 'An account with this email already exists' }],
    });
  }
  return user;
}

/**
 * Creates the bootstrap administrator, or resets the password and role of an existing
 * account with that email (and ends its sessions, since the password changed).
 */
export async function ensureAdmin(db: DbOrTx, email: string, password: string): Promise<User> {
  const existing = await findUserByEmail(db, email);
  if (!existing) {
    return registerUser(
      db,
      { email, password, displayName: 'Administrator', affiliation: 'Convene', stakeholderCategory: 'other' },
      'admin',
      true,
    );
  }
  const [user] = await db
    .update(users)
    .set({
      passwordHash: await hashPassword(password),
      role: 'admin',
      disabled: false,
      emailVerifiedAt: existing.emailVerifiedAt ?? new Date(),
      updatedAt: new Date(),
    })
    .where(eq(users.id, existing.id))
    .returning();
  await invalidateUserSessions(db, existing.id);
  return user ?? existing;
}

/** Changes only the fields given; a name or affiliation change applies to past contributions too. */
export async function updateProfile(db: DbOrTx, userId: string, input: UpdateProfileRequest): Promise<User> {
  const set: Partial<typeof users.$inferInsert> = { updatedAt: new Date() };
  if (input.displayName !== undefined) set.displayName = input.displayName;
  if (input.affiliation !== undefined) set.affiliation = input.affiliation;
  if (input.stakeholderCategory !== undefined) set.stakeholderCategory = input.stakeholderCategory;
  if (input.country !== undefined) set.country = input.country ?? null;
  if (input.locale !== undefined) set.locale = input.locale;
  const [user] = await db.update(users).set(set).where(eq(users.id, userId)).returning();
  if (!user) throw new Error('user vanished');
  return user;
}
