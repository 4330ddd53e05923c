import { useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveSpace } from '../../../lib/live';
import { gapsKey } from '../api/getGaps';
import { highlightedKey } from '../api/getHighlighted';
import type { RemoteSave } from './useNoteEditor';

/** Comment events that change what may be placed or cited (the highlighted set and the gaps). */
const HIGHLIGHT_EVENTS = ['comment.updated', 'comment.withdrawn', 'comment.decided', 'comment.published'];

/**
 * Live changes from the space while the note is open: another chair's save of this note is
 * handed to `remoteSaved` (the editor shows a notice), and comment changes refresh the
 * highlighted contributions and the gaps (debounced; at once after a reconnect).
 */
export function useLiveNoteChanges(slug: string, noteId: string, remoteSaved: (e: RemoteSave) => void) {
  const { t } = useTranslation('notes');
  const qc = useQueryClient();
  const refetchTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useLiveSpace(slug, {
    onEvent: (e) => {
      if (e.kind === 'note.saved') {
        const d = e.data as { noteId?: string; version?: number; updatedBy?: string; updatedAt?: string };
        if (d.noteId === noteId && typeof d.version === 'number') {
          remoteSaved({
            version: d.version,
            updatedBy: d.updatedBy ?? t('conflict.someone'),
            updatedAt: d.updatedAt ?? new Date().toISOString(),
          });
        }
        return;
      }
      if (HIGHLIGHT_EVENTS.includes(e.kind)) {
        if (refetchTimer.current) clearTimeout(refetchTimer.current);
        refetchTimer.current = setTimeout(() => {
          void qc.invalidateQueries({ queryKey: highlightedKey(slug) });
          void qc.invalidateQueries({ queryKey: gapsKey(slug) });
        }, 400);
      }
    },
    onReset: () => {
      void qc.invalidateQueries({ queryKey: highlightedKey(slug) });
      void qc.invalidateQueries({ queryKey: gapsKey(slug) });
    },
  });
}
