import type { NoteDto } from '@convene/shared';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { NotesNav } from './NotesNav';

/** The note's title as its page heading, its space, and links back to the space's pages. */
export function NoteHeader({ title, space }: { title: string; space: NoteDto['space'] }) {
  const { t } = useTranslation('notes');

  // The page's heading replaced the loading one, which had focus after navigation: move focus
  // to this one so that it is not lost to the document body.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!document.activeElement || document.activeElement === document.body) heading.current?.focus();
  }, []);

  return (
    <header className="notes-header">
      <h1 ref={heading} tabIndex={-1}>
        <bdi>{title.trim() || t('editor.untitled')}</bdi>
      </h1>
      <p className="notes-subtitle">
        {space.code} — <bdi>{space.title}</bdi>
      </p>
      <NotesNav slug={space.slug} notes />
    </header>
  );
}
