import { and, eq, or } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Comment, type User, attachments, comments, users } from '../../server/src/db/schema/index.js';
import { isStaff } from '../../server/src/policies/scope.js';
import {
  attachmentSql,
  commentSql,
  isPublished,
  maySeeAttachment,
  maySeeComment,
  maySeePrivateParts,
  visibleFiles,
} from '../../server/src/policies/visibility.js';
import { commentScope } from '../../server/src/presenters/comment.js';
import { loadSpaceById } from '../../server/src/queries/spaces.js';
import { setupApp } from '../helpers/app.js';
import { type Cast, insertComment, makeCast, makeSpace } from '../helpers/factories.js';

/**
 * The visibility module states one rule in two forms: predicates for one row and SQL for sets.
 * Here both forms meet the same rows, for every kind of viewer, and must agree — so a query
 * built from `commentSql` never shows what `maySeeComment` would refuse, and the reverse.
 */
const ctx = await setupApp();
let cast: Cast;
let spaceId: string;
let rows: Comment[];
const viewers: Record<string, User | null> = {};
const STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;

const userRow = async (id: string) => {
  const [u] = await ctx.db.db.select().from(users).where(eq(users.id, id));
  if (!u) throw new Error('user missing');
  return u;
};

beforeAll(async () => {
  spaceId = (await makeSpace(ctx, { moderationMode: 'pre' })).space.id;
  cast = await makeCast(ctx, spaceId);
  for (const person of [cast.author, cast.participant]) {
    for (const status of STATUSES) await insertComment(ctx, { spaceId, authorId: person.user.id, status });
  }
  rows = await ctx.db.db.select().from(comments).where(eq(comments.spaceId, spaceId));
  viewers.guest = null;
  for (const role of ['participant', 'author', 'moderator', 'chair', 'admin', 'otherModerator'] as const) {
    viewers[role] = await userRow(cast[role].user.id);
  }
  // A disabled account holds no right, whatever its role says (the rules check it, not only sessions).
  viewers.disabledAdmin = { ...(await userRow(cast.admin.user.id)), disabled: true };
  viewers.disabledAuthor = { ...(await userRow(cast.author.user.id)), disabled: true };
});

const ids = (list: { id: string }[]) => list.map((r) => r.id).sort();

describe('the row form and the set form agree', () => {
  it('published(): exactly the rows isPublished() accepts, which every viewer may read', async () => {
    const set = await ctx.db.db
      .select()
      .from(comments)
      .where(and(eq(comments.spaceId, spaceId), commentSql.published()));
    expect(set).toHaveLength(2);
    expect(ids(set)).toEqual(ids(rows.filter(isPublished)));
    for (const viewer of Object.values(viewers)) {
      const { scope } = await loadSpaceById(ctx.db.db, spaceId, viewer);
      for (const row of set) expect(maySeeComment(viewer, commentScope(scope, row))).toBe(true);
    }
  });

  it('listedFor(viewer): what the discussion lists is readable, and all the viewer may read of it', async () => {
    for (const [name, viewer] of Object.entries(viewers)) {
      const { scope } = await loadSpaceById(ctx.db.db, spaceId, viewer);
      const listed = commentSql.listedFor(viewer);
      const set = await ctx.db.db
        .select()
        .from(comments)
        .where(and(eq(comments.spaceId, spaceId), listed.own ? or(listed.published, listed.own) : listed.published));
      const readable = rows.filter((r) => maySeeComment(viewer, commentScope(scope, r)));
      // Everything listed may be read by this viewer …
      for (const row of set)
        expect(
          readable.map((r) => r.id),
          name,
        ).toContain(row.id);
      // … and the list holds the published rows plus the viewer's own pending and rejected ones.
      const own = (r: Comment) =>
        viewer !== null && !viewer.disabled && r.authorId === viewer.id && ['pending', 'rejected'].includes(r.status);
      expect(ids(set), name).toEqual(ids(rows.filter((r) => isPublished(r) || own(r))));
      // Staff read more than the list (the queue shows it to them); others read the list plus
      // what they withdrew themselves (kept in "My contributions", listed nowhere else).
      const ownWithdrawn = (r: Comment) =>
        viewer !== null && !viewer.disabled && r.authorId === viewer.id && r.status === 'withdrawn';
      if (viewer && isStaff(viewer, scope)) expect(readable.length, name).toBe(rows.length);
      else expect(ids(readable), name).toEqual(ids([...set, ...rows.filter(ownWithdrawn)]));
    }
  });

  it('private parts and files of a pending edit: the author and the space staff only', async () => {
    const published = rows.find((r) => isPublished(r) && r.authorId === cast.author.user.id);
    if (!published) throw new Error('fixture missing');
    const [publicFile, editFile] = await ctx.db.db
      .insert(attachments)
      .values(
        [null, published.version].map((awaitingRevision, i) => ({
          commentId: published.id,
          uploaderId: cast.author.user.id,
          filename: `file-${i}.pdf`,
          contentType: 'application/pdf',
          size: 1,
          sha256: 'x',
          data: Buffer.from('x'),
          awaitingRevision,
        })),
      )
      .returning();
    if (!publicFile || !editFile) throw new Error('insert failed');
    const inSql = await ctx.db.db
      .select({ id: attachments.id })
      .from(attachments)
      .where(and(eq(attachments.commentId, published.id), attachmentSql.ofPublishedText()));
    expect(inSql.map((f) => f.id)).toEqual([publicFile.id]);

    const privileged = new Set(['author', 'moderator', 'chair', 'admin']);
    for (const [name, viewer] of Object.entries(viewers)) {
      const { scope } = await loadSpaceById(ctx.db.db, spaceId, viewer);
      const c = commentScope(scope, published, true);
      expect(maySeePrivateParts(viewer, published, scope), name).toBe(privileged.has(name));
      expect(maySeeAttachment(viewer, c, publicFile), name).toBe(true);
      expect(maySeeAttachment(viewer, c, editFile), name).toBe(privileged.has(name));
      // The list form gives the same answer file by file.
      expect(
        visibleFiles([publicFile, editFile], viewer, published, scope).map((f) => f.id),
        name,
      ).toEqual(privileged.has(name) ? [publicFile.id, editFile.id] : [publicFile.id]);
    }
  });

  it('a disabled account sees only what a guest sees', async () => {
    for (const name of ['disabledAdmin', 'disabledAuthor']) {
      const viewer = viewers[name] ?? null;
      const { scope } = await loadSpaceById(ctx.db.db, spaceId, viewer);
      const readable = rows.filter((r) => maySeeComment(viewer, commentScope(scope, r)));
      expect(ids(readable), name).toEqual(ids(rows.filter(isPublished)));
    }
  });
});
