import type { staffNoteResponse } from '@convene/shared';
import { type Answer, api } from '../../../lib/api';

/** A private note of the staff on a comment (never shown to participants). */
export const addCommentNote = (commentId: string, body: string) =>
  api<Answer<typeof staffNoteResponse>>(`/api/comments/${commentId}/staff-notes`, { method: 'POST', body: { body } });

/** A private note of the staff on an author, in one space. */
export const addAuthorNote = (slug: string, userId: string, body: string) =>
  api<Answer<typeof staffNoteResponse>>(`/api/spaces/${encodeURIComponent(slug)}/authors/${userId}/staff-notes`, {
    method: 'POST',
    body: { body },
  });
