import { staffNoteResponse } from '@convene/shared';
import { api } from '../../../lib/api';

/** A private note of the staff on a comment (never shown to participants). */
export const addCommentNote = (commentId: string, body: string) =>
  api(`/api/comments/${commentId}/staff-notes`, { method: 'POST', body: { body }, schema: staffNoteResponse });

/** A private note of the staff on an author, in one space. */
export const addAuthorNote = (slug: string, userId: string, body: string) =>
  api(`/api/spaces/${encodeURIComponent(slug)}/authors/${userId}/staff-notes`, {
    method: 'POST',
    body: { body },
    schema: staffNoteResponse,
  });
