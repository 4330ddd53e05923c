import type { SaveNoteRequest, noteResponse } from '@convene/shared';
import { type Answer, api } from '../../../lib/api';

/** Saves the whole note as a new version; a stale `version` is a 409 `conflict`. */
export const saveNote = (id: string, body: SaveNoteRequest) =>
  api<Answer<typeof noteResponse>>(`/api/notes/${encodeURIComponent(id)}`, { method: 'PUT', body });
