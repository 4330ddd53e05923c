import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SectionCallbacks } from '../components/SectionEditor';
import { type Draft, newSectionKey } from '../lib/draft';
import {
  addSection as addSectionTo,
  moveSection as moveSectionIn,
  removeSection as removeSectionFrom,
  reorderSections as reorderSectionsIn,
  updateSection,
} from '../lib/draftEdits';
import { focusSection } from '../lib/focus';
import type { Announce } from './useAnnouncer';
import type { SectionTextCallbacks } from './useContributionActions';
import type { SectionLabel } from './useSectionLabel';

interface Deps {
  change: (update: (d: Draft) => Draft) => void;
  current: () => Draft;
  flush: () => Promise<void>;
  announce: Announce;
  sectionLabel: SectionLabel;
  /** The callbacks for a section's text, placed contributions and citations. */
  sectionText: SectionTextCallbacks;
}

/**
 * Adding, titling, moving, reordering and removing sections, with focus kept in a sensible place
 * and removal confirmed when something would be lost. Returns the callbacks every section editor
 * gets (with `sectionText` merged in).
 */
export function useSectionActions({ change, current, flush, announce, sectionLabel, sectionText }: Deps) {
  const { t } = useTranslation('notes');
  /** The section whose removal is being confirmed. */
  const [removing, setRemoving] = useState<string | null>(null);
  /** "Add a section": where focus goes when the last section is removed. */
  const addButton = useRef<HTMLButtonElement>(null);

  const moveSection = useCallback(
    (key: string, delta: -1 | 1) => {
      change((d) => moveSectionIn(d, key, delta));
      const i = current().sections.findIndex((s) => s.key === key);
      announce(t('announce.sectionMoved', { n: i + delta + 1 }));
      // Keep focus on the same button where it still exists, else on the section heading.
      setTimeout(() => {
        const active = document.activeElement;
        if (!(active instanceof HTMLButtonElement) || active.disabled) focusSection(key);
      }, 0);
    },
    [announce, change, current, t],
  );

  const removeSection = useCallback(
    (key: string) => {
      const d = current();
      const i = d.sections.findIndex((s) => s.key === key);
      const label = sectionLabel(d, key);
      change((x) => removeSectionFrom(x, key));
      setRemoving(null);
      announce(t('announce.sectionRemoved', { section: label }));
      const neighbour = d.sections[i - 1] ?? d.sections[i + 1];
      if (neighbour) focusSection(neighbour.key);
      else setTimeout(() => addButton.current?.focus(), 0);
    },
    [announce, change, current, sectionLabel, setRemoving, t],
  );

  const sectionCallbacks: SectionCallbacks = useMemo(
    () => ({
      ...sectionText,
      setTitle: (key, title) => change((d) => updateSection(d, key, (s) => ({ ...s, title }))),
      move: moveSection,
      remove: (key) => {
        const s = current().sections.find((x) => x.key === key);
        // Only ask when something would be lost.
        if (s && (s.bodyMd.trim() || s.commentIds.length)) setRemoving(key);
        else removeSection(key);
      },
      flush: () => void flush(),
    }),
    [change, current, flush, moveSection, removeSection, sectionText],
  );

  const addSection = () => {
    const key = newSectionKey();
    change((d) => addSectionTo(d, key, t('section.newTitle')));
    focusSection(key, 'title');
  };

  const reorderSections = (keys: string[], targetKey: string, position: 'before' | 'after') => {
    change((d) => reorderSectionsIn(d, keys, targetKey, position));
  };

  return {
    sectionCallbacks,
    addSection,
    addButton,
    reorderSections,
    removing,
    cancelRemoving: () => setRemoving(null),
    confirmRemoving: () => removing && removeSection(removing),
  };
}
