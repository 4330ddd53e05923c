/**
 * Every action the API authorises, as one typed union. The server's policy module decides
 * them; the client receives the answers as `abilities` and never re-derives the rules.
 */
export const SPACE_ACTIONS = [
  'space.read',
  'space.update',
  'space.editContent',
  'space.manageRoles',
  /** Copy the space (settings, background, questions, optionally roles) into a new draft (administrators). */
  'space.duplicate',
  'space.markSeen',
  'comment.create',
  'moderation.read',
  'moderation.decide',
  'comment.highlight',
  'space.export',
  /** Read the space's background notes (staff). */
  'note.read',
  /** Create, edit and restore background notes (chairs and administrators). */
  'note.edit',
  /** Publish a note as the space's public outcome, or unpublish it (chairs and administrators). */
  'note.publish',
  /** Read and write private staff notes on the space's comments and authors (moderators, chairs, admins). */
  'staffNote.write',
] as const;
export type SpaceAction = (typeof SPACE_ACTIONS)[number];

export const COMMENT_ACTIONS = [
  'comment.read',
  'comment.edit',
  'comment.withdraw',
  'comment.attach',
  'comment.report',
  'comment.decide',
  'comment.highlight',
  /** Write, update and delete a published comment's translations (the space's moderators, chairs, admins). */
  'translation.write',
] as const;
export type CommentAction = (typeof COMMENT_ACTIONS)[number];

/** `affiliation.manage`: the verification queue, organisation domains and focal points. */
export const GLOBAL_ACTIONS = ['space.create', 'user.manage', 'affiliation.manage'] as const;
export type GlobalAction = (typeof GLOBAL_ACTIONS)[number];

export type Action = SpaceAction | CommentAction | GlobalAction;
