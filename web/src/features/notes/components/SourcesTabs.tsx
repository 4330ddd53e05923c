import { useMemo } from 'react';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components/Tabs';
import { useTranslation } from 'react-i18next';
import { ErrorWithRetry } from '../../../components/ErrorWithRetry';
import { useFormat } from '../../../i18n/format';
import type { useHighlighted } from '../api/getHighlighted';
import { useNoteSpace } from '../api/getSpace';
import type { NoteEditorState } from '../hooks/useNoteEditor';
import type { ContributionView } from '../lib/contributions';
import { type ContributionActions, ContributionsPane } from './ContributionsPane';
import { GapsPanel } from './GapsPanel';
import type { SectionOption } from './SectionMenu';
import { VersionsPanel } from './VersionsPanel';

interface Props {
  slug: string;
  noteId: string;
  editor: NoteEditorState;
  /** The highlighted contributions as loaded, and as the panes show them. */
  highlighted: ReturnType<typeof useHighlighted>;
  available: ContributionView[];
  placedIn: Map<string, string>;
  citationNumbers: Map<string, number>;
  sections: SectionOption[];
  actions: ContributionActions;
  readOnly: boolean;
}

/** The side column's tabs: contributions to place and cite, gaps in the input, saved versions. */
export function SourcesTabs({
  slug,
  noteId,
  editor,
  highlighted,
  available,
  placedIn,
  citationNumbers,
  sections,
  actions,
  readOnly,
}: Props) {
  const { t } = useTranslation('notes');
  const f = useFormat();
  const space = useNoteSpace(slug);
  // A citation in a saved version reads as its author (highlighted contributions are known here).
  const cite = useMemo(() => {
    const names = new Map(available.map((c) => [c.id.toLowerCase(), c.author.displayName]));
    return (id: string) => names.get(id) ?? t('diff.citation');
  }, [available, t]);
  return (
    <aside className="note-sources" aria-label={t('sources.label')}>
      <Tabs className="notes-tabs">
        <TabList aria-label={t('sources.label')} className="notes-tablist">
          <Tab id="contributions" className="notes-tab">
            {t('sources.contributions', { n: f.number(available.length) })}
          </Tab>
          <Tab id="gaps" className="notes-tab">
            {t('sources.gaps')}
          </Tab>
          <Tab id="versions" className="notes-tab">
            {t('sources.versions')}
          </Tab>
        </TabList>
        <TabPanel id="contributions" className="notes-tabpanel">
          <h2 className="visually-hidden">{t('sources.contributionsTitle')}</h2>
          {highlighted.isPending && <p role="status">{t('common:loading')}</p>}
          {highlighted.isError && (
            <ErrorWithRetry error={highlighted.error} onRetry={() => void highlighted.refetch()} />
          )}
          {highlighted.data && (
            <ContributionsPane
              slug={slug}
              questions={space.data?.questions ?? []}
              contributions={available}
              placedIn={placedIn}
              citationNumbers={citationNumbers}
              sections={sections}
              actions={actions}
              readOnly={readOnly}
            />
          )}
        </TabPanel>
        <TabPanel id="gaps" className="notes-tabpanel">
          <h2>{t('sources.gapsTitle')}</h2>
          <GapsPanel slug={slug} />
        </TabPanel>
        <TabPanel id="versions" className="notes-tabpanel">
          <h2>{t('sources.versionsTitle')}</h2>
          <VersionsPanel
            noteId={noteId}
            currentVersion={editor.baseVersion}
            hasUnsaved={editor.isDirty}
            onRestore={editor.restore}
            cite={cite}
            readOnly={readOnly}
          />
        </TabPanel>
      </Tabs>
    </aside>
  );
}
