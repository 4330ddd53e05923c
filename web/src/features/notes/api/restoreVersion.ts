import type { noteResponse } from '@convene/shared';
import { type Answer, api } from '../../../lib/api';

/** Makes an earlier version current again, saved as a new version. */
export const restoreVersion = (noteId: string, version: number) =>
  api<Answer<typeof noteResponse>>(`/api/notes/${encodeURIComponent(noteId)}/versions/${version}/restore`, {
    method: 'POST',
  });
