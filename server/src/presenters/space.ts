import type { QuestionDto, RoleEntry, SpaceAbilities, SpaceDetail, SpaceSummary } from '@convene/shared';
import type { Question, Space, SpaceRoleRow, User } from '../db/schema/index.js';
import { type SpaceScope, type Viewer, can, isAcceptingComments } from '../policies/index.js';
import { presentPerson } from './comment.js';
import {
  type AskedLanguage,
  missingTranslations,
  questionText,
  spaceLanguages,
  spaceText,
  questionTextsForEditors,
  translationsForEditors,
} from './spaceTexts.js';

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
  /** The language to present the texts in (falling back to the original); null: the original. */
  asked: AskedLanguage = null,
): SpaceSummary {
  const title = spaceText(s, 'title', asked);
  const summary = spaceText(s, 'summary', asked);
  return {
    id: s.id,
    slug: s.slug,
    code: s.code,
    title: title.text,
    summary: summary.text,
    status: s.status,
    opensAt: s.opensAt?.toISOString() ?? null,
    closesAt: s.closesAt?.toISOString() ?? null,
    isOpen: isAcceptingComments(s, now),
    moderationMode: s.moderationMode,
    counts: { comments: counts.comments, questions: counts.questions, new: counts.new },
    originalLanguage: s.originalLanguage,
    languages: spaceLanguages(s),
    lang: { title: title.lang, summary: summary.lang },
  };
}

export function presentQuestion(
  q: Question,
  counts: CommentCounts,
  following: boolean | null = null,
  /** The space's original language and the one asked (null: the original). */
  language: { original: Space['originalLanguage']; asked: AskedLanguage } = { original: 'en', asked: null },
): QuestionDto {
  const text = questionText(q, language.original, language.asked);
  return {
    id: q.id,
    position: q.position,
    text: text.text,
    lang: { text: text.lang },
    counts: { comments: counts.comments, new: counts.new },
    following,
  };
}

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
  parent: Pick<
    Space,
    'slug' | 'code' | 'title' | 'summary' | 'backgroundHtml' | 'disclaimer' | 'originalLanguage' | 'translations'
  > | null;
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
  asked: AskedLanguage = null,
  /** The question rows (with their translations), for the editors' view of the translations. */
  questionRows: Question[] = [],
): SpaceDetail {
  const abilities = spaceAbilities(viewer, space, scope, now);
  const person = (u: StaffMember) => ({ displayName: u.displayName, affiliation: u.affiliation });
  const background = spaceText(space, 'background', asked);
  const disclaimer = spaceText(space, 'disclaimer', asked);
  const parentTitle = parts.parent ? spaceText(parts.parent, 'title', asked) : null;
  const byId = new Map(questionRows.map((q) => [q.id, q]));
  const editors = abilities.editContent
    ? {
        translations: translationsForEditors(space),
        missingTranslations: missingTranslations(space, questionRows),
      }
    : {};
  return {
    ...parts.summary,
    backgroundHtml: background.text,
    // The markdown source is for editors only; readers get the sanitised HTML.
    ...(abilities.editContent ? { backgroundMd: space.backgroundMd } : {}),
    acceptedLanguages: space.acceptedLanguages,
    disclaimer: disclaimer.text,
    lang: { ...parts.summary.lang, background: background.lang, disclaimer: disclaimer.lang },
    ...editors,
    contactEmail: space.contactEmail,
    moderators: parts.moderators.map(person),
    chairs: parts.chairs.map(person),
    questions: abilities.editContent
      ? parts.questions.map((q) => {
          const row = byId.get(q.id);
          return { ...q, translations: row ? questionTextsForEditors(row, space.originalLanguage) : {} };
        })
      : parts.questions,
    parent:
      parts.parent && parentTitle
        ? {
            slug: parts.parent.slug,
            code: parts.parent.code,
            title: parentTitle.text,
            lang: { title: parentTitle.lang },
          }
        : null,
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
