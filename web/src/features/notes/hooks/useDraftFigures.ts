import { useMemo } from 'react';
import type { SectionOption } from '../components/SectionMenu';
import { numberCitations } from '../lib/citations';
import type { DraftSection } from '../lib/draft';
import { countWords } from '../lib/words';

/**
 * Figures derived from the draft's sections: words per section and in all, citation numbers,
 * where each contribution is placed, and the sections to offer in menus. The maps and lists keep
 * their identity while their content is the same, so memoised panes do not render again.
 */
export function useDraftFigures(sections: DraftSection[]) {
  const words = useMemo(() => sections.map((s) => countWords(s.bodyMd)), [sections]);
  const total = words.reduce((a, b) => a + b, 0);
  const citeSig = useMemo(() => JSON.stringify([...numberCitations(sections.map((s) => s.bodyMd))]), [sections]);
  const citationNumbers = useMemo(() => new Map<string, number>(JSON.parse(citeSig) as [string, number][]), [citeSig]);
  const placedSig = useMemo(
    () => JSON.stringify(sections.flatMap((s) => s.commentIds.map((id) => [id.toLowerCase(), s.key]))),
    [sections],
  );
  const placedIn = useMemo(() => new Map<string, string>(JSON.parse(placedSig) as [string, string][]), [placedSig]);
  const optionsSig = useMemo(() => JSON.stringify(sections.map((s) => [s.key, s.title])), [sections]);
  const sectionOptions = useMemo<SectionOption[]>(
    () => (JSON.parse(optionsSig) as [string, string][]).map(([key, title]) => ({ key, title })),
    [optionsSig],
  );
  return { words, total, citationNumbers, placedIn, sectionOptions };
}
