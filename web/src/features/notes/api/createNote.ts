import type { CreateNoteRequest, noteResponse } from '@convene/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type Answer, api } from '../../../lib/api';
import { notesKey } from './getNotes';

export const createNote = (slug: string, body: CreateNoteRequest) =>
  api<Answer<typeof noteResponse>>(`/api/spaces/${encodeURIComponent(slug)}/notes`, { method: 'POST', body });

/** Creates a note (one section per guiding question); the editor then reads it fresh. */
export function useCreateNote(slug: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateNoteRequest) => createNote(slug, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: notesKey(slug) }),
  });
}
