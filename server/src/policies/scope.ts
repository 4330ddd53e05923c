import type { CommentStatus, ModerationMode, SpaceRole, SpaceStatus } from '@convene/shared';
import type { User } from '../db/schema/index.js';

/** What a rule needs to know about a space: its status and the viewer's roles in it. */
export interface SpaceScope {
  status: SpaceStatus;
  /** Known wherever a space row was loaded; rules that need it treat "unknown" as pre-moderated. */
  moderationMode?: ModerationMode;
  /** The viewer's roles in this space, including those held on its parent session. */
  roles: ReadonlySet<SpaceRole>;
}

/** What a rule needs to know about a comment, on top of its space. */
export interface CommentScope extends SpaceScope {
  authorId: string;
  commentStatus: CommentStatus;
  /** An edit of the published text is waiting for moderation. */
  hasPendingRevision: boolean;
  /** Held until its author verifies their address (`verification.ts`): not the staff's to see yet. */
  held?: boolean;
}

export type Viewer = User | null;

/**
 * Who the viewer is, as every rule sees it. A disabled account holds no right at all, whatever
 * its role or space roles say (the session layer also ends its sessions; this is the second lock).
 */
export const signedIn = (v: Viewer): v is User => v !== null && !v.disabled;
export const isAdmin = (v: Viewer) => signedIn(v) && v.role === 'admin';
export const isModerator = (v: Viewer, s: SpaceScope) => isAdmin(v) || (signedIn(v) && s.roles.has('moderator'));
export const isChair = (v: Viewer, s: SpaceScope) => isAdmin(v) || (signedIn(v) && s.roles.has('chair'));
/** Moderators, chairs and administrators of the space. */
export const isStaff = (v: Viewer, s: SpaceScope) => isAdmin(v) || (signedIn(v) && s.roles.size > 0);
export const isAuthor = (v: Viewer, c: { authorId: string }) => signedIn(v) && v.id === c.authorId;
