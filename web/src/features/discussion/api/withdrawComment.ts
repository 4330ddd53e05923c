import type { commentResponse } from '@convene/shared';
import { type Answer, api } from '../../../lib/api';

/** The author withdraws a comment: hidden from everyone else from now on. */
export const withdrawComment = (id: string) =>
  api<Answer<typeof commentResponse>>(`/api/comments/${id}`, { method: 'DELETE' }).then((r) => r.comment);
