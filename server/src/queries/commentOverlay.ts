import type { CommentListResponse, CommentStatus } from '@convene/shared';
import type { Space, User } from '../db/schema/index.js';
import { type SpaceScope, can, isStaff } from '../policies/index.js';
import type { Overlay } from '../plugins/publicCache.js';
import { commentAbilities, commentScope } from '../presenters/comment.js';
import type { PageGate } from './commentList.js';
import { scopeOf } from './spaces.js';

/**
 * A signed-in participant's page of comments as the cached guest page plus an overlay.
 *
 * A page differs between a guest and a signed-in viewer who is not the space's staff only in
 * what concerns that viewer's own work and acts: their own comments (published ones carry their
 * source and their edit and withdraw buttons; pending and rejected ones are listed for them
 * alone and shift the page), their reports (`reportedByMe`), a reply whose parent is their own
 * unpublished comment (its `inReplyTo` is shown to them), and a `from` naming their own comment.
 * Everything else the presenter gives them — sources, reasons, pending edits, files of pending
 * edits, outdated translations — is given to the author or to staff only. The space's staff see
 * every source, so their pages are always computed in full.
 *
 * So one statement asks whether any of that touches the page (`overlayGate`, checked by
 * `touchedSql` in commentList.ts) and, only if something does, reads the viewer's page in full
 * (`gatedSpaceComments`). If nothing does, the
 * guest page is the viewer's page but for each comment's `abilities` (for instance `report`),
 * rewritten in its text (`abilitiesOverlay`). The check is conservative:
 * an own comment of any status anywhere in the page's keyset window counts, whatever the filters.
 * `tests/api/comment-overlay.test.ts` compares both paths for many viewers and pages.
 */

/** What the overlay needs of a cached guest page. */
export interface PublicPageMeta {
  comments: { id: string; authorId: string; status: CommentStatus }[];
  /** The page's last comment when another page follows (the end of its keyset window), else null. */
  lastId: string | null;
}

export const publicPageMeta = (page: CommentListResponse): PublicPageMeta => ({
  comments: page.comments.map((c) => ({ id: c.id, authorId: c.author.id, status: c.status })),
  lastId: page.nextCursor !== null ? (page.comments.at(-1)?.id ?? null) : null,
});

/** A guest's scope of the space: no roles. */
export const guestScope = (space: Space): SpaceScope => scopeOf(space, new Set());

/** Whether a viewer's page may be the guest page plus an overlay: not the space's staff, in a space guests may read. */
export const mayOverlay = (viewer: User, scope: SpaceScope, space: Space): boolean =>
  !isStaff(viewer, scope) && can(null, 'space.read', guestScope(space));

const ABILITIES = ',"abilities":';

/**
 * The gate of the viewer's page (`gatedSpaceComments` reads it in full only when something of
 * the viewer's own touches the guest page `meta`; the check is `touchedSql` there).
 */
export const overlayGate = (meta: PublicPageMeta): PageGate => ({
  lastId: meta.lastId,
  ids: meta.comments.map((c) => c.id),
});

/**
 * The viewer's page as the guest page `meta` with the viewer's buttons, for when nothing of
 * theirs touches it (`overlayGate`, checked by `touchedSql` in commentList.ts).
 */
export function abilitiesOverlay(space: Space, scope: SpaceScope, viewer: User, meta: PublicPageMeta): Overlay {
  // Nothing of the viewer's own is on the page: only the buttons differ. They depend on the
  // comment through its status and whether the viewer wrote it (`commentScope`), so they are
  // worked out once per kind of comment, not per comment.
  const guest = guestScope(space);
  // (By status, one memo for the viewer's own comments and one for the others': a key built per
  // comment cost more than the rest of the overlay.)
  const buttons = (v: User | null, s: SpaceScope) => {
    const others = new Map<CommentStatus, string>();
    const own = new Map<CommentStatus, string>();
    return (c: PublicPageMeta['comments'][number]) => {
      const memo = v !== null && c.authorId === v.id ? own : others;
      let text = memo.get(c.status);
      if (text === undefined) {
        text = `${ABILITIES}${JSON.stringify(commentAbilities(v, commentScope(s, c), false))}}`;
        memo.set(c.status, text);
      }
      return text;
    };
  };
  const to = meta.comments.map(buttons(viewer, scope));
  const first = to[0] ?? '';
  return {
    signature: to.every((t) => t === first) ? first : to.join(''),
    apply(text) {
      // `,"abilities":` never occurs inside a JSON string (its quote would be escaped), so each
      // occurrence is a comment's own key, the last of its object, in page order.
      const from = meta.comments.map(buttons(null, guest));
      let out = '';
      let at = 0;
      for (const [i, guestAbilities] of from.entries()) {
        const j = text.indexOf(ABILITIES, at);
        if (j < 0 || !text.startsWith(guestAbilities, j)) return null;
        out += text.slice(at, j) + (to[i] ?? '');
        at = j + guestAbilities.length;
      }
      if (text.includes(ABILITIES, at)) return null;
      return out + text.slice(at);
    },
  };
}
