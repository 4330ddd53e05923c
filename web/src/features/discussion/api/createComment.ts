import type { CreateCommentRequest, commentResponse } from '@convene/shared';
import { type Answer, api } from '../../../lib/api';

/** Posts a comment; resending the same clientId returns the first comment instead of a second. */
export const createComment = (slug: string, body: CreateCommentRequest) =>
  api<Answer<typeof commentResponse>>(`/api/spaces/${encodeURIComponent(slug)}/comments`, {
    method: 'POST',
    body,
  }).then((r) => r.comment);
