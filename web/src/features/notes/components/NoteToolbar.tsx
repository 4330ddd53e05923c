import { useTranslation } from 'react-i18next';
import { PublishOutcome } from '../../outcome/components/PublishOutcome';
import type { NoteEditorState } from '../hooks/useNoteEditor';
import { RemoteNotice, SaveStatusLine } from './SaveNotices';
import { WordsAgainstTarget } from './WordsAgainstTarget';

interface Props {
  noteId: string;
  editor: NoteEditorState;
  /** Words in all sections, and the target (null while the field does not hold a number). */
  total: number;
  target: number | null;
  readOnly: boolean;
}

/** The sticky bar: save status, words against the target, exports, and notices of others' saves. */
export function NoteToolbar({ noteId, editor, total, target, readOnly }: Props) {
  const { t } = useTranslation('notes');

  const exportHref = (format: 'docx' | 'md') => `/api/notes/${noteId}/export?format=${format}`;
  const download = (e: React.MouseEvent<HTMLAnchorElement>, href: string) => {
    if (!editor.isDirty || editor.status.kind === 'conflict' || readOnly) return;
    // Unsaved text first, so the file holds what is on the screen.
    e.preventDefault();
    void editor.flush().finally(() => window.location.assign(href));
  };

  return (
    <div className="note-toolbar">
      <SaveStatusLine status={editor.status} />
      <p className="note-total">
        <span className="visually-hidden">{t('words.totalLabel')} </span>
        <WordsAgainstTarget words={total} target={target} bar />
      </p>
      <p className="note-exports">
        <span>{t('exportNote.label')}</span>{' '}
        <a href={exportHref('docx')} download onClick={(e) => download(e, exportHref('docx'))}>
          {t('exportNote.docx')}
        </a>{' '}
        <a href={exportHref('md')} download onClick={(e) => download(e, exportHref('md'))}>
          {t('exportNote.md')}
        </a>
      </p>
      {!readOnly && <PublishOutcome noteId={noteId} flush={editor.flush} />}
      {editor.status.kind === 'conflict' && (
        <p>
          <a href="#conflict-title">{t('conflict.goTo')}</a>
        </p>
      )}
      {/* In the sticky bar: seen wherever the chair is in the note. */}
      <RemoteNotice
        remote={editor.status.kind === 'conflict' ? null : editor.remote}
        hasUnsaved={editor.isDirty}
        onReload={() => editor.reload('reload')}
      />
    </div>
  );
}
