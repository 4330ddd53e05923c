import type { CommentListResponse, MyCommentsResponse } from '@convene/shared';
import { type SQL, and, asc, desc, eq, exists, inArray, isNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { type Space, type Tag, type User, commentTags, comments, spaces, tags } from '../db/schema/index.js';
import type { SpaceScope, Viewer } from '../policies/index.js';
import { commentSql } from '../policies/visibility.js';
import { hydrateComments } from './comments.js';
import { type Cursor, decodeCursor, encodeCursor } from './cursor.js';
import { scopeOf, viewerRoles } from './spaces.js';

/** Tags named by code or slug ("16", "gcm-16"); a reference may match nothing. */
export async function findTagsByRef(db: DbOrTx, refs: readonly string[]): Promise<Tag[]> {
  if (refs.length === 0) return [];
  return db
    .select()
    .from(tags)
    .where(or(inArray(tags.code, [...refs]), inArray(tags.slug, [...refs])));
}

/**
 * The cursor carries created_at only to the millisecond while PostgreSQL keeps microseconds,
 * so the exact position is re-read from the cursor's own row (an init-plan, run once): no row
 * of the same millisecond is repeated or skipped. The row comparison stays an index condition.
 */
function keyset(cursor: Cursor, direction: 'after' | 'before'): SQL {
  const at = sql`coalesce((select c2.created_at from comments c2 where c2.id = ${cursor.id}::uuid), ${cursor.at.toISOString()}::timestamptz)`;
  return direction === 'after'
    ? sql`(${comments.createdAt}, ${comments.id}) > (${at}, ${cursor.id}::uuid)`
    : sql`(${comments.createdAt}, ${comments.id}) < (${at}, ${cursor.id}::uuid)`;
}

/**
 * One search across the languages the platform speaks: a French stem matches French text,
 * a Spanish one Spanish text, and 'simple' catches names and codes in any language.
 */
const matches = (q: string): SQL =>
  sql`${comments.search} @@ (websearch_to_tsquery('english', ${q}) || websearch_to_tsquery('french', ${q}) || websearch_to_tsquery('spanish', ${q}) || websearch_to_tsquery('simple', ${q}))`;

export interface SpaceCommentFilters {
  questionId?: string | undefined;
  language?: Space['acceptedLanguages'][number] | undefined;
  tag?: string | undefined;
  highlighted?: 'true' | 'false' | undefined;
  q?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

/**
 * A page of a space's comments for one viewer, as `commentSql.listedFor` defines it (the
 * published ones plus the viewer's own pending and rejected ones). Each branch of that rule is
 * its own ordered, limited query so each walks an index
 * (space|question, status, created_at, id) and stops after one page, whatever the space's size.
 */
export async function listSpaceComments(
  db: DbOrTx,
  space: Space,
  scope: SpaceScope,
  viewer: Viewer,
  filters: SpaceCommentFilters,
): Promise<CommentListResponse> {
  const { limit } = filters;
  const cursor = decodeCursor(filters.cursor);
  const where: SQL[] = [eq(comments.spaceId, space.id)];
  if (filters.questionId === 'none') where.push(isNull(comments.questionId));
  else if (filters.questionId) where.push(eq(comments.questionId, filters.questionId));
  if (filters.language) where.push(eq(comments.language, filters.language));
  if (filters.highlighted) where.push(eq(comments.highlighted, filters.highlighted === 'true'));
  if (filters.tag) {
    const found = await findTagsByRef(db, [filters.tag]);
    if (found.length === 0) return { comments: [], nextCursor: null };
    const tagged = db
      .select({ one: sql`1` })
      .from(commentTags)
      .where(
        and(
          eq(commentTags.commentId, comments.id),
          inArray(
            commentTags.tagId,
            found.map((t) => t.id),
          ),
        ),
      );
    where.push(exists(tagged));
  }
  const q = filters.q?.trim();
  if (q) where.push(matches(q));
  if (cursor) where.push(keyset(cursor, 'after'));

  const branch = (visible: SQL | undefined) =>
    db
      .select()
      .from(comments)
      .where(and(...where, visible))
      .orderBy(asc(comments.createdAt), asc(comments.id))
      .limit(limit + 1);

  const listed = commentSql.listedFor(viewer);
  const published = branch(listed.published);
  const rows = listed.own
    ? await published
        .unionAll(branch(listed.own))
        .orderBy(asc(comments.createdAt), asc(comments.id))
        .limit(limit + 1)
    : await published;

  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor = rows.length > limit && last ? encodeCursor(last) : null;
  return { comments: await hydrateComments(db, page, viewer, () => scope), nextCursor };
}

/**
 * The signed-in user's own contributions in every space, newest first, every status: their
 * "my contributions" page. Walks comments_author_created_idx.
 */
export async function listMyComments(
  db: DbOrTx,
  viewer: User,
  options: { cursor?: string | undefined; limit: number },
): Promise<MyCommentsResponse> {
  const cursor = decodeCursor(options.cursor);
  const rows = await db
    .select()
    .from(comments)
    .where(and(eq(comments.authorId, viewer.id), cursor ? keyset(cursor, 'before') : undefined))
    .orderBy(desc(comments.createdAt), desc(comments.id))
    .limit(options.limit + 1);
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > options.limit && last ? encodeCursor(last) : null;
  if (page.length === 0) return { comments: [], nextCursor };

  const spaceRows = await db
    .select({
      id: spaces.id,
      parentId: spaces.parentId,
      status: spaces.status,
      slug: spaces.slug,
      code: spaces.code,
      title: spaces.title,
    })
    .from(spaces)
    .where(inArray(spaces.id, [...new Set(page.map((c) => c.spaceId))]));
  const roles = await viewerRoles(db, viewer, spaceRows);
  const byId = new Map(spaceRows.map((s) => [s.id, s]));
  const scopeFor = (spaceId: string): SpaceScope => {
    const s = byId.get(spaceId);
    if (!s) throw new Error(`space ${spaceId} missing`);
    return scopeOf(s, roles.get(spaceId));
  };
  const dtos = await hydrateComments(db, page, viewer, scopeFor);
  return {
    comments: dtos.map((c) => {
      const s = byId.get(c.spaceId);
      if (!s) throw new Error(`space ${c.spaceId} missing`);
      return { ...c, space: { id: s.id, slug: s.slug, code: s.code, title: s.title } };
    }),
    nextCursor,
  };
}
