import type { AttachmentDto, CommentDto, CommentTranslationDto, Person, TagDto } from '@convene/shared';
import type { Comment, CommentRevision, CommentTranslation } from '../db/schema/index.js';
import { type PersonRow, affiliationMarks } from '../policies/affiliation.js';
import { type CommentScope, type SpaceScope, type Viewer, can } from '../policies/index.js';
import {
  type TranslatedText,
  isPublished,
  isTranslationCurrent,
  maySeePrivateParts,
  rejectionReason,
  visibleTranslations,
} from '../policies/visibility.js';

export const presentPerson = (u: PersonRow): Person => ({
  id: u.id,
  displayName: u.displayName,
  affiliation: u.affiliation,
  stakeholderCategory: u.stakeholderCategory,
  country: u.country,
  ...affiliationMarks(u),
});

export function commentScope(
  space: SpaceScope,
  c: Pick<Comment, 'authorId' | 'status'>,
  hasPendingRevision = false,
): CommentScope {
  return { ...space, authorId: c.authorId, commentStatus: c.status, hasPendingRevision };
}

export interface CommentExtras {
  author: Person;
  tags: TagDto[];
  attachments: AttachmentDto[];
  /** The parent, only when the viewer may read it; otherwise the reply shows no parent at all. */
  inReplyTo: { id: string; authorName: string } | null;
  pendingRevision: CommentRevision | null;
  /** Whether the viewer has already reported this comment. */
  reportedByMe: boolean;
  /** All its translations with their translator's name; the presenter keeps those the viewer may see. */
  translations: TranslationRow[];
}

export type TranslationRow = CommentTranslation & { translatorName: string | null };

/**
 * A comment row as the presenter needs it. Hot list paths leave out the `search` vector and, for
 * viewers who may not see the source, `body_md` (null then); `bodyMd5` stands in for the text
 * when translations are checked against it.
 */
export type PresentableComment = Omit<Comment, 'search' | 'bodyMd'> & {
  bodyMd: string | null;
  bodyMd5?: string | null;
};

/** The published text a translation is checked against, from the full row or the list's md5. */
const translatedText = (c: Pick<PresentableComment, 'bodyMd' | 'bodyMd5' | 'language'>): TranslatedText =>
  c.bodyMd5 !== null && c.bodyMd5 !== undefined
    ? { language: c.language, bodyMd5: c.bodyMd5 }
    : { language: c.language, bodyMd: c.bodyMd ?? '' };

/** One translation; its markdown source only for those who may write translations of the comment. */
export function presentTranslation(
  c: Pick<PresentableComment, 'bodyMd' | 'bodyMd5' | 'language'>,
  t: TranslationRow,
  withSource: boolean,
): CommentTranslationDto {
  return {
    language: t.language,
    sourceLanguage: t.sourceLanguage,
    bodyHtml: t.bodyHtml,
    ...(withSource ? { bodyMd: t.bodyMd } : {}),
    translator:
      t.translatorId !== null && t.translatorName !== null
        ? { id: t.translatorId, displayName: t.translatorName }
        : null,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
    sourceVersion: t.sourceVersion,
    outdated: !isTranslationCurrent(translatedText(c), t),
  };
}

/** One comment as the given viewer may see it: drafts of edits and sources only to author and staff. */
export function presentComment(c: PresentableComment, x: CommentExtras, viewer: Viewer, space: SpaceScope): CommentDto {
  const scope = commentScope(space, c, x.pendingRevision !== null);
  const privileged = maySeePrivateParts(viewer, c, space);
  const translate = can(viewer, 'translation.write', scope);
  return {
    id: c.id,
    spaceId: c.spaceId,
    questionId: c.questionId,
    // A reply to a comment the viewer may not read (pending, rejected, withdrawn) answers its
    // question as far as they can tell: its parent's id would reveal that the parent exists.
    // `inReplyTo` is given exactly when the viewer may read the parent.
    parentId: x.inReplyTo ? c.parentId : null,
    inReplyTo: x.inReplyTo,
    author: x.author,
    bodyHtml: c.bodyHtml,
    ...(privileged && c.bodyMd !== null ? { bodyMd: c.bodyMd } : {}),
    language: c.language,
    tags: x.tags,
    attachments: x.attachments,
    createdAt: c.createdAt.toISOString(),
    editedAt: c.editedAt?.toISOString() ?? null,
    publishedAt: isPublished(c) ? (c.decidedAt ?? c.createdAt).toISOString() : null,
    status: c.status,
    version: c.version,
    highlighted: c.highlighted,
    ...(privileged ? { reason: rejectionReason(c) } : {}),
    ...(privileged
      ? {
          pendingRevision: x.pendingRevision
            ? {
                version: x.pendingRevision.version,
                bodyHtml: x.pendingRevision.bodyHtml,
                bodyMd: x.pendingRevision.bodyMd,
                createdAt: x.pendingRevision.createdAt.toISOString(),
              }
            : null,
        }
      : {}),
    reportedByMe: x.reportedByMe,
    translations: visibleTranslations(x.translations, viewer, { status: c.status, ...translatedText(c) }, space).map(
      (t) => presentTranslation(c, t, translate),
    ),
    abilities: commentAbilities(viewer, scope, x.reportedByMe),
  };
}

/**
 * What the viewer may do with a comment (the client's buttons), from the policies. The list's
 * overlay (`queries/commentOverlay.ts`) writes the same object in place of a guest's.
 */
export function commentAbilities(viewer: Viewer, scope: CommentScope, reportedByMe: boolean): CommentDto['abilities'] {
  return {
    edit: can(viewer, 'comment.edit', scope),
    withdraw: can(viewer, 'comment.withdraw', scope),
    attach: can(viewer, 'comment.attach', scope),
    // Once per person: a comment the viewer has reported can no longer be reported by them.
    report: !reportedByMe && can(viewer, 'comment.report', scope),
    decide: can(viewer, 'comment.decide', scope),
    highlight: can(viewer, 'comment.highlight', scope),
    translate: can(viewer, 'translation.write', scope),
  };
}
