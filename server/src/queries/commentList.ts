import type { CommentDto, CommentListResponse, MyCommentsResponse } from '@convene/shared';
import { type SQL, and, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { type Placeholders, shapedStatement } from '../db/shaped.js';
import {
  type Comment,
  type CommentRevision,
  type CommentTranslation,
  type Space,
  type Tag,
  type User,
  commentRevisions,
  commentTranslations,
  comments,
  spaces,
  tags,
  users,
} from '../db/schema/index.js';
import { type SpaceScope, type Viewer, can, isStaff } from '../policies/index.js';
import { hasEditAwaiting } from '../policies/lifecycle.js';
import { signedIn } from '../policies/scope.js';
import { commentSql, maySeePrivateParts, revisionSql, visibleFiles } from '../policies/visibility.js';
import { type PresentableComment, commentScope, presentComment, presentPerson } from '../presenters/comment.js';
import { attachmentUrl, hydrateComments, listedColumns, presentTag } from './comments.js';
import { fromRowJson, rowJson } from './rowJson.js';
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

/** Scripts written without spaces between words: searched by their two-character pieces. */
const CJK_RUN = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;

/** The text-search configurations of the six languages' stemmers, and 'simple' (names, codes). */
const CONFIGS = ['english', 'french', 'spanish', 'arabic', 'russian', 'simple'] as const;

/**
 * A search box query as the parts of a tsquery (`tsquerySql`), whatever its language. Each
 * comment's vector is built in its own language's configuration (`comment_search_vector`,
 * migration 0021), so the words of the query are taken in every configuration and OR-ed: a Russian inflected form meets the Russian stem, a French
 * one the French stem, and 'simple' catches names and codes. A run of Han or kana characters
 * becomes its two-character pieces in a row ("移民政策" → 移民 <-> 民政 <-> 政策), which the vector
 * holds for such runs in any comment; a single character matches as a prefix. The parts are AND-ed.
 */
export function searchTerms(q: string): { phrase: string | null; rest: string | null } | null {
  const runs = q.match(CJK_RUN) ?? [];
  const rest = q.replace(CJK_RUN, ' ').trim();
  const phrase =
    runs.length > 0
      ? runs
          .map((run) => {
            const chars = [...run];
            if (chars.length === 1) return `'${chars[0]}':*`;
            return chars
              .slice(0, -1)
              .map((ch, i) => `'${ch}${chars[i + 1]}'`)
              .join(' <-> ');
          })
          .map((p) => `(${p})`)
          .join(' & ')
      : null;
  const words = /[\p{L}\p{N}]/u.test(rest) ? rest : null;
  return phrase !== null || words !== null ? { phrase, rest: words } : null;
}

/** Which parts a search has (`searchTerms`): the shape of its tsquery. */
interface SearchShape {
  phrase: boolean;
  rest: boolean;
}

/** The tsquery of `searchTerms`, its parts AND-ed. */
function tsquerySql(shape: SearchShape, v: Placeholders<{ phrase: string; rest: string }>): SQL {
  const parts: SQL[] = [];
  if (shape.phrase) parts.push(sql`to_tsquery('simple', ${v.phrase})`);
  if (shape.rest) {
    parts.push(
      sql`(${sql.join(
        CONFIGS.map((c) => sql`websearch_to_tsquery(${sql.raw(`'${c}'`)}, ${v.rest})`),
        sql` || `,
      )})`,
    );
  }
  return sql.join(parts, sql` && `);
}

export interface SpaceCommentFilters {
  questionId?: string | undefined;
  language?: Space['acceptedLanguages'][number] | undefined;
  tag?: string | undefined;
  highlighted?: 'true' | 'false' | undefined;
  q?: string | undefined;
  cursor?: string | undefined;
  /** Oldest first unless 'newest'. */
  order?: 'oldest' | 'newest' | undefined;
  /** Start at this comment (inclusive), if the viewer may read it. */
  from?: string | undefined;
  limit: number;
}

/** The raw-SQL alias of the list query: `comments c`. */
const C = { alias: 'c' };

/** The comment row without the search vector and the markdown source (asked for separately). */
const COMMENT_ROW = rowJson(comments, 'c', ['search', 'bodyMd']);
const AUTHOR_ROW = rowJson(users, 'u', ['passwordHash']);
const TAG_ROW = rowJson(tags, 't');
const TRANSLATION_ROW = rowJson(commentTranslations, 'tr');
const REVISION_ROW = rowJson(commentRevisions, 'r');

interface PageRow {
  c: Record<string, unknown>;
  body_md: string | null;
  body_md5: string | null;
  author: Record<string, unknown>;
  tags: Record<string, unknown>[];
  files: { id: string; filename: string; size: number; contentType: string; awaitingRevision: number | null }[];
  parent: { id: string; spaceId: string; status: Comment['status']; authorId: string; authorName: string } | null;
  revision: Record<string, unknown> | null;
  reported: boolean;
  translations: (Record<string, unknown> & { translator_name: string | null })[];
}

/**
 * A page of a space's comments for one viewer, as `commentSql.listedFor` defines it (the
 * published ones plus the viewer's own pending and rejected ones), in ONE query: each branch of
 * that rule is its own ordered, limited subquery so each walks an index
 * (space|question, status, created_at, id) and stops after one page, whatever the space's size;
 * the page's rows then bring their author, tags, files, parent, pending edit, the viewer's report
 * and translations as JSON. Only what is sent is read: never the `search` vector, and `body_md`
 * only where the viewer sees private parts (`maySeePrivateParts`: the author, the space's staff).
 *
 * A search is driven by the GIN index: its matches are collected first (a materialised CTE), then
 * ordered; walking the created_at index and testing every row cost 125 ms at 50k comments for a
 * word found in none.
 */
export async function listSpaceComments(
  db: DbOrTx,
  space: Space,
  scope: SpaceScope,
  viewer: Viewer,
  filters: SpaceCommentFilters,
): Promise<CommentListResponse> {
  const page = await gatedSpaceComments(db, space, scope, viewer, filters, null);
  if (!page) throw new Error('an ungated page of comments is always read');
  return page;
}

/** A search tests the first SEARCH_WALK published rows in order one by one (see `pageStatement`). */
const SEARCH_WALK = 500;

/** What decides the text of a page's statement: flags only (see `shapedStatement`). */
interface PageShape {
  question: 'none' | 'one' | null;
  language: boolean;
  highlighted: boolean;
  tag: boolean;
  newest: boolean;
  cursor: boolean;
  from: boolean;
  /** A member is signed in and not the space's staff. */
  viewer: 'guest' | 'member' | 'staff';
  search: SearchShape | null;
  gate: GateShape | null;
}

/** The values of a page's statement, by placeholder name (those a shape does not use are ignored). */
interface PageValues {
  space: string;
  question: string | null;
  language: string | null;
  highlighted: boolean | null;
  tag: string | null;
  cursorId: string | null;
  cursorAt: string | null;
  from: string | null;
  viewer: string | null;
  page: number;
  walk: number;
  phrase: string | null;
  rest: string | null;
  /** The gate's: the guest page's last comment when another page follows, and its comments' ids. */
  lastId: string | null;
  ids: string | null;
}

/**
 * The overlay's gate (`commentOverlay.ts`), as its shape and values: whether anything of the
 * viewer's own touches the guest page whose last comment is `lastId` (when another page follows)
 * and whose comments are `ids`.
 */
export interface PageGate {
  lastId: string | null;
  ids: readonly string[];
}
interface GateShape {
  last: boolean;
  ids: boolean;
}

/** `keyset(cursor, 'after')` for a raw query's `comments c` (or another alias of comments). */
function keysetRaw(v: Placeholders<PageValues>, newest: boolean, alias: string): SQL {
  const at = sql`coalesce((select c2.created_at from comments c2 where c2.id = ${v.cursorId}::uuid), ${v.cursorAt}::timestamptz)`;
  return sql`(${sql.raw(`${alias}.created_at, ${alias}.id`)}) ${sql.raw(newest ? '<' : '>')} (${at}, ${v.cursorId}::uuid)`;
}

/**
 * Whether anything of the viewer's own touches the guest page (the gate): an own comment of any
 * status in the page's keyset window (after the cursor, from `from` on, up to the page's last
 * comment when another page follows, else to the end), their `from` comment, a report of theirs
 * on the page, or a reply on the page to an unpublished comment of theirs.
 */
function touchedSql(gate: GateShape, shape: PageShape, v: Placeholders<PageValues>): SQL {
  const me = sql`${v.viewer}::uuid`;
  const { newest } = shape;
  const window: SQL[] = [sql`o.space_id = ${v.space}::uuid`, sql`o.author_id = ${me}`];
  if (shape.cursor) window.push(keysetRaw(v, newest, 'o'));
  if (shape.from) {
    window.push(
      sql`(o.created_at, o.id) ${sql.raw(newest ? '<=' : '>=')} (select f.created_at, f.id from comments f where f.id = ${v.from}::uuid)`,
    );
  }
  if (gate.last) {
    window.push(
      sql`(o.created_at, o.id) ${sql.raw(newest ? '>=' : '<=')} (select l.created_at, l.id from comments l where l.id = ${v.lastId}::uuid)`,
    );
  }
  const checks: SQL[] = [sql`exists (select 1 from comments o where ${sql.join(window, sql` and `)})`];
  if (shape.from) {
    checks.push(sql`exists (select 1 from comments f where f.id = ${v.from}::uuid and f.author_id = ${me})`);
  }
  if (gate.ids) {
    const ids = sql`string_to_array(${v.ids}, ',')::uuid[]`;
    checks.push(
      sql`exists (select 1 from reports rp where rp.comment_id = any(${ids}) and rp.reporter_id = ${me})`,
      sql`exists (select 1 from comments o join comments pc on pc.id = o.parent_id
                  where o.id = any(${ids}) and pc.author_id = ${me} and not ${commentSql.published({ alias: 'pc' })})`,
    );
  }
  return sql.join(checks, sql` or `);
}

/** A page's one statement, built from its shape alone (see `gatedSpaceComments`). */
function pageSql(shape: PageShape, v: Placeholders<PageValues>): SQL {
  const where: SQL[] = [sql`c.space_id = ${v.space}::uuid`];
  if (shape.question === 'none') where.push(sql`c.question_id is null`);
  else if (shape.question === 'one') where.push(sql`c.question_id = ${v.question}::uuid`);
  if (shape.language) where.push(sql`c.language = ${v.language}::comment_language`);
  if (shape.highlighted) where.push(sql`c.highlighted = ${v.highlighted}`);
  if (shape.tag) {
    where.push(
      sql`exists (select 1 from comment_tags ct join tags tg on tg.id = ct.tag_id where ct.comment_id = c.id and (tg.code = ${v.tag} or tg.slug = ${v.tag}))`,
    );
  }
  const { newest } = shape;
  if (shape.cursor) where.push(keysetRaw(v, newest, 'c'));
  const tsq = shape.search ? tsquerySql(shape.search, v) : null;
  const member = shape.viewer !== 'guest';

  const listed = {
    published: commentSql.published(C),
    own: member ? commentSql.ownUnpublished(v.viewer, C) : null,
  };
  if (shape.from) {
    // The start comment only counts if this viewer may read it (else nothing matches).
    const F = { alias: 'f' };
    const readable = member
      ? sql`(${commentSql.published(F)} or ${commentSql.ownUnpublished(v.viewer, F)})`
      : commentSql.published(F);
    where.push(
      sql`(c.created_at, c.id) ${newest ? sql.raw('<=') : sql.raw('>=')} (select f.created_at, f.id from comments f where f.id = ${v.from}::uuid and f.space_id = ${v.space}::uuid and ${readable})`,
    );
  }
  const ord = (a: string) => sql.raw(newest ? `${a}.created_at desc, ${a}.id desc` : `${a}.created_at, ${a}.id`);
  const conditions = (visible: SQL) => sql.join([...where, visible], sql` and `);
  // A search: the first SEARCH_WALK published rows in order are tested one by one (a common word fills
  // the page there); only when they hold less than a page and are not all the rows does the GIN
  // index collect every match (a rare word, or one found nowhere, then costs the same at any size).
  // The GIN part runs only if the gate says so (a one-time filter on an init-plan).
  const branch = (visible: SQL) =>
    sql`(select c.id, c.created_at from comments c where ${conditions(visible)}${tsq ? sql` and c.search @@ (${tsq})` : sql``} order by ${ord('c')} limit ${v.page})`;
  const published = tsq
    ? sql`(select h.id, h.created_at from hits h order by ${ord('h')} limit ${v.page})`
    : branch(listed.published);
  const hits = tsq
    ? sql`with walk as materialized (
        select c.id, c.created_at, c.search @@ (${tsq}) as hit from comments c
        where ${conditions(listed.published)} order by ${ord('c')} limit ${v.walk}),
      gate as materialized (select count(*) filter (where hit) >= ${v.page} or count(*) < ${v.walk} as walked from walk),
      hits as materialized (
        select w.id, w.created_at from walk w where w.hit and (select walked from gate)
        union all
        select c.id, c.created_at from comments c
        where c.search @@ (${tsq}) and ${conditions(listed.published)} and not (select walked from gate)), `
    : sql`with `;
  const branches = listed.own ? sql`${published} union all ${branch(listed.own)}` : published;

  // maySeePrivateParts, row by row: the space's staff see every source, others their own.
  const privileged = shape.viewer === 'staff' ? sql`true` : member ? sql`c.author_id = ${v.viewer}::uuid` : sql`false`;
  const gate = shape.gate ? touchedSql(shape.gate, shape, v) : null;

  return sql`
    ${hits}${gate ? sql`touched as materialized (select (${gate}) as opened), ` : sql``}page as (select p.id, p.created_at from (${branches}) p${gate ? sql` where (select opened from touched)` : sql``} order by ${ord('p')} limit ${v.page})
    select ${gate ? sql`touched.opened, page.id as page_id, ` : sql``}${COMMENT_ROW} as c,
      case when ${privileged} then c.body_md end as body_md,
      case when exists (select 1 from comment_translations x where x.comment_id = c.id) then md5(c.body_md) end as body_md5,
      (select ${AUTHOR_ROW} from users u where u.id = c.author_id) as author,
      (select coalesce(json_agg(${TAG_ROW} order by t.position), '[]') from comment_tags ct join tags t on t.id = ct.tag_id where ct.comment_id = c.id) as tags,
      (select coalesce(json_agg(json_build_object('id', a.id, 'filename', a.filename, 'size', a.size, 'contentType', a.content_type, 'awaitingRevision', a.awaiting_revision) order by a.created_at), '[]')
         from attachments a where a.comment_id = c.id) as files,
      (select json_build_object('id', pc.id, 'spaceId', pc.space_id, 'status', pc.status, 'authorId', pc.author_id, 'authorName', pu.display_name)
         from comments pc join users pu on pu.id = pc.author_id where pc.id = c.parent_id) as parent,
      case when ${privileged} then (select ${REVISION_ROW} from comment_revisions r where r.comment_id = c.id and ${revisionSql.awaiting({ alias: 'r' })} order by r.version desc limit 1) end as revision,
      ${member ? sql`exists (select 1 from reports rp where rp.comment_id = c.id and rp.reporter_id = ${v.viewer}::uuid)` : sql`false`} as reported,
      (select coalesce(json_agg(${TRANSLATION_ROW}::jsonb || jsonb_build_object('translator_name', tu.display_name) order by tr.language), '[]')
         from comment_translations tr left join users tu on tu.id = tr.translator_id where tr.comment_id = c.id) as translations
    from ${gate ? sql`touched left join (page join comments c on c.id = page.id) on true` : sql`page join comments c on c.id = page.id`}
    order by ${ord('page')}`;
}
// The overlay's check (a participant's page; `gatedSpaceComments`) is a prepared statement: most
// of its cost was PostgreSQL planning it, as the page it reads is mostly not read. Parsed once per
// connection and its plan kept (at 50k comments the generic plan runs as fast as one made for the
// values). Each kept plan costs about 250 KB on every pooled connection, so only the unfiltered
// pages are prepared (by question or none, order, cursor and the check's two flags: at most 48,
// about 12 MB a connection); the others are planned with their values each time, as are guests'
// pages (cached), the staff's (mostly reading, not planning) and searches.
const pageStatement = shapedStatement(pageSql, {
  prepared: {
    name: 'page',
    when: (s) => s.gate !== null && s.search === null && !s.language && !s.highlighted && !s.tag && !s.from,
  },
});

/**
 * `listSpaceComments`, read only if the overlay's `gate` holds (nothing of the viewer's own
 * touches the guest page: `touchedSql`, evaluated once, first): null when it does not, in the
 * same single statement either way. The overlay (`commentOverlay.ts`) asks its check this way, so
 * a participant whose own work is on the page gets it computed in full without a query more. Not
 * for searches. The statement's text depends only on which filters are set and the kind of viewer
 * (`pageStatement`): drizzle builds it once per such shape.
 */
export async function gatedSpaceComments(
  db: DbOrTx,
  space: Space,
  scope: SpaceScope,
  viewer: Viewer,
  filters: SpaceCommentFilters,
  gate: PageGate | null,
): Promise<CommentListResponse | null> {
  if (gate && filters.q !== undefined) throw new Error('a gated page of comments is not a search');
  if (gate && !signedIn(viewer)) throw new Error('a gated page of comments is a signed-in viewer’s');
  const { limit } = filters;
  const cursor = decodeCursor(filters.cursor);
  const terms = filters.q?.trim() ? searchTerms(filters.q.trim()) : null;
  // A query of punctuation only matches nothing (as websearch_to_tsquery of it did).
  if (filters.q?.trim() && !terms) return { comments: [], nextCursor: null };

  const viewerId = signedIn(viewer) ? viewer.id : null;
  const shape: PageShape = {
    question: filters.questionId === 'none' ? 'none' : filters.questionId ? 'one' : null,
    language: Boolean(filters.language),
    highlighted: Boolean(filters.highlighted),
    tag: Boolean(filters.tag),
    newest: filters.order === 'newest',
    cursor: cursor !== null,
    from: Boolean(filters.from),
    viewer: isStaff(viewer, scope) ? 'staff' : viewerId ? 'member' : 'guest',
    search: terms ? { phrase: terms.phrase !== null, rest: terms.rest !== null } : null,
    gate: gate ? { last: gate.lastId !== null, ids: gate.ids.length > 0 } : null,
  };
  const result = await pageStatement<PageRow & { page_id: string | null; opened: boolean }>(db, shape, {
    space: space.id,
    question: shape.question === 'one' ? (filters.questionId ?? null) : null,
    language: filters.language ?? null,
    highlighted: filters.highlighted ? filters.highlighted === 'true' : null,
    tag: filters.tag ?? null,
    cursorId: cursor?.id ?? null,
    cursorAt: cursor?.at.toISOString() ?? null,
    from: filters.from ?? null,
    viewer: viewerId,
    page: limit + 1,
    walk: SEARCH_WALK,
    phrase: terms?.phrase ?? null,
    rest: terms?.rest ?? null,
    lastId: gate?.lastId ?? null,
    ids: gate ? gate.ids.join(',') : null,
  });

  // Gated: one row at least (the gate's), and only the gate's when it did not hold or the page is empty.
  if (gate && result.rows[0]?.opened !== true) return null;
  const rows = gate ? result.rows.filter((r) => r.page_id !== null) : result.rows;
  const shown = rows.slice(0, limit);
  const out: CommentDto[] = shown.map((r) => {
    const c = { ...fromRowJson(comments, r.c), bodyMd: r.body_md, bodyMd5: r.body_md5 } as PresentableComment;
    const parent = r.parent;
    const parentVisible =
      parent !== null &&
      can(viewer, 'comment.read', commentScope(scope, { authorId: parent.authorId, status: parent.status }));
    const pending = r.revision ? (fromRowJson(commentRevisions, r.revision) as CommentRevision) : null;
    const privileged = maySeePrivateParts(viewer, c, scope);
    return presentComment(
      c,
      {
        author: presentPerson(fromRowJson(users, r.author) as User),
        tags: r.tags.map((t) => presentTag(fromRowJson(tags, t) as Tag)),
        attachments: visibleFiles(r.files, viewer, c, scope).map((f) => ({
          id: f.id,
          filename: f.filename,
          size: f.size,
          contentType: f.contentType,
          url: attachmentUrl(f.id),
        })),
        inReplyTo: parent && parentVisible ? { id: parent.id, authorName: parent.authorName } : null,
        pendingRevision: privileged && pending && hasEditAwaiting(c, true) ? pending : null,
        reportedByMe: r.reported,
        translations: r.translations.map((t) => ({
          ...(fromRowJson(commentTranslations, t) as CommentTranslation),
          translatorName: t.translator_name,
        })),
      },
      viewer,
      scope,
    );
  });
  const last = shown.at(-1);
  const nextCursor =
    rows.length > limit && last
      ? encodeCursor({ id: String(last.c.id), createdAt: new Date(String(last.c.created_at)) })
      : null;
  return { comments: out, nextCursor };
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
    .select(listedColumns)
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
