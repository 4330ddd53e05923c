import type { Action, CommentAction, GlobalAction, SpaceAction, SpaceStatus } from '@convene/shared';
import type { User } from '../db/schema/index.js';
import { AppError, forbidden, unauthorized } from '../errors.js';
import {
  type CommentScope,
  type SpaceScope,
  type Viewer,
  isAdmin,
  isAuthor,
  isChair,
  isModerator,
  isStaff,
  signedIn,
} from './scope.js';
import { isPublished, maySeeComment, maySeeSpace } from './visibility.js';

export type { CommentScope, SpaceScope, Viewer } from './scope.js';
export { isStaff } from './scope.js';

const spaceRules: Record<SpaceAction, (v: Viewer, s: SpaceScope) => boolean> = {
  'space.read': (v, s) => maySeeSpace(v, s),
  'space.update': (v) => isAdmin(v),
  'space.editContent': (v, s) => isChair(v, s),
  'space.manageRoles': (v) => isAdmin(v),
  'space.duplicate': (v) => isAdmin(v),
  'space.markSeen': (v, s) => signedIn(v) && spaceRules['space.read'](v, s),
  // Whether the space accepts comments right now is state, not permission: see isAcceptingComments.
  'comment.create': (v, s) => signedIn(v) && spaceRules['space.read'](v, s),
  'moderation.read': (v, s) => isStaff(v, s),
  'moderation.decide': (v, s) => isModerator(v, s),
  'comment.highlight': (v, s) => isChair(v, s),
  'space.export': (v, s) => isStaff(v, s),
  'note.read': (v, s) => isStaff(v, s),
  'note.edit': (v, s) => isChair(v, s),
  'note.publish': (v, s) => isChair(v, s),
  // Private notes about a comment or an author: the space's staff only, never participants.
  'staffNote.write': (v, s) => isStaff(v, s),
};

const commentRules: Record<CommentAction, (v: Viewer, c: CommentScope) => boolean> = {
  'comment.read': (v, c) => maySeeComment(v, c),
  // A contribution is its author's word: nobody else, not even an administrator, edits it.
  'comment.edit': (v, c) => isAuthor(v, c) && c.commentStatus !== 'withdrawn',
  'comment.withdraw': (v, c) => isAuthor(v, c) && c.commentStatus !== 'withdrawn',
  // Files join a text that is still to be decided; in a post-moderated space, a published one.
  'comment.attach': (v, c) =>
    isAuthor(v, c) &&
    (c.commentStatus === 'pending' ||
      c.hasPendingRevision ||
      (c.commentStatus === 'approved' && c.moderationMode === 'post')),
  'comment.report': (v, c) =>
    signedIn(v) && !isAuthor(v, c) && c.commentStatus === 'approved' && spaceRules['space.read'](v, c),
  'comment.decide': (v, c) => isModerator(v, c) && c.commentStatus !== 'withdrawn',
  'comment.highlight': (v, c) => isChair(v, c) && c.commentStatus === 'approved',
  // Translations are of published text only (no separate translator role: the space's staff).
  'translation.write': (v, c) => isStaff(v, c) && isPublished({ status: c.commentStatus }),
};

const globalRules: Record<GlobalAction, (v: Viewer) => boolean> = {
  'space.create': (v) => isAdmin(v),
  'user.manage': (v) => isAdmin(v),
  // The secretariat's work on affiliations is the administrators' (no separate role): see affiliation.ts.
  'affiliation.manage': (v) => isAdmin(v),
};

export function can(viewer: Viewer, action: GlobalAction): boolean;
export function can(viewer: Viewer, action: SpaceAction, scope: SpaceScope): boolean;
export function can(viewer: Viewer, action: CommentAction, scope: CommentScope): boolean;
export function can(viewer: Viewer, action: Action, scope?: SpaceScope | CommentScope): boolean {
  if (action in globalRules) return globalRules[action as GlobalAction](viewer);
  if (!scope) return false;
  if (action in commentRules && 'authorId' in scope) return commentRules[action as CommentAction](viewer, scope);
  if (action in spaceRules) return spaceRules[action as SpaceAction](viewer, scope);
  return false;
}

/**
 * The refusal convention, the same on every route (the authorization table in
 * tests/api/authorization.test.ts asserts it for each route and viewer):
 *
 * - **404** when the resource the path names (a space, comment, attachment, note, version) does
 *   not exist *or the viewer may not read it* — a guest included — so its existence stays secret.
 *   The loaders (`loadSpace`, `loadComment`, `loadAttachmentForDownload`, `loadNote`) throw it.
 * - **401** when a guest may read the resource but must sign in to do this.
 * - **403** when a signed-in viewer may read the resource but may not do this. Areas that name no
 *   resource (creating a space, administering users) are 401/403 too.
 *
 * So a route loads first and authorizes second: `authorize` throws 401 or 403, never 404.
 */
export function authorize(viewer: Viewer, action: GlobalAction): asserts viewer is User;
export function authorize(viewer: Viewer, action: SpaceAction, scope: SpaceScope): void;
export function authorize(viewer: Viewer, action: CommentAction, scope: CommentScope): void;
export function authorize(viewer: Viewer, action: Action, scope?: SpaceScope | CommentScope): void {
  if ((can as (v: Viewer, a: Action, s?: SpaceScope | CommentScope) => boolean)(viewer, action, scope)) return;
  if (!viewer) throw unauthorized();
  throw forbidden();
}

/** Whether a signed-in viewer must be present; narrows the type for the caller. */
export function requireSignedIn(viewer: Viewer): asserts viewer is User {
  if (!signedIn(viewer)) throw unauthorized();
}

/** A space's background and summary are its chairs' to write; every other setting is the administrators'. */
const SPACE_CONTENT_FIELDS: ReadonlySet<string> = new Set(['background', 'summary']);

/**
 * The field-level rule for changing a space: throws unless the viewer may change every field
 * sent (401/403), naming in `details.fields` the ones only administrators may change.
 */
export function authorizeSpaceUpdate(viewer: Viewer, scope: SpaceScope, fields: readonly string[]): void {
  authorize(viewer, 'space.editContent', scope);
  const refused = fields.filter(
    // A translation (`translations.fr.summary`) is as editable as its field.
    (field) =>
      !can(
        viewer,
        SPACE_CONTENT_FIELDS.has(field.replace(/^translations\.[a-z]+\./, '')) ? 'space.editContent' : 'space.update',
        scope,
      ),
  );
  if (refused.length > 0) {
    throw new AppError(403, 'forbidden', `Only administrators may change: ${refused.join(', ')}.`, {
      fields: refused.map((field) => ({ field, message: 'Only administrators may change this' })),
    });
  }
}

/**
 * What a signed-in user may open whatever the space (the client's menus): `admin`, and
 * `moderate` for whoever holds a moderator or chair role anywhere (`holdsSpaceRole`).
 */
export function accountAbilities(viewer: Viewer, holdsSpaceRole: boolean): { moderate: boolean; admin: boolean } {
  const admin = isAdmin(viewer);
  return { admin, moderate: admin || (signedIn(viewer) && holdsSpaceRole) };
}

export interface OpenWindow {
  status: SpaceStatus;
  opensAt: Date | null;
  closesAt: Date | null;
}

/** A space accepts comments when it is open and within its dates. */
export function isAcceptingComments(s: OpenWindow, now = new Date()): boolean {
  return (
    s.status === 'open' &&
    (s.opensAt === null || s.opensAt.getTime() <= now.getTime()) &&
    (s.closesAt === null || s.closesAt.getTime() > now.getTime())
  );
}
