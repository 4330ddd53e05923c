import type { NoteDto } from '@convene/shared';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHighlighted } from '../api/getHighlighted';
import { useAnnouncer } from '../hooks/useAnnouncer';
import { useContributionActions } from '../hooks/useContributionActions';
import { useDraftFigures } from '../hooks/useDraftFigures';
import { useLiveNoteChanges } from '../hooks/useLiveNoteChanges';
import { useNoteEditor } from '../hooks/useNoteEditor';
import { usePageTitle } from '../hooks/usePageTitle';
import { useSectionActions } from '../hooks/useSectionActions';
import { useSectionLabel } from '../hooks/useSectionLabel';
import { contributionIndex, fromComment } from '../lib/contributions';
import { targetNumber } from '../lib/draft';
import { DraftColumn } from './DraftColumn';
import { KeyMessagesSwitch, KeyMessagesView, type NoteView } from './KeyMessagesView';
import { NoteHeader } from './NoteHeader';
import { NoteToolbar } from './NoteToolbar';
import { RemoveSectionDialog } from './RemoveSectionDialog';
import { SaveStateNotices } from './SaveStateNotices';
import { SourcesTabs } from './SourcesTabs';

/**
 * The background-note workspace for one loaded note: the draft and its saving
 * (`useNoteEditor`), live changes from the space, the editing actions, and the layout —
 * header, toolbar, notices, the sources beside the editor column.
 */
export function NoteWorkspace({ note }: { note: NoteDto }) {
  const { t } = useTranslation('notes');
  const editor = useNoteEditor(note);
  const { draft, change, current, flush } = editor;
  const slug = note.space.slug;
  const readOnly = !note.abilities.edit;
  const [view, setView] = useState<NoteView>('draft');
  const highlighted = useHighlighted(slug);
  usePageTitle(draft.title.trim() || t('editor.untitled'));

  // Live: another chair's save, and highlight changes (what may be placed or cited).
  useLiveNoteChanges(slug, note.id, editor.remoteSaved);

  const index = useMemo(() => contributionIndex(highlighted.data, editor.server), [highlighted.data, editor.server]);
  const available = useMemo(() => (highlighted.data ?? []).map(fromComment), [highlighted.data]);
  const { words, total, citationNumbers, placedIn, sectionOptions } = useDraftFigures(draft.sections);

  // Editing operations, all through `change`, so each is saved and kept on this device.
  const { announcement, announce } = useAnnouncer();
  const sectionLabel = useSectionLabel();
  const contributions = useContributionActions({ change, current, announce, sectionLabel });
  const sections = useSectionActions({
    change,
    current,
    flush,
    announce,
    sectionLabel,
    sectionText: contributions.sectionText,
  });

  const onKeyDown = (e: React.KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
      e.preventDefault();
      void flush();
    }
  };

  return (
    <div className="note-workspace" onKeyDown={onKeyDown}>
      <NoteHeader title={draft.title} space={note.space} />
      <NoteToolbar noteId={note.id} editor={editor} total={total} target={targetNumber(draft)} readOnly={readOnly} />
      <SaveStateNotices editor={editor} readOnly={readOnly} />
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>

      <KeyMessagesSwitch view={view} onChange={setView} />
      {view === 'keyMessages' && (
        <KeyMessagesView noteId={note.id} draft={draft} change={change} flush={flush} readOnly={readOnly} />
      )}
      <div className="note-panes" hidden={view === 'keyMessages'}>
        <SourcesTabs
          slug={slug}
          noteId={note.id}
          editor={editor}
          highlighted={highlighted}
          available={available}
          placedIn={placedIn}
          citationNumbers={citationNumbers}
          sections={sectionOptions}
          actions={contributions.contributionActions}
          readOnly={readOnly}
        />
        <DraftColumn
          slug={slug}
          noteId={note.id}
          draft={draft}
          fieldErrors={editor.fieldErrors}
          change={change}
          flush={flush}
          words={words}
          citationNumbers={citationNumbers}
          index={index}
          sectionCallbacks={sections.sectionCallbacks}
          onReorderSections={sections.reorderSections}
          onPlace={contributions.placeAtEnd}
          onAddSection={sections.addSection}
          addButton={sections.addButton}
          readOnly={readOnly}
        />
      </div>

      <RemoveSectionDialog
        isOpen={sections.removing !== null}
        section={sections.removing ? sectionLabel(draft, sections.removing) : ''}
        onCancel={sections.cancelRemoving}
        onConfirm={sections.confirmRemoving}
      />
    </div>
  );
}
