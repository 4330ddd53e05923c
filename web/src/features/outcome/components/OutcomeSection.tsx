import { Suspense, lazy, useState } from 'react';
import { useOutcome } from '../api/outcome';

// The document, its strings and styles are their own chunk, loaded once there is an outcome to
// show (or an announcement to make): most visits to a space never need them.
const OutcomeDocument = lazy(() => import('./OutcomeDocument'));
const OutcomeAnnouncement = lazy(() => import('./OutcomeDocument').then((m) => ({ default: m.OutcomeAnnouncement })));

/**
 * The space's outcome, once a chair has published it: the note as a document (in its own
 * language), its date and version, and footnotes linking to the contributions. Nothing is shown
 * while none is published; a publication or withdrawal arrives live and is announced.
 */
export function OutcomeSection({ slug }: { slug: string }) {
  const [announced, setAnnounced] = useState<'published' | 'unpublished' | null>(null);
  const query = useOutcome(slug, setAnnounced);
  const outcome = query.data?.outcome ?? null;

  return (
    <>
      <p className="visually-hidden" role="status">
        {announced && (
          <Suspense fallback={null}>
            <OutcomeAnnouncement kind={announced} />
          </Suspense>
        )}
      </p>
      {outcome && (
        <Suspense fallback={null}>
          <OutcomeDocument outcome={outcome} />
        </Suspense>
      )}
    </>
  );
}
