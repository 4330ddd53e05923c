import { type CreateCommentRequest, commentResponse } from '@convene/shared';
import { api } from '../../../lib/api';

/** Posts a comment; resending the same clientId returns the first comment instead of a second. */
export const createComment = (slug: string, body: CreateCommentRequest) =>
  api(`/api/spaces/${encodeURIComponent(slug)}/comments`, { method: 'POST', body, schema: commentResponse }).then(
    (r) => r.comment,
  );
