import type { CommentDto, UpdateCommentRequest, commentResponse } from '@convene/shared';
import { type Answer, ApiError, api } from '../../../lib/api';
import { commentOf } from '../lib/commentOf';

export const updateComment = (id: string, body: UpdateCommentRequest) =>
  api<Answer<typeof commentResponse>>(`/api/comments/${id}`, { method: 'PATCH', body }).then((r) => r.comment);

/** The current comment a 409 `conflict` carries, when the edit was based on an older version. */
export function conflictingComment(error: unknown): CommentDto | null {
  if (!(error instanceof ApiError) || error.status !== 409 || error.code !== 'conflict') return null;
  return commentOf((error.details as { comment?: unknown } | undefined)?.comment);
}
