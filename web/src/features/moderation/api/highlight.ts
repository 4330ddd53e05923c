import type { commentResponse } from '@convene/shared';
import { type Answer, api } from '../../../lib/api';

/** "Relevant for the note": chairs and administrators mark published comments. */
export const setHighlight = (id: string, on: boolean) =>
  api<Answer<typeof commentResponse>>(`/api/comments/${id}/highlight`, { method: on ? 'PUT' : 'DELETE' }).then(
    (r) => r.comment,
  );
