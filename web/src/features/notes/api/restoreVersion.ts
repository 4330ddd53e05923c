import { noteResponse } from '@convene/shared';
import { api } from '../../../lib/api';

/** Makes an earlier version current again, saved as a new version. */
export const restoreVersion = (noteId: string, version: number) =>
  api(`/api/notes/${encodeURIComponent(noteId)}/versions/${version}/restore`, {
    method: 'POST',
    schema: noteResponse,
  });
