import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorWithRetry } from '../../../components/ErrorWithRetry';
import { previewNote } from '../api/previewNote';
import type { Draft } from '../lib/draft';
import { WideDialog } from './WideDialog';

/**
 * "Preview the note": the text on the screen, saved or not, rendered by the server as the
 * export prints it — headings, paragraphs, citations as numbered footnotes (one per source), the
 * annex of contributions considered. The HTML is the server's sanitised rendering.
 */
export function NotePreview({ noteId, draft }: { noteId: string; draft: Draft }) {
  const { t } = useTranslation('notes');
  const [open, setOpen] = useState(false);
  const title = draft.title.trim() || t('editor.untitled');
  const body = useMemo(
    () => ({
      title,
      sections: draft.sections.map((s) => ({
        ...(s.id ? { id: s.id } : {}),
        title: s.title.trim() || t('section.untitled'),
        bodyMd: s.bodyMd,
        commentIds: s.commentIds,
      })),
    }),
    [draft, title, t],
  );
  const preview = useQuery({
    queryKey: ['notes', 'preview', noteId, body],
    queryFn: ({ signal }) => previewNote(noteId, body, signal),
    enabled: open,
    gcTime: 0,
  });

  return (
    <>
      <button type="button" className="button secondary" onClick={() => setOpen(true)}>
        {t('preview.open')}
      </button>
      <WideDialog isOpen={open} onClose={() => setOpen(false)} title={t('preview.title', { title })}>
        <p className="muted">{t('preview.intro')}</p>
        {preview.isPending && <p role="status">{t('common:loading')}</p>}
        {preview.isError && <ErrorWithRetry error={preview.error} onRetry={() => void preview.refetch()} />}
        {preview.data !== undefined && (
          <div
            className="prose note-preview"
            data-testid="note-preview"
            dir="auto"
            dangerouslySetInnerHTML={{ __html: preview.data }}
          />
        )}
      </WideDialog>
    </>
  );
}
