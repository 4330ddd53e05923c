import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The links from a notes page back to its space's pages; `notes` adds the list of notes first. */
export function NotesNav({ slug, notes = false }: { slug: string; notes?: boolean }) {
  const { t } = useTranslation('notes');
  return (
    <nav aria-label={t('nav.label')} className="notes-links">
      <ul>
        {notes && (
          <li>
            <Link to={`/spaces/${slug}/notes`}>{t('nav.notes')}</Link>
          </li>
        )}
        <li>
          <Link to={`/spaces/${slug}`}>{t('nav.space')}</Link>
        </li>
        <li>
          <Link to={`/spaces/${slug}/dashboard`}>{t('nav.dashboard')}</Link>
        </li>
      </ul>
    </nav>
  );
}
