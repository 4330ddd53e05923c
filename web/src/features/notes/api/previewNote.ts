import { type NotePreviewRequest, notePreviewResponse } from '@convene/shared';
import { api } from '../../../lib/api';

/** The text on the screen rendered by the server as the export prints it (sanitised HTML). */
export const previewNote = (noteId: string, body: NotePreviewRequest, signal?: AbortSignal) =>
  api(`/api/notes/${encodeURIComponent(noteId)}/preview`, {
    method: 'POST',
    body,
    schema: notePreviewResponse,
    signal,
  }).then((r) => r.html);
