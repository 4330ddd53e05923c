import type { NotePreviewRequest, notePreviewResponse } from '@convene/shared';
import { type Answer, api } from '../../../lib/api';

/** The text on the screen rendered by the server as the export prints it (sanitised HTML). */
export const previewNote = (noteId: string, body: NotePreviewRequest, signal?: AbortSignal) =>
  api<Answer<typeof notePreviewResponse>>(`/api/notes/${encodeURIComponent(noteId)}/preview`, {
    method: 'POST',
    body,
    signal,
  }).then((r) => r.html);
