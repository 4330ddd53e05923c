import { commentResponse } from '@convene/shared';
import { api } from '../../../lib/api';

/** The author withdraws a comment: hidden from everyone else from now on. */
export const withdrawComment = (id: string) =>
  api(`/api/comments/${id}`, { method: 'DELETE', schema: commentResponse }).then((r) => r.comment);
