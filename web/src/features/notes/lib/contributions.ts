import type { CommentDto, NoteContribution, NoteDto } from '@convene/shared';
import { excerptFromHtml } from './excerpt';

/** A contribution as the workspace shows it, from the highlighted list or from the saved note. */
export interface ContributionView {
  id: string;
  questionId: string | null;
  parentId: string | null;
  author: NoteContribution['author'];
  createdAt: string;
  /** Content language; null when unknown ("other" or only known from the note). */
  language: string | null;
  excerpt: string;
  /** Highlighted and published now: only these may be placed or cited. */
  available: boolean;
}

export function fromComment(c: CommentDto): ContributionView {
  return {
    id: c.id,
    questionId: c.questionId,
    parentId: c.parentId,
    author: {
      displayName: c.author.displayName,
      affiliation: c.author.affiliation,
      stakeholderCategory: c.author.stakeholderCategory,
      country: c.author.country,
    },
    createdAt: c.createdAt,
    language: c.language === 'other' ? null : c.language,
    excerpt: excerptFromHtml(c.bodyHtml),
    available: c.highlighted && c.status === 'approved',
  };
}

function fromNote(c: NoteContribution): ContributionView {
  return {
    id: c.id,
    questionId: c.questionId,
    parentId: null,
    author: c.author,
    createdAt: c.createdAt,
    language: null,
    excerpt: c.excerpt ?? '',
    available: c.published && c.highlighted,
  };
}

/**
 * Every contribution the editor may need to describe, by id (lower-case): the live highlighted
 * list wins; the saved note fills in what is placed but no longer highlighted.
 */
export function contributionIndex(highlighted: CommentDto[] | undefined, note: NoteDto): Map<string, ContributionView> {
  const map = new Map<string, ContributionView>();
  for (const s of note.sections) {
    for (const c of s.contributions)
      map.set(c.id.toLowerCase(), { ...fromNote(c), available: highlighted ? false : c.highlighted && c.published });
  }
  for (const c of note.citations) {
    const id = c.commentId.toLowerCase();
    if (!map.has(id) && c.author) {
      map.set(id, {
        id: c.commentId,
        questionId: null,
        parentId: null,
        author: {
          displayName: c.author,
          affiliation: c.affiliation ?? '',
          stakeholderCategory: 'other',
          country: null,
        },
        createdAt: c.date ?? note.createdAt,
        language: null,
        excerpt: '',
        available: highlighted ? false : c.published,
      });
    }
  }
  for (const c of highlighted ?? []) map.set(c.id.toLowerCase(), fromComment(c));
  return map;
}
