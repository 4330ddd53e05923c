import type { Locale, OutcomeDto, OutcomeResponse } from '@convene/shared';
import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { type Space, outcomes, users } from '../db/schema/index.js';
import { permalink } from '../exports/curated.js';
import { type SpaceScope, type Viewer, can } from '../policies/index.js';
import { isPublished } from '../policies/visibility.js';
import { loadNoteSources } from './notes.js';

/**
 * A space's published outcome as anyone who may read the space sees it (the caller loaded the
 * space with `loadSpace`, which hides drafts): the frozen content, and for each footnote its
 * link, plus who wrote the contribution and when only while it is published (the visibility
 * rule, asked now). A footnote never carries a contribution's text.
 */
export async function loadOutcome(
  db: DbOrTx,
  space: Space,
  scope: SpaceScope,
  viewer: Viewer,
  appOrigin: string,
): Promise<OutcomeResponse> {
  const abilities = { publish: can(viewer, 'note.publish', scope) };
  const [row] = await db.select().from(outcomes).where(eq(outcomes.spaceId, space.id)).limit(1);
  if (!row) return { outcome: null, abilities };
  const { content } = row;
  const sources = await loadNoteSources(
    db,
    space.id,
    content.citations.map((c) => c.commentId),
  );
  const [publisher] = row.publishedBy
    ? await db
        .select({ displayName: users.displayName })
        .from(users)
        .where(inArray(users.id, [row.publishedBy]))
    : [];
  const outcome: OutcomeDto = {
    noteId: row.noteId,
    title: content.title,
    language: row.language as Locale,
    version: row.version,
    publishedAt: row.publishedAt.toISOString(),
    publishedBy: publisher ?? null,
    sections: content.sections,
    footnotes: content.citations.map(({ number, commentId }) => {
      const s = sources.get(commentId);
      const published = s !== undefined && isPublished(s);
      return {
        number,
        commentId,
        permalink: permalink(appOrigin, space.slug, commentId),
        published,
        author: published ? s.displayName : null,
        affiliation: published ? s.affiliation : null,
        date: published ? s.createdAt.toISOString() : null,
      };
    }),
  };
  return { outcome, abilities };
}
