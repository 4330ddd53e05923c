import { useCallback, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContributionActions } from '../components/ContributionsPane';
import type { PlacedActions } from '../components/PlacedList';
import type { SectionCallbacks } from '../components/SectionEditor';
import { insertCitation, removeCitation } from '../lib/citations';
import type { Draft, DraftSection } from '../lib/draft';
import {
  moveContribution,
  placeContributions,
  removeContribution,
  reorderContributions,
  unplaceContribution,
  updateSection as updateSectionIn,
} from '../lib/draftEdits';
import { focusCaret } from '../lib/focus';
import type { Announce } from './useAnnouncer';
import type { SectionLabel } from './useSectionLabel';

interface Deps {
  change: (update: (d: Draft) => Draft) => void;
  current: () => Draft;
  announce: Announce;
  sectionLabel: SectionLabel;
}

/** The section callbacks that concern a section's text and what is placed and cited in it. */
export type SectionTextCallbacks = Pick<
  SectionCallbacks,
  'setBody' | 'rememberCaret' | 'registerTextarea' | 'removeCitation' | 'placed'
>;

/**
 * Placing contributions in sections and citing them in a section's text, with the cursor
 * position of each section's text kept so that a citation goes where the chair was writing.
 */
export function useContributionActions({ change, current, announce, sectionLabel }: Deps) {
  const { t } = useTranslation('notes');
  const textareas = useRef(new Map<string, HTMLTextAreaElement>());
  const carets = useRef(new Map<string, number>());

  const updateSection = useCallback(
    (key: string, update: (s: DraftSection) => DraftSection) => change((d) => updateSectionIn(d, key, update)),
    [change],
  );

  /** Places contributions in a section at `at`, taking them out of any other section. */
  const placeAt = useCallback(
    (ids: string[], key: string, at: number) => {
      if (!ids.length) return;
      change((d) => placeContributions(d, ids, key, at));
      announce(t('announce.placed', { count: ids.length, section: sectionLabel(current(), key) }));
    },
    [announce, change, current, sectionLabel, t],
  );

  /** Places contributions at the end of a section. */
  const placeAtEnd = useCallback(
    (ids: string[], key: string) => {
      const s = current().sections.find((x) => x.key === key);
      placeAt(ids, key, s?.commentIds.length ?? 0);
    },
    [current, placeAt],
  );

  const cite = useCallback(
    (commentId: string, key: string) => {
      const section = current().sections.find((s) => s.key === key);
      if (!section) return;
      const { text, caret } = insertCitation(section.bodyMd, commentId, carets.current.get(key) ?? null);
      updateSection(key, (s) => ({ ...s, bodyMd: text }));
      carets.current.set(key, caret);
      // After React has written the text, and after a closing menu has put focus back on its
      // button: the cursor goes right after the marker, ready to write on.
      const el = textareas.current.get(key);
      if (el) focusCaret(el, caret);
      announce(t('announce.cited', { section: sectionLabel(current(), key) }));
    },
    [announce, current, sectionLabel, t, updateSection],
  );

  const contributionActions: ContributionActions = useMemo(
    () => ({
      place: (id, key) => placeAtEnd([id], key),
      unplace: (id) => {
        change((d) => unplaceContribution(d, id));
        announce(t('announce.unplaced'));
      },
      cite,
    }),
    [announce, change, cite, placeAtEnd, t],
  );

  // One stable object per section, so a section's placed list does not render again for nothing.
  const placedActionsCache = useRef(new Map<string, PlacedActions>());
  const placedActions = useCallback(
    (key: string): PlacedActions => {
      const hit = placedActionsCache.current.get(key);
      if (hit) return hit;
      const actions: PlacedActions = {
        placeAt: (ids, at) => placeAt(ids, key, at),
        move: (id, delta) => {
          updateSection(key, (s) => moveContribution(s, id, delta));
          announce(t(delta < 0 ? 'announce.movedUp' : 'announce.movedDown'));
        },
        reorder: (ids, targetId, position) => {
          updateSection(key, (s) => reorderContributions(s, ids, targetId, position));
        },
        remove: (id) => {
          updateSection(key, (s) => removeContribution(s, id));
          announce(t('announce.unplaced'));
        },
        cite: (id) => cite(id, key),
      };
      placedActionsCache.current.set(key, actions);
      return actions;
    },
    [announce, cite, placeAt, t, updateSection],
  );

  const sectionText: SectionTextCallbacks = useMemo(
    () => ({
      setBody: (key, body, caret) => {
        carets.current.set(key, caret);
        updateSection(key, (s) => ({ ...s, bodyMd: body }));
      },
      rememberCaret: (key, el) => carets.current.set(key, el.selectionEnd),
      registerTextarea: (key, el) => {
        if (el) textareas.current.set(key, el);
        else textareas.current.delete(key);
      },
      removeCitation: (key, id) => {
        updateSection(key, (s) => ({ ...s, bodyMd: removeCitation(s.bodyMd, id) }));
        announce(t('announce.citationRemoved'));
      },
      placed: placedActions,
    }),
    [announce, placedActions, t, updateSection],
  );

  return { contributionActions, placeAtEnd, sectionText };
}
