import { eq, sql } from 'drizzle-orm';
import { invalidateUserSessions } from '../auth/sessions.js';
import type { Database } from '../db/client.js';
import { type User, users } from '../db/schema/index.js';
import { AppError, notFound } from '../errors.js';
import { SESSIONS_CHANNEL } from '../live/hub.js';
import { logAdminAction } from './adminLog.js';

/**
 * Disables or enables an account, or changes its global role. Disabling ends every session
 * of the user in the same transaction and tells every instance's live hub, so their open
 * sockets stop receiving what only that user could see.
 */
export async function updateUserAsAdmin(
  db: Database,
  actor: User,
  userId: string,
  change: { disabled?: boolean | undefined; role?: 'user' | 'admin' | undefined },
): Promise<User> {
  if (userId === actor.id && (change.disabled === true || change.role === 'user')) {
    throw new AppError(409, 'cannot_demote_self', 'You cannot disable or demote your own account.');
  }
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
    const [user] = await tx
      .update(users)
      .set({
        ...(change.disabled === undefined ? {} : { disabled: change.disabled }),
        ...(change.role === undefined ? {} : { role: change.role }),
        updatedAt: new Date(),
      })
      .where(eq(users.id, userId))
      .returning();
    if (!user || !before) throw notFound('User');
    if (before.disabled !== user.disabled) {
      await logAdminAction(tx, { actor, action: user.disabled ? 'user_disabled' : 'user_enabled', targetUser: user });
    }
    if (before.role !== user.role) {
      const granted = user.role === 'admin';
      await logAdminAction(tx, {
        actor,
        action: granted ? 'role_granted' : 'role_revoked',
        targetUser: user,
        data: { role: 'admin' },
      });
    }
    if (change.disabled || change.role === 'user') {
      if (change.disabled) await invalidateUserSessions(tx, userId);
      await tx.execute(sql`select pg_notify(${SESSIONS_CHANNEL}, ${`user:${userId}`})`);
    }
    return user;
  });
}
