import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Draft } from '../lib/draft';
import { sectionHeading } from '../lib/sectionNumber';

/** "2. Remittances": how a section of `d` is named in announcements and dialogs. */
export function useSectionLabel() {
  const { t } = useTranslation('notes');
  return useCallback(
    (d: Draft, key: string) => {
      const i = d.sections.findIndex((s) => s.key === key);
      return sectionHeading(i + 1, d.sections[i]?.title || t('section.untitled'), (n, title) =>
        t('section.heading', { n, title }),
      );
    },
    [t],
  );
}

export type SectionLabel = ReturnType<typeof useSectionLabel>;
