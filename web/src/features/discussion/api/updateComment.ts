import { type CommentDto, type UpdateCommentRequest, commentResponse, commentSchema } from '@convene/shared';
import { ApiError, api } from '../../../lib/api';

export const updateComment = (id: string, body: UpdateCommentRequest) =>
  api(`/api/comments/${id}`, { method: 'PATCH', body, schema: commentResponse }).then((r) => r.comment);

/** The current comment a 409 `conflict` carries, when the edit was based on an older version. */
export function conflictingComment(error: unknown): CommentDto | null {
  if (!(error instanceof ApiError) || error.status !== 409 || error.code !== 'conflict') return null;
  const parsed = commentSchema.safeParse((error.details as { comment?: unknown } | undefined)?.comment);
  return parsed.success ? parsed.data : null;
}
