import { noteVersionResponse } from '@convene/shared';
import { api } from '../../../lib/api';

/** Names a saved version ("Draft for the Bureau"); "" takes the name off. */
export const nameVersion = (noteId: string, version: number, name: string) =>
  api(`/api/notes/${encodeURIComponent(noteId)}/versions/${version}`, {
    method: 'PATCH',
    body: { name },
    schema: noteVersionResponse,
  }).then((r) => r.version);
