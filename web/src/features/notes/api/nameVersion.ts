import type { noteVersionResponse } from '@convene/shared';
import { type Answer, api } from '../../../lib/api';

/** Names a saved version ("Draft for the Bureau"); "" takes the name off. */
export const nameVersion = (noteId: string, version: number, name: string) =>
  api<Answer<typeof noteVersionResponse>>(`/api/notes/${encodeURIComponent(noteId)}/versions/${version}`, {
    method: 'PATCH',
    body: { name },
  }).then((r) => r.version);
