import { useTranslation } from 'react-i18next';
import type { NoteEditorState } from '../hooks/useNoteEditor';
import { ConflictPanel, KeptTextPanel } from './SaveNotices';

/**
 * Notices below the toolbar about the note's state: read-only, a conflicting save, retries,
 * text restored from this device, and text kept to copy after loading another version.
 */
export function SaveStateNotices({ editor, readOnly }: { editor: NoteEditorState; readOnly: boolean }) {
  const { t } = useTranslation('notes');
  return (
    <>
      {readOnly && <p className="notice">{t('editor.readOnly')}</p>}

      {editor.status.kind === 'conflict' && (
        <ConflictPanel
          conflict={editor.status.conflict}
          baseVersion={editor.baseVersion}
          onLoadTheirs={() => editor.reload('conflict')}
        />
      )}
      {editor.status.kind === 'retrying' && (
        <p className="notice warn-notice">
          {t('status.retryingLong', { seconds: Math.round(editor.status.delay / 1000) })}
        </p>
      )}
      {editor.restoredLocal && (
        <div className="notice">
          <p>{t('editor.restoredLocal')}</p>
          <button type="button" className="button secondary small" onClick={editor.dismissRestoredLocal}>
            {t('common:actions.close')}
          </button>
        </div>
      )}
      {editor.kept && <KeptTextPanel kept={editor.kept} onDismiss={editor.dismissKept} />}
    </>
  );
}
