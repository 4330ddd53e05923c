import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContributionView } from '../lib/contributions';
import type { Draft } from '../lib/draft';
import { focusSection } from '../lib/focus';
import { NoteFields } from './NoteFields';
import { NotePreview } from './NotePreview';
import { Outline } from './Outline';
import { type SectionCallbacks, SectionEditor } from './SectionEditor';

interface Props {
  slug: string;
  noteId: string;
  draft: Draft;
  fieldErrors: Record<string, string>;
  change: (update: (d: Draft) => Draft) => void;
  flush: () => Promise<void>;
  /** Words per section, in the draft's order. */
  words: number[];
  citationNumbers: Map<string, number>;
  /** The contributions a section may show, by lower-case id. */
  index: Map<string, ContributionView>;
  sectionCallbacks: SectionCallbacks;
  onReorderSections: (keys: string[], targetKey: string, position: 'before' | 'after') => void;
  onPlace: (commentIds: string[], sectionKey: string) => void;
  onAddSection: () => void;
  addButton: RefObject<HTMLButtonElement | null>;
  readOnly: boolean;
}

/** The editor column: the note's fields, its outline, and one editor per section. */
export function DraftColumn({
  slug,
  noteId,
  draft,
  fieldErrors,
  change,
  flush,
  words,
  citationNumbers,
  index,
  sectionCallbacks,
  onReorderSections,
  onPlace,
  onAddSection,
  addButton,
  readOnly,
}: Props) {
  const { t } = useTranslation('notes');
  return (
    <section className="note-draft" aria-labelledby="draft-title">
      <div className="draft-head">
        <h2 id="draft-title">{t('draft.title')}</h2>
        <NotePreview noteId={noteId} draft={draft} />
      </div>
      <NoteFields draft={draft} fieldErrors={fieldErrors} change={change} flush={flush} readOnly={readOnly} />

      <h3 id="outline-title">{t('outline.title')}</h3>
      <p className="hint muted" id="outline-hint">
        {readOnly ? t('outline.hintReadOnly') : t('outline.hint')}
      </p>
      <Outline
        items={draft.sections.map((s, i) => ({
          key: s.key,
          title: s.title,
          words: words[i] ?? 0,
          placed: s.commentIds.length,
        }))}
        onReorder={onReorderSections}
        onPlace={onPlace}
        onGo={(key) => focusSection(key)}
        readOnly={readOnly}
      />

      {draft.sections.map((s, i) => (
        <SectionEditor
          key={s.key}
          slug={slug}
          section={s}
          position={i}
          count={draft.sections.length}
          words={words[i] ?? 0}
          citationNumbers={citationNumbers}
          index={index}
          fieldErrors={fieldErrors}
          callbacks={sectionCallbacks}
          readOnly={readOnly}
        />
      ))}
      {draft.sections.length === 0 && <p className="muted">{t('draft.noSections')}</p>}
      {!readOnly && (
        <button type="button" className="button secondary" ref={addButton} onClick={onAddSection}>
          {t('section.add')}
        </button>
      )}
    </section>
  );
}
