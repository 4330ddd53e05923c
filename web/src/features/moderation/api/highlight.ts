import { commentResponse } from '@convene/shared';
import { api } from '../../../lib/api';

/** "Relevant for the note": chairs and administrators mark published comments. */
export const setHighlight = (id: string, on: boolean) =>
  api(`/api/comments/${id}/highlight`, { method: on ? 'PUT' : 'DELETE', schema: commentResponse }).then(
    (r) => r.comment,
  );
