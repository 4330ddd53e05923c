import type { SpaceRole } from '@convene/shared';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { preparedPer } from '../db/prepared.js';
import { type Space, spaceRoles, spaces } from '../db/schema/index.js';
import { notFound } from '../errors.js';
import { type SpaceScope, type Viewer, can } from '../policies/index.js';

export type RoleMap = Map<string, Set<SpaceRole>>;

/**
 * The viewer's roles in each given space, counting roles held on the parent session too
 * (a session's moderators moderate its roundtables).
 */
export async function viewerRoles(
  db: DbOrTx,
  viewer: Viewer,
  targets: { id: string; parentId: string | null }[],
): Promise<RoleMap> {
  const out: RoleMap = new Map(targets.map((t) => [t.id, new Set<SpaceRole>()]));
  if (!viewer || targets.length === 0) return out;
  const ids = [...new Set(targets.flatMap((t) => (t.parentId ? [t.id, t.parentId] : [t.id])))];
  const rows = await db
    .select({ spaceId: spaceRoles.spaceId, role: spaceRoles.role })
    .from(spaceRoles)
    .where(and(eq(spaceRoles.userId, viewer.id), inArray(spaceRoles.spaceId, ids)));
  for (const t of targets) {
    const set = out.get(t.id);
    for (const r of rows) if (set && (r.spaceId === t.id || r.spaceId === t.parentId)) set.add(r.role);
  }
  return out;
}

export interface LoadedSpace {
  space: Space;
  scope: SpaceScope;
}

export function scopeOf(
  space: Pick<Space, 'status'> & Partial<Pick<Space, 'moderationMode'>>,
  roles: ReadonlySet<SpaceRole> | undefined,
): SpaceScope {
  return {
    status: space.status,
    roles: roles ?? new Set(),
    ...(space.moderationMode ? { moderationMode: space.moderationMode } : {}),
  };
}

/**
 * Loads a space the viewer may read; anything else (missing or a draft) is a 404. One query: the
 * viewer's roles (on the space and on its parent session, as `viewerRoles`) come with the row.
 */
export async function loadSpace(db: DbOrTx, slug: string, viewer: Viewer): Promise<LoadedSpace> {
  const [row] = await (viewer
    ? spaceWithRoles(db).execute({ slug, userId: viewer.id })
    : spaceBySlug(db).execute({ slug }));
  if (!row) throw notFound('Space');
  const { space } = row;
  const scope = scopeOf(space, new Set(row.roles));
  if (!can(viewer, 'space.read', scope)) throw notFound('Space');
  return { space, scope };
}

/** `loadSpace`'s two statements (prepared: one runs on nearly every request). */
const spaceWithRoles = preparedPer((db) =>
  db
    .select({
      space: spaces,
      roles: sql<
        SpaceRole[]
      >`coalesce((select json_agg(distinct ${spaceRoles.role}) from ${spaceRoles} where ${spaceRoles.userId} = ${sql.placeholder('userId')} and (${spaceRoles.spaceId} = ${spaces.id} or ${spaceRoles.spaceId} = ${spaces.parentId})), '[]'::json)`,
    })
    .from(spaces)
    .where(eq(spaces.slug, sql.placeholder('slug')))
    .limit(1)
    .prepare('space_by_slug_with_roles'),
);
const spaceBySlug = preparedPer((db) =>
  db
    .select({ space: spaces, roles: sql<SpaceRole[]>`'[]'::json` })
    .from(spaces)
    .where(eq(spaces.slug, sql.placeholder('slug')))
    .limit(1)
    .prepare('space_by_slug'),
);

export async function loadSpaceById(db: DbOrTx, id: string, viewer: Viewer): Promise<LoadedSpace> {
  const [space] = await db.select().from(spaces).where(eq(spaces.id, id)).limit(1);
  if (!space) throw notFound('Space');
  const roles = await viewerRoles(db, viewer, [space]);
  return { space, scope: scopeOf(space, roles.get(space.id)) };
}

/** Whether the user holds a moderator or chair role in any space (one indexed lookup). */
export async function holdsSpaceRole(db: DbOrTx, user: { id: string }): Promise<boolean> {
  const [row] = await db
    .select({ one: spaceRoles.userId })
    .from(spaceRoles)
    .where(eq(spaceRoles.userId, user.id))
    .limit(1);
  return row !== undefined;
}
