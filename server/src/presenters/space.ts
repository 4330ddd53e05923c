import type { QuestionDto, RoleEntry, SpaceAbilities, SpaceDetail, SpaceSummary } from '@convene/shared';
import type { Question, Space, SpaceRoleRow, User } from '../db/schema/index.js';
import { type SpaceScope, type Viewer, can, isAcceptingComments } from '../policies/index.js';
import { presentPerson } from './comment.js';

export interface CommentCounts {
  comments: number;
  /** Null for guests: "new" only means something to someone who has visited. */
  new: number | null;
}

export const zeroCounts = (viewer: Viewer): CommentCounts => ({ comments: 0, new: viewer ? 0 : null });

export function presentSpaceSummary(
  s: Space,
  counts: CommentCounts & { questions: number },
  now = new Date(),
): SpaceSummary {
  return {
    id: s.id,
    slug: s.slug,
    code: s.code,
    title: s.title,
    summary: s.summary,
    status: s.status,
    opensAt: s.opensAt?.toISOString() ?? null,
    closesAt: s.closesAt?.toISOString() ?? null,
    isOpen: isAcceptingComments(s, now),
    moderationMode: s.moderationMode,
    counts: { comments: counts.comments, questions: counts.questions, new: counts.new },
  };
}

export const presentQuestion = (q: Question, counts: CommentCounts, following: boolean | null = null): QuestionDto => ({
  id: q.id,
  position: q.position,
  text: q.text,
  counts: { comments: counts.comments, new: counts.new },
  following,
});

export function spaceAbilities(viewer: Viewer, space: Space, scope: SpaceScope, now = new Date()): SpaceAbilities {
  return {
    post: can(viewer, 'comment.create', scope) && isAcceptingComments(space, now),
    moderate: can(viewer, 'moderation.read', scope),
    highlight: can(viewer, 'comment.highlight', scope),
    export: can(viewer, 'space.export', scope),
    edit: can(viewer, 'space.update', scope),
    editContent: can(viewer, 'space.editContent', scope),
    manageRoles: can(viewer, 'space.manageRoles', scope),
  };
}

export type StaffMember = Pick<User, 'displayName' | 'affiliation'>;

export interface SpaceDetailParts {
  summary: SpaceSummary;
  questions: QuestionDto[];
  moderators: StaffMember[];
  chairs: StaffMember[];
  parent: Pick<Space, 'slug' | 'code' | 'title'> | null;
  children: SpaceSummary[];
  seenAt: Date | null;
  /** Whether the viewer follows the space; null for guests. */
  following: boolean | null;
}

export function presentSpaceDetail(
  space: Space,
  parts: SpaceDetailParts,
  viewer: Viewer,
  scope: SpaceScope,
  now = new Date(),
): SpaceDetail {
  const abilities = spaceAbilities(viewer, space, scope, now);
  const person = (u: StaffMember) => ({ displayName: u.displayName, affiliation: u.affiliation });
  return {
    ...parts.summary,
    backgroundHtml: space.backgroundHtml,
    // The markdown source is for editors only; readers get the sanitised HTML.
    ...(abilities.editContent ? { backgroundMd: space.backgroundMd } : {}),
    acceptedLanguages: space.acceptedLanguages,
    disclaimer: space.disclaimer,
    contactEmail: space.contactEmail,
    moderators: parts.moderators.map(person),
    chairs: parts.chairs.map(person),
    questions: parts.questions,
    parent: parts.parent ? { slug: parts.parent.slug, code: parts.parent.code, title: parts.parent.title } : null,
    children: parts.children,
    seenAt: parts.seenAt?.toISOString() ?? null,
    following: parts.following,
    abilities,
  };
}

export const presentRoleEntry = (row: Pick<SpaceRoleRow, 'role' | 'createdAt'>, user: User): RoleEntry => ({
  user: { ...presentPerson(user), email: user.email },
  role: row.role,
  createdAt: row.createdAt.toISOString(),
});
