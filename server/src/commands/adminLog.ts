import type { DbOrTx } from '../db/client.js';
import { type AdminAction, adminLog, type Space, type User } from '../db/schema/index.js';

export interface AdminLogInput {
  actor: Pick<User, 'id' | 'displayName'> | null | undefined;
  action: AdminAction;
  targetUser?: Pick<User, 'id' | 'displayName' | 'email'> | undefined;
  space?: Pick<Space, 'id' | 'slug' | 'title'> | undefined;
  data?: Record<string, unknown>;
}

/**
 * Appends one entry to the administrative log, in the caller's transaction so the entry exists
 * exactly when the action does. The table is append-only (a trigger refuses UPDATE and DELETE);
 * names are copied as they were at the time.
 */
export async function logAdminAction(tx: DbOrTx, entry: AdminLogInput): Promise<void> {
  await tx.insert(adminLog).values({
    actorId: entry.actor?.id ?? null,
    action: entry.action,
    targetUserId: entry.targetUser?.id ?? null,
    spaceId: entry.space?.id ?? null,
    data: {
      ...(entry.actor ? { actorName: entry.actor.displayName } : {}),
      ...(entry.targetUser ? { targetName: entry.targetUser.displayName, targetEmail: entry.targetUser.email } : {}),
      ...(entry.space ? { spaceSlug: entry.space.slug, spaceTitle: entry.space.title } : {}),
      ...entry.data,
    },
  });
}

/** Content fields of a space (its chairs' to write) are not administrative settings. */
const CONTENT_FIELDS = new Set(['background', 'summary']);

/** The entries a space update makes: opened, closed, or settings changed (field names only). */
export async function logSpaceUpdate(
  tx: DbOrTx,
  actor: User | undefined,
  before: Space,
  after: Space,
  fields: string[],
): Promise<void> {
  if (!actor) return;
  if (before.status !== after.status) {
    const action: AdminAction =
      after.status === 'open' ? 'space_opened' : after.status === 'closed' ? 'space_closed' : 'settings_changed';
    await logAdminAction(tx, { actor, action, space: after, data: { from: before.status, to: after.status } });
  }
  const settings = fields.filter((f) => f !== 'status' && !CONTENT_FIELDS.has(f));
  if (settings.length > 0) {
    await logAdminAction(tx, { actor, action: 'settings_changed', space: after, data: { fields: settings } });
  }
}
